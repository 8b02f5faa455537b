import { existsSync } from 'node:fs';
import { posix, relative, resolve } from 'node:path';
import { changedFiles, git, repositoryRoot } from '../../change-plan/git';
import { UserInputError } from '../../errors/user-input-error';

/** What `check` checks: where, against which base, and which tenants the change touches. */
export interface CheckScope {
  /** The repository root, or the working directory outside git. */
  readonly root: string;
  readonly configDir: string;
  /** The point the change branched from (the merge base with --base); absent outside git. */
  readonly base?: { readonly ref: string; readonly commit: string };
  /** Files that differ from the base, working tree and untracked files included (repo-relative). */
  readonly changed: readonly string[];
  /** Tenants to check: --tenant, else the tenant files the change touches. */
  readonly tenants: readonly string[];
  /** Why there is no base, when there is none. */
  readonly noBase?: string;
}

/** The bases tried when --base is not given, in order: what pr.yml compares with. */
const DEFAULT_BASES = ['origin/main', 'main'];

export function checkScope(options: {
  readonly cwd: string;
  readonly configDir: string;
  readonly base?: string;
  readonly tenants: readonly string[];
}): CheckScope {
  const cwd = resolve(options.cwd);
  let root: string;
  try {
    root = repositoryRoot(cwd);
  } catch {
    if (options.base) throw UserInputError.at({ flag: '--base' }, `${cwd} is not inside a git repository`);
    return {
      root: cwd,
      configDir: options.configDir,
      changed: [],
      tenants: options.tenants,
      noBase: 'not a git repository',
    };
  }
  const ref = options.base ?? DEFAULT_BASES.find((candidate) => commitOf(root, candidate));
  if (!ref)
    return {
      root,
      configDir: options.configDir,
      changed: [],
      tenants: options.tenants,
      noBase: 'no origin/main or main to compare with: pass --base',
    };
  const target = commitOf(root, ref);
  if (!target)
    throw UserInputError.at(
      { flag: '--base' },
      `expected a git ref of this repository, got "${ref.slice(0, 200)}"`,
      {
        hint: 'e.g. --base origin/main (git fetch origin first)',
      },
    );
  // Like pr.yml's `git diff base...HEAD`: what this branch changed since it left the base.
  const commit = git(root, ['merge-base', target, 'HEAD']);
  const changed = changedFiles(root, commit);
  const tenants =
    options.tenants.length > 0 ? options.tenants : changedTenants(changed, root, cwd, options.configDir);
  return { root, configDir: options.configDir, base: { ref, commit }, changed, tenants };
}

function commitOf(root: string, ref: string): string | undefined {
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    return undefined;
  }
}

/** ODS codes of the tenant files among the changed files that still exist (a new or edited tenant). */
function changedTenants(changed: readonly string[], root: string, cwd: string, configDir: string): string[] {
  const config = posix.normalize(relative(root, resolve(cwd, configDir)).replace(/\\/g, '/') || '.');
  const prefix = config === '.' ? '' : `${config}/`;
  const pattern = /^([RQX][A-Z0-9]{2})\.ya?ml$/;
  return changed
    .filter((file) => file.startsWith(`${prefix}tenants/`) && existsSync(resolve(root, file)))
    .map((file) => pattern.exec(file.slice(`${prefix}tenants/`.length))?.[1])
    .filter((code): code is string => code !== undefined)
    .sort();
}
