import { EstateModel, Tenant } from '../../config/model';
import { mbps } from './capacity-row';
import { LaneGroup, laneGroups } from './lane-groups';
import { CapacityShortfall, LaneMove } from './types';

export interface LaneLimits {
  /** What one lane carries with an AZ lost. */
  readonly capacityMbps: number;
}

export interface Placement {
  readonly count: number;
  readonly laneOf: ReadonlyMap<string, number>;
  readonly members: readonly (readonly string[])[];
  readonly needs: readonly number[];
  readonly moves: readonly LaneMove[];
  readonly unpinned: readonly string[];
  readonly groups: readonly LaneGroup[];
  readonly errors: readonly CapacityShortfall[];
}

interface Load {
  readonly need: number;
}

interface Unit {
  readonly group: LaneGroup;
  readonly load: Load;
  /** The group holds a national service (reachable from every lane). */
  readonly national: boolean;
  /** The lane its members are pinned to, if any. */
  readonly pin?: number;
}

/**
 * Puts every tenant in a lane (docs/adr/0024-hub-lanes.md). A pure function of the estate:
 *
 * 1. Tenants that rules join form one group, and a group moves as one.
 * 2. Pinned groups (`network.lane` in a tenant file) go to their lane. A lane whose pinned
 *    members no longer fit sheds the smallest group that makes it fit (else its largest, and
 *    again): each shed group is a forced move, reported.
 * 3. Groups with a national service go first, each into the lowest lane with room, so as few
 *    lanes as can be hold national services (each such lane needs a return route for every
 *    prod environment elsewhere). The other groups, largest need first (ties by ODS code), go
 *    to the lane with the most room among at least ceil(total need / capacity) lanes; a group
 *    that fits nowhere opens a new lane. Worst fit balances the need; it is not a hash.
 *
 * Pinned tenants never move unless their lane is full, so an estate whose tenants are pinned
 * (onboarding pins each new one) keeps everyone in place when a tenant comes or goes.
 *
 *   capacity 120,000; RW3 50,000, X24 50,000, {RGR, RDE} 23,000, RJ7 20,000, ... 192,700 in
 *   all -> 2 lanes: RW3 in 1, X24 in 2, {RGR, RDE} in 1, RJ7 in 2, ...
 */
export function placeLanes(
  model: EstateModel,
  needOf: (tenant: Tenant) => number,
  limits: LaneLimits,
): Placement {
  const byCode = new Map(model.tenants.map((t) => [t.odsCode, t]));
  const groups = laneGroups(model);
  const errors: CapacityShortfall[] = [];
  const units: Unit[] = [];
  for (const group of groups) {
    const tenants = group.tenants.map((c) => byCode.get(c)!);
    const load = loadOf(tenants, needOf);
    const pins = [...new Set(tenants.flatMap((t) => (t.network.lane ? [t.network.lane] : [])))];
    if (pins.length > 1) {
      errors.push({
        tenant: group.tenants[0],
        path: 'lanes',
        message:
          `lanes: ${pinList(tenants)} are joined by ${ruleList(group)} but pinned to different lanes; ` +
          'pin them to one lane (network.lane in each tenant file)',
      });
    }
    const problem = tooBig(group, load, limits, model.estate.network.growthFactor, tenants, needOf);
    if (problem) {
      errors.push({ tenant: group.tenants[0], path: 'lanes', message: problem });
      continue;
    }
    const national = tenants.some((t) => t.scope === 'national');
    units.push({ group, load, national, ...(pins.length > 0 ? { pin: Math.min(...pins) } : {}) });
  }

  const totalNeed = units.reduce((n, u) => n + u.load.need, 0);
  const maxPin = Math.max(0, ...units.map((u) => u.pin ?? 0));
  const lanes: Unit[][] = Array.from(
    { length: Math.max(maxPin, Math.ceil(totalNeed / limits.capacityMbps), units.length > 0 ? 1 : 0) },
    () => [],
  );
  for (const unit of units) if (unit.pin) lanes[unit.pin - 1].push(unit);

  const moves: { unit: Unit; from: number; reason: string }[] = [];
  lanes.forEach((lane, i) => {
    while (!fits(total(lane), limits)) {
      const unit = shedOne(lane, limits);
      lane.splice(lane.indexOf(unit), 1);
      moves.push({ unit, from: i + 1, reason: overfullReason(lane, unit, limits) });
    }
  });

  // National services first, each into the lowest lane that fits: every lane holding one needs
  // a return route per prod environment elsewhere, so they are kept in as few lanes as can be.
  const pending = [...units.filter((u) => !u.pin), ...moves.map((m) => m.unit)].sort(
    (a, b) =>
      Number(b.national) - Number(a.national) ||
      b.load.need - a.load.need ||
      a.group.tenants[0].localeCompare(b.group.tenants[0]),
  );
  const placedMoves: LaneMove[] = [];
  for (const unit of pending) {
    const movedFrom = moves.find((m) => m.unit === unit);
    let best = -1;
    lanes.forEach((lane, i) => {
      if (movedFrom && i + 1 === movedFrom.from) return;
      if (!fits(add(total(lane), unit.load), limits)) return;
      if (best < 0 || (!unit.national && room(lanes[i], limits) > room(lanes[best], limits))) best = i;
    });
    if (best < 0) {
      lanes.push([]);
      best = lanes.length - 1;
    }
    lanes[best].push(unit);
    if (movedFrom) {
      placedMoves.push({
        tenants: unit.group.tenants,
        from: movedFrom.from,
        to: best + 1,
        reason: movedFrom.reason,
      });
    }
  }

  const laneOf = new Map<string, number>();
  const members = lanes.map((lane, i) => {
    const codes = lane.flatMap((u) => u.group.tenants).sort();
    for (const c of codes) laneOf.set(c, i + 1);
    return codes;
  });
  return {
    count: lanes.length,
    laneOf,
    members,
    needs: lanes.map((lane) => total(lane).need),
    moves: placedMoves,
    unpinned: model.tenants.filter((t) => !t.network.lane && laneOf.has(t.odsCode)).map((t) => t.odsCode),
    groups,
    errors,
  };
}

