import { allEnvironments, EstateModel } from '../config/model';
import { VpnLinkPlan } from './hub/vpn-links';
import { PlanHome, SegmentationPlan } from './segmentation/types';

/**
 * Hub-side per-tenant resources (route table associations and propagations, tier blackholes,
 * IPAM allocations, customer gateways, VPN connections) live in shard stacks of bounded size.
 *
 * A tenant's shard is a pure function of its ODS code, so onboarding or removing a tenant
 * never moves another one: it touches the tenant's own stacks and its shard only.
 *
 * The ODS code space is small (R, Q or X then two of 0-9A-Z: 3,888 codes), so the code's
 * position in it, modulo SHARD_COUNT, spreads any set of tenants evenly and gives a hard
 * bound: however many tenants are onboarded, a shard holds at most ceil(3,888 / 128) = 31.
 * 31 tenants of two environments each with one VPN connection is 31 x 13 + 2 lookups = 405
 * resources, inside the 450 budget; at national scale (1,000 tenants) a shard holds about 8.
 * Routes that bring replies back to a tenant's lane live in a companion returns stack per
 * shard (`planReturns`), at most 5 per tenant.
 */
export const SHARD_COUNT = 128;

/** CloudFormation allows 500 resources per stack; the budget leaves room for CDK metadata and growth. */
export const SHARD_MAX_RESOURCES = 450;

/** CloudFormation accepts 1 MB through S3; the budget leaves 10% headroom. */
export const SHARD_MAX_TEMPLATE_BYTES = 900 * 1024;

/** A custom resource response holds at most 4 KB: 50 attachment IDs (about 46 bytes each) fit. */
export const LOOKUP_MAX_KEYS = 50;

const FIRST = 'RQX';
const REST = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const ODS_CODE_SPACE = FIRST.length * REST.length * REST.length;

/** Position of an ODS code in the code space: RAA -> 0*1296 + 10*36 + 10 = 370. */
export function odsOrdinal(odsCode: string): number {
  const [a, b, c] = [FIRST.indexOf(odsCode[0]), REST.indexOf(odsCode[1]), REST.indexOf(odsCode[2])];
  if (odsCode.length !== 3 || a < 0 || b < 0 || c < 0) throw new Error(`not an ODS code: "${odsCode}"`);
  return (a * REST.length + b) * REST.length + c;
}

export function shardOf(odsCode: string): number {
  return odsOrdinal(odsCode) % SHARD_COUNT;
}

/** `Core-Network-Shard-042`: three digits so names sort in shard order. */
export function shardStackName(shard: number): string {
  return `Core-Network-Shard-${String(shard).padStart(3, '0')}`;
}

export interface ShardPlan {
  readonly index: number;
  readonly stackName: string;
  /** ODS codes, sorted. */
  readonly tenants: readonly string[];
  /** Attachments whose IDs the shard looks up at deploy time. */
  readonly attachments: number;
  /** Exactly the resources the shard stack renders. */
  readonly resources: number;
}

/**
 * The return routes of one shard's tenants outside lane 1 (docs/adr/0024-hub-lanes.md): in
 * their own stack beside the shard, so the fullest shard still fits its budget.
 */
export interface ReturnsPlan {
  readonly index: number;
  readonly stackName: string;
  /** ODS codes with return routes, sorted. */
  readonly tenants: readonly string[];
  /** Exactly the resources the stack renders: one per route. */
  readonly resources: number;
}

/** `Core-Network-Returns-042`, the companion of `Core-Network-Shard-042`. */
export function returnsStackName(shard: number): string {
  return `Core-Network-Returns-${String(shard).padStart(3, '0')}`;
}

/**
 * Groups tenants into shards and counts what each shard stack will hold, from the same plans
 * the stack renders. Only shards with tenants are returned, in shard order.
 */
export function planShards(
  model: EstateModel,
  segmentation: SegmentationPlan,
  vpnLinks: readonly VpnLinkPlan[],
): ShardPlan[] {
  const perTenant = new Map<string, { resources: number; attachments: number }>();
  const add = (tenant: string, resources: number, attachments = 0) => {
    const now = perTenant.get(tenant) ?? { resources: 0, attachments: 0 };
    perTenant.set(tenant, {
      resources: now.resources + resources,
      attachments: now.attachments + attachments,
    });
  };
  for (const t of model.tenants) add(t.odsCode, 0);
  for (const env of allEnvironments(model)) add(env.tenant.odsCode, 1); // IPAM allocation
  for (const a of segmentation.attachments) if (a.tenant) add(a.tenant, 0, 1);
  const inShard = (home: PlanHome) => (home.stack === 'shard' ? home.tenant : undefined);
  for (const b of [...segmentation.associations, ...segmentation.propagations]) {
    const tenant = inShard(b.home);
    if (tenant) add(tenant, 1);
  }
  for (const r of segmentation.routes) {
    const tenant = inShard(r.home);
    if (tenant) add(tenant, 1);
  }
  for (const link of vpnLinks) {
    if (link.connections.length > 0)
      add(link.tenant, link.customerGatewayIps.length + link.connections.length);
  }
  const shards = new Map<number, string[]>();
  for (const tenant of [...perTenant.keys()].sort()) {
    const index = shardOf(tenant);
    shards.set(index, [...(shards.get(index) ?? []), tenant]);
  }
  return [...shards.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, tenants]) => {
      const attachments = sum(tenants.map((t) => perTenant.get(t)!.attachments));
      const lookups = Math.ceil(attachments / LOOKUP_MAX_KEYS);
      return {
        index,
        stackName: shardStackName(index),
        tenants,
        attachments,
        resources: lookups + sum(tenants.map((t) => perTenant.get(t)!.resources)),
      };
    });
}

/** Groups the return routes by their tenants' shard: a returns stack per shard that has any. */
export function planReturns(segmentation: SegmentationPlan): ReturnsPlan[] {
  const byShard = new Map<number, Map<string, number>>();
  for (const r of segmentation.routes) {
    if (r.home.stack !== 'returns') continue;
    const index = shardOf(r.home.tenant);
    const tenants = byShard.get(index) ?? new Map<string, number>();
    tenants.set(r.home.tenant, (tenants.get(r.home.tenant) ?? 0) + 1);
    byShard.set(index, tenants);
  }
  return [...byShard.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, tenants]) => ({
      index,
      stackName: returnsStackName(index),
      tenants: [...tenants.keys()].sort(),
      resources: sum([...tenants.values()]),
    }));
}

/** Fails synthesis, naming the shard and its tenants, rather than a deploy that CloudFormation rejects. */
export function assertShardBounds(shards: readonly (ShardPlan | ReturnsPlan)[]): void {
  const over = shards.filter((s) => s.resources > SHARD_MAX_RESOURCES);
  if (over.length === 0) return;
  const lines = over.map(
    (s) =>
      `  - ${s.stackName}: ${s.resources} resources (limit ${SHARD_MAX_RESOURCES}); tenants ${s.tenants.join(', ')}`,
  );
  throw new Error(
    [
      `Hub shards over budget: ${over.length}`,
      ...lines,
      over.some((s) => s.stackName.startsWith('Core-Network-Returns'))
        ? 'national services in many lanes each need a return route per prod environment: pin them to fewer lanes (network.lane; docs/adr/0020)'
        : 'move the largest VPN tenant to Direct Connect, or raise SHARD_COUNT in a planned re-shard (see docs/adr/0006)',
    ].join('\n'),
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
