import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { UserInputError } from '../errors/user-input-error';

/** Runs git in `cwd` and returns its trimmed output; a failure says which command and why. */
export function git(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${stderr || (error as Error).message}`, {
      cause: error,
    });
  }
}

export function repositoryRoot(cwd: string): string {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']);
  } catch {
    throw new UserInputError(
      `${cwd} is not inside a git repository: plan compares the working tree with a git ref`,
    );
  }
}

/** The commit a ref names; CI checkouts need history (fetch-depth: 0) for the base to exist. */
export function resolveCommit(root: string, ref: string): string {
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new UserInputError(
      `--base ${ref}: no such commit in this repository (in CI, check out with fetch-depth: 0 or fetch the base branch)`,
    );
  }
}

/** Files that differ between the commit and the working tree, untracked files included. */
export function changedFiles(root: string, commit: string): string[] {
  const tracked = git(root, ['diff', '--name-only', '--no-renames', commit, '--']);
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard']);
  return [...new Set([...tracked.split('\n'), ...untracked.split('\n')].filter(Boolean))].sort();
}

/** Checks the commit out, detached, into `dir` (which must not exist yet). */
export function addWorktree(root: string, commit: string, dir: string): void {
  git(root, ['worktree', 'add', '--detach', '--quiet', dir, commit]);
}

/** Removes a worktree made by addWorktree, even when git has lost track of it. */
export function removeWorktree(root: string, dir: string): void {
  try {
    git(root, ['worktree', 'remove', '--force', dir]);
  } catch {
    rmSync(dir, { recursive: true, force: true });
    git(root, ['worktree', 'prune']);
  }
}
