import { defaultTenants, edit, errorsOf, ESTATE, tenantText } from '../helpers';

describe('account IDs', () => {
  test('an account used by two tenants is reported on the second', () => {
    const second = edit(tenantText('RAB', 2), "'200000000005'", "'200000000003'");
    expect(errorsOf(ESTATE, { ...defaultTenants(), RAB: second })).toEqual([
      'config/tenants/RAB.yaml:14:16 environments.prod.accountId: account 200000000003 is already used by RAA prod (config/tenants/RAA.yaml)\n' +
        '  hint: each tenant environment has its own AWS account',
    ]);
  });

  test('an account used by two environments of one tenant', () => {
    const trust = edit(tenantText('RAA', 1), "'200000000004'", "'200000000003'");
    expect(errorsOf(ESTATE, { ...defaultTenants(), RAA: trust })).toEqual([
      'config/tenants/RAA.yaml:17:16 environments.nonprod.accountId: account 200000000003 is already used by RAA prod (config/tenants/RAA.yaml)\n' +
        '  hint: each tenant environment has its own AWS account',
    ]);
  });

  test('a tenant using a core account', () => {
    const trust = edit(tenantText('RAA', 1), "'200000000003'", "'100000000004'");
    expect(errorsOf(ESTATE, { ...defaultTenants(), RAA: trust })).toEqual([
      "config/tenants/RAA.yaml:14:16 environments.prod.accountId: account 100000000004 is the estate's network account\n" +
        '  hint: tenant environments need their own accounts; core accounts are platform-only',
    ]);
  });

  test('a core account listed under two roles', () => {
    const estate = edit(ESTATE, "security: '100000000003'", "security: '100000000002'");
    expect(errorsOf(estate)).toEqual([
      'config/estate.yaml:11:15 organization.accounts.security: account 100000000002 is already the logArchive account\n' +
        '  hint: each core account is a separate AWS account',
    ]);
  });
});
