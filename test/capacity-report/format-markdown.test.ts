import { formatCapacityMarkdown } from '../../lib/capacity-report/format-markdown';
import { planCapacity } from '../../lib/planners/capacity/plan-capacity';
import { planNetwork } from '../../lib/planners/hub/network-plan';
import { estateModel } from '../planners/capacity/estate-builder';
import { FAILING_PLAN, MIXED_PLAN } from './fixtures';

describe('capacity Markdown', () => {
  const lines = formatCapacityMarkdown(MIXED_PLAN).split('\n');

  test('includes a Mermaid xychart of headroom', () => {
    const start = lines.indexOf('```mermaid');
    expect(lines.slice(start, start + 8)).toEqual([
      '```mermaid',
      'xychart-beta',
      '  title "Headroom at 10x: national aggregates and the 3 largest tenants, minimum 1.25x"',
      '  x-axis ["firewall", "NAT", "DX ports", "DX gateway", "RW3", "RGR", "RAX"]',
      '  y-axis "capacity / need (capped at 10)" 0 --> 10',
      '  bar [2.06, 2.06, 4.00, 3.60, 2.40, 1.25, 10.00]',
      '  line [1, 1, 1, 1, 1, 1, 1]',
      '```',
    ]);
  });

  test('has a row per national aggregate', () => {
    expect(lines).toContain(
      '| dx-ports | 50,000 | 200,000 | 4.00× | 100 Gbps ports, LAG of 2 at each of 2 locations (4 ports; 2 locations needed) |',
    );
    expect(lines).toContain(
      '| firewall-endpoints | 58,200 | 120,000 | 2.06× | 1 lane of 120,000 Mbps, 1 per AZ each in 3 AZs (3); attachment packet rate binds at 1,000-byte packets |',
    );
  });

  test('has a row per lane and Direct Connect gateway', () => {
    expect(lines).toContain('| 1 | 58,200 | 120,000 | 2.06× | 3: RAX, RGR, RW3 |');
    expect(lines).toContain('| 1 | 1 | 50,000 | 180,000 | 3.60× | 1 / 100, 1 / 200 | RW3 |');
  });

  test('has a row per tenant environment with its lane and every path it uses, the lane as built', () => {
    expect(lines).toContain(
      '| RGR | nonprod | 1 | 8,000 | 180,000 (22.50×) | 120,000 (15.00×) | 120,000 (15.00×) | 10,000 (1.25×) VPN: 2 connections, 4 tunnels of 5 Gbps |',
    );
    expect(lines).toContain(
      '| RAX | prod | 1 | 200 | 180,000 (900.00×) | 120,000 (600.00×) | 120,000 (600.00×) | – |',
    );
    expect(lines.filter((l) => /^\| R[A-Z0-9]{2} \|/.test(l))).toHaveLength(4);
  });

  test('states the minimum headroom, or lists the unmet needs', () => {
    expect(lines).toContain('All needs met; minimum headroom 1.25×.');
    const failing = formatCapacityMarkdown(FAILING_PLAN);
    expect(failing).toContain('Capacity plan: 1 unmet need\n  - RDU on-premises: needs 45,000 Mbps');
    expect(failing).toContain('  bar [2.65, 2.65, 0.88, 10.00]');
  });
});

describe('capacity Markdown for an estate of several lanes', () => {
  const model = estateModel(
    Array.from({ length: 25 }, (_, i) => ({ ods: `RB${String.fromCharCode(65 + i)}`, peakMbps: 9000 })),
  );
  const plan = planCapacity(model);
  const text = formatCapacityMarkdown(plan, planNetwork(model, plan.hub).quotas);

  test('lists every lane with its members', () => {
    expect(text).toContain('| 25 | 90,000 | 120,000 | 1.33× | 1: RBY |');
  });

  test('states each quota increase to request, with the page that states the quota', () => {
    expect(text).toContain(
      '| [Network Firewall: firewalls per account per Region](https://docs.aws.amazon.com/network-firewall/latest/developerguide/quotas.html) | 5 | 25 | raise to 32 | 25 needed: one Network Firewall per lane |',
    );
  });

  test('says which tenants are placed by need and not yet pinned', () => {
    expect(text).toContain(
      'Placed by need, not pinned: 25 tenants (hub.lanes.laneOf in --json gives each one',
    );
  });
});
