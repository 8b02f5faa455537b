import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configDigest } from '../../lib/config/assembly-stamp';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';

/** The config digest a synth stamps its assembly with: the files a synth reads, by content. */
let config: string;
beforeEach(() => {
  config = mkdtempSync(join(tmpdir(), 'nhs-cloud-digest-'));
  cpSync(FIXTURE_ESTATE_DIR, config, { recursive: true });
});
afterEach(() => rmSync(config, { recursive: true, force: true }));

test('covers estate.yaml, exceptions.yaml and every tenant file', () => {
  const { digest, files } = configDigest(config);
  expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(Object.keys(files)).toEqual([
    'estate.yaml',
    'exceptions.yaml',
    ...Object.keys(files).filter((f) => f.startsWith('tenants/')),
  ]);
  expect(Object.keys(files).filter((f) => f.startsWith('tenants/'))).toHaveLength(17);
});

test('is the same for the same content, and ignores what a synth does not read', () => {
  const before = configDigest(config).digest;
  utimesSync(join(config, 'estate.yaml'), new Date(0), new Date(0));
  writeFileSync(join(config, 'README.md'), 'notes\n');
  writeFileSync(join(config, 'tenants', 'notes.txt'), 'notes\n');
  mkdirSync(join(config, 'schema'), { recursive: true });
  expect(configDigest(config).digest).toBe(before);
});

test.each<[string, (dir: string) => void]>([
  ['an edited tenant', (dir) => writeFileSync(join(dir, 'tenants', 'RGR.yaml'), 'odsCode: RGR\n')],
  [
    'a renamed tenant',
    (dir) => renameSync(join(dir, 'tenants', 'RGR.yaml'), join(dir, 'tenants', 'RGS.yaml')),
  ],
  ['a removed exceptions file', (dir) => rmSync(join(dir, 'exceptions.yaml'))],
  ['an added .yml tenant', (dir) => writeFileSync(join(dir, 'tenants', 'RZZ.yml'), 'odsCode: RZZ\n')],
])('changes with %s', (_name, change) => {
  const before = configDigest(config).digest;
  change(config);
  expect(configDigest(config).digest).not.toBe(before);
});
