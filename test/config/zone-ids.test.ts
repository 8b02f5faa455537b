import { zoneIdPrefix } from '../../lib/config/zone-ids';

describe('zoneIdPrefix', () => {
  it.each([
    ['eu-west-2', 'euw2'],
    ['eu-west-1', 'euw1'],
    ['us-east-1', 'use1'],
    ['ap-southeast-2', 'apse2'],
    ['ap-northeast-1', 'apne1'],
    ['eu-central-1', 'euc1'],
    ['us-gov-west-1', 'usgw1'],
  ])('%s has zone IDs %s-az1...', (region, prefix) => {
    expect(zoneIdPrefix(region)).toBe(prefix);
  });

  it('does not guess for a region whose words it does not know', () => {
    expect(zoneIdPrefix('xx-upward-1')).toBeUndefined();
    expect(zoneIdPrefix('eu')).toBeUndefined();
  });
});
