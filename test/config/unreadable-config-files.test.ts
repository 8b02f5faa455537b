import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigValidationError } from '../../lib/config/config-error';
import { loadConfig, validateConfigDir } from '../../lib/config/load-config';
import { runCli } from '../support/run-cli';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';

/** A copy of the fixture estate to break; the paths shown are absolute, outside the cwd. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-unreadable-'));
  cpSync(FIXTURE_ESTATE_DIR, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (file: string) => ({ file, line: 0, column: 0, field: '' });

describe('a tenant file that is not a file', () => {
  test('a folder named like one is a positioned error', () => {
    mkdirSync(join(dir, 'tenants', 'ZZZ.yaml'));
    expect(validateConfigDir(dir)).toEqual({
      ok: false,
      errors: [
        {
          ...at(join(dir, 'tenants', 'ZZZ.yaml')),
          message: 'expected a YAML file, found a folder',
          hint: 'config files sit directly in the folder (tenants/ODS.yaml); rename the folder so its name does not end in .yaml or .yml',
        },
      ],
    });
  });

  test('a dangling symlink names its target', () => {
    const target = join(dir, 'moved', 'ZZZ.yaml');
    symlinkSync(target, join(dir, 'tenants', 'ZZZ.yaml'));
    expect(validateConfigDir(dir)).toEqual({
      ok: false,
      errors: [
        {
          ...at(join(dir, 'tenants', 'ZZZ.yaml')),
          message: `expected a YAML file, found a symbolic link to ${target}, which does not exist`,
          hint: 'point the link at an existing file, or remove it',
        },
      ],
    });
  });

  test('every unreadable file is reported at once, estate.yaml included', () => {
    mkdirSync(join(dir, 'tenants', 'ZZY.yml'));
    symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'tenants', 'ZZZ.yaml'));
    rmSync(join(dir, 'estate.yaml'));
    mkdirSync(join(dir, 'estate.yaml'));
    let thrown: unknown;
    try {
      loadConfig(dir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigValidationError);
    expect((thrown as ConfigValidationError).errors.map((e) => e.file)).toEqual([
      join(dir, 'estate.yaml'),
      join(dir, 'tenants', 'ZZY.yml'),
      join(dir, 'tenants', 'ZZZ.yaml'),
    ]);
  });

  // Root reads anything, so the permission case only means something for other users.
  const unprivileged = typeof process.getuid === 'function' && process.getuid() !== 0;
  (unprivileged ? test : test.skip)('a file without read permission says so', () => {
    const file = join(dir, 'tenants', 'RGR.yaml');
    chmodSync(file, 0o000);
    expect(validateConfigDir(dir)).toMatchObject({
      ok: false,
      errors: [
        {
          ...at(file),
          message: 'expected a readable YAML file, but it cannot be read (EACCES)',
          hint: 'check its permissions',
        },
      ],
    });
  });

  test('nhs-cloud validate prints it without a stack trace and exits 2', async () => {
    mkdirSync(join(dir, 'tenants', 'ZZZ.yaml'));
    const run = await runCli(['validate', '--config', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `${join(dir, 'tenants', 'ZZZ.yaml')}: expected a YAML file, found a folder\n` +
        '  hint: config files sit directly in the folder (tenants/ODS.yaml); rename the folder so its name does not end in .yaml or .yml\n\n' +
        '1 configuration error in 1 file.\n',
    );
  });
});
