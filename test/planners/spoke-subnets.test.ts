import { planSpokeSubnets } from '../../lib/planners/spoke-subnets';

const ZONES = ['euw2-az1', 'euw2-az2', 'euw2-az3'];

describe('planSpokeSubnets', () => {
  test.each([
    [
      '10.64.0.0/21',
      ['10.64.0.0/23', '10.64.2.0/23', '10.64.4.0/23'],
      ['10.64.6.0/28', '10.64.6.16/28', '10.64.6.32/28'],
    ],
    [
      '10.70.0.0/16',
      ['10.70.0.0/18', '10.70.64.0/18', '10.70.128.0/18'],
      ['10.70.192.0/28', '10.70.192.16/28', '10.70.192.32/28'],
    ],
    [
      '10.64.1.0/24',
      ['10.64.1.0/26', '10.64.1.64/26', '10.64.1.128/26'],
      ['10.64.1.192/28', '10.64.1.208/28', '10.64.1.224/28'],
    ],
  ])('%s -> workload %j, transit %j', (cidr, workload, transit) => {
    const plan = planSpokeSubnets(cidr, ZONES);
    expect(plan.workload).toEqual(workload.map((c, i) => ({ availabilityZone: ZONES[i], cidr: c })));
    expect(plan.transit).toEqual(transit.map((c, i) => ({ availabilityZone: ZONES[i], cidr: c })));
  });

  test('needs three zones', () => {
    expect(() => planSpokeSubnets('10.64.0.0/21', ZONES.slice(0, 2))).toThrow(
      'a spoke needs three availability zones, got 2',
    );
  });
});
