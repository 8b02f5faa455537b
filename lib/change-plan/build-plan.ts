import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UserInputError } from '../errors/user-input-error';
import { checkAssemblyStamp } from '../config/assembly-stamp';
import { ConfigValidationError } from '../config/config-error';
import { todayUtc } from '../security-review/dates';
import { parseExceptions, readExceptionsText } from '../security-review/load-exceptions';
import { classifyStacks } from './classify-diff';
import { addWorktree, changedFiles, removeWorktree, repositoryRoot, resolveCommit } from './git';
import { linkNodeModules } from './link-node-modules';
import { AllowDestructive, guardChanges } from './guard';
import { laneMovesBetween, LaneMoveChange } from './lane-moves';
import { mergeStackChanges } from './merge-stacks';
import { planScope, requireTenantsOnBothSides } from './plan-scope';
import { synthesize } from './synthesize';
import { ChangePlan, PlanScope, StackChange } from './types';

export interface ChangePlanOptions {
  /** A git ref for the base, e.g. origin/main. */
  readonly base: string;
  /**
   * Config directory, relative to `cwd`; both sides use the same path.
   * @default 'config'
   */
  readonly configDir?: string;
  /**
   * Where to find the repository.
   * @default process.cwd()
   */
  readonly cwd?: string;
  /**
   * Narrow to the changed tenants when only tenant files changed.
   * @default true
   */
  readonly narrow?: boolean;
  /** Told each step as it starts (a line for a terminal); silent when absent. */
  readonly onStep?: (step: string) => void;
  /**
   * YYYY-MM-DD, for allowDestructive expiry.
   * @default today (UTC)
   */
  readonly today?: string;
}

/**
 * Synthesizes the base (a git worktree of the ref, running its own app and config, with our
 * node_modules symlinked in) and the working tree, compares them stack by stack and applies
 * the guard. When only tenant files changed, each side is synthesized with `-c tenant=ODS` for
 * each changed tenant: its stacks plus the platform stacks.
 */
export async function buildChangePlan(options: ChangePlanOptions): Promise<ChangePlan> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const today = options.today ?? todayUtc();
  const root = repositoryRoot(cwd);
  const commit = resolveCommit(root, options.base);
  const configDir = relative(root, resolve(cwd, options.configDir ?? 'config')) || '.';
  if (configDir.startsWith('..') || isAbsolute(configDir)) {
    throw new UserInputError(
      `--config ${options.configDir}: must be inside the repository, so the base has one too`,
    );
  }
  const allowed = readAllowDestructive(join(root, configDir), today);
  const exceptionsFile = join(configDir, 'exceptions.yaml');
  const base = { ref: options.base, commit };
  const initial: PlanScope =
    options.narrow === false
      ? { kind: 'full', reason: 'narrowing turned off' }
      : planScope(changedFiles(root, commit), configDir);
  if (initial.kind === 'none')
    return { base, scope: initial, exceptionsFile, stacksCompared: 0, stacks: [], guard: [] };

  const temp = mkdtempSync(join(tmpdir(), 'nhs-cloud-plan-'));
  const worktree = join(temp, 'base');
  addWorktree(root, commit, worktree);
  try {
    linkNodeModules(root, worktree);
    const scope = requireTenantsOnBothSides(
      initial,
      tenantsIn(join(worktree, configDir)),
      tenantsIn(join(root, configDir)),
    );
    const narrowings = scope.kind === 'tenants' ? scope.tenants : [undefined];
    const step = options.onStep ?? (() => undefined);
    const parts: StackChange[] = [];
    const moves = new Map<string, LaneMoveChange>();
    const compared = new Set<string>();
    // One narrowing at a time, base and head side by side: two synth processes at once.
    for (const [i, tenant] of narrowings.entries()) {
      step(
        `synthesizing ${tenant ? `-c tenant=${tenant} (${i + 1} of ${narrowings.length})` : `the whole estate (${scope.kind === 'full' ? scope.reason : 'full'})`} on both sides`,
      );
      const side = (appDir: string, name: string, label: string) =>
        synthesize({ appDir, configDir, tenant, outdir: join(temp, `${name}-${i}`), label });
      // The working tree's side must be the finished synth of the config being planned (its app
      // stamps it; the base may predate stamps, so only its manifest is required).
      const head = async () => {
        const stacks = await side(root, 'head', 'the working tree');
        checkAssemblyStamp(join(temp, `head-${i}`), join(root, configDir));
        return stacks;
      };
      // Wait for both, even when one fails, so no process still reads the worktree we remove.
      const [before, after] = settled(
        await Promise.allSettled([side(worktree, 'base', `the base (${options.base})`), head()]),
      );
      for (const s of [...before, ...after]) compared.add(s.name);
      parts.push(...classifyStacks(before, after));
      for (const m of laneMovesBetween(before, after)) moves.set(m.tenant, m);
    }
    const stacks = mergeStackChanges(parts);
    return {
      base,
      scope,
      exceptionsFile,
      stacksCompared: compared.size,
      stacks,
      guard: guardChanges(stacks, allowed, today),
      laneMoves: [...moves.values()].sort((a, b) => a.tenant.localeCompare(b.tenant)),
    };
  } finally {
    removeWorktree(root, worktree);
    rmSync(temp, { recursive: true, force: true });
  }
}

function settled<T>(results: PromiseSettledResult<T>[]): T[] {
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

/** The working tree's allowDestructive entries, after the same checks synthesis applies. */
function readAllowDestructive(configDir: string, today: string): readonly AllowDestructive[] {
  const result = parseExceptions(readExceptionsText(configDir), {
    today,
    tenants: [...tenantsIn(configDir)],
  });
  if (!result.ok) throw new ConfigValidationError(result.errors);
  return result.value.file.allowDestructive;
}

function tenantsIn(configDir: string): Set<string> {
  const dir = join(configDir, 'tenants');
  if (!existsSync(dir)) return new Set();
  return new Set(
    readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => f.replace(/\.ya?ml$/, '')),
  );
}
