import { allEnvironments, EstateModel } from '../config/model';
import { VpnLinkPlan } from './hub/vpn-links';
import { SegmentationPlan } from './segmentation/types';

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
  for (const a of segmentation.attachments) if (a.tenant) add(a.tenant, 1 + a.propagateTo.length, 1);
  for (const r of segmentation.routes) if (r.tenant) add(r.tenant, 1);
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

/** Fails synthesis, naming the shard and its tenants, rather than a deploy that CloudFormation rejects. */
export function assertShardBounds(shards: readonly ShardPlan[]): void {
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
      'move the largest VPN tenant to Direct Connect, or raise SHARD_COUNT in a planned re-shard (see docs/adr/0006)',
    ].join('\n'),
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
