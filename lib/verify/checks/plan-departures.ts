import { TgwAttachment, TgwRouteTable } from '../model/types';
import { Hop } from '../paths/types';
import { segmentOfEnvironment } from '../policy/intent';
import { tenantsSharingLanes } from '../policy/lanes';
import { allEnvironments } from '../../config/model';
import { CheckContext, Findings, Violation } from './types';

/**
 * (10) The routing is where the plan puts it (docs/adr/0024-hub-lanes.md), even where
 * reachability still holds: a departure is a mistake waiting for the next change to expose it.
 * The segment and lane of each route table come from its tags; what belongs where comes from
 * config, by the proof's own reading:
 *
 * - a tenant environment is associated with its segment's table (prod of a national tenant:
 *   national-services; other prod: tenants-prod; nonprod: tenants-nonprod) in one lane, the same
 *   for all of the tenant's attachments, the one `network.lane` pins, and the one shared with
 *   every tenant a rule joins it to; it propagates only into post-inspection tables, of its own
 *   lane unless it is a national service (reachable from every lane);
 * - a VPN connection and a Direct Connect gateway join on-premises, the shared-services VPC and
 *   every egress VPC join shared-services, an inspection VPC joins its lane's post-inspection;
 *   only post-inspection tables learn routes, and inspection and egress VPCs propagate nowhere.
 */
