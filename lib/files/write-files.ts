import { copyFileSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** One file to write: its path and its whole new text. */
export interface FileWrite {
  readonly path: string;
  readonly text: string;
}

let counter = 0;

/** A name beside `path` (same folder, so the rename cannot cross file systems), hidden and unique. */
function sibling(path: string, purpose: 'tmp' | 'bak'): string {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${counter}.${purpose}`);
}

/**
 * Writes a file so that a reader sees the old text or the new, never half of it: the text goes
 * to a temporary file beside it, which is then renamed over it (rename is atomic on POSIX file
 * systems). `exclusive` refuses to replace a file that exists (EEXIST), as `{ flag: 'wx' }`.
 */
export function writeFileAtomic(path: string, text: string, options: { exclusive?: boolean } = {}): void {
  if (options.exclusive && existsSync(path)) {
    throw Object.assign(new Error(`EEXIST: file already exists, '${path}'`), { code: 'EEXIST', path });
  }
  const temp = sibling(path, 'tmp');
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Writes several files all or nothing. Every new text is written to a temporary file first (the
 * step that fails on a full disk or a read-only folder), then each is renamed into place; if a
 * rename fails, the files already replaced are restored from copies taken before, so the set is
 * left as it was. Either way no temporary or backup file is left behind.
 */
export function writeFilesAllOrNothing(files: readonly FileWrite[]): void {
  const staged: { path: string; temp: string; backup?: string }[] = [];
  try {
    for (const file of files) {
      const temp = sibling(file.path, 'tmp');
      staged.push({ path: file.path, temp });
      writeFileSync(temp, file.text, { flag: 'wx' });
    }
    for (const entry of staged) {
      if (existsSync(entry.path)) {
        entry.backup = sibling(entry.path, 'bak');
        copyFileSync(entry.path, entry.backup);
      }
    }
  } catch (error) {
    for (const entry of staged) cleanUp(entry);
    throw error;
  }
  const done: typeof staged = [];
  try {
    for (const entry of staged) {
      renameSync(entry.temp, entry.path);
      done.push(entry);
    }
  } catch (error) {
    for (const entry of done) {
      if (entry.backup) renameSync(entry.backup, entry.path);
      else rmSync(entry.path, { force: true });
    }
    for (const entry of staged) cleanUp(entry);
    throw error;
  }
  for (const entry of staged) cleanUp(entry);
}

function cleanUp(entry: { temp: string; backup?: string }): void {
  rmSync(entry.temp, { force: true });
  if (entry.backup) rmSync(entry.backup, { force: true });
}
