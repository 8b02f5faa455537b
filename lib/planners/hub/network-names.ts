import { EstateConfig } from '../../config/schema/estate-schema';
import { SegmentName } from '../../config/schema/segmentation-schema';
import { HUB_ATTACHMENT_NAMES, tgwRouteTableName } from '../naming';

/**
 * Names the network's stacks agree on, derived from config so that no stack needs a reference
 * to another account's stack (docs/adr/0005-cross-account-network-values.md).
 */
export function networkNames(estate: EstateConfig) {
  const prefix = estate.name;
  return {
    prefix,
    lookupFunction: `${prefix}-network-lookup`,
    firewall: `${prefix}-inspection`,
    firewallPolicy: `${prefix}-inspection`,
    parameters: {
      transitGatewayId: `/${prefix}/network/transit-gateway-id`,
      organizationArn: `/${prefix}/network/organization-arn`,
      dnsProfileId: `/${prefix}/shared-services/dns-profile-id`,
      queryLogConfigId: `/${prefix}/shared-services/query-log-config-id`,
    },
  } as const;
}

/**
 * Names of lane resources. Lane 1 keeps the single-lane hub's names (so verify-live and the
 * deployed hub agree); lane k adds `-lane-0k` (docs/adr/0024-hub-lanes.md).
 *
 *   tenants-prod, lane 1 -> nhs-cloud-tenants-prod; lane 3 -> nhs-cloud-tenants-prod-lane-03
 */
export function laneSuffix(lane: number): string {
  return lane === 1 ? '' : `-lane-${String(lane).padStart(2, '0')}`;
}

/** A Transit Gateway route table's Name tag. */
export function routeTableName(estate: EstateConfig, segment: SegmentName, lane: number): string {
  return `${tgwRouteTableName(estate, segment)}${laneSuffix(lane)}`;
}

/** A lane VPC attachment's Name tag: `inspection`, `egress-lane-02`. */
export function laneAttachmentName(name: 'inspection' | 'egress', lane: number): string {
  return `${HUB_ATTACHMENT_NAMES[name]}${laneSuffix(lane)}`;
}

/** Lane k's Network Firewall: `nhs-cloud-inspection`, `nhs-cloud-inspection-lane-02`. */
export function laneFirewallName(estate: EstateConfig, lane: number): string {
  return `${networkNames(estate).firewall}${laneSuffix(lane)}`;
}

/** The Direct Connect gateways: `nhs-cloud-hscn`, `nhs-cloud-hscn-2`. */
export function directConnectGatewayName(estate: EstateConfig, gateway: number): string {
  return `${estate.name}-hscn${gateway === 1 ? '' : `-${gateway}`}`;
}
