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

  test('shows the national aggregates, the busiest lanes and only the largest tenants, biggest first', () => {
    const xAxis = headroomChart(plan).split('\n')[3];
    // 465,000 Mbps in 120,000 Mbps lanes: 4 lanes.
    expect(xAxis).toBe(
      '  x-axis ["firewall", "NAT", "lane 1", "lane 2", "lane 3", "lane 4", "R29", "R28", "R27", "R26", "R25", "R24", "R23", "R22", "R21", "R20", "R19", "R18"]',
    );
    expect(headroomChart(plan, 2).split('\n')[3]).toBe(
      '  x-axis ["firewall", "NAT", "lane 1", "lane 2", "lane 3", "lane 4", "R29", "R28"]',
    );
    expect(headroomChart(plan).split('\n')[2]).toBe(
      '  title "Headroom at 10x: national aggregates, the 4 busiest lanes and the 12 largest tenants, minimum 1.02x"',
    );
  });

  test('caps bars at 10 so small tenants do not flatten the chart, and draws the 1.0 line', () => {
    const lines = headroomChart(plan, 2).split('\n');
    // R29 needs 30,000 Mbps of a 120,000 Mbps lane and a 180,000 Mbps spoke attachment.
    expect(lines[5]).toBe('  bar [1.03, 1.03, 1.02, 1.03, 1.03, 1.03, 4.00, 4.13]');
    expect(lines[4]).toBe('  y-axis "capacity / need (capped at 5)" 0 --> 5');
    expect(lines[6]).toBe('  line [1, 1, 1, 1, 1, 1, 1, 1]');
  });
});
