import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCommand } from '../../lib/cli/commands/check';
import { createProgress } from '../../lib/cli/check/progress';
import { cliRows } from '../../lib/cli/cli-reference';
import { projectCopy } from '../support/project-copy';
import { runCommand } from '../support/ec2-fixtures/run-command';
import { runCli } from '../support/run-cli';

/**
 * `nhs-cloud check` in a fresh clone (a git repository holding this project and the example
 * estate, committed on main), after onboarding a trust: the journey of docs/onboarding.md.
 * The live config/ is used, as a new user would have it: its exceptions.yaml must keep a
 * synth with the rule packs clean, which the frozen fixture's need not.
 */
let repo: string;
beforeAll(() => {
  repo = projectCopy(join(__dirname, '..', '..', 'config'));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const RMC = [
  'onboard',
  '--tenant',
  'RMC',
  '--name',
  'Bolton NHS Foundation Trust',
  '--icb',
  'QOP',
  '--env',
  'prod=300000000001',
  '--env',
  'nonprod=300000000002',
  '--peak-mbps',
  '600',
  '--owner',
  'it.director@boltonft.nhs.uk',
  '--security-contact',
  'cyber@boltonft.nhs.uk',
  '--budget-gbp',
  '15000',
];
const check = (...args: string[]) =>
  runCommand((io) => checkCommand(io, { cwd: repo, tty: false }), ['check', ...args]);

describe('nhs-cloud check', () => {
  test('a newly onboarded trust passes every check pr.yml runs, with one progress line per phase', async () => {
    const onboard = await runCli([...RMC, '--config', join(repo, 'config')]);
    expect(onboard.code).toBe(0);
    const run = await check();
    const summary = run.stdout.split('\n');
    expect(summary[0]).toMatch(
      /^nhs-cloud check: RMC, against origin\/main|^nhs-cloud check: RMC, against main \(branched at [0-9a-f]{7}\)$/,
    );
    expect(summary.slice(1, 8).map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'lint ok',
      'validate ok',
      'capacity ok',
      'synth ok',
      'proofs ok',
      'review ok',
      'plan ok',
    ]);
    expect(run.stdout).toContain('2 changed files pass prettier');
    expect(run.stdout).toContain('-c tenant=RMC: ');
    // Only config changed, so the synth is narrowed against the base's config (docs/adr/0027).
    expect(run.stdout).toMatch(
      /hub: \d+ of \d+ lane, shard and returns stacks built; \d+ other hub stacks? changed since the base, \d+ unchanged left out/,
    );
    expect(run.stdout).toMatch(
      /All 7 checks passed in \d+\.\d s\.\nNext: commit the changed files and open a pull request/,
    );
    expect(run.code).toBe(0);
    // Progress: one plain line per phase (not a terminal: no control characters), each timed.
    const progress = run.stderr.replace(/\n$/, '').split('\n');
    expect(progress).toHaveLength(7);
    for (const line of progress) expect(line).toMatch(/^ {2}[a-z]+ +ok +\d+\.\d s {2}\S/);
    expect(run.stderr).not.toContain('\x1b');
    expect(run.stderr).not.toContain('\r');
  });

  test('failures get their output and a next step; checks that depend on them are skipped', async () => {
    const file = join(repo, 'config', 'tenants', 'RMC.yaml');
    const text = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, text.replace("owner: 'it.director@boltonft.nhs.uk'", 'owner:    "not-an-email"'));
      const run = await check('--tenant', 'rmc');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('check: 2 checks failed: lint, validate');
      expect(run.stdout).toContain('2 of 7 checks failed in');
      expect(run.stdout).toContain('lint: 2 changed files: formatting or lint problems');
      expect(run.stdout).toContain(
        '  Next: npx prettier --write config/allocations.yaml config/tenants/RMC.yaml',
      );
      expect(run.stdout).toContain(
        'contacts.owner: expected an e-mail address such as cyber@trust.nhs.uk, got "not-an-email"',
      );
      expect(run.stdout).toContain('  Next: fix each error at the file, line and field it names');
      expect(run.stdout).toContain('Skipped until those pass: capacity, synth, proofs, review, plan.');
    } finally {
      writeFileSync(file, text);
    }
  });

  test('a bad --tenant or --base is an input error naming the flag', async () => {
    expect((await check('--tenant', 'R-1')).stderr).toContain(
      '--tenant: expected a 3-character ODS code, got "R-1"',
    );
    const base = await check('--base', 'no-such-branch');
    expect(base.code).toBe(2);
    expect(base.stderr).toContain('--base: expected a git ref of this repository, got "no-such-branch"');
  });

  test('is registered in the CLI', () => {
    expect(cliRows().find((row) => row.usage.startsWith('check '))?.usage).toBe('check [options]');
  });
});

describe('check progress', () => {
  test('on a terminal the current phase is redrawn in place; elsewhere each phase prints one plain line', () => {
    let tty = '';
    let clock = 0;
    const live = createProgress(
      (t) => void (tty += t),
      true,
      () => clock,
    );
    live.start('synth', 'cdk synth');
    clock = 6000;
    live.end('synth', 'pass', 6.04, '13 stacks');
    live.stop();
    expect(tty).toBe(
      '\r\x1b[2K  synth     cdk synth ... 0 s\r\x1b[2K  synth     ok        6.0 s  13 stacks\n',
    );
    let log = '';
    const plain = createProgress((t) => void (log += t), false);
    plain.start('synth', 'cdk synth');
    plain.end('synth', 'fail', 12.34, 'synthesis failed');
    expect(log).toBe('  synth     FAILED   12.3 s  synthesis failed\n');
  });
});
