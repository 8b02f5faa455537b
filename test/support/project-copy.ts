import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** What a checkout needs to synthesize and run the CLI; node_modules is linked, not copied. */
const PROJECT_FILES = [
  'bin',
  'lib',
  'cdk.json',
  'package.json',
  'tsconfig.json',
  '.prettierrc.json',
  '.prettierignore',
  'eslint.config.mjs',
  'eslint.layers.mjs',
];

export const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.nhs.uk',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.nhs.uk',
};

export function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    env: GIT_ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * A fresh clone, as a new user would have after `npm ci`: this project's code with `config`
 * copied from `configSource`, committed on `main`, so `check` and `plan` have a base. Slow-ish
 * (a copy of lib/): make one per test file.
 */
export function projectCopy(configSource: string, options: { git?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-project-'));
  for (const file of PROJECT_FILES) cpSync(join(ROOT, file), join(dir, file), { recursive: true });
  cpSync(configSource, join(dir, 'config'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // No trailing slash: node_modules is a link here, which `node_modules/` would not match.
  writeFileSync(join(dir, '.gitignore'), 'node_modules\ncdk.out\n');
  if (options.git !== false) {
    execFileSync('git', ['init', '--quiet', '--initial-branch=main'], { cwd: dir });
    git(dir, 'add', '.');
    git(dir, 'commit', '--quiet', '-m', 'a fresh clone');
  }
  return dir;
}
