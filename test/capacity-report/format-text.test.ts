import { formatCapacityText } from '../../lib/capacity-report/format-text';
import { FAILING_PLAN, MIXED_PLAN } from './fixtures';

describe('capacity text table', () => {
  test('aligns the national aggregates under their headings', () => {
    const lines = formatCapacityText(MIXED_PLAN).split('\n');
    const start = lines.indexOf('National aggregates');
    expect(lines.slice(start + 1, start + 4)).toEqual([
      'PATH                   NEED Mbps  CAPACITY Mbps  HEADROOM  SIZING',
      'firewall-endpoints        58,200        120,000     2.06x  1 lane of 120,000 Mbps, 1 per AZ each in 3 AZs (3); attachment packet rate binds at 1,000-byte packets',
      'nat-gateways              58,200        120,000     2.06x  1 lane of 120,000 Mbps, 1 per AZ each in 3 AZs (3); attachment packet rate binds at 1,000-byte packets',
    ]);
  });

  test('has one line per tenant environment and path', () => {
    const lines = formatCapacityText(MIXED_PLAN).split('\n');
    expect(lines).toContain(
      'RGR     nonprod      on-premises           8,000         10,000     1.25x        VPN: 2 connections, 4 tunnels of 5 Gbps',
    );
    expect(lines).toContain('RAX     prod         spoke-attachment        200        180,000   900.00x');
    expect(lines).toContain(
      'RAX     prod         inspection              200        120,000   600.00x     1',
    );
    expect(lines.filter((l) => /^R[A-Z0-9]{2} /.test(l))).toHaveLength(MIXED_PLAN.paths.length);
    expect(lines[lines.length - 1]).toBe('All needs met; minimum headroom 1.25x.');
  });

  test('ends with every unmet need', () => {
    expect(formatCapacityText(FAILING_PLAN)).toMatch(
      /\n\nCapacity plan: 1 unmet need\n {2}- RDU on-premises: needs 45,000 Mbps [^\n]+RDU\.yaml$/,
    );
  });
});
