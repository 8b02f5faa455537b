import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { readEstateContext } from '../../../lib/app/estate-context';
import { EstateModel } from '../../../lib/config/model';
import { UserInputError } from '../../../lib/errors/user-input-error';
import { DELIVERY_PIPELINE_STACK } from '../../../lib/planners/naming';
import { buildDelivery } from '../../../lib/stacks/delivery/build-delivery';
import { PROD_APPROVAL } from '../../../lib/stacks/delivery/delivery-pipeline-stack';
import { generatedModel } from '../../generator/generated-model';

const CONNECTION =
  'arn:aws:codeconnections:eu-west-2:100000000007:connection/0b7c3a52-0000-4000-8000-000000000000';
const { model } = generatedModel({ tenants: 3, seed: 'pipeline' });

/** buildDelivery as the app calls it: context read once (lib/app) and passed as the scope. */
function deliveryFor(context: Record<string, unknown>, estate: EstateModel = model) {
  const app = new App({ context });
  return buildDelivery(app, estate, readEstateContext(app.node).scope);
}

describe('DeliveryPipelineStack', () => {
  const stack = deliveryFor({
    pipeline: 'true',
    pipelineConnectionArn: CONNECTION,
    pipelineTenantShards: 3,
  })!;
  const template = Template.fromStack(stack);
  const pipeline = Object.values(template.findResources('AWS::CodePipeline::Pipeline'))[0] as {
    Properties: {
      Stages: {
        Name: string;
        Actions: { Name: string; RunOrder: number; ActionTypeId: { Category: string } }[];
      }[];
    };
  };
  const stages = pipeline.Properties.Stages;

  test('lives in the deployment account, in the home region', () => {
    expect(stack.stackName).toBe(DELIVERY_PIPELINE_STACK);
    expect(stack.account).toBe('100000000007');
    expect(stack.region).toBe('eu-west-2');
  });

  test('deploys the waves in order after source, synth and self-update', () => {
    expect(stages.map((s) => s.Name)).toEqual([
      'Source',
      'Build',
      'UpdatePipeline',
      'Organization',
      'LogArchiveAndSecurity',
      'NetworkHub',
      'TenantsNonprod',
      'TenantsProd',
      'NetworkShards',
    ]);
  });

  test('puts the manual approval in front of every prod deployment, and none before nonprod', () => {
    const prod = stages.find((s) => s.Name === 'TenantsProd')!.Actions;
    const approval = prod.find((a) => a.Name === PROD_APPROVAL)!;
    expect(approval.ActionTypeId.Category).toBe('Approval');
    const deploys = prod.filter((a) => a.Name !== PROD_APPROVAL);
    expect(deploys.map((a) => a.Name)).toEqual([
      'Deploy-TenantsProd-1-of-3',
      'Deploy-TenantsProd-2-of-3',
      'Deploy-TenantsProd-3-of-3',
    ]);
    for (const deploy of deploys) expect(deploy.RunOrder).toBeGreaterThan(approval.RunOrder);
    const nonprod = stages.find((s) => s.Name === 'TenantsNonprod')!.Actions;
    expect(nonprod.map((a) => a.ActionTypeId.Category)).toEqual(['Build', 'Build', 'Build']);
  });

  test('keeps one deploy action per core wave and a fixed number per tenant wave', () => {
    const count = (name: string) => stages.find((s) => s.Name === name)!.Actions.length;
    expect([
      count('Organization'),
      count('LogArchiveAndSecurity'),
      count('NetworkHub'),
      count('NetworkShards'),
    ]).toEqual([1, 1, 1, 1]);
    expect(count('TenantsNonprod')).toBe(3);
  });

  test('encrypts artifacts with a rotating key that target accounts can use', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  test('deploy steps assume only the CDK bootstrap roles and deploy their shard exclusively', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'sts:AssumeRole',
            Resource: 'arn:*:iam::*:role/cdk-*',
            Condition: {
              StringEquals: {
                'iam:ResourceTag/aws-cdk:bootstrap-role': [
                  'deploy',
                  'file-publishing',
                  'image-publishing',
                  'lookup',
                ],
              },
            },
          }),
        ]),
      },
    });
    const specs = Object.values(template.findResources('AWS::CodeBuild::Project')).map((p) =>
      String((p as { Properties: { Source: { BuildSpec: string } } }).Properties.Source.BuildSpec),
    );
    const prodShard = specs.find((s) => s.includes("w.id==='TenantsProd'") && s.includes('shards[1]'));
    expect(prodShard).toContain('cdk deploy --app . --exclusively --require-approval never --concurrency 20');
    const synth = specs.find((s) => s.includes('npx cdk synth'));
    expect(synth).toContain(`-c pipeline=true`);
    expect(synth).toContain(`-c pipelineConnectionArn=${CONNECTION}`);
    expect(synth).toContain(
      'npx tsx scripts/plan-waves.ts --assembly cdk.out --config config --tenant-shards 3 --out cdk.out/waves.json',
    );
  });

  test('runs CloudFormation Validate in the synth step', () => {
    template.hasResourceProperties('AWS::CodeBuild::Project', {
      Environment: Match.objectLike({
        EnvironmentVariables: Match.arrayWith([
          { Name: 'NHS_CLOUD_CFN_VALIDATE', Type: 'PLAINTEXT', Value: 'true' },
        ]),
      }),
    });
  });

  test('reads the repository from the connection', () => {
    const source = stages[0].Actions[0] as unknown as { Configuration: Record<string, string> };
    expect(source.Configuration).toMatchObject({
      ConnectionArn: CONNECTION,
      FullRepositoryId: 'nhs-england/nhs-national-cloud',
      BranchName: 'main',
    });
  });
});

