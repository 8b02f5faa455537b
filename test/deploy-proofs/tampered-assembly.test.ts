import { loadConfig } from '../../lib/config/load-config';
import { proveGuardrails } from '../../lib/deploy-proofs/guardrails/guardrails-proof';
import { proveLogDelivery } from '../../lib/deploy-proofs/log-delivery/log-delivery-proof';
import { proveOrganizationOrder } from '../../lib/deploy-proofs/organization-order/organization-order-proof';
import { proveSchema } from '../../lib/deploy-proofs/schema/schema-proof';
import { DeployStack } from '../../lib/deploy-proofs/types';
import { verifyDeploy } from '../../lib/deploy-proofs/verify-deploy';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';
import { fixtureStacks, resourceOf, tampered } from './support';

const model = loadConfig(FIXTURE_ESTATE_DIR);
let stacks: DeployStack[];
beforeAll(() => {
  stacks = fixtureStacks();
});

describe('the fixture estate as synthesized', () => {
  it('holds every deploy proof', async () => {
    const report = await verifyDeploy(stacks, model);
    for (const proof of report.proofs) {
      expect([proof.proof, proof.violations]).toEqual([proof.proof, []]);
      expect(proof.checked).toBeGreaterThan(0);
    }
  });
});

describe('schema proof, tampered', () => {
  it('names a property key in the wrong case, as ec2.FlowLog used to render them', () => {
    const broken = tampered(stacks, 'Core-Network', (resources) => {
      const [, flowLog] = resourceOf(resources, 'AWS::EC2::FlowLog', 'Inspection');
      flowLog.Properties.DestinationOptions = {
        fileFormat: 'parquet',
        hiveCompatiblePartitions: true,
        perHourPartition: true,
      };
    });
    const messages = proveSchema(broken).violations.map((v) => `${v.where} ${v.message} [${v.witness}]`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Core-Network\/InspectionFlowLog\w+ AWS::EC2::FlowLog Properties\.DestinationOptions\.fileFormat has the wrong case: CloudFormation's schema spells it FileFormat \[InspectionFlowLog\w+\.Properties\.DestinationOptions\.fileFormat\]$/,
        ),
        expect.stringMatching(/DestinationOptions\.FileFormat is required but missing/),
      ]),
    );
  });

  it('names a value outside the enum and a type the registry does not know', () => {
    const broken = tampered(stacks, 'Core-Network', (resources) => {
      const [, logging] = resourceOf(resources, 'AWS::NetworkFirewall::LoggingConfiguration');
      logging.Properties.LoggingConfiguration.LogDestinationConfigs[0].LogType = 'ALERTS';
      resources.Typo = { Type: 'AWS::EC2::Vpc', Properties: {} };
    });
    const messages = proveSchema(broken).violations.map((v) => v.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/LogDestinationConfigs\[0\]\.LogType "ALERTS" is not one of ALERT, FLOW, TLS$/),
    );
    expect(messages).toContain('AWS::EC2::Vpc is not a CloudFormation resource type');
  });
});

