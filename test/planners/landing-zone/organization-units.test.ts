import { Tenant, TenantEnvironment } from '../../../lib/config/model';
import {
  CoreAccountRole,
  ORGANIZATIONAL_UNITS,
  placeCoreAccount,
  placeEnvironment,
} from '../../../lib/planners/landing-zone/organization-units';

const env = (
  scope: 'local' | 'national',
  name: string,
  tier: 'prod' | 'nonprod',
): Pick<TenantEnvironment, 'name' | 'tier' | 'tenant'> => ({
  name,
  tier,
  tenant: { scope, icb: 'QJG' } as Tenant,
});

describe('ORGANIZATIONAL_UNITS', () => {
  it('is the tree the landing zone issue asks for, parents first', () => {
    expect(ORGANIZATIONAL_UNITS.map((u) => `${'parent' in u ? `${u.parent}/` : ''}${u.name}`)).toEqual([
      'Security',
      'Infrastructure',
      'National',
      'Trusts',
      'trusts/Prod',
      'trusts/NonProd',
      'Sandbox',
      'Suspended',
    ]);
  });
});

describe('placeEnvironment', () => {
  it.each([
    ['local', 'prod', 'prod', 'trustsProd'],
    ['local', 'nonprod', 'nonprod', 'trustsNonProd'],
    ['local', 'preprod', 'nonprod', 'trustsNonProd'],
    ['local', 'live', 'prod', 'trustsProd'],
    ['national', 'prod', 'prod', 'national'],
    ['national', 'nonprod', 'nonprod', 'national'],
    ['local', 'sandbox', 'nonprod', 'sandbox'],
    ['national', 'sandbox2', 'nonprod', 'sandbox'],
  ] as const)('%s tenant, %s environment (%s tier) -> %s', (scope, name, tier, ou) => {
    expect(placeEnvironment(env(scope, name, tier))).toBe(ou);
  });

  it('ignores the ICB, which changes when ICBs merge', () => {
    const before = env('local', 'prod', 'prod');
    const after = { ...before, tenant: { ...before.tenant, icb: 'QXX' } as Tenant };
    expect(placeEnvironment(after)).toBe(placeEnvironment(before));
  });
});

describe('placeCoreAccount', () => {
  it.each([
    ['management', undefined],
    ['logArchive', 'security'],
    ['security', 'security'],
    ['network', 'infrastructure'],
    ['sharedServices', 'infrastructure'],
    ['backup', 'infrastructure'],
    ['deployment', 'infrastructure'],
  ] as const)('%s -> %s', (role, ou) => {
    expect(placeCoreAccount(role as CoreAccountRole)).toBe(ou);
  });
});
