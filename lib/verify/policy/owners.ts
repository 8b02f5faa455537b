import { allEnvironments, EstateModel, Tier } from '../../config/model';
import { fromCidr, fromCidrs, IntervalSet } from '../sets/interval-set';
import { PrefixMap } from '../sets/prefix-map';
import { estateHomeNet, segmentOfEnvironment } from './intent';

/** Matrix rows and columns: the policy's segments plus the two places outside the estate. */
export const MATRIX_SEGMENTS = [
  'national-services',
  'tenants-prod',
  'tenants-nonprod',
  'shared-services',
  'on-premises',
  'internet',
  'network-hub',
] as const;
export type MatrixSegment = (typeof MATRIX_SEGMENTS)[number];

/** Who an address range belongs to, according to config (the policy side). */
export interface Owner {
  /** `RGR/prod`, `on-premises/RGR`, `shared-services`, `hub/inspection`, `internet`. */
  readonly key: string;
  readonly segment: MatrixSegment;
  readonly kind: 'tenant' | 'on-premises' | 'shared-services' | 'hub' | 'internet';
  readonly tenant?: string;
  readonly environment?: string;
  readonly tier?: Tier;
  readonly cidrs: readonly string[];
  readonly addresses: IntervalSet;
  /** Tenant environments: the account, so a VPC can be matched by account when its CIDR is not config's. */
  readonly account?: string;
}

export interface Owners {
  readonly all: readonly Owner[];
  readonly byKey: ReadonlyMap<string, Owner>;
  /** Every owned range; addresses outside them (and outside private ranges) are the internet. */
  readonly map: PrefixMap<Owner>;
  readonly internet: Owner;
  /** On-premises addresses no tenant declares (what an on-premises link is sent beyond config). */
  readonly otherOnPremises: Owner;
  /** Private and estate ranges: sent to an internet gateway, these die rather than reach anyone. */
  readonly homeNet: IntervalSet;
  readonly byAccount: ReadonlyMap<string, Owner[]>;
}

/**
 * The owners of every range config names: tenant environments (segment by the proof's own
 * `segmentOfEnvironment`), each tenant's on-premises ranges, shared services and the hub VPCs.
 */
export function ownersOf(model: EstateModel): Owners {
  const { estate } = model;
  const { network } = estate;
  const all: Owner[] = [];
  const add = (owner: Omit<Owner, 'addresses'>): void =>
    void all.push({ ...owner, addresses: fromCidrs(owner.cidrs) });
  for (const env of allEnvironments(model)) {
    add({
      key: `${env.tenant.odsCode}/${env.name}`,
      segment: segmentOfEnvironment(env),
      kind: 'tenant',
      tenant: env.tenant.odsCode,
      environment: env.name,
      tier: env.tier,
      cidrs: [env.cidr],
      account: env.accountId,
    });
  }
  for (const tenant of model.tenants) {
    const cidrs = tenant.network.onPremises?.cidrs ?? [];
    if (cidrs.length)
      add({
        key: `on-premises/${tenant.odsCode}`,
        segment: 'on-premises',
        kind: 'on-premises',
        tenant: tenant.odsCode,
        cidrs,
      });
  }
  add({
    key: 'shared-services',
    segment: 'shared-services',
    kind: 'shared-services',
    cidrs: [network.hub.sharedServices],
    account: estate.organization.accounts.sharedServices,
  });
  add({ key: 'hub/inspection', segment: 'network-hub', kind: 'hub', cidrs: [network.hub.inspection] });
  add({ key: 'hub/egress', segment: 'network-hub', kind: 'hub', cidrs: [network.hub.egress] });
  // Lanes 2 and up: their inspection and egress VPCs, told apart by their tags (docs/adr/0020).
  if (network.hub.lanes)
    add({ key: 'hub/lanes', segment: 'network-hub', kind: 'hub', cidrs: [network.hub.lanes] });
  const internet: Owner = {
    key: 'internet',
    segment: 'internet',
    kind: 'internet',
    cidrs: [],
    addresses: [],
  };
  const byAccount = new Map<string, Owner[]>();
  for (const owner of all)
    if (owner.account) byAccount.set(owner.account, [...(byAccount.get(owner.account) ?? []), owner]);
  return {
    all,
    byKey: new Map(all.map((o) => [o.key, o])),
    map: new PrefixMap(dedupe(all).map((o) => [o.cidr, o.owner] as const)),
    internet,
    otherOnPremises: {
      key: 'on-premises/other',
      segment: 'on-premises',
      kind: 'on-premises',
      cidrs: [],
      addresses: [],
    },
    homeNet: estateHomeNet(model),
    byAccount,
  };
}

/** One map entry per CIDR; when config repeats a CIDR (it should not), the first owner keeps it. */
function dedupe(owners: readonly Owner[]): { cidr: string; owner: Owner }[] {
  const seen = new Map<string, Owner>();
  for (const owner of owners) for (const cidr of owner.cidrs) if (!seen.has(cidr)) seen.set(cidr, owner);
  return [...seen].map(([cidr, owner]) => ({ cidr, owner }));
}

/** Whether an address set is a single CIDR owned by `owner` (used to classify VPCs). */
export function exactOwner(owners: Owners, cidr: string): Owner | undefined {
  const set = fromCidr(cidr);
  const parts = owners.map.partition(set);
  if (parts.size !== 1) return undefined;
  const [owner] = parts.keys();
  return owner && owner.cidrs.includes(cidr) ? owner : undefined;
}