describe('guardrails proof, tampered', () => {
  it('names the SCP statement that denies a platform action, and the action', async () => {
    const broken = tampered(stacks, 'Core-Organization', (resources) => {
      const [, scp] = resourceOf(resources, 'AWS::Organizations::Policy', 'Scpplatform');
      scp.Properties.Content.Statement.push({
        Sid: 'DenyNewLogGroups',
        Effect: 'Deny',
        Action: 'logs:CreateLogGroup',
        Resource: '*',
      });
    });
    const { violations } = await proveGuardrails(broken, model);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations[0]!.message).toMatch(
      /cdk-nhscloud-cfn-exec-role-\d+-eu-west-2 is denied logs:CreateLogGroup \(AWS::Logs::LogGroup\) by SCP nhs-cloud-protect-platform statement DenyNewLogGroups/,
    );
    expect(violations[0]!.witness).toMatch(
      /^Core-Organization\/Scpplatform\w+ DenyNewLogGroups: \{"Sid":"DenyNewLogGroups"/,
    );
  });

  // Regression (issue 13): the deny on ec2:*TransitGateway* caught the network lookup's Describe call.
  it("catches the old network deny on the network lookup function's Describe call", async () => {
    const broken = tampered(stacks, 'Core-Organization', (resources) => {
      const [, scp] = resourceOf(resources, 'AWS::Organizations::Policy', 'Scpplatform');
      const network = scp.Properties.Content.Statement.find(
        (s: { Sid: string }) => s.Sid === 'ProtectPlatformNetwork',
      );
      network.Action = ['ec2:*TransitGateway*'];
    });
    const messages = (await proveGuardrails(broken, model)).violations.map((v) => `${v.where}: ${v.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^Core-Network\/NetworkLookupServiceRole\w+: arn:aws:iam::100000000004:role\/Core-Network-NetworkLookupServiceRole\w+-GENERATED is denied ec2:DescribeTransitGatewayAttachments/,
      ),
    );
  });

  // Regression (issue 13): stacks deployed through cdk-hnb659fds-* while the SCPs exempt cdk-nhscloud-*.
  it('names a stack that deploys through another qualifier than config', async () => {
    const broken = tampered(stacks, 'Tenant-RGR-prod', (_r, stack) => {
      (stack as { executionRoleArn: string }).executionRoleArn = stack.executionRoleArn!.replace(
        'nhscloud',
        'hnb659fds',
      );
    });
    const violations = (await proveGuardrails(broken, model)).violations;
    expect(violations[0]).toMatchObject({
      where: 'Tenant-RGR-prod',
      message: expect.stringMatching(
        /^deploys through bootstrap qualifier hnb659fds, not landingZone.cdkQualifier \(nhscloud\)/,
      ),
      witness:
        'manifest cloudFormationExecutionRoleArn: arn:aws:iam::123456789012:role/cdk-hnb659fds-cfn-exec-role-123456789012-eu-west-2',
    });
    // And the guardrails then deny CloudFormation's own role what the network needs.
    expect(violations.map((v) => v.message)).toContainEqual(
      expect.stringMatching(
        /cdk-hnb659fds-cfn-exec-role-123456789012-eu-west-2 is denied ec2:CreateVpc \(AWS::EC2::VPC\) by SCP nhs-cloud-protect-platform statement ProtectPlatformNetwork/,
      ),
    );
  });

  // Regression (issue 13): adopted accounts were never placed, so no SCP or bootstrap reached them.
  it('names an account no template places in an OU', async () => {
    const broken = tampered(stacks, 'Org-RGR', (resources) => {
      for (const id of Object.keys(resources)) if (id.startsWith('Placeprod')) delete resources[id];
    });
    expect((await proveGuardrails(broken, model)).violations).toContainEqual({
      proof: 'guardrails',
      where: 'account 123456789012',
      message:
        'is in no OU the templates place it in: no guardrail SCP applies to it and the bootstrap StackSet never reaches it',
      witness: 'no AWS::Organizations::Account or MoveAccount call for 123456789012',
    });
  });

  it("names a service the bootstrap's execution policy leaves out", async () => {
    const broken = tampered(stacks, 'Core-Organization', (resources) => {
      const [, stackSet] = resourceOf(resources, 'AWS::CloudFormation::StackSet');
      const body = JSON.parse(stackSet.Properties.TemplateBody);
      const statements = body.Resources.CloudFormationExecutionPolicy.Properties.PolicyDocument.Statement;
      statements[0].Action = statements[0].Action.filter((a: string) => a !== 'budgets:*');
      stackSet.Properties.TemplateBody = JSON.stringify(body);
    });
    const violations = (await proveGuardrails(broken, model)).violations;
    expect(violations).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(
          /^the bootstrap's execution policy does not allow budgets:ModifyBudget, which CloudFormation needs for AWS::Budgets::Budget \(and the same in \d+ more accounts\)$/,
        ),
        witness: expect.stringMatching(/^Core-Organization\/Bootstrap\w+ CloudFormationExecutionPolicy$/),
      }),
    );
  });
});

describe('log delivery proof, tampered', () => {
  it('names a bucket policy that grants the wrong prefix', async () => {
    const broken = tampered(stacks, 'Core-LogArchive', (resources) => {
      const [, policy] = resourceOf(resources, 'AWS::S3::BucketPolicy', 'VpcFlowLogsBucket');
      const write = policy.Properties.PolicyDocument.Statement.find(
        (s: { Sid?: string }) => s.Sid === 'LogDeliveryWrite',
      );
      write.Resource['Fn::Join'][1][1] = '/flowlogs/*';
    });
    const violations = (await proveLogDelivery(broken, model)).violations;
    expect(violations).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(
          /^VPC flow logs of account \d+ cannot s3:PutObject arn:aws:s3:::nhs-cloud-vpc-flow-logs-100000000002-eu-west-2\/AWSLogs\/aws-account-id=\d+\/aws-service=vpcflowlogs\/aws-region=eu-west-2\/log.gz: no statement of the bucket policy allows it \(closest: LogDeliveryWrite, but it covers arn:aws:s3:::nhs-cloud-vpc-flow-logs-100000000002-eu-west-2\/flowlogs\/\*\)/,
        ),
        witness: expect.stringMatching(/^Core-LogArchive\/VpcFlowLogsBucketPolicy\w+$/),
      }),
    );
  });

  // Regression (issue 13): Network Firewall's `alert` prefix wrote outside the AWSLogs/* grant.
  it('names a Network Firewall prefix the bucket policy does not cover', async () => {
    const broken = tampered(stacks, 'Core-Network', (resources) => {
      const [, logging] = resourceOf(resources, 'AWS::NetworkFirewall::LoggingConfiguration');
      logging.Properties.LoggingConfiguration.LogDestinationConfigs[0].LogDestination.prefix = 'alert';
    });
    const messages = (await proveLogDelivery(broken, model)).violations.map((v) => v.message);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^Network Firewall of account 100000000004 cannot s3:PutObject arn:aws:s3:::nhs-cloud-network-firewall-100000000002-eu-west-2\/alert\/AWSLogs\/100000000004\/network-firewall\/alert\//,
      ),
    );
  });

  // Regression (issue 13): the policies named the log archive as the owner of the organization trail.
  it('names a trail grant that names the wrong owner', async () => {
    const broken = tampered(stacks, 'Core-LogArchive', (resources) => {
      const [, policy] = resourceOf(resources, 'AWS::S3::BucketPolicy', 'CloudTrailBucket');
      const text = JSON.stringify(policy.Properties.PolicyDocument).replaceAll(
        ':100000000001:trail/',
        ':100000000002:trail/',
      );
      policy.Properties.PolicyDocument = JSON.parse(text);
    });
    const messages = (await proveLogDelivery(broken, model)).violations.map((v) => v.message);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^organization trail of account 100000000001 cannot s3:PutObject .*no statement of the bucket policy allows it/,
      ),
    );
  });
});

// ADR 0026: the trail's CloudWatch Logs copy feeds the guardrail alarms.
describe("log delivery proof, tampered: the organization trail's CloudWatch Logs copy", () => {
  const copyProblems = async (change: Parameters<typeof tampered>[2]) =>
    (await proveLogDelivery(tampered(stacks, 'Core-LogArchive', change), model)).violations.filter((v) =>
      v.message.startsWith("organization trail's CloudWatch Logs copy"),
    );

  it('holds as synthesized', async () => {
    expect(await copyProblems(() => undefined)).toEqual([]);
  });

  it('names a delivery role whose policy covers another log group', async () => {
    const problems = await copyProblems((resources) => {
      const [, policy] = resourceOf(
        resources,
        'AWS::IAM::Policy',
        'GuardrailAlarmsDeliveryRoleDefaultPolicy',
      );
      policy.Properties.PolicyDocument.Statement[0].Resource =
        'arn:aws:logs:eu-west-2:100000000002:log-group:/other:*';
    });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /cannot logs:CreateLogStream arn:aws:logs:eu-west-2:100000000002:log-group:\/nhs-cloud\/organization-trail:log-stream:o-\w+_100000000002_CloudTrail_eu-west-2: arn:aws:iam::100000000002:role\/nhs-cloud-platform-trail-delivery's own policies do not allow it$/,
      ),
      expect.stringMatching(/cannot logs:PutLogEvents /),
    ]);
    expect(problems[0]!.witness).toMatch(/^policies of Core-LogArchive\/GuardrailAlarmsDeliveryRole\w+$/);
  });

  it('names a key policy that no longer lets CloudWatch Logs encrypt the copy', async () => {
    const problems = await copyProblems((resources) => {
      const [, key] = resourceOf(resources, 'AWS::KMS::Key', 'AuditLogsKey');
      key.Properties.KeyPolicy.Statement = key.Properties.KeyPolicy.Statement.filter(
        (st: { Sid?: string }) => st.Sid !== 'CloudWatchLogsEncryptsTheTrailCopy',
      );
    });
    expect(problems).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^organization trail's CloudWatch Logs copy: logs.eu-west-2.amazonaws.com cannot kms:GenerateDataKey .*: no statement of the key policy allows it/,
        ),
        witness: expect.stringMatching(/^Core-LogArchive\/AuditLogsKey\w+$/),
      }),
    ]);
  });

  it('names a delivery role CloudTrail cannot assume', async () => {
    const problems = await copyProblems((resources) => {
      const [, role] = resourceOf(resources, 'AWS::IAM::Role', 'GuardrailAlarmsDeliveryRole');
      role.Properties.AssumeRolePolicyDocument.Statement[0].Principal = { Service: 'lambda.amazonaws.com' };
    });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^organization trail's CloudWatch Logs copy: cloudtrail.amazonaws.com cannot sts:AssumeRole arn:aws:iam::100000000002:role\/nhs-cloud-platform-trail-delivery: no statement of the trust policy allows it/,
      ),
    ]);
  });
});

describe('organization order proof, tampered', () => {
  it('names a delegated administrator registered without its trusted access', () => {
    const broken = tampered(stacks, 'Core-Organization', (resources) => {
      for (const id of Object.keys(resources))
        if (id.startsWith('ServicesCloudTrailAccess')) delete resources[id];
      const [, admin] = resourceOf(resources, 'Custom::AWS', 'ServicesCloudTrailAdmin');
      admin.DependsOn = [admin.DependsOn]
        .flat()
        .filter((d): d is string => !!d && !d.startsWith('ServicesCloudTrailAccess'));
    });
    const violations = proveOrganizationOrder(broken, model).violations;
    expect(violations.map((v) => `${v.where}: ${v.message}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Core-Organization\/ServicesCloudTrailAdmin\w+: CloudTrail.registerOrganizationDelegatedAdmin needs access:cloudtrail.amazonaws.com, which nothing in the assembly provides$/,
        ),
        expect.stringMatching(
          /^Core-LogArchive\/OrganizationTrail\w+: organization trail needs access:cloudtrail.amazonaws.com, which nothing/,
        ),
      ]),
    );
  });

  // Regression (issue 13): Security Hub's delegated administrator did not wait for trusted access.
  it('names a delegated administrator that does not wait for its trusted access', () => {
    const broken = tampered(stacks, 'Core-Organization', (resources) => {
      const [, admin] = resourceOf(resources, 'AWS::SecurityHub::DelegatedAdmin');
      delete admin.DependsOn;
    });
    expect(proveOrganizationOrder(broken, model).violations).toEqual([
      {
        proof: 'organization-order',
        where: expect.stringMatching(/^Core-Organization\/SecurityHubAdmin/),
        message:
          'AWS::SecurityHub::DelegatedAdmin needs access:securityhub.amazonaws.com first, but does not depend on it: CloudFormation may create them in either order',
        witness: expect.stringMatching(
          /^Core-Organization\/SecurityHubAdmin\w* does not depend on Core-Organization\/ServicesSecurityHubAccess\w+$/,
        ),
      },
    ]);
  });
});
