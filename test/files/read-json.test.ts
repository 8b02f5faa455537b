import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJsonFile } from '../../lib/files/read-json';

const dir = mkdtempSync(join(tmpdir(), 'read-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('reads a JSON file', () => {
  const file = join(dir, 'good.json');
  writeFileSync(file, '{"a":[1,2]}');
  expect(readJsonFile(file)).toEqual({ a: [1, 2] });
});

test('a broken file is named in the error', () => {
  const file = join(dir, 'Core-Network.template.json');
  writeFileSync(file, '{"Resources": ');
  expect(() => readJsonFile(file)).toThrow(
    new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not valid JSON \\(`),
  );
});
