import { App, Stack, aws_kms as kms } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CentralBackupVault } from '../../../lib/patterns/landing-zone/central-backup-vault';
import { FindingsAlerts } from '../../../lib/patterns/landing-zone/findings-alerts';
import { GuardDutyOrganization } from '../../../lib/patterns/landing-zone/guardduty-organization';
import { InspectorOrganization } from '../../../lib/patterns/landing-zone/inspector-organization';
import { OrganizationAnalyzers } from '../../../lib/patterns/landing-zone/organization-analyzers';
import { sdkCallLogs } from '../../../lib/patterns/landing-zone/sdk-call';
import { SecurityHubOrganization } from '../../../lib/patterns/landing-zone/security-hub-organization';
import {
  guardrailAlarmEventPattern,
  planGuardrailAlarms,
} from '../../../lib/planners/landing-zone/guardrail-alarms';

const app = new App({ analyticsReporting: false, builtinCloudFormationValidation: false });
const stack = new Stack(app, 'Security', { env: { account: '100000000003', region: 'eu-west-2' } });
const logGroup = sdkCallLogs(stack, { retentionDays: 2922, encryptionKey: new kms.Key(stack, 'LogsKey') });
new GuardDutyOrganization(stack, 'GuardDuty', { logGroup });
new SecurityHubOrganization(stack, 'SecurityHub', {
  namePrefix: 'nhs-cloud',
  rootId: 'r-ab12',
  disabledControls: ['IAM.7'],
});
const members = Array.from({ length: 250 }, (_, i) => `2${String(i).padStart(11, '0')}`);
new InspectorOrganization(stack, 'Inspector', { memberAccounts: [...members, members[0]!], logGroup });
new OrganizationAnalyzers(stack, 'Analyzers', { namePrefix: 'nhs-cloud', logGroup });
new FindingsAlerts(stack, 'Alerts', {
  topicName: 'nhs-cloud-security-findings',
  key: new kms.Key(stack, 'AlertsKey'),
  emails: ['cyber.security@england.nhs.uk'],
  csoc: {
    url: 'https://csoc.example.nhs.uk/findings',
    apiKeySecretArn: 'arn:aws:secretsmanager:eu-west-2:100000000003:secret:csoc-api-key-AbCdEf',
    apiKeyHeader: 'x-api-key',
  },
  guardrailAlarms: {
    fromAccount: '100000000002',
    pattern: guardrailAlarmEventPattern(planGuardrailAlarms('nhs-cloud'), '100000000002'),
  },
});
const template = Template.fromStack(stack);
/** The SDK call of a Custom::AWS resource; a token inside it (Fn::Join) reads as "TOKEN". */
const callOf = (create: unknown) =>
  JSON.parse(
    typeof create === 'string'
      ? create
      : (create as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1]
          .map((p) => (typeof p === 'string' ? p : 'TOKEN'))
          .join(''),
  );
const sdkCalls = (action: string) =>
  Object.values(template.findResources('Custom::AWS'))
    .map((r) => callOf(r.Properties.Create))
    .filter((c) => c.action === action);

describe('GuardDutyOrganization', () => {
  it('configures the detector designation created, instead of declaring one that would clash', () => {
    template.resourceCountIs('AWS::GuardDuty::Detector', 0);
    expect(sdkCalls('listDetectors')).toEqual([
      expect.objectContaining({
        service: 'GuardDuty',
        physicalResourceId: { responsePath: 'DetectorIds.0' },
      }),
    ]);
  });

  // Regression (issue 13): the administrator's own GuardDuty was assumed on; it must be
  // switched on before the detector is read and the organization configured.
  it('switches GuardDuty on in the administrator first, tolerating an existing detector', () => {
    expect(sdkCalls('createDetector')).toEqual([
      expect.objectContaining({ service: 'GuardDuty', ignoreErrorCodesMatching: 'BadRequestException' }),
    ]);
    const resources = template.findResources('Custom::AWS');
    const idOf = (action: string) =>
      Object.keys(resources).find((id) => callOf(resources[id]!.Properties.Create).action === action)!;
    expect(resources[idOf('listDetectors')]!.DependsOn).toContain(idOf('createDetector'));
  });

  it('enables S3, EBS malware and runtime protection in the administrator', () => {
    const [call] = sdkCalls('updateDetector');
    expect(call.parameters).toEqual({
      DetectorId: 'TOKEN',
      Enable: true,
      FindingPublishingFrequency: 'FIFTEEN_MINUTES',
      Features: [
        { Name: 'S3_DATA_EVENTS', Status: 'ENABLED' },
        { Name: 'EBS_MALWARE_PROTECTION', Status: 'ENABLED' },
        {
          Name: 'RUNTIME_MONITORING',
          Status: 'ENABLED',
          AdditionalConfiguration: [
            { Name: 'EC2_AGENT_MANAGEMENT', Status: 'ENABLED' },
            { Name: 'ECS_FARGATE_AGENT_MANAGEMENT', Status: 'ENABLED' },
            { Name: 'EKS_ADDON_MANAGEMENT', Status: 'ENABLED' },
          ],
        },
      ],
    });
  });

  it('auto-enables GuardDuty and every protection for ALL member accounts', () => {
    const [call] = sdkCalls('updateOrganizationConfiguration').filter((c) => c.service === 'GuardDuty');
    expect(call.parameters).toMatchObject({
      DetectorId: 'TOKEN',
      AutoEnableOrganizationMembers: 'ALL',
      Features: [
        { Name: 'S3_DATA_EVENTS', AutoEnable: 'ALL' },
        { Name: 'EBS_MALWARE_PROTECTION', AutoEnable: 'ALL' },
        {
          Name: 'RUNTIME_MONITORING',
          AutoEnable: 'ALL',
          AdditionalConfiguration: expect.arrayContaining([
            { Name: 'EKS_ADDON_MANAGEMENT', AutoEnable: 'ALL' },
          ]),
        },
      ],
    });
  });
});

