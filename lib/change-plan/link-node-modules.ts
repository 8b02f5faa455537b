import { existsSync, lstatSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../errors/user-input-error';

/**
 * The base runs on the working tree's installed packages: no second `npm ci`. A base commit
 * may itself carry a `node_modules` (a committed symlink to a CI cache, or vendored files);
 * linking over it failed with a bare EEXIST. That copy is the base's checkout in our own temp
 * worktree, so it is replaced: both sides must synthesize with the same packages anyway.
 */
export function linkNodeModules(root: string, worktree: string): void {
  const modules = join(root, 'node_modules');
  if (!existsSync(modules)) {
    throw UserInputError.at({ file: modules }, 'not found: plan synthesizes both sides with these packages', {
      hint: 'run npm ci first',
    });
  }
  const link = join(worktree, 'node_modules');
  // lstat, not exists: a dangling committed symlink must be replaced too. rm never follows it.
  if (lstatSync(link, { throwIfNoEntry: false })) rmSync(link, { recursive: true, force: true });
  symlinkSync(modules, link, 'dir');
}
