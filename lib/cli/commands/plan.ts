import { Command, Option } from 'commander';
import { buildChangePlan, ChangePlanOptions } from '../../change-plan/build-plan';
import { formatPlan, PLAN_FORMATS, PlanFormat } from '../../change-plan/format-plan';
import { blockedDecisions } from '../../change-plan/types';
import { CheckFailedError } from '../../errors/user-input-error';
import { progressWanted, ProgressStream } from '../../terminal/progress-wanted';
import { CliIo, processIo } from '../io';

interface PlanOptions {
  readonly base: string;
  readonly config: string;
  readonly format: PlanFormat;
  readonly narrow: boolean;
}

export interface PlanCommandDeps {
  /** The repository to plan in. @default process.cwd() */
  readonly cwd?: string;
  /** Today as YYYY-MM-DD, for allowDestructive expiry. */
  readonly today?: () => string;
  /** The planner; tests replace it. */
  readonly buildPlan?: typeof buildChangePlan;
  /** Steps are shown on a terminal, not in CI (lib/terminal). @default process.stderr, process.env */
  readonly stderr?: ProgressStream;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * `nhs-cloud plan --base REF`: what the working tree changes in every synthesized stack
 * compared with REF, per tenant and stack. Prints the plan, then exits 1 if it deletes or
 * replaces a stateful or shared resource that config/exceptions.yaml does not allow. Removing a
 * retained resource (DeletionPolicy Retain) only orphans it: listed, not blocked.
 */
export function planCommand(io: CliIo = processIo, deps: PlanCommandDeps = {}): Command {
  return new Command('plan')
    .description(
      'Compare the synthesized estate with a git ref; exits 1 if a stateful or shared resource would be deleted or replaced without an allowDestructive exception',
    )
    .requiredOption('--base <ref>', 'git ref to compare with, e.g. origin/main')
    .option('--config <dir>', 'config directory (the same path on both sides)', 'config')
    .addOption(new Option('--format <format>', 'output format').choices(PLAN_FORMATS).default('text'))
    .option('--no-narrow', 'synthesize the whole estate even when only tenant files changed')
    .action(async (options: PlanOptions) => {
      const started = Date.now();
      // A full plan synthesizes the estate twice and says nothing for seconds; on a terminal,
      // each step gets a line on stderr (stdout stays the plan alone).
      const onStep = progressWanted(deps.env ?? process.env, deps.stderr ?? process.stderr)
        ? (step: string) => io.err(`nhs-cloud plan: ${step}, ${((Date.now() - started) / 1000).toFixed(1)} s`)
        : undefined;
      const request: ChangePlanOptions = {
        base: options.base,
        configDir: options.config,
        cwd: deps.cwd,
        narrow: options.narrow,
        today: deps.today?.(),
        onStep,
      };
      const plan = await (deps.buildPlan ?? buildChangePlan)(request);
      io.out(formatPlan(plan, options.format));
      const blocked = blockedDecisions(plan).length;
      if (blocked > 0) {
        throw new CheckFailedError(
          `plan: ${blocked} destructive change${blocked === 1 ? '' : 's'} to stateful or shared resources not allowed by ${plan.exceptionsFile}`,
        );
      }
    });
}