describe('SecurityHubOrganization', () => {
  it('uses central configuration with cross-region aggregation, on the hub designation enabled', () => {
    template.resourceCountIs('AWS::SecurityHub::Hub', 0);
    template.hasResourceProperties('AWS::SecurityHub::FindingAggregator', {
      RegionLinkingMode: 'ALL_REGIONS',
    });
    template.hasResourceProperties('AWS::SecurityHub::OrganizationConfiguration', {
      ConfigurationType: 'CENTRAL',
      AutoEnable: false,
    });
  });

  it('turns on FSBP, CIS v3.0.0 and NIST 800-53 r5 everywhere, through the root', () => {
    template.hasResourceProperties('AWS::SecurityHub::ConfigurationPolicy', {
      Name: 'nhs-cloud-standards',
      ConfigurationPolicy: {
        SecurityHub: {
          ServiceEnabled: true,
          EnabledStandardIdentifiers: [
            'arn:aws:securityhub:eu-west-2::standards/aws-foundational-security-best-practices/v/1.0.0',
            'arn:aws:securityhub:eu-west-2::standards/cis-aws-foundations-benchmark/v/3.0.0',
            'arn:aws:securityhub:eu-west-2::standards/nist-800-53/v/5.0.0',
          ],
          SecurityControlsConfiguration: { DisabledSecurityControlIdentifiers: ['IAM.7'] },
        },
      },
    });
    template.hasResourceProperties('AWS::SecurityHub::PolicyAssociation', {
      TargetType: 'ROOT',
      TargetId: 'r-ab12',
    });
  });

  it('warns, and associates nothing, without the root ID', () => {
    const other = new Stack(new App(), 'NoRoot', { env: { account: '100000000003', region: 'eu-west-2' } });
    new SecurityHubOrganization(other, 'SecurityHub', { namePrefix: 'nhs-cloud', disabledControls: [] });
    Template.fromStack(other).resourceCountIs('AWS::SecurityHub::PolicyAssociation', 0);
    Annotations.fromStack(other).hasWarning('*', Match.stringLikeRegexp('organizationRootId is not set'));
  });
});

describe('InspectorOrganization', () => {
  it('auto-enables new accounts and enables known accounts 100 at a time, each once', () => {
    expect(
      sdkCalls('updateOrganizationConfiguration').find((c) => c.service === 'Inspector2').parameters,
    ).toEqual({
      autoEnable: { ec2: true, ecr: true, lambda: true, lambdaCode: true },
    });
    const batches = sdkCalls('enable').map((c) => c.parameters.accountIds.length);
    expect(batches).toEqual([100, 100, 50]);
  });
});

describe('OrganizationAnalyzers', () => {
  it('runs Access Analyzer and a Config aggregator over the organization, and Macie', () => {
    template.hasResourceProperties('AWS::AccessAnalyzer::Analyzer', {
      Type: 'ORGANIZATION',
      AnalyzerName: 'nhs-cloud-organization',
    });
    template.hasResourceProperties('AWS::Config::ConfigurationAggregator', {
      OrganizationAggregationSource: { AllAwsRegions: true, RoleArn: Match.anyValue() },
    });
    expect(sdkCalls('enableMacie')).toEqual([
      expect.objectContaining({ service: 'Macie2', ignoreErrorCodesMatching: 'ConflictException' }),
    ]);
  });
});