describe('buildDelivery', () => {
  test('builds nothing without -c pipeline=true, so the plain app never holds the pipeline', () => {
    expect(deliveryFor({ pipelineConnectionArn: CONNECTION })).toBeUndefined();
  });

  test('builds nothing when estate.yaml names no deployment account', () => {
    const noDeployment = {
      ...model,
      estate: {
        ...model.estate,
        organization: { accounts: { ...model.estate.organization.accounts, deployment: undefined } },
      },
    };
    expect(deliveryFor({ pipeline: true, pipelineConnectionArn: CONNECTION }, noDeployment)).toBeUndefined();
  });

  test('names the missing connection', () => {
    expect(() => deliveryFor({ pipeline: 'true' })).toThrow(
      '-c pipeline=true needs -c pipelineConnectionArn=arn:aws:codeconnections:REGION:ACCOUNT:connection/ID (the connection to the repository host), got nothing',
    );
  });

  test('refuses a single-tenant synth', () => {
    expect(() => deliveryFor({ pipeline: 'true', pipelineConnectionArn: CONNECTION, tenant: 'RGR' })).toThrow(
      '-c pipeline=true builds the pipeline for the whole estate; drop -c tenant',
    );
  });

  test('rejects a shard count that is not a whole number', () => {
    expect(() =>
      deliveryFor({ pipeline: 'true', pipelineConnectionArn: CONNECTION, pipelineTenantShards: 'many' }),
    ).toThrow('-c pipelineTenantShards: expected a whole number of at least 1, got "many"');
  });

  test('each of those is a UserInputError, so bin/app.ts prints it without a stack trace', () => {
    const contexts: Record<string, unknown>[] = [
      { pipeline: 'true' },
      { pipeline: 'true', pipelineConnectionArn: CONNECTION, tenant: 'RGR' },
      { pipeline: 'true', pipelineConnectionArn: CONNECTION, pipelineConcurrency: 0 },
    ];
    for (const context of contexts) {
      let thrown: unknown;
      try {
        deliveryFor(context);
      } catch (error) {
        thrown = error;
      }
      expect(UserInputError.is(thrown)).toBe(true);
    }
  });
});
