import { planCapacity } from '../../lib/planners/capacity/plan-capacity';
import { loadConfig } from '../../lib/config/load-config';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateConfigDir } from '../../lib/config/load-config';
import { UserInputError } from '../../lib/errors/user-input-error';
import { planOnboarding, writeOnboarding } from '../../lib/onboarding/onboard-tenant';
import { parseTenantRequest, TenantRequest } from '../../lib/onboarding/tenant-request';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';
import { runCli } from '../support/run-cli';

function copyOfExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-onboard-'));
  cpSync(FIXTURE_ESTATE_DIR, dir, { recursive: true });
  return dir;
}

/** The README's example, at a peak the fixture estate's headroom carries. */
const MSE = [
  'onboard',
  '--tenant',
  'RAJ',
  '--name',
  'Mid and South Essex NHS Foundation Trust',
  '--icb',
  'QJG',
  '--env',
  'prod=300000000001',
  '--env',
  'nonprod=300000000002',
  '--peak-mbps',
  '500',
  '--owner',
  'it@mse.nhs.uk',
  '--security-contact',
  'cyber@mse.nhs.uk',
  '--budget-gbp',
  '20000',
];
const VPN = [
  '--on-prem',
  'vpn',
  '--on-prem-cidr',
  '172.30.0.0/16',
  '--on-prem-asn',
  '65030',
  '--on-prem-gateway-ip',
  '198.51.100.40',
  '--on-prem-gateway-ip',
  '198.51.100.41',
];
const replaced = (args: string[], from: string, to: string) => args.map((a) => (a === from ? to : a));
const files = (dir: string) => readdirSync(join(dir, 'tenants')).sort();

