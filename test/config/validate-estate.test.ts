import { formatConfigErrors } from '../../lib/config/config-error';
import { defaultTenants, edit, ESTATE, errorsOf, run, tenantText } from './helpers';

describe('validateEstate', () => {
  test('collects every error from every file, in file and position order, with a summary', () => {
    const estate = edit(ESTATE, 'allowedRegions: [eu-west-2]', 'allowedRegions: [eu-west-2, eu-west-1]');
    const tenants = {
      QAA: tenantText('QAA', 0),
      RAA: edit(tenantText('RAA', 1), 'patientData: true', 'patientData: true\npatientData: false'),
      RAB: edit(tenantText('RAB', 2), "'200000000005'", "'12345'"),
      // Wrong ODS code, and prod sits on QAA's prod block.
      RAC: edit(
        edit(tenantText('RAC', 3), 'odsCode: RAC', 'odsCode: RAD'),
        'cidr: 10.64.48.0/21',
        'cidr: 10.64.0.0/21',
      ),
    };
    const result = run(estate, tenants);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatConfigErrors(result.errors)).toBe(
      [
        'config/estate.yaml:3:29 allowedRegions[1]: expected a UK region or one with a residency exception, got "eu-west-1"',
        '  hint: add a residencyExceptions entry with region, reason and approver (SIRO/DPO/Caldicott sign-off)',
        'config/tenants/RAA.yaml:7:1: YAML syntax error: key "patientData" appears twice in the same mapping',
        '  hint: each key may appear once per mapping; remove or merge the repeated one',
        'config/tenants/RAB.yaml:14:16 environments.prod.accountId: expected a 12-digit AWS account ID, got "12345"',
        '  hint: an AWS account ID is exactly 12 digits; copy it from the AWS console account menu',
        'config/tenants/RAC.yaml:1:10 odsCode: expected "RAC" to match the file name, got "RAD"',
        '  hint: rename the file to RAD.yaml or correct odsCode',
        'config/tenants/RAC.yaml:15:11 environments.prod.cidr: expected an address range of its own, got 10.64.0.0/21, which overlaps 10.64.0.0/21 (QAA prod in config/tenants/QAA.yaml:14:11)',
        '  hint: every environment needs address space no other network uses; `nhs-cloud onboard` allocates a free block',
        '',
        '5 configuration errors in 4 files.',
      ].join('\n'),
    );
  });

  test('an invalid estate.yaml still lets tenant files be checked against each other', () => {
    // The ODS check needs no estate, so it runs; the core-account clash needs one, so it waits.
    const estate = edit(ESTATE, 'logRetention: 2922', 'logRetention: 2920');
    const misnamed = edit(tenantText('RAA', 1), "'200000000003'", "'100000000004'");
    expect(errorsOf(estate, { QAA: tenantText('QAA'), RAB: misnamed })).toEqual([
      expect.stringMatching(/^config\/estate.yaml:21:17 security.logRetention: expected a retention/),
      'config/tenants/RAB.yaml:1:10 odsCode: expected "RAB" to match the file name, got "RAA"\n' +
        '  hint: rename the file to RAA.yaml or correct odsCode',
    ]);
  });

  test('a valid estate yields tenants sorted by ODS code, with kinds, files and defaults filled in', () => {
    const result = run(ESTATE, {
      X26: tenantText('X26', 2),
      RAA: tenantText('RAA', 1),
      QAA: tenantText('QAA', 0),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { estate, tenants } = result.model;
    expect(tenants.map((t) => [t.odsCode, t.kind, t.file])).toEqual([
      ['QAA', 'icb', 'config/tenants/QAA.yaml'],
      ['RAA', 'trust', 'config/tenants/RAA.yaml'],
      ['X26', 'national', 'config/tenants/X26.yaml'],
    ]);
    expect(estate.network.growthFactor).toBe(10);
    expect(estate.network.transitGatewayAsn).toBe(64512);
    expect(estate.network.dns).toEqual({ onPremisesResolvers: [], forwardedDomains: [] });
    expect(estate.segmentation).toEqual({ defaultAction: 'deny', rules: [], egressDomains: [] });
  });

  test('the default tenants used by the other tests are themselves valid', () => {
    expect(errorsOf(ESTATE, defaultTenants())).toEqual([]);
  });

  test('an estate with no tenants is valid', () => {
    expect(errorsOf(ESTATE, {})).toEqual([]);
  });
});

describe('dates in config', () => {
  const withException = (expires: string) =>
    edit(
      edit(ESTATE, 'allowedRegions: [eu-west-2]', 'allowedRegions: [eu-west-2, eu-west-1]'),
      'residencyExceptions: []',
      [
        'residencyExceptions:',
        '  - region: eu-west-1',
        '    reason: disaster recovery copy agreed with the SIRO in 2025',
        '    author: dr-lead@example.nhs.uk',
        '    approver: siro@example.nhs.uk',
        `    expires: '${expires}'`,
      ].join('\n'),
    );

  test('a residency exception that expires on an impossible date is refused, not rolled over', () => {
    // Date.parse reads 2027-02-30 as 2 March 2027.
    expect(errorsOf(withException('2027-02-30'))).toEqual([
      'config/estate.yaml:9:14 residencyExceptions[0].expires: expected a real calendar date, got "2027-02-30"',
    ]);
    expect(errorsOf(withException('2027-13-01'))).toHaveLength(1);
  });

  test('real dates pass, 29 February only in a leap year', () => {
    expect(errorsOf(withException('2028-02-29'))).toEqual([]);
    expect(errorsOf(withException('2027-02-29'))).toHaveLength(1);
  });
});
