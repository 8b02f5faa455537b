import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic, writeFilesAllOrNothing } from '../../lib/files/write-files';

const fresh = () => mkdtempSync(join(tmpdir(), 'nhs-cloud-files-'));

describe('writeFileAtomic', () => {
  test('replaces the text and leaves nothing beside it', () => {
    const dir = fresh();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'old\n');
    writeFileAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  test('exclusive refuses an existing file with EEXIST and leaves it alone', () => {
    const dir = fresh();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'old\n');
    expect(() => writeFileAtomic(file, 'new\n', { exclusive: true })).toThrow(
      expect.objectContaining({ code: 'EEXIST' }),
    );
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  test('a failed write leaves the old text and no temporary file', () => {
    const dir = fresh();
    const file = join(dir, 'missing-folder', 'a.yaml');
    expect(() => writeFileAtomic(file, 'new\n')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeFilesAllOrNothing', () => {
  test('writes every file', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a'), 'a0');
    writeFilesAllOrNothing([
      { path: join(dir, 'a'), text: 'a1' },
      { path: join(dir, 'b'), text: 'b1' },
    ]);
    expect([readFileSync(join(dir, 'a'), 'utf8'), readFileSync(join(dir, 'b'), 'utf8')]).toEqual([
      'a1',
      'b1',
    ]);
    expect(readdirSync(dir).sort()).toEqual(['a', 'b']);
  });

  test('when one file cannot be written, none is changed and no temporary file is left', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a'), 'a0');
    // A path under a plain file cannot be written, whoever runs the test (root ignores modes).
    writeFileSync(join(dir, 'not-a-folder'), '');
    expect(() =>
      writeFilesAllOrNothing([
        { path: join(dir, 'a'), text: 'a1' },
        { path: join(dir, 'not-a-folder', 'b'), text: 'b1' },
      ]),
    ).toThrow(/ENOTDIR/);
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('a0');
    expect(readdirSync(dir).sort()).toEqual(['a', 'not-a-folder']);
  });

  test('when a rename fails part-way, the files already replaced are restored', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a'), 'a0');
    // The second target is a non-empty folder: its temp file writes, but the rename onto it fails.
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'keep'), '');
    expect(() =>
      writeFilesAllOrNothing([
        { path: join(dir, 'a'), text: 'a1' },
        { path: join(dir, 'b'), text: 'b1' },
      ]),
    ).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('a0');
    expect(readdirSync(dir).sort()).toEqual(['a', 'b']);
  });
});
