import { readdirSync, readFileSync } from 'node:fs';
import { join, parse } from 'node:path';
import { App, CfnResource, CustomResource, Duration, Stack, Tags, Validations } from 'aws-cdk-lib';
import {
  ApplicationLoadBalancer,
  ListenerAction,
  ListenerCertificate,
  SslPolicy,
} from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { BackupVault } from 'aws-cdk-lib/aws-backup';
import {
  CfnSecurityGroup,
  FlowLogDestination,
  IpAddresses,
  Peer,
  Port,
  SecurityGroup,
  SubnetType,
  Vpc,
} from 'aws-cdk-lib/aws-ec2';
import { Key } from 'aws-cdk-lib/aws-kms';
import { FilterPattern, LogGroup, MetricFilter, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnTrail } from 'aws-cdk-lib/aws-cloudtrail';
import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { CfnRule } from 'aws-cdk-lib/aws-events';
import { Bucket, BucketEncryption, CfnBucket, ObjectLockRetention } from 'aws-cdk-lib/aws-s3';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { NagRuleCompliance } from 'cdk-nag';
import { landingZoneOf } from '../../lib/config/schema/landing-zone-schema';
import { planGuardrailAlarms } from '../../lib/planners/landing-zone/guardrail-alarms';
import { planServiceControlPolicies } from '../../lib/planners/landing-zone/service-control-policies';
import { NhsCloudChecks, NhsCloudChecksProps } from '../../lib/nag';
import { buildFixtureEstate, fixtureModel } from '../support/fixture-estate';
import { MANDATORY_TAG_VALUES, TEST_ENV, newStack, validate } from './helpers';

const PROPS: NhsCloudChecksProps = {
  allowedRegions: ['eu-west-2'],
  minLogRetentionDays: 2922,
  estate: fixtureModel().estate,
};

const PACK_IDS = [
  'NhsCloud-RegionAllowed',
  'NhsCloud-MandatoryTags',
  'NhsCloud-SensitiveDataCustomerKey',
  'NhsCloud-LogRetentionMinimum',
  'NhsCloud-AuditLogObjectLock',
  'NhsCloud-Tls12Minimum',
  'NhsCloud-TenantNoInternetPath',
  'NhsCloud-VpcFlowLogEnabled',
  'NhsCloud-BackupVaultLocked',
  'NhsCloud-NoOpenIngress',
  'NhsCloud-VpcDefaultSecurityGroupClosed',
  'NhsCloud-KmsKeyOrganizationOnly',
  'NhsCloud-NoSplitOpenIngress',
  'NhsCloud-RoleTrustInEstate',
  'NhsCloud-NoIamUsers',
  'NhsCloud-GuardrailsIntact',
  'NhsCloud-GuardrailAlarmsIntact',
  'NhsCloud-ServiceTrustScoped',
];

