import { landingZoneOf, landingZoneSchema } from '../../lib/config/schema/landing-zone-schema';

const issues = (block: unknown) => {
  const result = landingZoneSchema.safeParse(block);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('landingZoneSchema', () => {
  it('defaults everything, so an estate without the block still synthesizes', () => {
    const lz = landingZoneOf({});
    expect(lz.organizationRootId).toBeUndefined();
    expect(lz).toMatchObject({
      cdkQualifier: 'hnb659fds',
      budgetUsdPerGbp: 1.25,
      backup: { dailyRetentionDays: 35, monthlyRetentionDays: 2557 },
    });
    expect(lz.patching.windows.prod).toEqual({
      schedule: 'cron(0 2 ? * SUN *)',
      durationHours: 4,
      cutoffHours: 1,
    });
  });

  it('reads the same block once per estate object', () => {
    const estate = { landingZone: { organizationRootId: 'r-ab12' } };
    expect(landingZoneOf(estate)).toBe(landingZoneOf(estate));
  });

  it.each([
    [{ organizationRootId: 'ou-ab12' }, 'organizationRootId: expected a root ID such as r-ab12'],
    [{ organizationId: 'r-ab12' }, 'organizationId: expected an organization ID such as o-a1b2c3d4e5'],
    [
      {
        csocEndpoint: {
          url: 'http://csoc.nhs.uk',
          apiKeySecretArn: 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:k',
        },
      },
      'csocEndpoint.url: expected an https:// URL',
    ],
    [
      {
        patching: {
          windows: { prod: { schedule: 'cron(0 2 ? * SUN *)', durationHours: 2, cutoffHours: 2 } },
        },
      },
      'patching.windows.prod: expected cutoffHours to be less than durationHours',
    ],
    [
      { platformPrincipals: ['role/admin'] },
      'platformPrincipals.0: expected an IAM role ARN pattern such as arn:aws:iam::*:role/platform-*',
    ],
    [
      { backup: { vaultLockChangeableDays: 1 } },
      'backup.vaultLockChangeableDays: Too small: expected number to be >=3',
    ],
    [{ organisationRootId: 'r-ab12' }, ': Unrecognized key: "organisationRootId"'],
  ])('rejects %j', (block, message) => {
    expect(issues(block)).toEqual([message]);
  });
});
