import { Phase, PhaseOutcome } from '../../lib/cli/check/phases';
import { createProgress } from '../../lib/cli/check/progress';
import { runPhases } from '../../lib/cli/check/run-phases';

const context = {
  scope: { root: '/', configDir: 'config', changed: [], tenants: [] },
  cwd: '/',
  assembly: 'cdk.out',
};

/** A phase that ends with `outcome` after `ms`, logging when it starts and ends. */
function phase(
  name: string,
  needs: string[],
  outcome: PhaseOutcome['status'],
  ms: number,
  log: string[],
): Phase {
  return {
    name,
    needs,
    describe: () => name,
    run: async () => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${name}`);
      return { status: outcome, summary: `${name} ${outcome}` };
    },
  };
}

describe('runPhases', () => {
  test('independent phases overlap; a phase waits for its needs; records keep the phases’ order', async () => {
    const log: string[] = [];
    const phases = [
      phase('validate', [], 'pass', 5, log),
      phase('synth', ['validate'], 'pass', 30, log),
      phase('plan', ['validate'], 'pass', 10, log),
      phase('review', ['synth'], 'pass', 5, log),
    ];
    const records = await runPhases(
      phases,
      context,
      createProgress(() => undefined, false),
    );
    expect(records.map((r) => `${r.name} ${r.status}`)).toEqual([
      'validate pass',
      'synth pass',
      'plan pass',
      'review pass',
    ]);
    expect(log).toEqual([
      'start validate',
      'end validate',
      'start synth',
      'start plan',
      'end plan',
      'end synth',
      'start review',
      'end review',
    ]);
  });

  test('a phase whose need failed is skipped, naming it; a phase that throws is a failure carrying the bug', async () => {
    const log: string[] = [];
    const broken: Phase = {
      name: 'proofs',
      needs: [],
      describe: () => 'proofs',
      run: () => Promise.reject(new Error('a bug')),
    };
    const records = await runPhases(
      [phase('validate', [], 'fail', 1, log), phase('synth', ['validate'], 'pass', 1, log), broken],
      context,
      createProgress(() => undefined, false),
    );
    expect(records.map((r) => [r.name, r.status, r.summary])).toEqual([
      ['validate', 'fail', 'validate fail'],
      ['synth', 'skip', 'skipped: needs validate to pass'],
      ['proofs', 'fail', 'failed: a bug'],
    ]);
    expect((records[2].bug as Error).message).toBe('a bug');
  });
});

describe('check progress on a terminal', () => {
  test('names every phase still running on the live line', () => {
    let out = '';
    let clock = 0;
    const progress = createProgress(
      (t) => void (out += t),
      true,
      () => clock,
    );
    progress.start('synth', 'cdk synth');
    progress.start('plan', 'nhs-cloud plan');
    clock = 4000;
    progress.end('synth', 'pass', 4, '13 stacks');
    progress.stop();
    expect(out.split('\r\x1b[2K').filter(Boolean)).toEqual([
      '  synth     cdk synth ... 0 s',
      '  synth, plan ... 0 s',
      '  synth     ok        4.0 s  13 stacks\n',
      '  plan      nhs-cloud plan ... 4 s',
    ]);
  });
});
