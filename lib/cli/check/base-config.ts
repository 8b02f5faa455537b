import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, posix, relative, resolve } from 'node:path';
import { planScope } from '../../change-plan/plan-scope';
import { CheckScope } from './check-scope';

/** A copy of the base commit's config folder, for `cdk synth -c base=DIR`; `remove` deletes it. */
export interface BaseConfig {
  readonly dir: string;
  remove(): void;
}

/**
 * The base's config folder, when a one-tenant synth may be narrowed against it: one tenant,
 * and nothing but config (and files that never reach a template) changed. Base and head are
 * then rendered by the same code, so a hub stack whose slice of the plan is the same renders
 * the same; a code change can alter any stack, so it gets every lane.
 * Extracted with `git archive` (the base's files, not the working tree's) into a temporary
 * folder. Undefined, with nothing written, when any of that does not hold or git cannot.
 */
export function exportBaseConfig(scope: CheckScope, cwd: string): BaseConfig | undefined {
  if (!scope.base || scope.tenants.length !== 1) return undefined;
  const inRepo = relative(scope.root, resolve(cwd, scope.configDir));
  if (inRepo === '' || inRepo.startsWith('..') || isAbsolute(inRepo)) return undefined;
  const path = inRepo.split(/[\\/]/).join(posix.sep);
  const codeChanged = scope.changed.some(
    (file) => !file.startsWith(`${path}/`) && planScope([file], path).kind !== 'none',
  );
  if (codeChanged) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-base-config-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const archive = execFileSync('git', ['archive', '--format=tar', scope.base.commit, '--', path], {
      cwd: scope.root,
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    execFileSync('tar', ['-x', '-C', dir], { input: archive, stdio: ['pipe', 'ignore', 'ignore'] });
    return { dir: join(dir, path), remove };
  } catch {
    remove();
    return undefined;
  }
}
