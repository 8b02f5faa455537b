import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateConfigDir } from '../../lib/config/load-config';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';
import { runCli } from '../support/run-cli';

function copyOfExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-onboard-'));
  cpSync(FIXTURE_ESTATE_DIR, dir, { recursive: true });
  return dir;
}

const MSE = [
  'onboard',
  '--ods',
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
  '900',
  '--owner',
  'it@mse.nhs.uk',
  '--security-contact',
  'cyber@mse.nhs.uk',
  '--budget-gbp',
  '20000',
];

describe('nhs-cloud onboard', () => {
  test('writes a valid tenant file with the lowest free CIDRs after the existing tenants', async () => {
    const dir = copyOfExample();
    const run = await runCli([...MSE, '--config', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The example allocates 10.64.0.0/21 .. 10.64.248.0/21 (32 environments), so the next are:
    expect(run.stdout).toContain('(10.65.0.0/21, 10.65.8.0/21)');
    const text = readFileSync(join(dir, 'tenants', 'RAJ.yaml'), 'utf8');
    expect(text).toContain("  prod: { accountId: '300000000001', cidr: 10.65.0.0/21 }");
    expect(text).toContain('icb: QJG');
    const result = validateConfigDir(dir);
    expect(result.ok).toBe(true);
  });

  test('is deterministic: the same request gives the same file', async () => {
    const a = await runCli([...MSE, '--config', copyOfExample(), '--dry-run']);
    const b = await runCli([...MSE, '--config', copyOfExample(), '--dry-run']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain("nonprod: { accountId: '300000000002', cidr: 10.65.8.0/21 }");
  });

  test('honours --prefix', async () => {
    const run = await runCli([...MSE, '--prefix', '/24', '--config', copyOfExample(), '--dry-run']);
    expect(run.stdout).toContain('cidr: 10.65.0.0/24');
    expect(run.stdout).toContain('cidr: 10.65.1.0/24');
  });

  test('refuses to overwrite an existing tenant file', async () => {
    const dir = copyOfExample();
    const args = [...MSE.map((a) => (a === 'RAJ' ? 'RGR' : a)), '--config', dir];
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${join(dir, 'tenants', 'RGR.yaml')} already exists; edit it in a pull request instead of onboarding again`,
    );
  });

  test('validates the result and writes nothing when a field is invalid', async () => {
    const dir = copyOfExample();
    const run = await runCli([...MSE.map((a) => (a === 'cyber@mse.nhs.uk' ? 'cyber' : a)), '--config', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${join(dir, 'tenants', 'RAJ.yaml')}:8:45 contacts.security: expected an e-mail address such as cyber@trust.nhs.uk, got "cyber"`,
    );
    expect(existsSync(join(dir, 'tenants', 'RAJ.yaml'))).toBe(false);
  });

  test('runs the cross-file checks on the result (an account already in use)', async () => {
    const dir = copyOfExample();
    const run = await runCli([
      ...MSE.map((a) => (a === 'prod=300000000001' ? 'prod=123456789012' : a)),
      '--config',
      dir,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'environments.prod.accountId: account 123456789012 is already used by RGR prod',
    );
    expect(existsSync(join(dir, 'tenants', 'RAJ.yaml'))).toBe(false);
  });

  test('rejects a malformed --env and a bad --prefix', async () => {
    const badEnv = await runCli([
      ...MSE.map((a) => (a === 'prod=300000000001' ? 'prod' : a)),
      '--config',
      copyOfExample(),
    ]);
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toContain(
      '--env prod: expected NAME=ACCOUNT_ID (or NAME=email for a new account), e.g. prod=123456789012',
    );
    const badPrefix = await runCli([...MSE, '--prefix', '/12', '--config', copyOfExample()]);
    expect(badPrefix.stderr).toContain('--prefix /12: expected a prefix length from /16 to /24, e.g. /21');
  });
});

describe('nhs-cloud onboard with an on-premises VPN link', () => {
  test('writes the link with its gateway addresses, and the file validates', async () => {
    const dir = copyOfExample();
    const run = await runCli([
      ...MSE,
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
      '--config',
      dir,
    ]);
    expect(run.stderr).toBe('');
    const text = readFileSync(join(dir, 'tenants', 'RAJ.yaml'), 'utf8');
    expect(text).toContain(
      '  onPremises:\n    connection: vpn\n    cidrs: [172.30.0.0/16]\n    asn: 65030\n    customerGatewayIps: [198.51.100.40, 198.51.100.41]\n',
    );
    expect(validateConfigDir(dir).ok).toBe(true);
  });

  test('a vpn link without gateway addresses is rejected by validation, naming the field', async () => {
    const run = await runCli([
      ...MSE,
      '--on-prem',
      'vpn',
      '--on-prem-cidr',
      '172.30.0.0/16',
      '--on-prem-asn',
      '65030',
      '--config',
      copyOfExample(),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('network.onPremises.customerGatewayIps: is required but missing');
  });

  test('an on-premises CIDR with host bits set names the flag and the network address, with no stack trace', async () => {
    const run = await runCli([
      ...MSE,
      '--on-prem',
      'vpn',
      '--on-prem-cidr',
      '172.30.0.1/16',
      '--on-prem-asn',
      '65030',
      '--config',
      copyOfExample(),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      '--on-prem-cidr: expected a network address with no host bits set, got 172.30.0.1/16 (did you mean 172.30.0.0/16?)\n',
    );
  });
});
