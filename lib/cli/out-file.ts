import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserInputError } from '../errors/user-input-error';

/**
 * `--out` always names a file to write. Checked before any work, so a folder there, or a folder
 * that does not exist, is an input error naming the flag (exit 2) rather than a bare EISDIR or
 * ENOENT from the write at the end.
 */
export function assertOutFile(flag: string, out: string): void {
  if (kindOf(out) === 'folder') {
    throw UserInputError.at({ flag }, `${out}: expected a file to write, but it is a folder`, {
      hint: `name the file, e.g. ${flag} ${join(out, 'waves.json')}`,
    });
  }
  const folder = dirname(out);
  const kind = kindOf(folder);
  if (kind === 'folder') return;
  throw UserInputError.at(
    { flag },
    `${out}: expected a file in an existing folder, but ${folder} ${kind === 'missing' ? 'does not exist' : 'is not a folder'}`,
    { hint: `create the folder first (mkdir -p ${folder}) or choose another path` },
  );
}

function kindOf(path: string): 'folder' | 'other' | 'missing' {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return 'missing';
    return stat.isDirectory() ? 'folder' : 'other';
  } catch {
    return 'other'; // ENOTDIR: the path runs through a file
  }
}
