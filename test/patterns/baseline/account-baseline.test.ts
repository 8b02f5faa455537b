import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AccountBaseline } from '../../../lib/patterns/baseline/account-baseline';
import { environmentsOf } from '../../../lib/config/model';
import { landingZoneOf } from '../../../lib/config/schema/landing-zone-schema';
import { planTenantBaseline } from '../../../lib/planners/landing-zone/baseline-plan';
import { fixtureModel } from '../../support/fixture-estate';

const model = fixtureModel();
const lz = landingZoneOf({
  landingZone: {
    endpointProtection: {
      packageName: 'NHS-EndpointProtection',
      additionalArguments: { TOKEN: '{{ssm:/t}}' },
    },
  },
});
const app = new App({ analyticsReporting: false, builtinCloudFormationValidation: false });

/** One baseline per stack, built once for the whole file. */
function baselineStack(odsCode: string, environment: string): Stack {
  const env = environmentsOf(
    model.tenants.find((t) => t.odsCode === odsCode)!,
    model.estate,
  ).find((e) => e.name === environment)!;
  const stack = new Stack(app, `${odsCode}-${environment}`, {
    env: { account: env.accountId!, region: env.region },
  });
  new AccountBaseline(stack, 'Baseline', { plan: planTenantBaseline(env, model.estate, lz) });
  return stack;
}

