import { formatCapacityText } from '../../lib/capacity-report/format-text';
import { FAILING_PLAN, MIXED_PLAN } from './fixtures';

describe('capacity text table', () => {
  test('aligns the national aggregates under their headings', () => {
    const lines = formatCapacityText(MIXED_PLAN).split('\n');
    const start = lines.indexOf('National aggregates');
    expect(lines.slice(start + 1, start + 4)).toEqual([
      'PATH                   NEED Mbps  CAPACITY Mbps  HEADROOM  SIZING',
      'firewall-endpoints        58,200        200,000     3.43x  1 per AZ in 3 AZs (3)',
      'nat-gateways              58,200        200,000     3.43x  1 per AZ in 3 AZs (3)',
    ]);
  });

  test('has one line per tenant environment and path', () => {
    const lines = formatCapacityText(MIXED_PLAN).split('\n');
    expect(lines).toContain(
      'RGR     nonprod      on-premises           8,000          8,750     1.09x  VPN: 4 connections, 8 tunnels',
    );
    expect(lines).toContain('RAX     prod         spoke-attachment        200        200,000  1000.00x');
    expect(lines.filter((l) => /^R[A-Z0-9]{2} /.test(l))).toHaveLength(MIXED_PLAN.paths.length);
    expect(lines[lines.length - 1]).toBe('All needs met; minimum headroom 1.09x.');
  });

  test('ends with every unmet need', () => {
    expect(formatCapacityText(FAILING_PLAN)).toMatch(
      /\n\nCapacity plan: 1 unmet need\n {2}- RDU on-premises: needs 40,000 Mbps [^\n]+RDU\.yaml$/,
    );
  });
});
