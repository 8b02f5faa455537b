import { allEnvironments, EstateModel } from '../../config/model';
import { DirectConnectGatewaySizing } from '../capacity/types';
import { VpnLinkPlan, vpnAttachmentKey } from '../hub/vpn-links';
import { segmentOf } from './segments';
import { tableKey } from './tables';
import { AttachmentPlan, BindingPlan, HubAttachmentName, PlanHome } from './types';

/** Lookup attribute names and construct IDs of lane 1's and the shared hub attachments. */
export const HUB_ATTACHMENT_KEYS = {
  inspection: 'Inspection',
  egress: 'Egress',
  'shared-services': 'SharedServices',
  'direct-connect': 'DirectConnect',
} as const;

/** `Inspection` for lane 1 (as the single-lane hub named it), `InspectionLane02` for lane 2. */
export function laneAttachmentKey(name: 'inspection' | 'egress', lane: number): string {
  return lane === 1 ? HUB_ATTACHMENT_KEYS[name] : `${HUB_ATTACHMENT_KEYS[name]}Lane${pad(lane)}`;
}

/** `DirectConnect` for the first gateway, `DirectConnect2` for the second. */
export function directConnectAttachmentKey(gateway: number): string {
  return gateway === 1
    ? HUB_ATTACHMENT_KEYS['direct-connect']
    : `${HUB_ATTACHMENT_KEYS['direct-connect']}${gateway}`;
}

export function spokeAttachmentKey(tenant: string, environment: string): string {
  return `Spoke${tenant}${environment}`;
}

/** Two digits, so lane stacks and keys sort in lane order. */
export function pad(lane: number): string {
  return String(lane).padStart(2, '0');
}

export interface AttachmentsPlan {
  readonly attachments: readonly AttachmentPlan[];
  readonly associations: readonly BindingPlan[];
  readonly propagations: readonly BindingPlan[];
}

export interface LaneContext {
  readonly count: number;
  readonly laneOf: Readonly<Record<string, number>>;
  /** Direct Connect gateways and whom they serve; empty without Direct Connect. */
  readonly gateways: readonly DirectConnectGatewaySizing[];
  /** Table keys that exist. */
  readonly tables: ReadonlySet<string>;
}

/**
 * Which route table each attachment associates with and which tables learn its routes,
 * lane by lane (docs/adr/0024-hub-lanes.md). Every source table sends everything to its lane's
 * inspection, so only post-inspection tables learn routes, and each learns only what its lane
 * may reach.
 *
 * - inspection VPC of lane k: associated with post-inspection of lane k, propagates nowhere.
 * - egress VPC of lane k: joins shared-services (its return traffic goes back through the
 *   inspection of the lane the flow came from, by return route), propagates nowhere.
 * - shared-services VPC: joins shared-services, propagates to every lane's post-inspection.
 * - Direct Connect gateway: joins on-premises, propagates to the lanes of its members.
 * - a spoke: joins its segment in its tenant's lane, propagates to that lane's post-inspection;
 *   a national prod spoke to every lane's (national services are reachable from every lane).
 * - a VPN connection: joins on-premises, propagates to its tenant's lane.
 */
export function planAttachments(
  model: EstateModel,
  vpnLinks: readonly VpnLinkPlan[],
  lanes: LaneContext,
): AttachmentsPlan {
  const attachments: AttachmentPlan[] = [];
  const associations: BindingPlan[] = [];
  const propagations: BindingPlan[] = [];
  const hubHome = (lane: number): PlanHome => (lane === 1 ? { stack: 'hub' } : { stack: 'lane', lane });
  const add = (
    a: AttachmentPlan,
    associationHome: PlanHome,
    propagationHome: (table: string) => PlanHome,
  ) => {
    attachments.push(a);
    associations.push({ attachment: a.key, table: a.associateWith, home: associationHome });
    for (const table of a.propagateTo)
      propagations.push({ attachment: a.key, table, home: propagationHome(table) });
  };
  const post = (lane: number) => tableKey('post-inspection', lane);
  const allLanes = Array.from({ length: lanes.count }, (_, i) => i + 1);

  for (const lane of allLanes) {
    const home = hubHome(lane);
    add(hub('inspection', lane, post(lane), []), home, () => home);
    add(hub('egress', lane, 'shared-services', []), home, () => home);
  }
  add(hub('shared-services', undefined, 'shared-services', allLanes.map(post)), { stack: 'links' }, () => ({
    stack: 'links',
  }));
  for (const g of lanes.gateways) {
    add(
      {
        key: directConnectAttachmentKey(g.gateway),
        source: { kind: 'hub', name: 'direct-connect', index: g.gateway },
        associateWith: 'on-premises',
        propagateTo: g.lanes.map(post),
      },
      { stack: 'hub' },
      (table) => hubHome(laneOfKey(table)),
    );
  }

  for (const env of allEnvironments(model)) {
    if (!env.accountId) continue; // not vended yet: no account, no VPC, nothing to attach
    const tenant = env.tenant.odsCode;
    const lane = lanes.laneOf[tenant] ?? 1;
    const segment = segmentOf(env);
    const everywhere = segment === 'national-services';
    const home: PlanHome = { stack: 'shard', tenant };
    add(
      {
        key: spokeAttachmentKey(tenant, env.name),
        source: { kind: 'spoke', tenant, environment: env.name, accountId: env.accountId, cidr: env.cidr },
        tenant,
        lane,
        associateWith: tableKey(segment, lane),
        propagateTo: everywhere
          ? [post(lane), ...allLanes.filter((l) => l !== lane).map(post)]
          : [post(lane)],
      },
      home,
      // A national service's reach into another lane lives with that lane (or, for lane 1, with its own).
      (table) => (table === post(lane) ? home : crossLaneHome(table, lane)),
    );
  }
  for (const link of vpnLinks) {
    const lane = lanes.laneOf[link.tenant] ?? 1;
    const home: PlanHome = { stack: 'shard', tenant: link.tenant };
    for (const c of link.connections) {
      add(
        {
          key: vpnAttachmentKey(link.tenant, c.index),
          source: { kind: 'vpn', tenant: link.tenant, connection: c.index },
          tenant: link.tenant,
          lane,
          associateWith: 'on-premises',
          propagateTo: [post(lane)],
        },
        home,
        () => home,
      );
    }
  }
  return { attachments, associations, propagations };
}

/**
 * Where a national service's route into lane `target` lives: that lane's stack, or, for lane 1
 * (in Core-Network, which cannot wait for tenants), the national service's own lane's stack.
 */
export function crossLaneHome(table: string, ownLane: number): PlanHome {
  const target = laneOfKey(table);
  return { stack: 'lane', lane: target === 1 ? ownLane : target };
}

function laneOfKey(key: string): number {
  const at = key.indexOf('@');
  return at < 0 ? 1 : Number(key.slice(at + 1));
}

function hub(
  name: HubAttachmentName,
  lane: number | undefined,
  associateWith: string,
  propagateTo: readonly string[],
): AttachmentPlan {
  const key =
    name === 'inspection' || name === 'egress'
      ? laneAttachmentKey(name, lane ?? 1)
      : HUB_ATTACHMENT_KEYS[name];
  return {
    key,
    source: { kind: 'hub', name, ...(lane !== undefined ? { index: lane } : {}) },
    ...(lane !== undefined ? { lane } : {}),
    associateWith,
    propagateTo,
  };
}
