import { readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { capacityCommand } from '../commands/capacity';
import { planCommand } from '../commands/plan';
import { reportCommand } from '../commands/report';
import { validateCommand } from '../commands/validate';
import { verifyNetworkCommand } from '../commands/verify-network';
import { BaseConfig, exportBaseConfig } from './base-config';
import { CheckScope } from './check-scope';
import { runCommandInProcess, runProcess, StepResult } from './run-step';

/** How a phase ended, with one summary line and, for a failure, what to read and do next. */
export interface PhaseOutcome {
  readonly status: 'pass' | 'fail' | 'skip';
  readonly summary: string;
  /** The failing step's own output, shown under the summary. */
  readonly detail?: string;
  readonly next?: string;
  /** A bug in the step, rethrown after the summary (exit 70 with its stack). */
  readonly bug?: unknown;
}

export interface PhaseContext {
  readonly scope: CheckScope;
  /** Where check runs; `config` and `assembly` are relative to it. */
  readonly cwd: string;
  /** The cloud assembly the synth phase writes and the proofs and review read. */
  readonly assembly: string;
}

/** Paths for the commands run in this process, which resolve relative paths against process.cwd(). */
const configOf = ({ scope, cwd }: PhaseContext) => resolve(cwd, scope.configDir);
const assemblyOf = ({ assembly, cwd }: PhaseContext) => resolve(cwd, assembly);

export interface Phase {
  readonly name: string;
  /** What it is about to do, for the progress line. */
  describe(context: PhaseContext): string;
  /** Phases that must pass first; otherwise this one is skipped. */
  readonly needs: readonly string[];
  run(context: PhaseContext): Promise<PhaseOutcome>;
}

/**
 * The checks pr.yml runs for a tenant change, in its order of dependence: lint of the changed
 * files, validate, capacity, the tenant's synth (rule packs on), the network proofs, the
 * security review and the change plan against the base. Each runs the same command, with the
 * same flags, that the workflow runs.
 */
export const PHASES: readonly Phase[] = [
  {
    name: 'lint',
    needs: [],
    describe: ({ scope }) => `prettier and eslint on ${scope.changed.length} changed files`,
    run: lint,
  },
  {
    name: 'validate',
    needs: [],
    describe: ({ scope }) => `nhs-cloud validate --config ${scope.configDir}`,
    async run(context) {
      const result = await runCommandInProcess(validateCommand, ['--config', configOf(context)]);
      return outcome(result, {
        summary: () => result.stdout.trim().replace(/^.*: valid/, 'valid'),
        failed: 'the config is invalid',
        next: 'fix each error at the file, line and field it names (the hint says how), then run check again',
      });
    },
  },
  {
    name: 'capacity',
    needs: ['validate'],
    describe: ({ scope }) => `nhs-cloud capacity --config ${scope.configDir}`,
    async run(context) {
      const result = await runCommandInProcess(capacityCommand, ['--config', configOf(context)]);
      return outcome(result, {
        summary: () => lastLine(result.stdout),
        failed: 'an unmet capacity need',
        next: 'npx nhs-cloud capacity shows the plan. A need above the measured peak is corrected with the real --peak-mbps; a shared path needs the platform team to add capacity first (docs/network.md, "Capacity plan")',
      });
    },
  },
  {
    name: 'synth',
    needs: ['validate', 'capacity'],
    describe: ({ scope }) => `cdk synth ${synthArgs(scope).join(' ')}`,
    run: synth,
  },
  {
    name: 'proofs',
    needs: ['synth'],
    describe: ({ assembly }) => `nhs-cloud verify-network --assembly ${assembly}`,
    async run(context) {
      const { assembly } = context;
      const result = await runCommandInProcess(verifyNetworkCommand, [
        '--assembly',
        assemblyOf(context),
        '--config',
        configOf(context),
        '--format',
        'md',
      ]);
      return outcome(result, {
        summary: () => 'isolation, inspection and egress hold',
        failed: 'the network policy is violated',
        next: `npx nhs-cloud verify-network --assembly ${assembly} lists each violation with the path that breaks it (docs/network-proofs.md)`,
        detailFromStdout: true,
      });
    },
  },
  {
    name: 'review',
    needs: ['synth'],
    describe: ({ assembly }) => `nhs-cloud report --assembly ${assembly} --fail-on error`,
    async run(context) {
      const { scope, assembly } = context;
      const result = await runCommandInProcess(reportCommand, [
        '--assembly',
        assemblyOf(context),
        '--config',
        configOf(context),
        '--format',
        'md',
        '--fail-on',
        'error',
      ]);
      return outcome(result, {
        summary: () => 'no open finding at error level',
        failed: 'open security findings',
        next: `fix the resource, or request a reviewed exception in ${scope.configDir}/exceptions.yaml (docs/security-review.md); npx nhs-cloud report --assembly ${assembly} lists them`,
      });
    },
  },
  {
    name: 'plan',
    needs: ['validate', 'capacity'],
    describe: ({ scope }) =>
      `nhs-cloud plan --base ${scope.base ? `${scope.base.ref} (${scope.base.commit.slice(0, 7)})` : '?'}`,
    async run(context) {
      const { scope, cwd } = context;
      if (!scope.base) return { status: 'skip', summary: `skipped: ${scope.noBase}` };
      const result = await runCommandInProcess(
        (io) => planCommand(io, { cwd }),
        ['--base', scope.base.commit, '--config', configOf(context)],
      );
      return outcome(result, {
        summary: () => planSummary(result.stdout),
        failed: 'a destructive change is not allowed',
        next: 'a change that deletes or replaces a stateful or shared resource needs an allowDestructive entry approved by the security team (docs/onboarding.md, step 5)',
        detailFromStdout: true,
      });
    },
  },
];

async function lint({ scope }: PhaseContext): Promise<PhaseOutcome> {
  if (!scope.base) return { status: 'skip', summary: `skipped: ${scope.noBase}` };
  // Files only: a deleted file has nothing to lint, and an untracked link to a folder is no source.
  const files = scope.changed.filter((file) =>
    statSync(resolve(scope.root, file), { throwIfNoEntry: false })?.isFile(),
  );
  if (files.length === 0) return { status: 'pass', summary: 'no changed files' };
  const bin = (name: string) => join(scope.root, 'node_modules', '.bin', name);
  const prettier = await runProcess(bin('prettier'), ['--check', '--ignore-unknown', ...files], {
    cwd: scope.root,
  });
  const code = files.filter((f) => /\.(ts|js|mjs|cjs)$/.test(f));
  const eslint = code.length
    ? await runProcess(bin('eslint'), ['--no-warn-ignored', ...code], { cwd: scope.root })
    : undefined;
  const failed = [prettier, eslint].filter((r): r is StepResult => r !== undefined && r.code !== 0);
  const noun = `${files.length} changed file${files.length === 1 ? '' : 's'}`;
  if (failed.length === 0)
    return { status: 'pass', summary: `${noun} pass prettier${code.length ? ' and eslint' : ''}` };
  return {
    status: 'fail',
    summary: `${noun}: formatting or lint problems`,
    detail: failed.map((r) => `${r.stdout}${r.stderr}`.trim()).join('\n'),
    next: `npx prettier --write ${files.join(' ')}${code.length ? ` && npx eslint --fix ${code.join(' ')}` : ''}`,
    bug: failed.find((r) => r.bug)?.bug,
  };
}

function synthArgs(scope: CheckScope, base?: BaseConfig): string[] {
  const args = ['--quiet'];
  if (scope.tenants.length === 1) args.push('-c', `tenant=${scope.tenants[0]}`);
  if (scope.configDir !== 'config') args.push('-c', `config=${scope.configDir}`);
  if (base) args.push('-c', `base=${base.dir}`);
  return args;
}

async function synth({ scope, cwd, assembly }: PhaseContext): Promise<PhaseOutcome> {
  rmSync(resolve(cwd, assembly), { recursive: true, force: true });
  const cdk = join(scope.root, 'node_modules', '.bin', 'cdk');
  // A tenant-only change builds only the hub stacks it changes (docs/adr/0027).
  const base = exportBaseConfig(scope, cwd);
  const result = await runProcess(cdk, ['synth', ...synthArgs(scope, base), '--output', assembly], {
    cwd,
  }).finally(() => base?.remove());
  if (result.code !== 0) {
    return {
      status: 'fail',
      summary: 'synthesis failed',
      detail: tail(`${result.stderr}${result.stdout}`, 40),
      next: `the lines above say what to fix; reproduce with npx cdk synth ${synthArgs(scope).join(' ')}`,
      bug: result.bug,
    };
  }
  const what = scope.tenants.length === 1 ? `-c tenant=${scope.tenants[0]}` : 'the whole estate';
  const hub = /^hub: .*$/m.exec(result.stderr)?.[0];
  const stacks = `${what}: ${stackCount(resolve(cwd, assembly))} stacks, rule packs on`;
  return { status: 'pass', summary: hub ? `${stacks}; ${hub}` : stacks };
}

function outcome(
  result: StepResult,
  text: { summary: () => string; failed: string; next: string; detailFromStdout?: boolean },
): PhaseOutcome {
  if (result.code === 0) return { status: 'pass', summary: text.summary() };
  const detail = `${text.detailFromStdout ? result.stdout : ''}${result.stderr}`.trim();
  return {
    status: 'fail',
    summary: `${text.failed} (exit ${result.code})`,
    detail: tail(detail, 60),
    next: text.next,
    bug: result.bug,
  };
}

function stackCount(assembly: string): number {
  const manifest = JSON.parse(readFileSync(join(assembly, 'manifest.json'), 'utf8')) as {
    artifacts?: Record<string, { type: string }>;
  };
  return Object.values(manifest.artifacts ?? {}).filter((a) => a.type === 'aws:cloudformation:stack').length;
}

/**
 * The plan's first line without its "Change plan against REF (sha): " prefix, and how many
 * stacks change: "the whole estate (...); 78 stacks compared; 6 stacks change, 3 of them new".
 */
function planSummary(stdout: string): string {
  const lines = stdout.split('\n');
  const headline = (lines[0] ?? '').replace(/^Change plan against [^:]*: /, '').replace(/\.$/, '');
  const stacks = lines.filter((l) => /^\S.*: \d+ (added|changed|replaced|deleted|orphaned)/.test(l));
  const added = stacks.filter((l) => l.includes('[stack added]')).length;
  const changes = stacks.length ? `; ${stacks.length} stacks change, ${added} of them new` : '';
  return `${headline.slice(0, 120)}${changes}`;
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

function tail(text: string, lines: number): string {
  const all = text.split('\n');
  return all.length <= lines
    ? text
    : [`... (${all.length - lines} earlier lines)`, ...all.slice(-lines)].join('\n');
}
