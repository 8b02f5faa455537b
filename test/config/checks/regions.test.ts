import { defaultTenants, edit, errorsOf, ESTATE, TODAY, tenantText } from '../helpers';

/** estate.yaml allowing eu-west-1 under a residency exception that expires on `expires` (line 4). */
function withException(expires: string, author = 'architect@raa.nhs.uk'): string {
  return edit(
    edit(ESTATE, 'allowedRegions: [eu-west-2]', 'allowedRegions: [eu-west-2, eu-west-1]'),
    'residencyExceptions: []',
    `residencyExceptions: [{ region: eu-west-1, reason: Disaster recovery copy of the imaging archive, approver: siro@raa.nhs.uk, author: ${author}, expires: '${expires}' }]`,
  );
}

/** RAA with its prod environment in `region` (tenant line 16). */
const trustIn = (region: string) =>
  edit(tenantText('RAA', 1), '    cidr: 10.64.16.0/21', `    cidr: 10.64.16.0/21\n    region: ${region}`);

describe('regions and residency', () => {
  test('an environment in a region that is not allowed', () => {
    expect(errorsOf(ESTATE, { ...defaultTenants(), RAA: trustIn('eu-west-1') })).toEqual([
      'config/tenants/RAA.yaml:16:13 environments.prod.region: expected one of allowedRegions (eu-west-2), got "eu-west-1"\n' +
        '  hint: the estate only deploys to allowed regions; remove the field to use the home region',
    ]);
  });

  test('homeRegion not in allowedRegions', () => {
    expect(errorsOf(edit(ESTATE, 'homeRegion: eu-west-2', 'homeRegion: eu-west-1'))).toEqual([
      'config/estate.yaml:2:13 homeRegion: expected homeRegion to be one of allowedRegions (eu-west-2), got "eu-west-1"\n' +
        '  hint: add it to allowedRegions or choose an allowed region',
    ]);
  });

  test('a non-UK allowed region without a residency exception', () => {
    const estate = edit(ESTATE, 'allowedRegions: [eu-west-2]', 'allowedRegions: [eu-west-2, eu-west-1]');
    expect(errorsOf(estate)).toEqual([
      'config/estate.yaml:3:29 allowedRegions[1]: expected a UK region or one with a residency exception, got "eu-west-1"\n' +
        '  hint: add a residencyExceptions entry with region, reason and approver (SIRO/DPO/Caldicott sign-off)',
    ]);
  });

  test.each([
    { expires: '2025-05-31', today: TODAY, valid: false },
    { expires: TODAY, today: TODAY, valid: true },
    { expires: '2025-05-31', today: '2025-05-30', valid: true },
  ])('exception expiring $expires, checked on $today: valid=$valid', ({ expires, today, valid }) => {
    const expected = valid
      ? []
      : [
          `config/estate.yaml:4:165 residencyExceptions[0].expires: residency exception for eu-west-1 expired on ${expires} (today is ${today})\n` +
            '  hint: renew the approval with a new expiry date, or remove the region',
        ];
    expect(errorsOf(withException(expires), defaultTenants(), today)).toEqual(expected);
  });

  // Issue 14: an exception approved by the person who asked for it is no approval.
  test('an exception whose approver is its author', () => {
    expect(errorsOf(withException('2026-01-01', 'SIRO@raa.nhs.uk'))).toEqual([
      'config/estate.yaml:4:109 residencyExceptions[0].approver: expected an approver other than the author (SIRO@raa.nhs.uk), got the same\n' +
        '  hint: a residency exception is approved by someone who did not ask for it (the SIRO, DPO or Caldicott Guardian)',
    ]);
  });

  test('availability zones missing for a region an environment uses', () => {
    expect(errorsOf(withException('2026-01-01'), { ...defaultTenants(), RAA: trustIn('eu-west-1') })).toEqual(
      [
        'config/estate.yaml:5:1 availabilityZones: expected availability zones for region eu-west-1, found none\n' +
          '  hint: add availabilityZones.eu-west-1: [euw1-az1, euw1-az2, euw1-az3] (zone IDs: aws ec2 describe-availability-zones --region eu-west-1)',
      ],
    );
  });

  test('an allowed region nobody uses needs no availability zones', () => {
    expect(errorsOf(withException('2026-01-01'))).toEqual([]);
  });

  test('availability zones missing for the home region', () => {
    const estate = edit(
      ESTATE,
      '  eu-west-2: [euw2-az1, euw2-az2, euw2-az3]',
      '  eu-west-1: [euw1-az1, euw1-az2, euw1-az3]',
    );
    expect(errorsOf(estate)).toEqual([
      'config/estate.yaml:5:1 availabilityZones: expected availability zones for region eu-west-2, found none\n' +
        '  hint: add availabilityZones.eu-west-2: [euw2-az1, euw2-az2, euw2-az3] (zone IDs: aws ec2 describe-availability-zones --region eu-west-2)',
    ]);
  });

  test('a zone listed under the wrong region', () => {
    const estate = edit(ESTATE, 'euw2-az2, euw2-az3]', 'euw2-az2, euw1-az3]');
    expect(errorsOf(estate)).toEqual([
      'config/estate.yaml:6:35 availabilityZones.eu-west-2[2]: expected a zone ID of eu-west-2, got "euw1-az3"\n' +
        "  hint: eu-west-2's zone IDs start with euw2-, e.g. euw2-az1",
    ]);
  });
});
