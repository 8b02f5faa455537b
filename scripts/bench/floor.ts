import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { completed, measure, Measurement } from './measure';

/** The plain-CDK floor measured beside one size of the estate, and the ratio the issue budgets. */
export interface FloorResult {
  readonly stacks: number;
  readonly resources: number;
  /** The floor's median run. */
  readonly synth: Measurement;
  /** Wall times of every run, taken in turns (estate, floor, estate, ...); absent in older results. */
  readonly samples?: { readonly estateMs: readonly number[]; readonly floorMs: readonly number[] };
  /** Milliseconds per synthesized resource, from the median runs: the estate's, and the floor's. */
  readonly msPerResource: { readonly estate: number; readonly floor: number };
  /** estate / floor, per resource: the figure docs/benchmarks.md records. */
  readonly ratio: number;
}

export interface FloorRun {
  readonly synth: Measurement;
  readonly resources: number;
}

/**
 * Synthesizes scripts/bench/floor-app.ts with as many stacks and (to within one a stack) as many
 * resources as the estate's assembly held, with the same Node flags.
 */
export async function synthFloor(
  root: string,
  outdir: string,
  estate: { readonly stacks: number; readonly resources: number },
  nodeArgs: readonly string[],
): Promise<FloorRun> {
  rmSync(outdir, { recursive: true, force: true });
  const perStack = Math.max(1, Math.round(estate.resources / estate.stacks));
  const synth = await measure(['node', ...nodeArgs, 'scripts/bench/floor-app.ts'], {
    cwd: root,
    env: { CDK_OUTDIR: outdir, FLOOR_STACKS: String(estate.stacks), FLOOR_RESOURCES: String(perStack) },
  });
  const resources = completed(synth) ? countResources(outdir) : 0;
  rmSync(outdir, { recursive: true, force: true });
  return { synth, resources };
}

/**
 * Divides the median costs per resource. One pair of runs on a shared 2-vCPU host can differ by
 * 30% either way (docs/benchmarks.md), so the bench takes runs in turns and compares medians.
 */
export function compareWithFloor(
  estate: { readonly stacks: number; readonly resources: number },
  estateRuns: readonly Measurement[],
  floorRuns: readonly FloorRun[],
): FloorResult | undefined {
  const done = floorRuns.filter((r) => completed(r.synth) && r.resources > 0);
  const estateDone = estateRuns.filter(completed);
  if (done.length === 0 || estateDone.length === 0) return undefined;
  const floor = medianBy(done, (r) => r.synth.wallMs);
  const estateMedian = medianBy(estateDone, (m) => m.wallMs);
  const msPerResource = {
    estate: round(estateMedian.wallMs / estate.resources),
    floor: round(floor.synth.wallMs / floor.resources),
  };
  return {
    stacks: estate.stacks,
    resources: floor.resources,
    synth: floor.synth,
    samples: { estateMs: estateRuns.map((m) => m.wallMs), floorMs: floorRuns.map((r) => r.synth.wallMs) },
    msPerResource,
    ratio: round(msPerResource.estate / msPerResource.floor),
  };
}

/** The middle item by `key` (the lower middle of an even count). */
export function medianBy<T>(items: readonly T[], key: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function countResources(outdir: string): number {
  return readdirSync(outdir)
    .filter((f) => f.endsWith('.template.json'))
    .reduce(
      (n, f) => n + Object.keys(JSON.parse(readFileSync(join(outdir, f), 'utf8')).Resources ?? {}).length,
      0,
    );
}

const round = (x: number) => Math.round(x * 1000) / 1000;
