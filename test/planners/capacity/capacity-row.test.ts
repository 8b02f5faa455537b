import { capacityRow, groupDigits, needMbps } from '../../../lib/planners/capacity/capacity-row';

describe('needMbps', () => {
  test.each`
    growth | peak     | need
    ${10}  | ${20}    | ${200}
    ${10}  | ${0.3}   | ${3}
    ${10}  | ${12.34} | ${124}
    ${1.5} | ${333}   | ${500}
    ${1}   | ${0.01}  | ${1}
  `('$growth x $peak Mbps -> $need Mbps (rounded up, never down)', ({ growth, peak, need }) => {
    expect(needMbps(growth, peak)).toBe(need);
  });
});

describe('capacityRow', () => {
  test.each`
    need      | capacity  | headroom
    ${8000}   | ${8750}   | ${1.093}
    ${192700} | ${200000} | ${1.037}
    ${3000}   | ${200000} | ${66.666}
    ${40000}  | ${18750}  | ${0.468}
    ${10000}  | ${10000}  | ${1}
    ${10000}  | ${9999}   | ${0.999}
  `('$capacity / $need -> headroom $headroom (rounded down)', ({ need, capacity, headroom }) => {
    expect(capacityRow(need, capacity)).toEqual({ needMbps: need, capacityMbps: capacity, headroom });
  });
});

test('groupDigits groups thousands whatever the locale', () => {
  expect([0, 999, 1000, 1250, 1_000_000].map(groupDigits)).toEqual([
    '0',
    '999',
    '1,000',
    '1,250',
    '1,000,000',
  ]);
});