// QHM: OFFICIAL, no patient data. RGR: OFFICIAL-SENSITIVE with patient data.
const stacks = [baselineStack('QHM', 'prod'), baselineStack('RGR', 'prod')];
const [official, sensitive] = stacks.map((s) => Template.fromStack(s)) as [Template, Template];
const count = (t: Template) => Object.keys(t.toJSON().Resources).length;
const accountRoot = (account: string) => ({
  AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${account}:root`]] },
});

describe('AccountBaseline: what differs by classification', () => {
  it('is lean: 25 resources for OFFICIAL, 34 for OFFICIAL-SENSITIVE patient data', () => {
    expect(count(official)).toBe(25);
    expect(count(sensitive)).toBe(34);
  });

  it('gives patient-data accounts a backup key, a locked vault, plans, a selection and Macie', () => {
    for (const [type, n] of [
      ['AWS::Backup::BackupVault', 1],
      ['AWS::Backup::BackupPlan', 1],
      ['AWS::Backup::BackupSelection', 1],
      ['AWS::Macie::Session', 1],
      ['AWS::KMS::Key', 4],
    ] as const) {
      sensitive.resourceCountIs(type, n);
      official.resourceCountIs(type, type === 'AWS::KMS::Key' ? 2 : 0);
    }
  });

  it('records Config continuously for OFFICIAL-SENSITIVE and daily for OFFICIAL', () => {
    sensitive.hasResourceProperties('AWS::Config::ConfigurationRecorder', {
      RecordingMode: { RecordingFrequency: 'CONTINUOUS' },
    });
    official.hasResourceProperties('AWS::Config::ConfigurationRecorder', {
      RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true },
      RecordingMode: { RecordingFrequency: 'DAILY' },
    });
  });
});

describe('AccountBaseline: keys and EC2 defaults', () => {
  it('rotates and retains every key', () => {
    for (const key of Object.values(sensitive.findResources('AWS::KMS::Key'))) {
      expect(key).toMatchObject({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { EnableKeyRotation: true, PendingWindowInDays: 30 },
      });
    }
    official.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/nhs-cloud/ebs' });
  });

  it('lets EBS use its key only through EC2 in this account', () => {
    official.hasResourceProperties('AWS::KMS::Key', {
      Description: 'Default encryption of new EBS volumes and snapshots',
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'EbsThroughEc2InThisAccount',
            Condition: {
              StringEquals: {
                'kms:CallerAccount': '200000003039',
                'kms:ViaService': 'ec2.eu-west-2.amazonaws.com',
              },
            },
          }),
        ]),
      },
    });
  });

  it('shares the backup key with the backup account so copies can leave', () => {
    sensitive.hasResourceProperties('AWS::KMS::Key', {
      Description: 'AWS Backup vault for patient data',
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'CopiesToTheBackupAccount', Principal: accountRoot('100000000006') }),
        ]),
      },
    });
  });

  // Regression (issue 13): EBS and EC2 backup copies keep the source key, and RDS snapshots
  // under an AWS-managed key cannot be copied across accounts at all.
  it.each(['Default encryption of new EBS volumes', "The tenant's patient-data stores"])(
    'lets the backup account use the key copies keep: %s',
    (description) => {
      sensitive.hasResourceProperties('AWS::KMS::Key', {
        Description: Match.stringLikeRegexp(description),
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({ Sid: 'CopiesToTheBackupAccount', Principal: accountRoot('100000000006') }),
          ]),
        },
      });
      sensitive.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/nhs-cloud/data' });
    },
  );

  it('keeps the EBS key of an account without patient data to itself', () => {
    const policies = Object.values(official.findResources('AWS::KMS::Key')).map((k) =>
      JSON.stringify(k.Properties.KeyPolicy),
    );
    expect(policies.some((p) => p.includes('CopiesToTheBackupAccount'))).toBe(false);
  });

  it('sets EBS encryption by default with the EBS key, and IMDSv2, through the account-defaults custom resource', () => {
    const ebsKey = Object.entries(
      official.findResources('AWS::KMS::Key', { Properties: { Description: Match.stringLikeRegexp('EBS') } }),
    )[0]![0];
    official.hasResourceProperties('Custom::AccountDefaults', {
      KmsKeyArn: { 'Fn::GetAtt': [ebsKey, 'Arn'] },
    });
    official.hasResourceProperties('AWS::IAM::Role', { RoleName: 'nhs-cloud-platform-account-defaults' });
    official.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
    });
  });

  it('has one Lambda function, the account-defaults handler, as its own service token', () => {
    official.resourceCountIs('AWS::Lambda::Function', 1);
    const handler = Object.keys(official.findResources('AWS::Lambda::Function'))[0]!;
    official.hasResourceProperties('Custom::AccountDefaults', {
      ServiceToken: { 'Fn::GetAtt': [handler, 'Arn'] },
    });
  });

  it('encrypts and retains its log group for the estate retention', () => {
    const groups = Object.values(official.findResources('AWS::Logs::LogGroup'));
    expect(groups).toHaveLength(1);
    for (const group of groups) {
      expect(group).toMatchObject({
        DeletionPolicy: 'Retain',
        Properties: { RetentionInDays: 2922, KmsKeyId: expect.anything() },
      });
    }
  });
});

describe('AccountBaseline: Config, budget, roles', () => {
  it('delivers Config to the central audit bucket', () => {
    official.hasResourceProperties('AWS::Config::DeliveryChannel', {
      S3BucketName: 'nhs-cloud-cloudtrail-100000000002-eu-west-2',
    });
  });

  it('alerts the tenant contacts at 80% and 100% of the budget, in USD', () => {
    official.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: {
        BudgetName: 'nhs-cloud-QHM-prod-monthly',
        BudgetLimit: { Amount: 20000, Unit: 'USD' },
        TimeUnit: 'MONTHLY',
      },
      NotificationsWithSubscribers: [80, 100].map((threshold) => ({
        Notification: {
          NotificationType: 'ACTUAL',
          ComparisonOperator: 'GREATER_THAN',
          Threshold: threshold,
          ThresholdType: 'PERCENTAGE',
        },
        Subscribers: [
          { SubscriptionType: 'EMAIL', Address: 'it.director@nenc.icb.nhs.uk' },
          { SubscriptionType: 'EMAIL', Address: 'cyber@nenc.icb.nhs.uk' },
        ],
      })),
    });
  });

  it('has break-glass assumable only from the management account with MFA, for an hour', () => {
    official.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'nhs-cloud-platform-break-glass',
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
            Principal: accountRoot('100000000001'),
          }),
        ],
      },
    });
  });

  // Regression (issue 13): the admin role trusted the whole deployment account (:root).
  it("has the platform admin role trusted by the pipeline's named roles only, and a view-only role for security", () => {
    official.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'nhs-cloud-platform-admin',
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: accountRoot('100000000007'),
            Condition: {
              ArnLike: {
                'aws:PrincipalArn': ['arn:aws:iam::100000000007:role/nhs-cloud-platform-pipeline*'],
              },
            },
          }),
        ],
      },
    });
    official.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'nhs-cloud-platform-read-only',
      ManagedPolicyArns: Match.arrayWith([
        Match.objectLike({
          'Fn::Join': ['', Match.arrayWith([':iam::aws:policy/job-function/ViewOnlyAccess'])],
        }),
      ]),
    });
  });
});

describe('AccountBaseline: instances', () => {
  it('makes every instance SSM-managed through Default Host Management', () => {
    official.hasResourceProperties('AWS::SSM::ServiceSetting', {
      SettingId: '/ssm/managed-instance/default-ec2-instance-management-role',
      SettingValue: { Ref: Match.anyValue() },
    });
  });

  it('keeps the endpoint-protection agent installed on every instance', () => {
    official.hasResourceProperties('AWS::SSM::Association', {
      Name: 'AWS-ConfigureAWSPackage',
      Targets: [{ Key: 'InstanceIds', Values: ['*'] }],
      Parameters: {
        action: ['Install'],
        name: ['NHS-EndpointProtection'],
        additionalArguments: ['{"TOKEN":"{{ssm:/t}}"}'],
      },
      ScheduleExpression: 'rate(30 minutes)',
      ComplianceSeverity: 'CRITICAL',
    });
  });

  it('scans patch compliance daily and installs approved patches in the tier window', () => {
    official.hasResourceProperties('AWS::SSM::Association', {
      Name: 'AWS-RunPatchBaseline',
      Parameters: { Operation: ['Scan'] },
    });
    official.hasResourceProperties('AWS::SSM::PatchBaseline', {
      OperatingSystem: 'WINDOWS',
      DefaultBaseline: true,
      ApprovalRules: { PatchRules: [Match.objectLike({ ApproveAfterDays: 7, ComplianceLevel: 'CRITICAL' })] },
    });
    official.hasResourceProperties('AWS::SSM::MaintenanceWindow', {
      Schedule: 'cron(0 2 ? * SUN *)',
      ScheduleTimezone: 'Europe/London',
      Duration: 4,
      Cutoff: 1,
    });
    official.hasResourceProperties('AWS::SSM::MaintenanceWindowTarget', {
      Targets: [{ Key: 'tag-key', Values: ['ods-code'] }],
    });
    official.hasResourceProperties('AWS::SSM::MaintenanceWindowTask', {
      TaskArn: 'AWS-RunPatchBaseline',
      TaskInvocationParameters: {
        MaintenanceWindowRunCommandParameters: { Parameters: { Operation: ['Install'] } },
      },
    });
  });
});

describe('AccountBaseline: patient-data backups', () => {
  it('locks the vault (COMPLIANCE after 3 days) with the backup key, and retains it', () => {
    sensitive.hasResource('AWS::Backup::BackupVault', {
      DeletionPolicy: 'Retain',
      Properties: {
        BackupVaultName: 'nhs-cloud-patient-data',
        EncryptionKeyArn: Match.anyValue(),
        LockConfiguration: { MinRetentionDays: 35, MaxRetentionDays: 2557, ChangeableForDays: 3 },
      },
    });
  });

  it('keeps daily backups 35 days and monthly 7 years, each copied to the central vault', () => {
    const central = 'arn:aws:backup:eu-west-2:100000000006:backup-vault:nhs-cloud-central-backup';
    sensitive.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanRule: [
          Match.objectLike({
            RuleName: 'daily',
            Lifecycle: { DeleteAfterDays: 35 },
            CopyActions: [{ DestinationBackupVaultArn: central, Lifecycle: { DeleteAfterDays: 35 } }],
          }),
          Match.objectLike({
            RuleName: 'monthly',
            Lifecycle: { DeleteAfterDays: 2557 },
            CopyActions: [{ DestinationBackupVaultArn: central, Lifecycle: { DeleteAfterDays: 2557 } }],
          }),
        ],
      },
    });
  });

  it('backs up every supported resource, not only tagged ones', () => {
    sensitive.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: { SelectionName: 'all-supported-resources', Resources: ['*'] },
    });
  });
});
