import { EstateModel } from '../../config/model';
import { HubStackInputs } from './hub-stack-inputs';
import { NetworkPlan } from './network-plan';

/** One side of a comparison: an estate and its hub stacks' slices (lib/planners/hub/hub-stack-inputs.ts). */
export interface EstateSlices {
  readonly model: EstateModel;
  readonly plan: NetworkPlan;
  readonly inputs: ReadonlyMap<string, HubStackInputs>;
}

/** Which of the hub's lane, shard and returns stacks a one-tenant build makes, and why. */
export interface HubBuildScope {
  /** Stack names to build. */
  readonly build: ReadonlySet<string>;
  /** The estate's lane, shard and returns stacks, built or not. */
  readonly total: number;
  /** Lane, shard and returns stacks left out because the base renders them the same. */
  readonly unchanged: number;
  /** In the base only: a full deploy deletes them; a one-tenant build cannot. */
  readonly removed: readonly string[];
  /** One line for the synth's summary. */
  readonly reason: string;
}

/**
 * A one-tenant build (`-c tenant=ODS`) makes the tenant's own hub share (its shard, its
 * returns and its lane, so the network proofs walk every hop of its traffic) and, given the
 * base estate its change is made against (`-c base=DIR`), every other lane, shard and returns
 * stack whose slice differs from the base's: a change can move other tenants between lanes or
 * add routes for them. Without a base, or when estate.yaml differs, nothing can be left out
 * safely and every lane is built, as before (docs/adr/0027).
 */
export function oneTenantHubScope(odsCode: string, head: EstateSlices, base?: EstateSlices): HubBuildScope {
  const own = ownHubStacks(odsCode, head);
  const lanes = head.plan.laneStacks.map((l) => l.stackName);
  const everyLane = (reason: string): HubBuildScope => {
    const build = new Set([...own, ...lanes]);
    return { build, total: head.inputs.size, unchanged: 0, removed: [], reason };
  };
  if (!base) return everyLane('no base to compare with (-c base=DIR): every lane built');
  if (JSON.stringify(base.model.estate) !== JSON.stringify(head.model.estate))
    return everyLane('estate.yaml differs from the base: every lane built');
  const build = new Set(own);
  for (const [name, inputs] of head.inputs) {
    const before = base.inputs.get(name);
    if (!before || JSON.stringify(before) !== JSON.stringify(inputs)) build.add(name);
  }
  const removed = [...base.inputs.keys()].filter((name) => !head.inputs.has(name)).sort();
  const unchanged = head.inputs.size - build.size;
  const changed = [...build].filter((name) => !own.has(name)).length;
  return {
    build,
    total: head.inputs.size,
    unchanged,
    removed,
    reason: `${changed} other hub stack${changed === 1 ? '' : 's'} changed since the base, ${unchanged} unchanged left out`,
  };
}

/** The tenant's shard and returns stacks, and its lane's stack (lane 1 is Core-Network). */
function ownHubStacks(odsCode: string, head: EstateSlices): Set<string> {
  const { plan } = head;
  const lane = plan.sizing.lanes.laneOf[odsCode] ?? 1;
  return new Set([
    ...plan.shards.filter((s) => s.tenants.includes(odsCode)).map((s) => s.stackName),
    ...plan.returns.filter((r) => r.tenants.includes(odsCode)).map((r) => r.stackName),
    ...plan.laneStacks.filter((l) => l.lane === lane).map((l) => l.stackName),
  ]);
}

/**
 * One line for the end of a one-tenant synth:
 *
 *   hub: 3 of 300 lane, shard and returns stacks built; 1 other hub stack changed since the base, 297 unchanged left out
 */
export function describeHubScope(scope: HubBuildScope): string {
  const removed = scope.removed.length
    ? `; in the base only, deleted by a full deploy: ${scope.removed.join(', ')}`
    : '';
  return `hub: ${scope.build.size} of ${scope.total} lane, shard and returns stacks built; ${scope.reason}${removed}`;
}
