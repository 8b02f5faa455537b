import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatConfigError } from '../../lib/config/config-error';
import { configDigest } from '../../lib/config/assembly-stamp';
import { MAX_CONFIG_FILE_BYTES } from '../../lib/config/decode-text';
import { validateConfigDir } from '../../lib/config/load-config';
import { classifyTenantFolder } from '../../lib/config/tenant-files';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-files-'));
  cpSync(FIXTURE_ESTATE_DIR, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const errors = () => {
  const result = validateConfigDir(dir);
  return result.ok ? [] : result.errors.map(formatConfigError);
};
const rgr = () => readFileSync(join(dir, 'tenants', 'RGR.yaml'));

describe('the tenants folder', () => {
  test('files that look like tenant files but are not named *.yaml are errors, not skipped', () => {
    writeFileSync(join(dir, 'tenants', 'RJ1.YAML'), rgr());
    writeFileSync(join(dir, 'tenants', 'RJ2.yaml.txt'), rgr());
    expect(errors()).toEqual([
      `${join(dir, 'tenants', 'RJ1.YAML')}: expected a tenant file named *.yaml or *.yml\n` +
        '  hint: tenants/ holds only tenant files named ODS.yaml; rename it to RJ1.yaml, or move it out of the folder',
      `${join(dir, 'tenants', 'RJ2.yaml.txt')}: expected a tenant file named *.yaml or *.yml\n` +
        '  hint: tenants/ holds only tenant files named ODS.yaml; rename it to RJ2.yaml, or move it out of the folder',
    ]);
  });

  test('editor backups and hidden files stay ignored', () => {
    for (const name of [
      'RGR.yaml~',
      '.RGR.yaml.swp',
      '#RGR.yaml#',
      '.#RGR.yaml',
      'RGR.yaml.orig',
      '.DS_Store',
    ])
      writeFileSync(join(dir, 'tenants', name), 'not: [yaml');
    expect(errors()).toEqual([]);
  });

  test('classifyTenantFolder sorts names into tenant files and mistakes', () => {
    expect(classifyTenantFolder(['RGR.yaml', 'QJG.yml', 'notes.md', 'RGR.yaml.bak'])).toEqual({
      tenantFiles: ['QJG.yml', 'RGR.yaml'],
      misnamed: [
        {
          name: 'notes.md',
          hint: 'tenants/ holds only tenant files named ODS.yaml; move it out of the folder',
        },
      ],
    });
  });
});

describe('file contents that are not UTF-8 YAML text', () => {
  test.each([
    [
      'UTF-16 with a byte order mark',
      () => Buffer.from(`\ufeff${rgr().toString()}`, 'utf16le'),
      'expected UTF-8 text, got UTF-16 (little-endian) text',
    ],
    [
      'UTF-16 without one',
      () => Buffer.from(rgr().toString(), 'utf16le'),
      'expected UTF-8 text, got UTF-16 (little-endian) text',
    ],
    [
      'binary',
      () => Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0x00]),
      'expected UTF-8 text, got binary data (a NUL byte)',
    ],
    [
      'Latin-1',
      () => Buffer.from('name: Caf\xe9\n', 'latin1'),
      'expected UTF-8 text, got bytes that are not valid UTF-8',
    ],
  ])('%s is refused, naming the file', (_, bytes, message) => {
    writeFileSync(join(dir, 'tenants', 'RGR.yaml'), bytes());
    expect(errors()[0]?.split('\n')[0]).toBe(`${join(dir, 'tenants', 'RGR.yaml')}: ${message}`);
  });

  test('a UTF-8 byte order mark is accepted', () => {
    writeFileSync(join(dir, 'tenants', 'RGR.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), rgr()]));
    expect(errors()).toEqual([]);
  });

  test('a file over the size limit is refused without being read', () => {
    const file = join(dir, 'tenants', 'RGR.yaml');
    truncateSync(file, MAX_CONFIG_FILE_BYTES + 1);
    expect(errors()[0]?.split('\n')[0]).toBe(`${file}: expected a config file of at most 4 MB, got 4.0 MB`);
  });
});

describe('a missing or misplaced config folder', () => {
  test('a --config that is a file says so', () => {
    expect(validateConfigDir(join(dir, 'estate.yaml'))).toMatchObject({
      ok: false,
      errors: [
        { message: `expected a config folder with estate.yaml, but ${join(dir, 'estate.yaml')} is a file` },
      ],
    });
  });
});

describe('the assembly stamp', () => {
  test('covers the allocation register, which synth now reads too', () => {
    const without = configDigest(dir).digest;
    writeFileSync(join(dir, 'allocations.yaml'), '# register\n');
    expect(Object.keys(configDigest(dir).files)).toContain('allocations.yaml');
    expect(configDigest(dir).digest).not.toBe(without);
  });
});
