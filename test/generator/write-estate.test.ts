import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GeneratedEstate } from '../../lib/generator/generate-estate';
import { writeGeneratedEstate } from '../../lib/generator/write-estate';

/** Small hand-made estates: the writer only moves texts, whatever they say. */
const estate = (tenants: string[], exceptions?: string): GeneratedEstate => ({
  estateText: `name: ${tenants.join('-')}\n`,
  ...(exceptions !== undefined && { exceptionsText: exceptions }),
  tenants: tenants.map(
    (odsCode) => ({ odsCode, text: `odsCode: ${odsCode}\n` }) as GeneratedEstate['tenants'][number],
  ),
});

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-write-estate-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const snapshot = () =>
  Object.fromEntries(
    [
      ...readdirSync(dir).filter((f) => f !== 'tenants'),
      ...readdirSync(join(dir, 'tenants')).map((f) => `tenants/${f}`),
    ]
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

test('--force replaces an estate, removing tenant files the new one does not have', () => {
  writeGeneratedEstate(dir, estate(['RAA', 'RBB', 'RCC'], 'exceptions: []\n'));
  writeGeneratedEstate(dir, estate(['RAA', 'RDD']), { force: true });
  expect(snapshot()).toEqual({
    'estate.yaml': 'name: RAA-RDD\n',
    'tenants/RAA.yaml': 'odsCode: RAA\n',
    'tenants/RDD.yaml': 'odsCode: RDD\n',
  });
});

test('a write that fails part way leaves the estate that was there, every file of it', () => {
  writeGeneratedEstate(dir, estate(['RAA', 'RBB'], 'exceptions: []\n'));
  const before = snapshot();
  // A folder where the new estate's last tenant file must go: that one cannot be written.
  mkdirSync(join(dir, 'tenants', 'RZZ.yaml'));
  writeFileSync(join(dir, 'tenants', 'RZZ.yaml', 'keep'), '');
  expect(() => writeGeneratedEstate(dir, estate(['RAA', 'RBB', 'RZZ']), { force: true })).toThrow();
  rmSync(join(dir, 'tenants', 'RZZ.yaml'), { recursive: true });
  expect(snapshot()).toEqual(before);
  expect(readdirSync(join(dir, 'tenants')).sort()).toEqual(['RAA.yaml', 'RBB.yaml']); // no temporary files left
});
