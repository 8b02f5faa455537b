import { environmentsOf, TenantEnvironment } from '../../../lib/config/model';
import { landingZoneOf } from '../../../lib/config/schema/landing-zone-schema';
import { planCoreBaseline, planTenantBaseline } from '../../../lib/planners/landing-zone/baseline-plan';
import { fixtureModel } from '../../support/fixture-estate';

const model = fixtureModel();
const { estate } = model;
const lz = landingZoneOf({});
const env = (odsCode: string, name: string): TenantEnvironment =>
  environmentsOf(
    model.tenants.find((t) => t.odsCode === odsCode)!,
    estate,
  ).find((e) => e.name === name)!;

// QHM: OFFICIAL, no patient data, £16,000/month. RGR: OFFICIAL-SENSITIVE, patient data.
const official = planTenantBaseline(env('QHM', 'prod'), estate, lz);
const sensitive = planTenantBaseline(env('RGR', 'prod'), estate, lz);

describe('planTenantBaseline: OFFICIAL versus OFFICIAL-SENSITIVE patient data', () => {
  it.each([
    [
      'key purposes',
      (p: typeof official) => p.keyPurposes,
      ['ebs', 'logs'],
      ['ebs', 'logs', 'backup', 'data'],
    ],
    ['Config recording', (p: typeof official) => p.config.recordingFrequency, 'DAILY', 'CONTINUOUS'],
    ['Macie', (p: typeof official) => p.macie, false, true],
    ['backup vault', (p: typeof official) => p.backup?.vaultName, undefined, 'nhs-cloud-patient-data'],
  ])('%s differ', (_what, read, expectedOfficial, expectedSensitive) => {
    expect(read(official)).toEqual(expectedOfficial);
    expect(read(sensitive)).toEqual(expectedSensitive);
  });

  it('backs up patient data daily for 35 days and monthly for 7 years, copied to the central vault', () => {
    expect(sensitive.backup).toEqual({
      centralAccount: '100000000006',
      vaultName: 'nhs-cloud-patient-data',
      planName: 'nhs-cloud-patient-data',
      roleName: 'nhs-cloud-platform-backup',
      lock: { minRetentionDays: 35, maxRetentionDays: 2557, changeableForDays: 3 },
      rules: [
        {
          name: 'daily',
          schedule: 'cron(0 1 * * ? *)',
          deleteAfterDays: 35,
          copyToVaultArn: 'arn:aws:backup:eu-west-2:100000000006:backup-vault:nhs-cloud-central-backup',
        },
        {
          name: 'monthly',
          schedule: 'cron(0 3 1 * ? *)',
          deleteAfterDays: 2557,
          copyToVaultArn: 'arn:aws:backup:eu-west-2:100000000006:backup-vault:nhs-cloud-central-backup',
        },
      ],
    });
  });

  it('keeps what does not depend on classification the same', () => {
    expect(official.roles).toEqual(sensitive.roles);
    expect(official.patching).toEqual(sensitive.patching);
    expect(official.config.bucketName).toBe('nhs-cloud-cloudtrail-100000000002-eu-west-2');
  });
});

describe('planTenantBaseline: budget', () => {
  it('converts the GBP budget to USD (AWS Budgets measures USD) and alerts every contact at 80% and 100%', () => {
    expect(official.budget).toEqual({
      name: 'nhs-cloud-QHM-prod-monthly',
      monthlyGbp: 16000,
      monthlyUsd: 20000,
      thresholdsPercent: [80, 100],
      subscribers: ['it.director@nenc.icb.nhs.uk', 'cyber@nenc.icb.nhs.uk'],
    });
  });

  it('rounds the converted limit up and adds the finance contact once', () => {
    const tenant = { ...env('QHM', 'prod').tenant, budget: { monthlyGbp: 1001 } };
    tenant.contacts = { owner: 'a@nhs.net', security: 'a@nhs.net', finance: 'f@nhs.net' };
    const plan = planTenantBaseline(
      { ...env('QHM', 'prod'), tenant },
      estate,
      landingZoneOf({ landingZone: { budgetUsdPerGbp: 1.27 } }),
    );
    expect(plan.budget).toMatchObject({ monthlyUsd: 1272, subscribers: ['a@nhs.net', 'f@nhs.net'] });
  });
});

describe('planTenantBaseline: instances and roles', () => {
  it('patches nonprod first: no approval delay and a mid-week window; prod waits 7 days for Sunday', () => {
    const nonprod = planTenantBaseline(env('QHM', 'nonprod'), estate, lz).patching;
    expect(nonprod.baselines.map((b) => [b.operatingSystem, b.approveAfterDays])).toEqual([
      ['AMAZON_LINUX_2023', 0],
      ['WINDOWS', 0],
    ]);
    expect(nonprod.window).toEqual({
      schedule: 'cron(0 2 ? * WED *)',
      durationHours: 4,
      cutoffHours: 1,
      timezone: 'Europe/London',
    });
    expect(official.patching.baselines.map((b) => b.approveAfterDays)).toEqual([7, 7]);
    expect(official.patching.window.schedule).toBe('cron(0 2 ? * SUN *)');
    expect(official.patching.targetTagKey).toBe('ods-code');
  });

  it('installs the configured endpoint-protection package with its arguments', () => {
    const withAgent = landingZoneOf({
      landingZone: {
        endpointProtection: {
          packageName: 'Vendor-Agent',
          version: '7.1',
          additionalArguments: { TOKEN: '{{ssm:/x}}' },
        },
      },
    });
    expect(planTenantBaseline(env('QHM', 'prod'), estate, withAgent).endpointProtection).toEqual({
      associationName: 'nhs-cloud-endpoint-protection',
      packageName: 'Vendor-Agent',
      schedule: 'rate(30 minutes)',
      parameters: {
        action: ['Install'],
        name: ['Vendor-Agent'],
        version: ['7.1'],
        additionalArguments: ['{"TOKEN":"{{ssm:/x}}"}'],
      },
    });
    expect(official.endpointProtection).toBeUndefined();
  });

  it('trusts the deployment account for admin, security for read-only, management for break-glass', () => {
    expect(official.roles).toMatchObject({
      adminTrustedAccount: '100000000007',
      readOnlyTrustedAccount: '100000000003',
      breakGlassTrustedAccount: '100000000001',
    });
    expect(official.roles.names.admin).toBe('nhs-cloud-platform-admin');
  });

  it('records global resources only in the home region', () => {
    expect(official.config.includeGlobalResourceTypes).toBe(true);
    expect(
      planTenantBaseline({ ...env('QHM', 'prod'), region: 'eu-west-1' }, estate, lz).config
        .includeGlobalResourceTypes,
    ).toBe(false);
  });
});

describe('planCoreBaseline', () => {
  it('treats a core account as OFFICIAL-SENSITIVE without patient data or a budget', () => {
    const core = planCoreBaseline('eu-west-2', estate, lz);
    expect(core).toMatchObject({ keyPurposes: ['ebs', 'logs'], macie: false, backup: undefined });
    expect(core.budget).toBeUndefined();
    expect(core.config.recordingFrequency).toBe('CONTINUOUS');
    expect(core.logRetentionDays).toBe(2922);
  });
});
