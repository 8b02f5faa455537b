import {
  tenantOrganizationStackName,
  vendedAccountOutputKey,
  vendedAccountsFromOutputs,
} from '../../../lib/planners/landing-zone/account-vending';
import { applyVendedAccounts } from '../../../lib/planners/landing-zone/vended-accounts';

const TENANT = `# yaml-language-server: $schema=../schema/tenant.schema.json
odsCode: RGR
name: West Suffolk NHS Foundation Trust # registered name
environments:
  prod: { accountId: '200000000001', cidr: 10.64.0.0/21 }
  dev: { email: aws-rgr-dev@wsh.nhs.uk, cidr: 10.64.8.0/21 } # vended
  test:
    # block style survives too
    email: aws-rgr-test@wsh.nhs.uk
    cidr: 10.64.16.0/21
budget: { monthlyGbp: 1000 }
`;

describe('account vending names', () => {
  it('shares stack and output names with the organization stacks', () => {
    expect(tenantOrganizationStackName('RGR')).toBe('Org-RGR');
    expect(vendedAccountOutputKey('dev')).toBe('VendedAccountIddev');
  });
});

describe('vendedAccountsFromOutputs', () => {
  it('reads vended account IDs from Org-<ODS> stacks only, sorted', () => {
    const outputs = {
      'Org-RGR': { VendedAccountIdtest: '012345678902', VendedAccountIddev: '012345678901', Other: 'x' },
      'Org-QJG': { VendedAccountIdprod: '012345678903' },
      'Tenant-RGR-prod': { VendedAccountIdprod: '999999999999' },
    };
    expect(vendedAccountsFromOutputs(outputs)).toEqual([
      { odsCode: 'QJG', environment: 'prod', accountId: '012345678903' },
      { odsCode: 'RGR', environment: 'dev', accountId: '012345678901' },
      { odsCode: 'RGR', environment: 'test', accountId: '012345678902' },
    ]);
  });

  it('refuses a value that is not an account ID', () => {
    expect(() => vendedAccountsFromOutputs({ 'Org-RGR': { VendedAccountIddev: '1234' } })).toThrow(
      'Org-RGR.VendedAccountIddev: expected a 12-digit account ID, got "1234"',
    );
  });
});

describe('applyVendedAccounts', () => {
  it('adds quoted account IDs and keeps comments, order and flow or block style', () => {
    const { text, changes } = applyVendedAccounts('RGR.yaml', TENANT, [
      { environment: 'dev', accountId: '012345678901' },
      { environment: 'test', accountId: '012345678902' },
    ]);
    expect(text).toBe(
      TENANT.replace(
        'dev: { email: aws-rgr-dev@wsh.nhs.uk, cidr: 10.64.8.0/21 } # vended',
        "dev: { email: aws-rgr-dev@wsh.nhs.uk, cidr: 10.64.8.0/21, accountId: '012345678901' } # vended",
      ).replace('    cidr: 10.64.16.0/21\n', "    cidr: 10.64.16.0/21\n    accountId: '012345678902'\n"),
    );
    expect(changes).toEqual([
      { environment: 'dev', status: 'added', accountId: '012345678901' },
      { environment: 'test', status: 'added', accountId: '012345678902' },
    ]);
  });

  it('leaves the text untouched when the ID is already there', () => {
    const result = applyVendedAccounts('RGR.yaml', TENANT, [
      { environment: 'prod', accountId: '200000000001' },
    ]);
    expect(result.text).toBe(TENANT);
    expect(result.changes).toEqual([{ environment: 'prod', status: 'unchanged', accountId: '200000000001' }]);
  });

  it('refuses a different ID for an environment that has one', () => {
    expect(() =>
      applyVendedAccounts('RGR.yaml', TENANT, [{ environment: 'prod', accountId: '300000000001' }]),
    ).toThrow(
      'RGR.yaml: environments.prod.accountId is 200000000001 but the organization vended 300000000001',
    );
  });

  it('refuses an environment the file does not have', () => {
    expect(() =>
      applyVendedAccounts('RGR.yaml', TENANT, [{ environment: 'uat', accountId: '300000000001' }]),
    ).toThrow('RGR.yaml: environments.uat not found, but the organization vended an account for it');
  });
});
