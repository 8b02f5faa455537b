import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';
import { runCli } from '../support/run-cli';

describe('nhs-cloud validate', () => {
  test('accepts the example estate', async () => {
    const run = await runCli(['validate', '--config', FIXTURE_ESTATE_DIR]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('valid (17 tenants, 32 environments)');
  });

  test('exits 2 and prints every error with its position', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-validate-'));
    cpSync(FIXTURE_ESTATE_DIR, dir, { recursive: true });
    const rgr = join(dir, 'tenants', 'RGR.yaml');
    writeFileSync(rgr, readFileSync(rgr, 'utf8').replace("'123456789012'", "'12345'"));
    writeFileSync(join(dir, 'tenants', 'RDE.yaml'), 'odsCode: RDE\nname: [unclosed\n');
    const run = await runCli(['validate', '--config', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${join(dir, 'tenants', 'RGR.yaml')}:17:22 environments.prod.accountId: expected a 12-digit AWS account ID, got "12345"`,
    );
    expect(run.stderr).toContain(
      `${join(dir, 'tenants', 'RDE.yaml')}:2:7: YAML syntax error: expected "]" to close the list opened here, found none`,
    );
    expect(run.stderr).toContain('configuration errors in 2 files.');
    expect(run.stderr).not.toContain('    at '); // no stack trace
  });

  test('names the missing estate.yaml', async () => {
    const run = await runCli(['validate', '--config', join(tmpdir(), 'no-such-config')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `estate.yaml: expected a config folder with estate.yaml, but ${join(tmpdir(), 'no-such-config')} does not exist`,
    );
  });
});