function loadOf(tenants: readonly Tenant[], needOf: (t: Tenant) => number): Load {
  return { need: tenants.reduce((n, t) => n + needOf(t), 0) };
}

function total(lane: readonly Unit[]): Load {
  return lane.reduce((a, u) => add(a, u.load), { need: 0 });
}

function add(a: Load, b: Load): Load {
  return { need: a.need + b.need };
}

function fits(load: Load, limits: LaneLimits): boolean {
  return load.need <= limits.capacityMbps;
}

function room(lane: readonly Unit[], limits: LaneLimits): number {
  return limits.capacityMbps - total(lane).need;
}

/** The smallest group whose leaving makes the lane fit; else its largest. Ties by ODS code. */
function shedOne(lane: readonly Unit[], limits: LaneLimits): Unit {
  const bySize = [...lane].sort(
    (a, b) => a.load.need - b.load.need || a.group.tenants[0].localeCompare(b.group.tenants[0]),
  );
  const load = total(lane);
  const enough = bySize.find((u) => fits({ need: load.need - u.load.need }, limits));
  return enough ?? bySize[bySize.length - 1];
}

function overfullReason(rest: readonly Unit[], moved: Unit, limits: LaneLimits): string {
  const load = add(total(rest), moved.load);
  return `its pinned lane would need ${mbps(load.need)} against ${mbps(limits.capacityMbps)}`;
}

function tooBig(
  group: LaneGroup,
  load: Load,
  limits: LaneLimits,
  growthFactor: number,
  tenants: readonly Tenant[],
  needOf: (t: Tenant) => number,
): string | undefined {
  const who =
    tenants.length === 1
      ? `${tenants[0].odsCode} needs ${mbps(load.need)} (${growthFactor} x ${mbps(tenants[0].network.currentPeakMbps)} peak)`
      : `${tenants
          .map((t) => `${t.odsCode} ${mbps(needOf(t))}`)
          .join(', ')}, joined by ${ruleList(group)}, need ${mbps(load.need)} together`;
  if (load.need > limits.capacityMbps) {
    return (
      `lanes: ${who}, more than one lane carries (${mbps(limits.capacityMbps)} with one AZ lost); ` +
      (tenants.length === 1
        ? `spread ${tenants[0].odsCode}'s workload over more tenants, or raise network.averagePacketBytes if measured packets are larger`
        : 'narrow the rule to the environments that need it, or split the flow so the tenants need not share a lane')
    );
  }
  return undefined;
}

function ruleList(group: LaneGroup): string {
  return group.rules.length === 1 ? `rule ${group.rules[0]}` : `rules ${group.rules.join(', ')}`;
}

function pinList(tenants: readonly Tenant[]): string {
  return tenants.map((t) => `${t.odsCode}${t.network.lane ? ` (lane ${t.network.lane})` : ''}`).join(', ');
}
