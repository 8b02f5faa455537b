import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, Option } from 'commander';
import { checkAssemblyStamp } from '../../config/assembly-stamp';
import { writeFileAtomic } from '../../files/write-files';
import { todayUtc } from '../../security-review/dates';
import { buildReportData } from '../../security-review/report/report-data';
import { failures, FailOn } from '../../security-review/report/summary';
import { loadAssemblyReview } from '../../security-review/report/load-assembly';
import { renderJson } from '../../security-review/report/json';
import { renderMarkdown } from '../../security-review/report/markdown';
import { renderSarif } from '../../security-review/report/sarif';
import { CheckFailedError, StaleAssemblyError, UserInputError } from '../../errors/user-input-error';
import { CliIo, processIo } from '../io';

export const REPORT_FORMATS = ['md', 'sarif', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const FAIL_ON = ['error', 'warning'] as const;

interface ReportOptions {
  readonly assembly: string;
  readonly config: string;
  readonly format: ReportFormat;
  readonly failOn: FailOn;
  readonly out?: string;
}

export interface ReportCommandDeps {
  /** Today as YYYY-MM-DD, for days to expiry. */
  readonly today?: () => string;
}

/**
 * `nhs-cloud report`: renders the security review of a synthesized assembly as Markdown (PR
 * comment, step summary), SARIF (code scanning) or JSON, then exits 1 if any open finding is
 * at or above --fail-on, or the review itself has a problem. Exit 2: nothing to report on.
 */
export function reportCommand(io: CliIo = processIo, deps: ReportCommandDeps = {}): Command {
  return new Command('report')
    .description(
      'Report the security review of a synthesized cloud assembly; exits 1 on open findings at or above --fail-on',
    )
    .option('--assembly <dir>', 'cloud assembly directory written by cdk synth', 'cdk.out')
    .option(
      '--config <dir>',
      'config directory the assembly was synthesized from (findings with no source line point at its files)',
      'config',
    )
    .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).default('md'))
    .addOption(
      new Option('--fail-on <severity>', 'lowest severity that fails').choices(FAIL_ON).default('error'),
    )
    .option('--out <file>', 'write the report to a file instead of standard output')
    .action((options: ReportOptions) => {
      if (options.out) checkOutFolder(options.out);
      // A missing, unfinished or out-of-date assembly, or no review file in it: exit 3, nothing to report on.
      checkAssemblyStamp(options.assembly, options.config);
      const assembly = loadAssemblyReview(options.assembly);
      if (assembly.review.packs.length === 0) {
        throw new StaleAssemblyError(
          `${options.assembly} was synthesized with the rule packs off (-c nag=false): nothing to review; synthesize without it`,
        );
      }
      const data = buildReportData(assembly, {
        today: (deps.today ?? todayUtc)(),
        fallbackFile: join(options.config, 'estate.yaml'),
        root: process.cwd(),
      });
      const text = render(data, options.format);
      if (options.out) writeFileAtomic(options.out, text);
      else io.out(text);
      const failing = failures(data, options.failOn);
      if (failing > 0) {
        throw new CheckFailedError(
          `security review: ${failing} open finding${failing === 1 ? '' : 's'} or review problem${failing === 1 ? '' : 's'} at or above ${options.failOn}`,
        );
      }
    });
}

/**
 * Before any work: `--out` into a folder that is not there would otherwise fail after the
 * review, as a bare ENOENT. Exit 2 like the other "nothing reported" cases, not 1 (findings).
 */
function checkOutFolder(out: string): void {
  // --out always names a file: a folder there would fail the write as a bare EISDIR.
  if (isFolder(out)) {
    throw UserInputError.at({ flag: '--out' }, `${out}: expected a file to write, but it is a folder`, {
      hint: `name the file, e.g. --out ${join(out, 'security-review.md')}`,
    });
  }
  const folder = dirname(out);
  const stat = statSync(folder, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return;
  throw UserInputError.at(
    { flag: '--out' },
    `${out}: expected a file in an existing folder, but ${folder} ${stat ? 'is not a folder' : 'does not exist'}`,
    { hint: `create the folder first (mkdir -p ${folder}) or choose another path` },
  );
}

function isFolder(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false; // ENOTDIR: a path through a file; the folder check below names it
  }
}

function render(data: ReturnType<typeof buildReportData>, format: ReportFormat): string {
  if (format === 'md') return renderMarkdown(data);
  const json = format === 'sarif' ? renderSarif(data) : renderJson(data);
  return `${JSON.stringify(json, undefined, 2)}\n`;
}
