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

  test('--format json: the counts, or every error with its file, line and field (and exit 2)', async () => {
    const ok = await runCli(['validate', '--config', FIXTURE_ESTATE_DIR, '--format', 'json']);
    expect(JSON.parse(ok.stdout)).toEqual({
      ok: true,
      config: FIXTURE_ESTATE_DIR,
      tenants: 17,
      environments: 32,
    });
    const dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-validate-'));
    cpSync(FIXTURE_ESTATE_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'exceptions.yaml'), 'exceptions: [\n');
    const bad = await runCli(['validate', '--config', dir, '--format', 'json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toEqual({
      ok: false,
      exitCode: 2,
      errors: [
        {
          file: join(dir, 'exceptions.yaml'),
          line: 1,
          column: 13,
          field: '',
          message: expect.stringContaining('YAML syntax error'),
          hint: expect.any(String),
        },
      ],
    });
    expect(bad.stderr).toContain(`${join(dir, 'exceptions.yaml')}:1:13: YAML syntax error`);
  });
});