describe('FindingsAlerts', () => {
  it("lets the log archive put events on this account's default bus, and no one else", () => {
    const policies = template.findResources('AWS::Events::EventBusPolicy');
    expect(Object.values(policies).map((p) => p.Properties)).toEqual([
      {
        EventBusName: 'default',
        StatementId: 'GuardrailAlarmsFrom100000000002',
        Statement: {
          Sid: 'GuardrailAlarmsFrom100000000002',
          Effect: 'Allow',
          Principal: { AWS: stack.resolve(`arn:${stack.partition}:iam::100000000002:root`) },
          Action: 'events:PutEvents',
          Resource: stack.resolve(`arn:${stack.partition}:events:eu-west-2:100000000003:event-bus/default`),
        },
      },
    ]);
  });

  it("sends the log archive's guardrail alarms to the security team and the CSOC, as findings go", () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.cloudwatch'],
        'detail-type': ['CloudWatch Alarm State Change'],
        account: ['100000000002'],
        detail: { alarmName: [{ prefix: 'nhs-cloud-guardrail-' }], state: { value: ['ALARM'] } },
      },
      Targets: Match.arrayWith([
        Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('^AlertsTopic') } }),
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlertsCsoc'), 'Arn'] },
          DeadLetterConfig: {
            Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlertsCsocDeadLetters'), 'Arn'] },
          },
        }),
      ]),
    });
  });

  it('routes new, active HIGH and CRITICAL Security Hub findings', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.securityhub'],
        'detail-type': ['Security Hub Findings - Imported'],
        detail: {
          findings: {
            Severity: { Label: ['HIGH', 'CRITICAL'] },
            Workflow: { Status: ['NEW'] },
            RecordState: ['ACTIVE'],
          },
        },
      },
      Targets: Match.arrayWith([Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('^AlertsTopic') } })]),
    });
  });

  it('encrypts the topic with the customer-managed key, and lets EventBridge use it', () => {
    template.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'nhs-cloud-security-findings',
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlertsKey'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'EventBridgePublishesFindings',
            Principal: { Service: 'events.amazonaws.com' },
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'cyber.security@england.nhs.uk',
    });
  });

  it('posts to the CSOC over HTTPS with its API key, retrying into an encrypted dead-letter queue', () => {
    template.hasResourceProperties('AWS::Events::ApiDestination', {
      InvocationEndpoint: 'https://csoc.example.nhs.uk/findings',
      HttpMethod: 'POST',
    });
    template.hasResourceProperties('AWS::Events::Connection', {
      AuthorizationType: 'API_KEY',
      AuthParameters: {
        ApiKeyAuthParameters: {
          ApiKeyName: 'x-api-key',
          ApiKeyValue: Match.stringLikeRegexp(
            'resolve:secretsmanager:arn:aws:secretsmanager:eu-west-2:100000000003:secret:csoc-api-key',
          ),
        },
      },
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: Match.arrayWith([
        Match.objectLike({
          DeadLetterConfig: Match.anyValue(),
          RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 },
        }),
      ]),
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlertsKey'), 'Arn'] },
    });
  });
});

describe('CentralBackupVault', () => {
  const backupStack = new Stack(new App(), 'Backup', {
    env: { account: '100000000006', region: 'eu-west-2' },
  });
  new CentralBackupVault(backupStack, 'CentralVault', {
    vaultName: 'nhs-cloud-central-backup',
    keyAlias: 'alias/nhs-cloud/central-backup',
    lock: { minRetentionDays: 35, maxRetentionDays: 2557, changeableForDays: 3 },
    scope: { sourceKey: 'aws:SourceOrgID', principalKey: 'aws:PrincipalOrgID', values: ['o-a1b2c3d4e5'] },
  });
  const backup = Template.fromStack(backupStack);

  it('locks the vault, retains it and its key, and admits copies only from the organization', () => {
    backup.hasResource('AWS::Backup::BackupVault', {
      DeletionPolicy: 'Retain',
      Properties: {
        BackupVaultName: 'nhs-cloud-central-backup',
        LockConfiguration: { MinRetentionDays: 35, MaxRetentionDays: 2557, ChangeableForDays: 3 },
        AccessPolicy: {
          Statement: [
            Match.objectLike({
              Action: 'backup:CopyIntoBackupVault',
              Condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] } },
            }),
          ],
        },
      },
    });
    backup.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: { EnableKeyRotation: true },
    });
  });
});