export function checkPlanDepartures(ctx: CheckContext): Violation[] {
  const findings = new Findings();
  const { vpcOwner } = ctx.reachability;
  const envs = new Map(allEnvironments(ctx.estate).map((e) => [`${e.tenant.odsCode}/${e.name}`, e]));
  const pins = new Map(ctx.estate.tenants.map((t) => [t.odsCode, t.network.lane]));
  const report = (key: string, from: string, to: string, message: string, witness: Hop[]) =>
    findings.add(key, { check: 'plan', from, to, message, witness });

  for (const tgw of ctx.network.transitGateways) {
    if (!tgw.routeTables.some((t) => t.segment)) continue; // not a gateway this estate tags
    const propagationsOf = new Map<TgwAttachment, TgwRouteTable[]>();
    for (const table of tgw.routeTables)
      for (const a of table.propagations) propagationsOf.set(a, [...(propagationsOf.get(a) ?? []), table]);
    const laneOfTenant = new Map<string, { lane: number; via: TgwAttachment }>();

    for (const a of tgw.attachments) {
      const role = roleOf(a, vpcOwner);
      const table = a.association;
      const propagated = propagationsOf.get(a) ?? [];
      const associated = (why: string) =>
        report(
          `assoc|${a.id}`,
          role.who,
          table?.label ?? 'no table',
          `${role.who}: ${a.label} ${why}`,
          witnessOf(a),
        );
      const propagatedTo = (t: TgwRouteTable, why: string) =>
        report(
          `prop|${a.id}|${t.id}`,
          role.who,
          t.label,
          `${role.who}: ${a.label} propagates into ${t.label}, ${why}`,
          [
            {
              kind: 'attachment',
              node: a.label,
              via: t.propagationOrigins.get(a.id) ?? `propagates into ${t.label}`,
              attachment: a,
            },
          ],
        );
      if (!table) continue; // reaches nothing: the reachability checks say what that breaks
      for (const t of propagated) {
        if (t.segment !== 'post-inspection') propagatedTo(t, 'but only post-inspection tables learn routes');
        else if (role.kind === 'inspection' || role.kind === 'egress')
          propagatedTo(t, `but an ${role.kind} VPC propagates nowhere`);
      }
      switch (role.kind) {
        case 'inspection':
          if (table.segment !== 'post-inspection' || table.lane !== role.lane)
            associated(`is associated with ${table.label}, not lane ${role.lane}'s post-inspection table`);
          break;
        case 'egress':
        case 'shared-services':
          if (table.segment !== 'shared-services')
            associated(`is associated with ${table.label}, not shared-services`);
          break;
        case 'direct-connect':
          if (table.segment !== 'on-premises')
            associated(`is associated with ${table.label}, not on-premises`);
          break;
        case 'vpn':
        case 'spoke': {
          const expected = role.kind === 'vpn' ? 'on-premises' : role.segment;
          if (table.segment !== expected)
            associated(
              `is associated with ${table.label}, a ${table.segment ?? 'untagged'} table, not ${expected}`,
            );
          if (!role.tenant) break;
          const lane = role.kind === 'spoke' ? table.lane : undefined;
          const seen = laneOfTenant.get(role.tenant);
          if (lane !== undefined) {
            if (seen && seen.lane !== lane)
              associated(
                `is in lane ${lane} but ${seen.via.label} puts ${role.tenant} in lane ${seen.lane}: a tenant's attachments share one lane`,
              );
            else if (!seen) laneOfTenant.set(role.tenant, { lane, via: a });
          }
          break;
        }
        case 'other':
          break;
      }
    }
    // Propagations of tenants into other lanes, now that each tenant's lane is known.
    for (const a of tgw.attachments) {
      const role = roleOf(a, vpcOwner);
      if ((role.kind !== 'spoke' && role.kind !== 'vpn') || !role.tenant) continue;
      const lane = laneOfTenant.get(role.tenant)?.lane;
      if (lane === undefined) continue;
      const anyLane = role.kind === 'spoke' && role.segment === 'national-services';
      for (const t of propagationsOf.get(a) ?? []) {
        if (t.segment !== 'post-inspection' || anyLane || t.lane === lane) continue;
        report(
          `lane|${a.id}|${t.id}`,
          role.who,
          t.label,
          `${role.who}: ${a.label} propagates into ${t.label}, but ${role.tenant} is in lane ${lane}`,
          [{ kind: 'attachment', node: a.label, via: t.propagationOrigins.get(a.id) ?? '', attachment: a }],
        );
      }
    }
    for (const [tenant, { lane, via }] of laneOfTenant) {
      const pin = pins.get(tenant);
      if (pin !== undefined && pin !== lane)
        report(
          `pin|${tenant}`,
          tenant,
          `lane ${lane}`,
          `${tenant} is pinned to lane ${pin} (network.lane) but is in lane ${lane}`,
          witnessOf(via),
        );
    }
    for (const group of tenantsSharingLanes(ctx.estate)) {
      const lanes = group.flatMap((t) =>
        laneOfTenant.has(t) ? [`${t} in lane ${laneOfTenant.get(t)!.lane}`] : [],
      );
      if (new Set(group.flatMap((t) => (laneOfTenant.has(t) ? [laneOfTenant.get(t)!.lane] : []))).size > 1)
        report(
          `group|${group.join(',')}`,
          group[0],
          group.slice(1).join(', '),
          `${lanes.join(', ')}: a rule joins them, so they share a lane and their flows are inspected in one place`,
          [],
        );
    }
  }
  return findings.list;

  function roleOf(a: TgwAttachment, owner: CheckContext['reachability']['vpcOwner']): Role {
    if (a.kind === 'vpn')
      return { kind: 'vpn', who: a.tenant ? `on-premises/${a.tenant}` : a.label, tenant: a.tenant };
    if (a.kind === 'direct-connect') return { kind: 'direct-connect', who: a.label };
    if (!a.vpc) return { kind: 'other', who: a.label };
    const tagged = a.vpc.tags['nhs-cloud:role'];
    const lane = Number(a.vpc.tags['nhs-cloud:lane'] ?? 1);
    const o = owner(a.vpc);
    if (tagged === 'inspection' || o.key === 'hub/inspection')
      return { kind: 'inspection', who: a.vpc.label, lane };
    if (tagged === 'egress' || o.key === 'hub/egress') return { kind: 'egress', who: a.vpc.label, lane };
    if (o.kind === 'shared-services') return { kind: 'shared-services', who: o.key };
    const env = o.kind === 'tenant' ? envs.get(o.key) : undefined;
    if (env)
      return { kind: 'spoke', who: o.key, tenant: env.tenant.odsCode, segment: segmentOfEnvironment(env) };
    return { kind: 'other', who: a.label };
  }
}

type Role =
  | { kind: 'inspection' | 'egress'; who: string; lane: number }
  | { kind: 'shared-services' | 'direct-connect' | 'other'; who: string }
  | { kind: 'vpn'; who: string; tenant?: string }
  | { kind: 'spoke'; who: string; tenant: string; segment: string };

function witnessOf(a: TgwAttachment): Hop[] {
  return [
    {
      kind: 'attachment',
      node: a.label,
      via: `into ${a.association?.label ?? 'no table'}${a.associationOrigin ? ` (${a.associationOrigin})` : ''}`,
      attachment: a,
    },
  ];
}
