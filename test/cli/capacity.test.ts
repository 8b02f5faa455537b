import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capacityCommand } from '../../lib/cli/commands/capacity';
import { CheckFailedError } from '../../lib/errors/user-input-error';
import type { CapacityJson } from '../../lib/capacity-report/format-json';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';

const EXAMPLE = FIXTURE_ESTATE_DIR;

/** Runs `nhs-cloud capacity <args>` and returns what it printed, plus the error it threw, if any. */
async function run(...args: string[]): Promise<{ out: string; error?: unknown }> {
  const out: string[] = [];
  const command = capacityCommand({ out: (t) => out.push(t), err: (t) => out.push(t) })
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
  try {
    await command.parseAsync(args, { from: 'user' });
    return { out: out.join('\n') };
  } catch (error) {
    return { out: out.join('\n'), error };
  }
}

describe('nhs-cloud capacity on the example estate', () => {
  let json: CapacityJson;
  beforeAll(async () => {
    const { out, error } = await run('--config', EXAMPLE, '--json');
    expect(error).toBeUndefined();
    json = JSON.parse(out);
  });

  test('every tenant environment path, lane, gateway and national aggregate has headroom of at least 1.0', () => {
    expect(json.ok).toBe(true);
    expect(json.paths.length).toBeGreaterThan(0);
    const short = [...json.paths, ...json.national, ...json.lanes, ...json.directConnectGateways].filter(
      (r) => !(r.headroom >= 1),
    );
    expect(short).toEqual([]);
    expect(json.minimumHeadroom).toBeGreaterThanOrEqual(1);
  });

  test('covers spoke, inspection and egress for every environment, and on-premises where configured', () => {
    const paths = new Set(json.paths.map((r) => `${r.tenant}/${r.environment}/${r.path}`));
    const rgr = readFileSync(join(EXAMPLE, 'tenants', 'RGR.yaml'), 'utf8');
    expect(rgr).toMatch(/connection: vpn/);
    for (const path of ['spoke-attachment', 'inspection', 'egress-nat', 'on-premises']) {
      expect(paths).toContain(`RGR/prod/${path}`);
    }
    expect(json.national.map((r) => r.path)).toEqual([
      'firewall-endpoints',
      'nat-gateways',
      'dx-ports',
      'dx-gateway-attachment',
    ]);
  });

  test('--format md prints the table and a Mermaid chart; the default is a text table', async () => {
    const md = await run('--config', EXAMPLE, '--format', 'md');
    expect(md.out).toContain('```mermaid\nxychart-beta\n');
    expect(md.out).toContain('| Tenant | Environment | Lane | Need (Mbps) |');
    expect(md.out).toContain('### Lanes');
    const text = await run('--config', EXAMPLE);
    expect(text.out).toMatch(/^RGR {5}prod {9}on-premises /m);
    expect(text.out).toMatch(/All needs met; minimum headroom \d+\.\d\dx\.$/);
  });

  test('the example needs two lanes at 1,000-byte packets, and one quota increase: six NAT addresses', () => {
    expect(json.hub.lanes.count).toBe(2);
    expect(json.lanes.filter((l) => l.path === 'inspection').map((l) => l.members.length)).toEqual([9, 8]);
    expect(
      json.quotas.filter((q) => q.request || q.problem).map((q) => [q.name, q.needed, q.request]),
    ).toEqual([
      ['EC2-VPC Elastic IPs per Region', 6, { value: 8, why: '6 needed: one address per NAT gateway' }],
    ]);
  });

  test('rejects an unknown format', async () => {
    const { error } = await run('--config', EXAMPLE, '--format', 'xml');
    expect(error).toMatchObject({ code: 'commander.invalidArgument' });
  });
});

describe('nhs-cloud capacity with an unmet need', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'capacity-'));
    cpSync(EXAMPLE, dir, { recursive: true });
    const file = join(dir, 'tenants', 'RGR.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/currentPeakMbps: 800\b/);
    writeFileSync(file, text.replace(/currentPeakMbps: 800\b/, 'currentPeakMbps: 4500'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('prints the plan, then fails with a message naming the tenant and path', async () => {
    const { out, error } = await run('--config', dir, '--json');
    expect(JSON.parse(out).ok).toBe(false);
    expect(error).toBeInstanceOf(CheckFailedError);
    expect((error as CheckFailedError).exitCode).toBe(1);
    expect((error as CheckFailedError).message).toMatch(
      /^Capacity plan: 1 unmet need\n {2}- RGR on-premises: needs 45,000 Mbps \(10 x 4,500 Mbps peak\) but Site-to-Site VPN tops out at 40,000 Mbps .* use Direct Connect: set network\.onPremises\.connection: directConnect in .*RGR\.yaml$/,
    );
  });
});
