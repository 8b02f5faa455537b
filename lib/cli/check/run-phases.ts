import { performance } from 'node:perf_hooks';
import { Phase, PhaseContext, PhaseOutcome } from './phases';
import { Progress } from './progress';
import { PhaseRecord } from './summary';

/**
 * Runs the phases as soon as what they need has passed, so independent ones overlap: the change
 * plan (two synths of its own) runs beside the tenant's synth, proofs and review. A phase whose
 * need failed or was skipped is skipped. Records come back in the phases' own order.
 */
export async function runPhases(
  phases: readonly Phase[],
  context: PhaseContext,
  progress: Progress,
): Promise<PhaseRecord[]> {
  const records = new Map<string, PhaseRecord>();
  const running = new Map<string, Promise<void>>();
  const settled = (name: string) => records.has(name);
  const record = (phase: Phase, outcome: PhaseOutcome, started: number) => {
    const seconds = (performance.now() - started) / 1000;
    progress.end(phase.name, outcome.status, seconds, outcome.summary);
    records.set(phase.name, { ...outcome, name: phase.name, seconds });
  };
  while (records.size < phases.length) {
    let started = false;
    for (const phase of phases) {
      if (settled(phase.name) || running.has(phase.name)) continue;
      if (!phase.needs.every(settled)) continue;
      started = true;
      const blocked = phase.needs.find((need) => records.get(need)?.status !== 'pass');
      if (blocked) {
        record(phase, { status: 'skip', summary: `skipped: needs ${blocked} to pass` }, performance.now());
        continue;
      }
      const start = performance.now();
      progress.start(phase.name, phase.describe(context));
      running.set(
        phase.name,
        phase
          .run(context)
          .catch((error: unknown): PhaseOutcome => ({ status: 'fail', summary: 'failed: a bug', bug: error }))
          .then((outcome) => {
            running.delete(phase.name);
            record(phase, outcome, start);
          }),
      );
    }
    if (!started) {
      if (running.size === 0)
        throw new Error(`check: phases wait on each other: ${phases.map((p) => p.name).join(', ')}`);
      await Promise.race(running.values());
    }
  }
  return phases.map((phase) => records.get(phase.name)!);
}
