import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { completed, measure, Measurement } from './measure';

/** The plain-CDK floor measured beside one size of the estate, and the ratio the issue budgets. */
export interface FloorResult {
  readonly stacks: number;
  readonly resources: number;
  readonly synth: Measurement;
  /** Milliseconds per synthesized resource: the estate's full synth, and the floor's. */
  readonly msPerResource: { readonly estate: number; readonly floor: number };
  /** estate / floor, per resource: the figure docs/benchmarks.md records. */
  readonly ratio: number;
}

/**
 * Synthesizes scripts/bench/floor-app.ts with as many stacks and resources as the estate's
 * assembly held, in the same run and with the same Node, and divides the costs per resource.
 */
export async function measureFloor(
  root: string,
  outdir: string,
  estate: { readonly stacks: number; readonly resources: number; readonly synth: Measurement },
  nodeArgs: readonly string[],
): Promise<FloorResult | undefined> {
  if (!completed(estate.synth) || estate.stacks === 0) return undefined;
  rmSync(outdir, { recursive: true, force: true });
  const perStack = Math.max(1, Math.round(estate.resources / estate.stacks));
  const synth = await measure(['node', ...nodeArgs, 'scripts/bench/floor-app.ts'], {
    cwd: root,
    env: { CDK_OUTDIR: outdir, FLOOR_STACKS: String(estate.stacks), FLOOR_RESOURCES: String(perStack) },
  });
  if (!completed(synth))
    return { stacks: estate.stacks, resources: 0, synth, msPerResource: { estate: 0, floor: 0 }, ratio: NaN };
  const resources = countResources(outdir);
  rmSync(outdir, { recursive: true, force: true });
  const msPerResource = {
    estate: round(estate.synth.wallMs / estate.resources),
    floor: round(synth.wallMs / resources),
  };
  return {
    stacks: estate.stacks,
    resources,
    synth,
    msPerResource,
    ratio: round(msPerResource.estate / msPerResource.floor),
  };
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
