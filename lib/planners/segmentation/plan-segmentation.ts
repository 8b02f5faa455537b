import { EstateModel } from '../../config/model';
import { SEGMENTS } from '../../config/schema/segmentation-schema';
import { DirectConnectGatewaySizing } from '../capacity/types';
import { LaneRanges, laneRanges } from '../hub/lane-ranges';
import { VpnLinkPlan } from '../hub/vpn-links';
import { planAttachments } from './attachments';
import { homeNetOf } from './cidr-sets';
import { flowRulesOf } from './flow-rules';
import { onPremisesRules, platformRules } from './platform-rules';
import { planRoutes } from './routes';
import { planTables } from './tables';
import { FirewallRule, SegmentationPlan } from './types';

export interface SegmentationOptions {
  /** The VPN links the hub builds (from `planVpnLinks`); each connection is an attachment. */
  readonly vpnLinks: readonly VpnLinkPlan[];
  /** The Direct Connect gateways the hub builds. @default none, or one for every Direct Connect tenant with `directConnect` */
  readonly directConnectGateways?: readonly DirectConnectGatewaySizing[];
  /** Shorthand for one Direct Connect gateway in lane 1 serving every Direct Connect tenant. */
  readonly directConnect?: boolean;
  /** Each tenant's lane (from the capacity plan). @default every tenant in lane 1 */
  readonly laneOf?: Readonly<Record<string, number>>;
  /** Every lane's VPC ranges. @default lane 1 only */
  readonly lanes?: readonly LaneRanges[];
  /** The lane where DNS with the on-premises resolvers is inspected. @default 1 */
  readonly dnsLane?: number;
}

/**
 * The estate's segmentation policy as plain data: attachments with their association and
 * propagations, static routes, and the firewall's pass rules, all from `estate.segmentation`
 * and the tenant register. Stacks only render it.
 *
 * Firewall rules come in evaluation order: platform flows, the rules of estate.yaml in file
 * order, then each tenant's on-premises isolation rules. Anything no rule passes is dropped.
 */
export function planSegmentation(model: EstateModel, options: SegmentationOptions): SegmentationPlan {
  const { estate } = model;
  const rules: FirewallRule[] = [
    ...platformRules(model),
    ...estate.segmentation.rules.flatMap((rule) => flowRulesOf(model, rule)),
    ...onPremisesRules(model),
  ];
  assertUniqueNames(rules);
  const onPremisesRanges = model.tenants.flatMap((t) => t.network.onPremises?.cidrs ?? []);
  const laneOf = options.laneOf ?? {};
  const lanes = options.lanes ?? laneRanges(estate, 1);
  const gateways =
    options.directConnectGateways ??
    (options.directConnect
      ? [
          {
            gateway: 1,
            lanes: [1],
            tenants: model.tenants
              .filter((t) => t.network.onPremises?.connection === 'directConnect')
              .map((t) => t.odsCode),
            dns: false,
          },
        ]
      : []);
  const tables = planTables(model, laneOf, lanes.length);
  const keys = new Set(tables.map((t) => t.key));
  const bindings = planAttachments(model, options.vpnLinks, {
    count: lanes.length,
    laneOf,
    gateways,
    tables: keys,
  });
  return {
    segments: SEGMENTS,
    tables,
    ...bindings,
    routes: planRoutes(model, {
      laneOf,
      ranges: lanes,
      tables: keys,
      dnsLane: options.dnsLane ?? 1,
    }),
    firewall: {
      homeNet: homeNetOf([
        estate.network.tenantSupernet,
        ...Object.values(estate.network.hub).filter((r): r is string => !!r),
        ...onPremisesRanges,
      ]),
      rules,
      egress: { sources: [estate.network.tenantSupernet], domains: [...estate.segmentation.egressDomains] },
    },
  };
}

function assertUniqueNames(rules: readonly FirewallRule[]): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.name)) throw new Error(`two firewall rules are named "${rule.name}"`);
    seen.add(rule.name);
  }
}