/** A tenant spoke holding patient data, built with L2 constructs the way the platform would. */
function compliantTenantStack(app: App): Stack {
  const stack = new Stack(app, 'Tenant', { env: TEST_ENV });
  const tags = {
    ...MANDATORY_TAG_VALUES,
    'data-classification': 'OFFICIAL-SENSITIVE',
    'nhs-cloud:stack-kind': 'tenant',
  };
  for (const [key, value] of Object.entries(tags)) Tags.of(stack).add(key, value);
  const key = new Key(stack, 'Key', { enableKeyRotation: true });
  // A service role scoped to this account, and the planner's own guardrail SCP.
  new Role(stack, 'ConfigRole', {
    assumedBy: new ServicePrincipal('config.amazonaws.com').withConditions({
      StringEquals: { 'aws:SourceAccount': TEST_ENV.account },
    }),
  });
  const [guardrail] = planServiceControlPolicies(fixtureModel().estate, landingZoneOf(fixtureModel().estate));
  new CfnPolicy(stack, 'Guardrail', {
    name: guardrail!.name,
    type: 'SERVICE_CONTROL_POLICY',
    content: guardrail!.document,
    targetIds: ['r-ab12'],
  });
  const flowLogs = new LogGroup(stack, 'FlowLogs', {
    encryptionKey: key,
    retention: RetentionDays.EIGHT_YEARS,
  });
  const vpc = new Vpc(stack, 'Vpc', {
    ipAddresses: IpAddresses.cidr('10.1.0.0/20'),
    availabilityZones: ['euw2-az1', 'euw2-az2'],
    natGateways: 0,
    subnetConfiguration: [{ name: 'app', subnetType: SubnetType.PRIVATE_ISOLATED }],
    flowLogs: { all: { destination: FlowLogDestination.toCloudWatchLogs(flowLogs) } },
    // Closed by the account baseline instead, as a tenant spoke's is.
    restrictDefaultSecurityGroup: false,
  });
  new CustomResource(stack, 'AccountDefaults', {
    serviceToken: 'arn:aws:lambda:eu-west-2:111111111111:function:account-defaults',
    resourceType: 'Custom::AccountDefaults',
    properties: { KmsKeyArn: key.keyArn, DefaultSecurityGroupIds: [vpc.vpcDefaultSecurityGroup] },
  });
  new SecurityGroup(stack, 'App', { vpc, allowAllOutbound: false }).addIngressRule(
    Peer.ipv4('10.0.0.0/8'),
    Port.tcp(443),
  );
  new ApplicationLoadBalancer(stack, 'Alb', { vpc, internetFacing: false }).addListener('Https', {
    port: 443,
    open: false,
    certificates: [ListenerCertificate.fromArn('arn:aws:acm:eu-west-2:111111111111:certificate/1')],
    sslPolicy: SslPolicy.RECOMMENDED_TLS,
    defaultAction: ListenerAction.fixedResponse(200),
  });
  const audit = new Bucket(stack, 'Audit', {
    encryption: BucketEncryption.KMS,
    encryptionKey: key,
    enforceSSL: true,
    objectLockEnabled: true,
    objectLockDefaultRetention: ObjectLockRetention.compliance(Duration.days(2922)),
  });
  Tags.of(audit).add('nhs-cloud:purpose', 'audit-logs');
  new BackupVault(stack, 'Vault', {
    encryptionKey: key,
    lockConfiguration: { minRetention: Duration.days(35) },
  });
  // An organization trail with the planner's guardrail alarms, forwarded (its delivery role is
  // left out: CloudTrail's cannot be scoped, ADR 0026).
  const trailLogs = new LogGroup(stack, 'TrailLogs', {
    encryptionKey: key,
    retention: RetentionDays.EIGHT_YEARS,
  });
  const alarmArns = planGuardrailAlarms(PROPS.estate!.name).alarms.map((a) => {
    const filter = new MetricFilter(stack, `${a.id}Filter`, {
      logGroup: trailLogs,
      filterPattern: FilterPattern.literal(a.filterPattern),
      metricNamespace: 'Guardrails',
      metricName: a.metricName,
    });
    return new Alarm(stack, a.id, {
      alarmName: a.alarmName,
      metric: filter.metric(),
      threshold: 1,
      evaluationPeriods: 1,
    }).alarmArn;
  });
  new CfnRule(stack, 'ForwardAlarms', { eventPattern: { source: ['aws.cloudwatch'], resources: alarmArns } });
  new CfnTrail(stack, 'Trail', {
    isLogging: true,
    isOrganizationTrail: true,
    s3BucketName: audit.bucketName,
    kmsKeyId: key.keyArn,
    cloudWatchLogsLogGroupArn: trailLogs.logGroupArn,
    cloudWatchLogsRoleArn: 'arn:aws:iam::111111111111:role/nhs-cloud-platform-trail-delivery',
  });
  return stack;
}

