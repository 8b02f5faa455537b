import { assertCapacity, CapacityError } from '../../../lib/planners/capacity/assert-capacity';
import { planCapacity } from '../../../lib/planners/capacity/plan-capacity';
import { estateModel } from './estate-builder';

describe('assertCapacity', () => {
  test('passes a plan with every need met and returns it', () => {
    const plan = planCapacity(estateModel([{ ods: 'RGR', peakMbps: 800, onPremises: 'vpn' }]));
    expect(assertCapacity(plan)).toBe(plan);
  });

  test('throws one error listing every unmet need', () => {
    const plan = planCapacity(
      estateModel([
        { ods: 'RDU', peakMbps: 4500, onPremises: 'vpn' },
        { ods: 'RM3', peakMbps: 5000, onPremises: 'vpn' },
      ]),
    );
    expect(() => assertCapacity(plan)).toThrow(CapacityError);
    expect(() => assertCapacity(plan)).toThrow(
      /^Capacity plan: 2 unmet needs\n {2}- RDU on-premises: needs 45,000 Mbps .*\n {2}- RM3 on-premises: needs 50,000 Mbps /,
    );
  });
});
