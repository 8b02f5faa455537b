import { EstateModel } from '../../config/model';
import { SEGMENTS } from '../../config/schema/segmentation-schema';
import { VpnLinkPlan } from '../hub/vpn-links';
import { planAttachments } from './attachments';
import { homeNetOf } from './cidr-sets';
import { flowRulesOf } from './flow-rules';
import { onPremisesRules, platformRules } from './platform-rules';
import { planRoutes } from './routes';
import { FirewallRule, SegmentationPlan } from './types';

export interface SegmentationOptions {
  /** The VPN links the hub builds (from `planVpnLinks`); each connection is an attachment. */
  readonly vpnLinks: readonly VpnLinkPlan[];
  /** Whether the hub has a Direct Connect gateway attachment. */
  readonly directConnect: boolean;
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
  return {
    segments: SEGMENTS,
    attachments: planAttachments(model, options.vpnLinks, options.directConnect),
    routes: planRoutes(model),
    firewall: {
      homeNet: homeNetOf([
        estate.network.tenantSupernet,
        ...Object.values(estate.network.hub),
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
