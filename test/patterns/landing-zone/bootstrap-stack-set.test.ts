import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { landingZoneOf } from '../../../lib/config/schema/landing-zone-schema';
import {
  BOOTSTRAP_VERSION,
  bootstrapTemplate,
  BootstrapStackSet,
  TemplateJson,
} from '../../../lib/patterns/landing-zone/bootstrap-stack-set';
import { planBootstrap } from '../../../lib/planners/landing-zone/bootstrap-plan';
import { installedBootstrapTemplate } from '../../../scripts/vendor-bootstrap-template-source';
import { fixtureModel } from '../../support/fixture-estate';

const { estate } = fixtureModel();
const plan = planBootstrap(estate, landingZoneOf({ landingZone: { cdkQualifier: 'nhscloud' } }));
const app = new App({ analyticsReporting: false, builtinCloudFormationValidation: false });
const stack = new Stack(app, 'Org', { env: { account: '100000000001', region: 'eu-west-2' } });
new BootstrapStackSet(stack, 'Bootstrap', {
  plan,
  organizationalUnitIds: ['ou-nat', 'ou-trusts', 'ou-sandbox'],
  after: [],
});
const template = Template.fromStack(stack);
const [stackSet] = Object.values(template.findResources('AWS::CloudFormation::StackSet'));
const body = JSON.parse(stackSet!.Properties.TemplateBody as string) as TemplateJson;

describe('the vendored CDK bootstrap template', () => {
  it("is the pinned CDK CLI's (re-run scripts/vendor-bootstrap-template.ts after upgrading aws-cdk)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require('../../../lib/planners/landing-zone/cdk-bootstrap-template.json')).toEqual(
      installedBootstrapTemplate(),
    );
    expect(BOOTSTRAP_VERSION).toBeGreaterThanOrEqual(30);
  });
});

describe('BootstrapStackSet', () => {
  // Regression (issue 13): the runbook built two unordered StackSets by hand.
  it('is a retained, service-managed StackSet auto-deploying to the tenant OUs', () => {
    expect(stackSet).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: {
        StackSetName: 'nhs-cloud-cdk-bootstrap',
        PermissionModel: 'SERVICE_MANAGED',
        AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: true },
        Capabilities: ['CAPABILITY_NAMED_IAM'],
        StackInstancesGroup: [
          {
            DeploymentTargets: { OrganizationalUnitIds: ['ou-nat', 'ou-trusts', 'ou-sandbox'] },
            Regions: ['eu-west-2'],
          },
        ],
      },
    });
  });

  it('passes the qualifier from config and trusts the deployment account', () => {
    expect(stackSet!.Properties.Parameters).toEqual([
      { ParameterKey: 'Qualifier', ParameterValue: 'nhscloud' },
      { ParameterKey: 'TrustedAccounts', ParameterValue: '100000000007' },
      { ParameterKey: 'TrustedAccountsForLookup', ParameterValue: '100000000007' },
    ]);
  });

  it("gives CloudFormation's execution role the policy the template itself creates", () => {
    expect(body.Resources.CloudFormationExecutionRole!.Properties!.ManagedPolicyArns).toEqual([
      { Ref: 'CloudFormationExecutionPolicy' },
    ]);
    expect(body.Resources.CloudFormationExecutionPolicy).toMatchObject({
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: { ManagedPolicyName: { 'Fn::Sub': 'cdk-${Qualifier}-cfn-exec-policy-${AWS::Region}' } },
    });
  });

  it('lets the execution policy deploy the services tenant stacks use, and never make people', () => {
    const statements = (
      body.Resources.CloudFormationExecutionPolicy!.Properties!.PolicyDocument as {
        Statement: { Sid: string; Effect: string; Action: string[]; Resource: unknown }[];
      }
    ).Statement;
    const allowed = statements.filter((s) => s.Effect === 'Allow').flatMap((s) => s.Action);
    expect(allowed).toEqual(
      expect.arrayContaining([
        'budgets:*',
        'macie2:*',
        'route53profiles:*',
        'route53resolver:*',
        'iam:CreateServiceLinkedRole',
      ]),
    );
    expect(statements.find((s) => s.Sid === 'NoPeopleOrOrganization')).toMatchObject({
      Effect: 'Deny',
      Action: expect.arrayContaining(['iam:CreateUser', 'iam:CreateAccessKey', 'organizations:*']),
    });
    expect(statements.find((s) => s.Sid === 'AssetObjects')!.Resource).toEqual({
      'Fn::Sub': 'arn:${AWS::Partition}:s3:::cdk-${Qualifier}-assets-${AWS::AccountId}-${AWS::Region}/*',
    });
  });

  it('fits inline (51,200 bytes for a template body)', () => {
    expect(Buffer.byteLength(stackSet!.Properties.TemplateBody as string)).toBeLessThan(51200);
    expect(JSON.stringify(bootstrapTemplate(plan))).toBe(stackSet!.Properties.TemplateBody);
  });
});
