import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { writeStamp } from '../../lib/app/synth-stamp';
import { STAMP_FILE } from '../../lib/config/assembly-stamp';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';
import { reportCommand } from '../../lib/cli/commands/report';
import { ReportedError } from '../../lib/errors/user-input-error';
import { REVIEW_FILE, ReviewFile } from '../../lib/security-review/review-file';
import { MATCHING_EXCEPTIONS, synthFixture } from '../security-review/fixture-app';
import { runCli } from '../support/run-cli';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `nhs-cloud report ARGS` in-process; ReportedErrors become exit codes as in handleError. */
async function report(args: string[]): Promise<Run> {
  let stdout = '';
  const io = { out: (t: string) => void (stdout += t), err: () => undefined };
  const command = reportCommand(io, { today: () => '2025-06-01' })
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
  const program = new Command('nhs-cloud').exitOverride().addCommand(command);
  try {
    await program.parseAsync(['node', 'nhs-cloud', 'report', ...args]);
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    if (ReportedError.is(error)) return { code: error.exitCode, stdout, stderr: error.message };
    throw error;
  }
}

/** A copy of `assembly` whose review has `edit` applied and no CDK report beside it. */
function edited(assembly: string, edit: (review: ReviewFile) => ReviewFile): string {
  const dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-report-'));
  cpSync(assembly, dir, { recursive: true });
  rmSync(join(dir, 'validation-report.json'));
  const path = join(dir, REVIEW_FILE);
  writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(path, 'utf8')) as ReviewFile)));
  return dir;
}

describe('nhs-cloud report', () => {
  let assembly: string;
  beforeAll(() => {
    assembly = synthFixture({ exceptions: MATCHING_EXCEPTIONS }).outdir;
    writeStamp(assembly, 'config'); // a finished synth of the config --config names (default config/)
  });

  it('prints Markdown and exits 1 on open errors', async () => {
    const run = await report(['--assembly', assembly]);
    expect(run.stdout).toContain('## Security review');
    expect(run.stdout).toContain('**3 open errors, 0 warnings, 0 info**');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('security review: 3 open findings or review problems at or above error');
  });

  it('writes SARIF 2.1.0 to --out', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'nhs-cloud-sarif-')), 'review.sarif');
    const run = await report(['--assembly', assembly, '--format', 'sarif', '--out', out]);
    expect(run.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as {
      version: string;
      runs: { results: unknown[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(3);
    expect(run.code).toBe(1);
  });

  it('prints JSON totals', async () => {
    const run = await report(['--assembly', assembly, '--format', 'json']);
    expect(JSON.parse(run.stdout).totals.open).toEqual({ error: 3, warning: 0, info: 0 });
  });

  describe('with only a warning open', () => {
    let dir: string;
    beforeAll(() => {
      dir = edited(assembly, (review) => {
        const open = review.findings.filter((f) => f.exception === undefined);
        return {
          ...review,
          findings: review.findings.map((f) =>
            f === open[0]
              ? { ...f, severity: 'warning' as const }
              : open.includes(f)
                ? { ...f, exception: 0 }
                : f,
          ),
        };
      });
    });

    it('passes --fail-on error', async () => {
      expect((await report(['--assembly', dir, '--fail-on', 'error'])).code).toBe(0);
    });

    it('fails --fail-on warning', async () => {
      const run = await report(['--assembly', dir, '--fail-on', 'warning']);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('security review: 1 open finding or review problem at or above warning');
    });
  });

  it('exits 3 (no assembly to review) when the folder is not an assembly', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'nhs-cloud-empty-'));
    const run = await report(['--assembly', empty]);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `${empty} is not a cloud assembly (no manifest.json): run \`npx cdk synth\` first, or pass --assembly DIR`,
    );
  });

  it('exits 3 (no assembly to review) when the assembly has no review', async () => {
    const dir = edited(assembly, (review) => review);
    rmSync(join(dir, REVIEW_FILE));
    const run = await report(['--assembly', dir]);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `${join(dir, REVIEW_FILE)} not found: run \`npx cdk synth\` first (the security review writes it during synthesis)`,
    );
  });

  describe('an assembly that is not the last finished synth of the config (exit 3, no report)', () => {
    it('refuses one without a stamp: the synth into it failed or stopped part way', async () => {
      const dir = edited(assembly, (review) => review);
      rmSync(join(dir, STAMP_FILE));
      const run = await report(['--assembly', dir]);
      expect(run).toEqual({
        code: 3,
        stdout: '',
        stderr: `${dir} is not the product of a synth that finished: it has no ${STAMP_FILE}, so the last synth into it failed or stopped part way (its templates may be older than your config); fix what stopped it and synthesize again: npx cdk synth`,
      });
    });

    it('refuses one synthesized from config that has changed since, naming the files', async () => {
      const config = mkdtempSync(join(tmpdir(), 'nhs-cloud-config-'));
      cpSync(FIXTURE_ESTATE_DIR, config, { recursive: true });
      const dir = edited(assembly, (review) => review);
      writeStamp(dir, config);
      expect((await report(['--assembly', dir, '--config', config])).code).toBe(1); // current: the findings
      writeFileSync(
        join(config, 'tenants', 'RGR.yaml'),
        `${readFileSync(join(config, 'tenants', 'RGR.yaml'), 'utf8')}# edited\n`,
      );
      writeFileSync(join(config, 'tenants', 'RZZ.yaml'), 'odsCode: RZZ\n');
      rmSync(join(config, 'tenants', 'X24.yaml'));
      const run = await report(['--assembly', dir, '--config', config]);
      expect(run).toEqual({
        code: 3,
        stdout: '',
        stderr: `${dir} was synthesized from other config than ${config} holds now (changed: tenants/RGR.yaml; added: tenants/RZZ.yaml; removed: tenants/X24.yaml); synthesize again: npx cdk synth -c config=${config}`,
      });
    });
  });

  it('exits 3 (no assembly to review) when the packs were off (-c nag=false)', async () => {
    const dir = edited(assembly, (review) => ({ ...review, packs: [], findings: [] }));
    const run = await report(['--assembly', dir]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('synthesized with the rule packs off (-c nag=false)');
  });

  it('exits 2, before any work, when --out is in a folder that does not exist', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'nhs-cloud-out-')), 'missing');
    const out = join(folder, 'review.md');
    const run = await runCli(['report', '--assembly', assembly, '--out', out]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `--out: ${out}: expected a file in an existing folder, but ${folder} does not exist\n  hint: create the folder first (mkdir -p ${folder}) or choose another path\n`,
    });
  });

  it('exits 2 when --out is inside a file, not a folder', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nhs-cloud-out-')), 'a-file');
    writeFileSync(file, '');
    const run = await runCli(['report', '--assembly', assembly, '--out', join(file, 'review.md')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`but ${file} is not a folder`);
  });

  it('rejects an unknown format', async () => {
    await expect(report(['--assembly', assembly, '--format', 'html'])).rejects.toMatchObject({
      code: 'commander.invalidArgument',
    });
  });
});