describe('nhs-cloud onboard', () => {
  test('writes a valid tenant file with the lowest free CIDRs and records them in the allocation register', async () => {
    const dir = copyOfExample();
    const run = await runCli([...MSE, '--config', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The example allocates 10.64.0.0/21 .. 10.64.248.0/21 (32 environments), so the next are:
    expect(run.stdout).toBe(
      [
        `wrote ${join(dir, 'tenants', 'RAJ.yaml')} and created ${join(dir, 'allocations.yaml')}:`,
        '  prod     10.65.0.0/21     account 300000000001',
        '  nonprod  10.65.8.0/21     account 300000000002',
        'next: npx nhs-cloud check --tenant RAJ   (runs what the pull request runs; then commit both files)',
        '',
      ].join('\n'),
    );
    const text = readFileSync(join(dir, 'tenants', 'RAJ.yaml'), 'utf8');
    expect(text).toContain("  prod:\n    accountId: '300000000001'\n    cidr: '10.65.0.0/21'\n");
    expect(text).toContain("icb: 'QJG'\n");
    expect(readFileSync(join(dir, 'allocations.yaml'), 'utf8')).toMatch(
      /\n10\.64\.248\.0\/21: X24 nonprod\n10\.65\.0\.0\/21: RAJ prod\n10\.65\.8\.0\/21: RAJ nonprod\n$/,
    );
    expect(validateConfigDir(dir).ok).toBe(true);
  });

  test('the files it writes are clean under the repository formatter (prettier, singleQuote)', async () => {
    const dir = copyOfExample();
    const name = `St George's "Teaching" Hospital, finance: x # not a comment`;
    const run = await runCli([
      ...replaced(MSE, 'Mid and South Essex NHS Foundation Trust', name),
      ...VPN,
      '--config',
      dir,
    ]);
    expect(run.code).toBe(0);
    const prettier = spawnSync(
      join(__dirname, '../../node_modules/.bin/prettier'),
      [
        '--config',
        join(__dirname, '../../.prettierrc.json'),
        '--check',
        join(dir, 'tenants', 'RAJ.yaml'),
        join(dir, 'allocations.yaml'),
      ],
      { encoding: 'utf8' },
    );
    expect(prettier.stderr).toBe('');
    expect(prettier.status).toBe(0);
    // The name is one quoted value: it added no key.
    expect(validateConfigDir(dir)).toMatchObject({ ok: true });
    expect(readFileSync(join(dir, 'tenants', 'RAJ.yaml'), 'utf8')).toContain(
      `name: 'St George''s "Teaching" Hospital, finance: x # not a comment'\n`,
    );
  });

  test('a flag value cannot add a key: an e-mail with ", finance: x" is refused at the flag', async () => {
    const dir = copyOfExample();
    const run = await runCli([
      ...replaced(MSE, 'it@mse.nhs.uk', 'it@mse.nhs.uk, finance: x'),
      '--config',
      dir,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      '--owner: expected an e-mail address such as cyber@trust.nhs.uk, got "it@mse.nhs.uk, finance: x"\n  hint: a monitored team mailbox\n',
    );
    expect(files(dir)).not.toContain('RAJ.yaml');
  });

  test('is deterministic, takes --ods and any case, and --format json reports the CIDRs it allocated', async () => {
    const dryRun = (args: string[]) => runCli([...args, '--config', copyOfExample(), '--dry-run']);
    const a = await dryRun(MSE);
    const b = await dryRun(
      replaced(replaced(replaced(MSE, '--tenant', '--ods'), 'RAJ', 'raj'), 'QJG', 'qjg'),
    );
    expect(b.stdout).toBe(a.stdout);
    const dir = copyOfExample();
    const json = await runCli([...MSE, '--config', dir, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: true,
      tenant: 'RAJ',
      written: true,
      files: [join(dir, 'tenants', 'RAJ.yaml'), join(dir, 'allocations.yaml')],
      environments: [
        { name: 'prod', accountId: '300000000001', cidr: '10.65.0.0/21' },
        { name: 'nonprod', accountId: '300000000002', cidr: '10.65.8.0/21' },
      ],
      next: 'npx nhs-cloud check --tenant RAJ',
    });
  });

  test('honours --prefix', async () => {
    const run = await runCli([...MSE, '--prefix', '/24', '--config', copyOfExample(), '--dry-run']);
    expect(run.stdout).toContain("cidr: '10.65.0.0/24'");
    expect(run.stdout).toContain("cidr: '10.65.1.0/24'");
  });

  test('refuses a tenant that exists, at the flag, without a stack trace', async () => {
    const dir = copyOfExample();
    const run = await runCli([...replaced(MSE, 'RAJ', 'rgr'), '--config', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `--tenant: expected a new tenant, got RGR, which already exists (${join(dir, 'tenants', 'RGR.yaml')})\n` +
        '  hint: edit that file in a pull request to change the tenant; onboard only adds new ones\n',
    );
  });

  test('a tenant file created by a concurrent onboard after the checks gets "already exists", not EEXIST', () => {
    const dir = copyOfExample();
    const parsed = parseTenantRequest({
      tenant: 'RAJ',
      name: 'Mid and South Essex NHS Foundation Trust',
      scope: 'local',
      icb: 'QJG',
      env: ['prod=300000000001'],
      peakMbps: '500',
      owner: 'it@mse.nhs.uk',
      securityContact: 'cyber@mse.nhs.uk',
      budgetGbp: '20000',
      dataClassification: 'OFFICIAL',
      patientData: true,
      prefix: '/21',
      onPremCidr: [],
      onPremGatewayIp: [],
    }) as { request: TenantRequest };
    const plan = planOnboarding(dir, parsed.request);
    writeFileSync(join(dir, 'tenants', 'RAJ.yaml'), 'odsCode: RAJ # written by the other run\n');
    let thrown: unknown;
    try {
      writeOnboarding(plan, dir);
    } catch (error) {
      thrown = error;
    }
    expect(UserInputError.is(thrown)).toBe(true);
    expect((thrown as Error).message).toContain(
      '--tenant: expected a new tenant, got RAJ, which already exists',
    );
    expect(readFileSync(join(dir, 'tenants', 'RAJ.yaml'), 'utf8')).toBe(
      'odsCode: RAJ # written by the other run\n',
    );
    expect(existsSync(join(dir, 'allocations.yaml'))).toBe(false);
  });

  test('an account another tenant uses is refused at --env, naming the file that has it', async () => {
    const dir = copyOfExample();
    const run = await runCli([...replaced(MSE, 'prod=300000000001', 'prod=123456789012'), '--config', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `--env prod: expected an account of its own, got 123456789012, which RGR prod (${join(dir, 'tenants', 'RGR.yaml')}) already is\n` +
        '  hint: each tenant environment is a separate AWS account; check the ID in the onboarding request\n',
    );
    expect(files(dir)).not.toContain('RAJ.yaml');
  });

  test('a trust without an ICB is refused at --icb, citing no file', async () => {
    const dir = copyOfExample();
    const run = await runCli([...MSE.filter((a) => a !== '--icb' && a !== 'QJG'), '--config', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      '--icb: is required for a local trust but missing\n  hint: add `icb: Q..` with the ODS code of the trust’s ICB\n',
    );
  });

  test('a config that is already invalid is reported as the estate’s problem, and nothing is written', async () => {
    const dir = copyOfExample();
    writeFileSync(join(dir, 'tenants', 'RDE.yaml'), 'odsCode: RDE\nname: [unclosed\n');
    const run = await runCli([...MSE, '--config', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${dir} is not valid before RAJ is added, so nothing was written; these are problems of the estate, not of the new tenant:`,
    );
    expect(run.stderr).toContain(`${join(dir, 'tenants', 'RDE.yaml')}:2:7: YAML syntax error`);
    expect(files(dir)).not.toContain('RAJ.yaml');
  });
});

describe('onboard refuses a trust the estate cannot carry, and says what to do', () => {
  test('a trust bigger than one hub lane is refused with the need, the lane it exceeds and the next step', async () => {
    // The hub adds lanes as the estate grows (ADR 0024), so only a need no one lane can carry is refused.
    const dir = copyOfExample();
    const run = await runCli([...replaced(MSE, '500', '13000'), '--config', dir]);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe(
      'RAJ cannot join yet: at 10x its measured peak it needs 10 x 13,000 Mbps = 130,000 Mbps, more than these paths carry:',
    );
    expect(lines[1]).toBe('- lanes (a network path).');
    expect(lines[2]).toMatch(
      /^ {2}Capacity plan: lanes: RAJ needs 130,000 Mbps .*more than one lane carries/,
    );
    expect(run.stderr).toContain(
      "Next: one VPC attachment cannot carry RAJ's need: check --peak-mbps 13,000 is the measured peak, or split the workload over more environments, each its own VPC.",
    );
    expect(files(dir)).not.toContain('RAJ.yaml');
    expect(existsSync(join(dir, 'allocations.yaml'))).toBe(false);
  });

  test('at 900 Mbps the trust fits: the hub plans another lane rather than refusing', async () => {
    const dir = copyOfExample();
    const run = await runCli([...replaced(MSE, '500', '900'), '--config', dir]);
    expect(run.code).toBe(0);
    expect(files(dir)).toContain('RAJ.yaml');
  });

  test('the new trust is pinned to the lane the planner placed it in, so later onboardings cannot move it', async () => {
    const dir = copyOfExample();
    expect((await runCli([...MSE, '--config', dir])).code).toBe(0);
    const placed = planCapacity(loadConfig(dir)).hub.lanes.laneOf.RAJ;
    expect(readFileSync(join(dir, 'tenants', 'RAJ.yaml'), 'utf8')).toContain(
      `  lane: ${placed} # hub lane, placed by need when onboarded\n`,
    );
    expect(loadConfig(dir).tenants.find((t) => t.odsCode === 'RAJ')?.network.lane).toBe(placed);
  });

  test('a VPN that cannot carry the need points at Direct Connect, and cites no file that was never written', async () => {
    const dir = copyOfExample();
    // Eight connections of two 5 Gbps tunnels carry 40 Gbps with an AZ lost: 6,000 Mbps x 10 is more.
    const run = await runCli([...replaced(MSE, '500', '6000'), ...VPN, '--config', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('- on-premises (the tenant’s own on-premises link).');
    expect(run.stderr).toContain('onboard with --on-prem directConnect');
    expect(run.stderr).not.toContain(join(dir, 'tenants', 'RAJ.yaml'));
  });
});

describe('nhs-cloud onboard with an on-premises link', () => {
  test('writes a VPN link with its gateway addresses, and the file validates', async () => {
    const dir = copyOfExample();
    const run = await runCli([...MSE, ...VPN, '--config', dir]);
    expect(run.stderr).toBe('');
    const text = readFileSync(join(dir, 'tenants', 'RAJ.yaml'), 'utf8');
    expect(text).toContain(
      "  onPremises:\n    connection: 'vpn'\n    cidrs:\n      - '172.30.0.0/16'\n    asn: 65030\n    customerGatewayIps:\n      - '198.51.100.40'\n      - '198.51.100.41'\n",
    );
    expect(validateConfigDir(dir).ok).toBe(true);
  });

  test('a VPN without gateway addresses, or with a private one, is refused at the flag', async () => {
    const without = await runCli([...MSE, ...VPN.slice(0, 6), '--config', copyOfExample()]);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain(
      '--on-prem-gateway-ip: expected one or two public addresses of the on-premises VPN devices, got 0',
    );
    const privateIp = await runCli([
      ...MSE,
      ...replaced(VPN, '198.51.100.41', '192.168.1.1'),
      '--config',
      copyOfExample(),
    ]);
    expect(privateIp.stderr).toBe(
      '--on-prem-gateway-ip: expected the public internet address of a VPN device, got 192.168.1.1, which is private (RFC 1918, 192.168.0.0/16)\n',
    );
  });

  test('an on-premises range another trust has is refused, naming that trust’s file', async () => {
    const dir = copyOfExample();
    const run = await runCli([...MSE, ...replaced(VPN, '172.30.0.0/16', '172.20.0.0/16'), '--config', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `--on-prem-cidr: expected a range no other network uses, got 172.20.0.0/16, which overlaps 172.20.0.0/16, RGR on-premises (${join(dir, 'tenants', 'RGR.yaml')})`,
    );
  });

  test('on-premises options without --on-prem are refused, not dropped', async () => {
    const run = await runCli([...MSE, ...VPN.slice(2), '--config', copyOfExample()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--on-prem-cidr: applies only to an on-premises link, but --on-prem is not given',
    );
    expect(run.stderr).toContain('--on-prem-gateway-ip: applies only to an on-premises link');
  });

  test('an on-premises CIDR with host bits set names the flag and the network address, with no stack trace', async () => {
    const run = await runCli([
      ...MSE,
      ...replaced(VPN, '172.30.0.0/16', '172.30.0.1/16'),
      '--config',
      copyOfExample(),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      '--on-prem-cidr: expected a network address with no host bits set, got 172.30.0.1/16 (did you mean 172.30.0.0/16?)\n',
    );
  });
});