describe('NhsCloudChecks', () => {
  test('applies exactly these rules, in this order', () => {
    const pack = new NhsCloudChecks(undefined, PROPS);
    expect(pack.name).toBe('NhsCloud');
    expect(pack.readPackName).toBe('NhsCloud');
    expect(pack.ruleIds).toEqual(PACK_IDS);
  });

  test('applies every rule file, under the file name', () => {
    const rulesDir = join(__dirname, '../../lib/nag/rules');
    const files = readdirSync(rulesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((domain) => readdirSync(join(rulesDir, domain.name)))
      .filter((file) => file !== 'index.ts')
      .map((file) => `NhsCloud-${parse(file).name}`);
    expect(files.sort()).toEqual([...PACK_IDS].sort());
  });

  test('defaults to London and eight years of log retention without props', () => {
    const stack = newStack({ env: { account: '111111111111', region: 'eu-west-1' } });
    new CfnBucket(stack, 'Bucket', {
      tags: Object.entries(MANDATORY_TAG_VALUES).map(([key, value]) => ({ key, value })),
    });
    new LogGroup(stack, 'Logs', { retention: RetentionDays.SEVEN_YEARS });
    expect(validate(new NhsCloudChecks(), stack).map((f) => f.id)).toEqual(
      expect.arrayContaining(['NhsCloud-RegionAllowed[eu-west-1]', 'NhsCloud-LogRetentionMinimum']),
    );
  });

  test('rejects props it cannot enforce, naming the prop', () => {
    expect(() => new NhsCloudChecks(undefined, { ...PROPS, allowedRegions: [] })).toThrow(
      'NhsCloudChecks: expected allowedRegions to name at least one region, got none',
    );
    expect(() => new NhsCloudChecks(undefined, { ...PROPS, minLogRetentionDays: 0 })).toThrow(
      'NhsCloudChecks: expected minLogRetentionDays to be a whole number of days, got 0',
    );
  });

  test('finds nothing in a compliant tenant spoke built from L2 constructs', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const pack = new NhsCloudChecks(app, PROPS);
    const stack = compliantTenantStack(app);
    expect(validate(pack, stack)).toEqual([]);
    // Not vacuous: every rule judged at least one resource compliant, none reported N/A for all.
    const resources = stack.node.findAll().filter(CfnResource.isCfnResource);
    const applied = pack.rules.filter(({ rule }) =>
      resources.some((r) => rule(r) === NagRuleCompliance.COMPLIANT),
    );
    expect(applied.map(({ id }) => id)).toEqual(PACK_IDS);
  });

  test('on the example estate, finds only what config/exceptions.yaml acknowledges, and every VPC closed', () => {
    const { app } = buildFixtureEstate();
    const { estate } = fixtureModel();
    const pack = new NhsCloudChecks(undefined, {
      allowedRegions: estate.allowedRegions,
      minLogRetentionDays: estate.security.logRetention,
    });
    // All are acknowledged there, pending or by design (SSE-S3 only for S3 access logs; CloudTrail
    // takes no source condition on its CloudWatch Logs role, ADR 0026).
    expect(validate(pack, app)).toEqual([
      { id: 'NhsCloud-SensitiveDataCustomerKey', path: 'Core-LogArchive/AccessLogsBucket/Resource/Resource' },
      { id: 'NhsCloud-SensitiveDataCustomerKey', path: 'Core-Network/NetworkLookup/Logs/Resource' },
      { id: 'NhsCloud-ServiceTrustScoped', path: 'Core-LogArchive/GuardrailAlarms/DeliveryRole/Resource' },
    ]);
    // Not vacuous: hub VPCs (the CDK's custom resource) and tenant spokes (AccountDefaults) alike.
    const rule = pack.rules.find(({ id }) => id === 'NhsCloud-VpcDefaultSecurityGroupClosed')!.rule;
    const vpcs = app.node
      .findAll()
      .filter(CfnResource.isCfnResource)
      .filter((r) => r.cfnResourceType === 'AWS::EC2::VPC');
    expect(vpcs.map((v) => v.node.path)).toEqual(
      expect.arrayContaining(['Core-Network/Inspection/Resource/Resource', 'Tenant-RGR-prod/Spoke/Resource']),
    );
    expect(vpcs.filter((v) => rule(v) !== NagRuleCompliance.COMPLIANT).map((v) => v.node.path)).toEqual([]);
  });

  test('reports every rule as an error, with the pack wording', () => {
    const stack = newStack();
    new CfnSecurityGroup(stack, 'Open', {
      groupDescription: 'open',
      securityGroupIngress: [{ ipProtocol: '-1', cidrIp: '0.0.0.0/0' }],
    });
    const report = new NhsCloudChecks(undefined, PROPS).validateScope(stack);
    expect(report.success).toBe(false);
    expect(report.violations.map((v) => [v.ruleName, v.severity, v.description])).toEqual(
      expect.arrayContaining([
        ['NhsCloud-NoOpenIngress', 'error', 'The security group allows ingress from 0.0.0.0/0 or ::/0.'],
        ['NhsCloud-MandatoryTags[ods-code]', 'error', expect.stringContaining('missing a mandatory tag')],
      ]),
    );
    expect(report.violations.every((v) => v.severity === 'error')).toBe(true);
  });

  describe('as a CDK validation plugin', () => {
    test('fails synthesis and writes the violation to the validation report', () => {
      const app = new App({ builtinCloudFormationValidation: false });
      const stack = compliantTenantStack(app);
      new CfnSecurityGroup(stack, 'Open', {
        groupDescription: 'open',
        securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' }],
      });
      Validations.of(app).addPlugins(new NhsCloudChecks(app, PROPS));
      const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        expect(() => app.synth()).toThrow(/Acknowledge with 'NhsCloud::NhsCloud-NoOpenIngress'/);
      } finally {
        consoleError.mockRestore();
      }
      const report = JSON.parse(readFileSync(join(app.outdir, 'validation-report.json'), 'utf8'));
      const nhs = report.pluginReports.find((r: { pluginName: string }) => r.pluginName === 'NhsCloud');
      expect(nhs.violations.map((v: { ruleName: string }) => v.ruleName)).toEqual(['NhsCloud-NoOpenIngress']);
      expect(
        nhs.violations[0].violatingConstructs.map((c: { constructPath: string }) => c.constructPath),
      ).toEqual(['Tenant/Open']);
    });

    test('the namespaced acknowledgement (NhsCloud::<id>) passes synthesis and is kept in the report', () => {
      const app = new App({ builtinCloudFormationValidation: false });
      const group = new CfnSecurityGroup(compliantTenantStack(app), 'Open', {
        groupDescription: 'open',
        securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' }],
      });
      Validations.of(group).acknowledge({
        id: 'NhsCloud::NhsCloud-NoOpenIngress',
        reason: 'approved entry point',
      });
      Validations.of(app).addPlugins(new NhsCloudChecks(app, PROPS));
      const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        app.synth();
      } finally {
        consoleError.mockRestore();
      }
      const report = JSON.parse(readFileSync(join(app.outdir, 'validation-report.json'), 'utf8'));
      const nhs = report.pluginReports.find((r: { pluginName: string }) => r.pluginName === 'NhsCloud');
      expect(nhs.violations).toEqual([]);
      expect(nhs.suppressedViolations).toEqual([
        expect.objectContaining({
          ruleName: 'NhsCloud-NoOpenIngress',
          acknowledgedId: 'NhsCloud::NhsCloud-NoOpenIngress',
          reason: 'approved entry point',
          acknowledgedAt: 'Tenant/Open',
        }),
      ]);
    });

    test('lets a compliant app synthesize', () => {
      const app = new App({ builtinCloudFormationValidation: false });
      compliantTenantStack(app);
      Validations.of(app).addPlugins(new NhsCloudChecks(app, PROPS));
      expect(() => app.synth()).not.toThrow();
    });
  });

  describe('acknowledgements (cdk-nag 3.0.2 behaviour the exceptions register relies on)', () => {
    function openGroupStack(): { stack: Stack; group: CfnSecurityGroup; bucket: CfnBucket } {
      const stack = newStack();
      const group = new CfnSecurityGroup(stack, 'Open', {
        groupDescription: 'open',
        securityGroupIngress: [{ ipProtocol: '-1', cidrIp: '0.0.0.0/0' }],
      });
      return { stack, group, bucket: new CfnBucket(stack, 'Bucket') };
    }
    const ids = (stack: Stack) =>
      validate(new NhsCloudChecks(undefined, PROPS), stack).map((f) => `${f.id} ${f.path}`);

    test('a plain rule ID on the resource or an ancestor removes the violation from the report', () => {
      const { stack, group } = openGroupStack();
      Validations.of(group).acknowledge({
        id: 'NhsCloud-NoOpenIngress',
        reason: 'public entry point, approved',
      });
      expect(ids(stack)).not.toContain('NhsCloud-NoOpenIngress Stack/Open');
      const other = openGroupStack();
      Validations.of(other.stack).acknowledge({ id: 'NhsCloud-NoOpenIngress', reason: 'whole stack' });
      expect(ids(other.stack)).not.toContain('NhsCloud-NoOpenIngress Stack/Open');
    });

    test('a findings rule needs the finding ID: the bare rule ID does not cover its findings', () => {
      const { stack, bucket } = openGroupStack();
      Validations.of(bucket).acknowledge({ id: 'NhsCloud-MandatoryTags', reason: 'too broad' });
      Validations.of(bucket).acknowledge({ id: 'NhsCloud-MandatoryTags[ods-code]', reason: 'shared bucket' });
      const found = ids(stack);
      expect(found).not.toContain('NhsCloud-MandatoryTags[ods-code] Stack/Bucket');
      expect(found).toContain('NhsCloud-MandatoryTags[environment] Stack/Bucket');
    });

    test('the namespaced form CDK suggests (NhsCloud::...) is not honoured by validateScope', () => {
      const { stack, group } = openGroupStack();
      Validations.of(group).acknowledge({ id: 'NhsCloud::NhsCloud-NoOpenIngress', reason: 'CDK-style' });
      expect(ids(stack)).toContain('NhsCloud-NoOpenIngress Stack/Open');
    });
  });
});
