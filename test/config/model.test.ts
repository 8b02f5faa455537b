import { allEnvironments, coreAccounts, tenantKind, tierOf } from '../../lib/config/model';
import { defaultTenants, edit, ESTATE, run, tenantText } from './helpers';

describe('model helpers', () => {
  test.each([
    ['RGR', 'trust'],
    ['QJG', 'icb'],
    ['X24', 'national'],
  ])('tenantKind(%s) = %s', (code, kind) => {
    expect(tenantKind(code)).toBe(kind);
  });

  test.each([
    ['prod', undefined, 'prod'],
    ['production', undefined, 'prod'],
    ['nonprod', undefined, 'nonprod'],
    ['test', undefined, 'nonprod'],
    ['dr', 'prod', 'prod'],
    ['prod', 'nonprod', 'nonprod'],
  ] as const)('tierOf(%s, %s) = %s', (name, explicit, tier) => {
    expect(tierOf(name, explicit)).toBe(tier);
  });

  test('allEnvironments lists every environment with its region and tier resolved', () => {
    const trust = edit(
      tenantText('RAA', 1),
      '    cidr: 10.64.24.0/21',
      '    cidr: 10.64.24.0/21\n    tier: prod',
    );
    const result = run(ESTATE, { ...defaultTenants(), RAA: trust });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(
      allEnvironments(result.model).map((e) => [
        e.tenant.odsCode,
        e.name,
        e.accountId,
        e.cidr,
        e.region,
        e.tier,
      ]),
    ).toEqual([
      ['QAA', 'prod', '200000000001', '10.64.0.0/21', 'eu-west-2', 'prod'],
      ['QAA', 'nonprod', '200000000002', '10.64.8.0/21', 'eu-west-2', 'nonprod'],
      ['RAA', 'prod', '200000000003', '10.64.16.0/21', 'eu-west-2', 'prod'],
      ['RAA', 'nonprod', '200000000004', '10.64.24.0/21', 'eu-west-2', 'prod'],
    ]);
    expect(coreAccounts(result.model.estate)).toEqual({
      management: '100000000001',
      logArchive: '100000000002',
      security: '100000000003',
      network: '100000000004',
      sharedServices: '100000000005',
    });
  });
});
