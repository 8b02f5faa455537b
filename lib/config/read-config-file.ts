import { readFileSync, readlinkSync, statSync } from 'node:fs';
import { ConfigError } from './config-error';
import { decodeConfigBytes, sizeProblem } from './decode-text';
import { ConfigText } from './validate-estate';

/**
 * Reads one config file, or says in the estate's own error shape why it cannot: a folder
 * named like a tenant file, a dangling symlink, a file too large, binary or not UTF-8 used to
 * escape as a bare EISDIR or ENOENT stack trace, or as a parser error naming nothing useful.
 */
export function readConfigFile(path: string, displayPath: string): ConfigText | ConfigError {
  const problem = (message: string, hint: string): ConfigError => ({
    file: displayPath,
    line: 0,
    column: 0,
    field: '',
    message,
    hint,
  });
  // stat follows links: no entry here, when the directory listing had one, is a dangling link.
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) {
    return problem(
      `expected a YAML file, found a symbolic link to ${linkTarget(path)}, which does not exist`,
      'point the link at an existing file, or remove it',
    );
  }
  if (stat.isDirectory()) {
    return problem(
      'expected a YAML file, found a folder',
      'config files sit directly in the folder (tenants/ODS.yaml); rename the folder so its name does not end in .yaml or .yml',
    );
  }
  if (!stat.isFile()) {
    return problem(
      'expected a YAML file, found a special file (a device, socket or pipe)',
      'config files are plain files; remove this entry from the config folder',
    );
  }
  // Checked before reading, so a 50 MB file is refused without being read into memory.
  const tooLarge = sizeProblem(stat.size);
  if (tooLarge) return problem(tooLarge.message, tooLarge.hint);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return problem(`expected a readable YAML file, but it cannot be read (${code})`, 'check its permissions');
  }
  const decoded = decodeConfigBytes(bytes);
  if ('message' in decoded) return problem(decoded.message, decoded.hint);
  return { displayPath, text: decoded.text };
}

function linkTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return 'a missing file';
  }
}
