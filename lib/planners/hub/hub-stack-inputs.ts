import { allEnvironments, EstateModel } from '../../config/model';
import { ReturnsPlan, ShardPlan } from '../shards';
import {
  AttachmentPlan,
  BindingPlan,
  PlanHome,
  RouteTablePlan,
  StaticRoutePlan,
} from '../segmentation/types';
import { HubOutput, laneOutputs } from './hub-outputs';
import { LaneStackPlan } from './lane-stacks';
import { NetworkPlan } from './network-plan';
import { VpnLinkPlan } from './vpn-links';

/**
 * The stacks of the hub that grow with the estate (lanes, shards, returns) are each built from
 * one of these slices of the plan and nothing else but estate.yaml and references to
 * Core-Network. A slice is plain data, so two estates' slices compare as JSON: a stack whose
 * slice and estate.yaml are the same renders the same template (docs/adr/0027).
 */
export interface SegmentRoutingInputs {
  readonly associations: readonly BindingPlan[];
  readonly propagations: readonly BindingPlan[];
  readonly routes: readonly StaticRoutePlan[];
}

/** A national service's attachment a lane looks up by its owner account. */
export interface LaneLookup {
  readonly key: string;
  readonly owner: string;
  /** A new CIDR means a new VPC and attachment: the lookup runs again. */
  readonly cidr: string;
}

export interface LaneInputs extends SegmentRoutingInputs {
  readonly kind: 'lane';
  readonly lane: LaneStackPlan;
  /** The lane's route tables. */
  readonly tables: readonly RouteTablePlan[];
  /** Every private range the estate routes: the egress VPC's return routes. */
  readonly homeNet: readonly string[];
  readonly lookups: readonly LaneLookup[];
  /** The lane's tables and attachments, published for the other hub stacks. */
  readonly outputs: readonly HubOutput[];
}

export interface ShardEnvironment {
  readonly odsCode: string;
  readonly name: string;
  readonly cidr: string;
}

export interface ShardInputs extends SegmentRoutingInputs {
  readonly kind: 'shard';
  readonly shard: ShardPlan;
  /** Each member's lane, written into the template for `nhs-cloud plan`. */
  readonly lanes: Readonly<Record<string, number>>;
  /** The members' environments, each with an IPAM allocation. */
  readonly environments: readonly ShardEnvironment[];
  readonly vpnLinks: readonly VpnLinkPlan[];
  /** The members' attachments, whose IDs the shard looks up. */
  readonly attachments: readonly AttachmentPlan[];
}

export interface ReturnsInputs {
  readonly kind: 'returns';
  readonly returns: ReturnsPlan;
  readonly routes: readonly StaticRoutePlan[];
}

export type HubStackInputs = LaneInputs | ShardInputs | ReturnsInputs;

/** The associations, propagations and routes the plan homes in the stack `where` picks. */
export function homedRouting(plan: NetworkPlan, where: (home: PlanHome) => boolean): SegmentRoutingInputs {
  const { associations, propagations, routes } = plan.segmentation;
  const homed = <T extends { home: PlanHome }>(items: readonly T[]) => items.filter((i) => where(i.home));
  return { associations: homed(associations), propagations: homed(propagations), routes: homed(routes) };
}

export function laneInputs(plan: NetworkPlan, lane: LaneStackPlan): LaneInputs {
  const spokes = new Map(
    plan.segmentation.attachments.flatMap((a) => (a.source.kind === 'spoke' ? [[a.key, a.source]] : [])),
  );
  return {
    kind: 'lane',
    lane,
    tables: plan.segmentation.tables.filter((t) => t.lane === lane.lane),
    homeNet: plan.segmentation.firewall.homeNet,
    lookups: lane.lookups.map((key) => {
      const spoke = spokes.get(key);
      if (!spoke) throw new Error(`lane ${lane.lane} looks up ${key}, which is not a spoke attachment`);
      return { key, owner: spoke.accountId, cidr: spoke.cidr };
    }),
    outputs: laneOutputs(plan, lane.lane, lane.stackName),
    ...homedRouting(plan, (home) => home.stack === 'lane' && home.lane === lane.lane),
  };
}

export function shardInputs(model: EstateModel, plan: NetworkPlan, shard: ShardPlan): ShardInputs {
  const members = new Set(shard.tenants);
  return {
    kind: 'shard',
    shard,
    lanes: Object.fromEntries(shard.tenants.map((t) => [t, plan.sizing.lanes.laneOf[t] ?? 1])),
    environments: allEnvironments(model)
      .filter((e) => members.has(e.tenant.odsCode))
      .map((e) => ({ odsCode: e.tenant.odsCode, name: e.name, cidr: e.cidr })),
    vpnLinks: plan.vpnLinks.filter((l) => members.has(l.tenant)),
    attachments: plan.segmentation.attachments.filter((a) => a.tenant !== undefined && members.has(a.tenant)),
    ...homedRouting(plan, (home) => home.stack === 'shard' && members.has(home.tenant)),
  };
}

export function returnsInputs(plan: NetworkPlan, returns: ReturnsPlan): ReturnsInputs {
  const members = new Set(returns.tenants);
  return {
    kind: 'returns',
    returns,
    routes: homedRouting(plan, (home) => home.stack === 'returns' && members.has(home.tenant)).routes,
  };
}

/** Every lane, shard and returns stack's slice, by stack name. */
export function hubStackInputs(model: EstateModel, plan: NetworkPlan): Map<string, HubStackInputs> {
  return new Map<string, HubStackInputs>([
    ...plan.laneStacks.map((l) => [l.stackName, laneInputs(plan, l)] as const),
    ...plan.shards.map((s) => [s.stackName, shardInputs(model, plan, s)] as const),
    ...plan.returns.map((r) => [r.stackName, returnsInputs(plan, r)] as const),
  ]);
}

/** The slices of one kind, in plan order. */
export function slicesOfKind<K extends HubStackInputs['kind']>(
  inputs: ReadonlyMap<string, HubStackInputs>,
  kind: K,
): Extract<HubStackInputs, { kind: K }>[] {
  return [...inputs.values()].filter((s): s is Extract<HubStackInputs, { kind: K }> => s.kind === kind);
}
