import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { CheckFailedError, UserInputError } from '../../errors/user-input-error';
import { checkScope } from '../check/check-scope';
import { PHASES } from '../check/phases';
import { runPhases } from '../check/run-phases';
import { createProgress } from '../check/progress';
import { formatCheckSummary, PhaseRecord } from '../check/summary';
import { CliIo, processIo } from '../io';

interface CheckOptions {
  readonly tenant: string[];
  readonly base?: string;
  readonly config: string;
  readonly assembly: string;
}

export interface CheckCommandDeps {
  /** Where to run. @default process.cwd() */
  readonly cwd?: string;
  /** Whether stderr is a terminal (live progress line). @default process.stderr.isTTY */
  readonly tty?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * `nhs-cloud check`: what the pull request workflow (pr.yml) runs for a tenant change, locally,
 * in one command: lint of the changed files, validate, capacity, the tenant's synth, the
 * network proofs, the security review and the change plan against the base. Progress on
 * stderr, one summary on stdout with a next step for each failure; exit 1 if any check failed.
 */
export function checkCommand(io: CliIo = processIo, deps: CheckCommandDeps = {}): Command {
  return new Command('check')
    .description(
      'Run what the pull request workflow runs for a tenant change (lint, validate, capacity, synth, proofs, review, plan); one summary with a next step per failure',
    )
    .option(
      '--tenant <code>',
      'tenant to synthesize alone (any case; default: the tenant files changed since --base)',
      collect,
      [],
    )
    .option('--base <ref>', 'git ref the change is compared with (default: origin/main, else main)')
    .option('--config <dir>', 'config directory', 'config')
    .option('--assembly <dir>', 'where the synthesized cloud assembly goes', 'cdk.out')
    .action(async (options: CheckOptions) => {
      const started = performance.now();
      const cwd = deps.cwd ?? process.cwd();
      const tenants = options.tenant.map((t) => t.trim().toUpperCase());
      for (const t of tenants)
        if (!/^[RQX][A-Z0-9]{2}$/.test(t))
          throw UserInputError.at(
            { flag: '--tenant' },
            `expected a 3-character ODS code, got ${JSON.stringify(t.slice(0, 200))}`,
            {
              hint: 'R.. for a trust, Q.. for an ICB, X.. for a national body, e.g. RGR',
            },
          );
      const scope = checkScope({
        cwd,
        configDir: options.config,
        base: options.base,
        tenants: [...new Set(tenants)],
      });
      const context = { scope, cwd, assembly: options.assembly };
      // Progress goes to stderr as written (a live line redraws with \r); tests pass their own io.
      const raw = io === processIo ? (t: string) => void process.stderr.write(t) : io.err;
      const report = createProgress(raw, deps.tty ?? (io === processIo && Boolean(process.stderr.isTTY)));
      let records: PhaseRecord[];
      try {
        records = await runPhases(PHASES, context, report);
      } finally {
        report.stop();
      }
      io.out(formatCheckSummary(scope, records, (performance.now() - started) / 1000));
      const bug = records.find((r) => r.bug)?.bug;
      if (bug) throw bug;
      const failed = records.filter((r) => r.status === 'fail').map((r) => r.name);
      if (failed.length)
        throw new CheckFailedError(
          `check: ${failed.length} check${failed.length === 1 ? '' : 's'} failed: ${failed.join(', ')}`,
        );
    });
}
