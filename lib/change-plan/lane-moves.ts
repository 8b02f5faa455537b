import { SynthesizedStack } from './types';

/** A tenant whose hub lane differs between the base and the head (docs/adr/0024-hub-lanes.md). */
export interface LaneMoveChange {
  readonly tenant: string;
  readonly from: number;
  readonly to: number;
}

/** The template metadata key where each hub shard records its tenants' lanes (lib/planners/hub/lane-stacks.ts). */
export const LANES_METADATA = 'nhs-cloud:lanes';

/**
 * Tenants whose lane changes, read from the hub shards' `nhs-cloud:lanes` metadata on each
 * side. A move replaces the tenant's route table associations (a brief loss of its traffic);
 * the planner makes one only when a lane is full or a pin is edited, and this lists it so the
 * review sees it by name. Associations are not stateful, so the guard lets a move through.
 *
 *   base { RGR: 1 }, head { RGR: 2 } -> [{ tenant: RGR, from: 1, to: 2 }]
 */
export function laneMovesBetween(
  before: readonly SynthesizedStack[],
  after: readonly SynthesizedStack[],
): LaneMoveChange[] {
  const lanesOf = (stacks: readonly SynthesizedStack[]) => {
    const out = new Map<string, number>();
    for (const stack of stacks) {
      const lanes = (stack.template.Metadata as Record<string, unknown> | undefined)?.[LANES_METADATA];
      if (!lanes || typeof lanes !== 'object') continue;
      for (const [tenant, lane] of Object.entries(lanes)) if (typeof lane === 'number') out.set(tenant, lane);
    }
    return out;
  };
  const base = lanesOf(before);
  const head = lanesOf(after);
  return [...head.entries()]
    .filter(([tenant, lane]) => base.has(tenant) && base.get(tenant) !== lane)
    .map(([tenant, to]) => ({ tenant, from: base.get(tenant)!, to }))
    .sort((a, b) => a.tenant.localeCompare(b.tenant));
}
