import { formatCapacityMarkdown } from '../../lib/capacity-report/format-markdown';
import { FAILING_PLAN, MIXED_PLAN } from './fixtures';

describe('capacity Markdown', () => {
  const lines = formatCapacityMarkdown(MIXED_PLAN).split('\n');

  test('includes a Mermaid xychart of headroom', () => {
    const start = lines.indexOf('```mermaid');
    expect(lines.slice(start, start + 8)).toEqual([
      '```mermaid',
      'xychart-beta',
      '  title "Headroom at 10x: national aggregates and the 3 largest tenants, minimum 1.09x"',
      '  x-axis ["firewall", "NAT", "DX ports", "DX gateway", "RW3", "RGR", "RAX"]',
      '  y-axis "capacity / need (capped at 10)" 0 --> 10',
      '  bar [3.43, 3.43, 4.00, 4.00, 4.00, 1.09, 10.00]',
      '  line [1, 1, 1, 1, 1, 1, 1]',
      '```',
    ]);
  });

  test('has a row per national aggregate', () => {
    expect(lines).toContain(
      '| dx-ports | 50,000 | 200,000 | 4.00× | 100 Gbps ports, LAG of 2 at each of 2 locations (4 ports; 2 locations needed) |',
    );
    expect(lines).toContain('| firewall-endpoints | 58,200 | 200,000 | 3.43× | 1 per AZ in 3 AZs (3) |');
  });

  test('has a row per tenant environment with every path it uses', () => {
    expect(lines).toContain(
      '| RGR | nonprod | 8,000 | 200,000 (25.00×) | 200,000 (25.00×) | 200,000 (25.00×) | 8,750 (1.09×) VPN: 4 connections, 8 tunnels |',
    );
    expect(lines).toContain(
      '| RAX | prod | 200 | 200,000 (1000.00×) | 200,000 (1000.00×) | 200,000 (1000.00×) | – |',
    );
    expect(lines.filter((l) => /^\| R[A-Z0-9]{2} \|/.test(l))).toHaveLength(4);
  });

  test('states the minimum headroom, or lists the unmet needs', () => {
    expect(lines).toContain('All needs met; minimum headroom 1.09×.');
    const failing = formatCapacityMarkdown(FAILING_PLAN);
    expect(failing).toContain('Capacity plan: 1 unmet need\n  - RDU on-premises: needs 40,000 Mbps');
    expect(failing).toContain('  bar [4.97, 4.97, 0.46, 10.00]');
  });
});
