import { defaultTenants, edit, errorsOf, ESTATE, tenantText } from '../helpers';

/** A tenant whose nonprod environment is still to vend: an e-mail instead of an account ID. */
function vending(odsCode: string, index: number, email: string): string {
  return edit(
    tenantText(odsCode, index),
    `accountId: '2${String(2 * index + 2).padStart(11, '0')}'`,
    `email: ${email}`,
  );
}

// Regression (issue 13): account vending did not check that root e-mails are unique.
describe('vending e-mails', () => {
  test('an e-mail already used by another tenant is reported on the second', () => {
    const tenants = {
      ...defaultTenants(),
      RAB: vending('RAB', 2, 'aws-nonprod@nhs.net'),
      RAC: vending('RAC', 3, 'AWS-Nonprod@nhs.net'),
    };
    expect(errorsOf(ESTATE, tenants)).toEqual([
      'config/tenants/RAC.yaml:17:12 environments.nonprod.email: expected a root e-mail no other account uses, got AWS-Nonprod@nhs.net, which RAB nonprod (config/tenants/RAB.yaml) already has\n' +
        '  hint: every AWS account needs its own root e-mail; use a separate mailbox (or a +suffix alias) per environment',
    ]);
  });

  test('distinct e-mails pass', () => {
    const tenants = {
      ...defaultTenants(),
      RAB: vending('RAB', 2, 'aws-rab-nonprod@nhs.net'),
      RAC: vending('RAC', 3, 'aws-rac-nonprod@nhs.net'),
    };
    expect(errorsOf(ESTATE, tenants)).toEqual([]);
  });
});
