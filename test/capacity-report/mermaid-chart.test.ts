import { planCapacity } from '../../lib/planners/capacity/plan-capacity';
import { headroomChart } from '../../lib/capacity-report/mermaid-chart';
import { estateModel } from '../planners/capacity/estate-builder';

describe('headroomChart', () => {
  // 30 tenants: peaks 100..3000 Mbps, so the largest are R29 (3,000) down to R18 (1,900).
  const plan = planCapacity(
    estateModel(
      Array.from({ length: 30 }, (_, i) => ({
        ods: `R${String(i).padStart(2, '0')}`,
        peakMbps: (i + 1) * 100,
      })),
    ),
  );

  test('shows the national aggregates and only the largest tenants, biggest first', () => {
    const xAxis = headroomChart(plan).split('\n')[3];
    expect(xAxis).toBe(
      '  x-axis ["firewall", "NAT", "R29", "R28", "R27", "R26", "R25", "R24", "R23", "R22", "R21", "R20", "R19", "R18"]',
    );
    expect(headroomChart(plan, 2).split('\n')[3]).toBe('  x-axis ["firewall", "NAT", "R29", "R28"]');
  });

  test('caps bars at 10 so small tenants do not flatten the chart, and draws the 1.0 line', () => {
    const lines = headroomChart(plan, 2).split('\n');
    // Total need 465,000 Mbps -> 3 lanes per AZ, 600,000 Mbps; R29 needs 30,000.
    expect(lines[5]).toBe('  bar [0.43, 0.43, 6.66, 6.89]');
    expect(lines[4]).toBe('  y-axis "capacity / need (capped at 7)" 0 --> 7');
    expect(lines[6]).toBe('  line [1, 1, 1, 1]');
  });
});
