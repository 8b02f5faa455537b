import { Annotations, RemovalPolicy, aws_logs as logs, aws_ram as ram, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AccountBaseline, BASELINE_ID } from '../../patterns/baseline/account-baseline';
import { DirectConnect } from '../../patterns/network/direct-connect';
import { EgressVpc } from '../../patterns/network/egress-vpc';
import { FirewallPolicy } from '../../patterns/network/firewall-policy';
import { InspectionVpc } from '../../patterns/network/inspection-vpc';
import { EstateIpam } from '../../patterns/network/ipam';
import { NetworkLookup, NetworkLookupFunction } from '../../patterns/network/network-lookup';
import { lookupOf, SegmentRouting } from '../../patterns/network/segment-routing';
import { publishParameter } from '../../patterns/network/shared-parameters';
import { TransitGateway } from '../../patterns/network/transit-gateway';
import { EstateModel } from '../../config/model';
import { unorderableLocations } from '../../planners/hub/direct-connect';
import { NetworkPlan } from '../../planners/hub/network-plan';
import { logBucketArn, logBucketName, vpnTunnelLogGroupName } from '../../planners/naming';
import { directConnectGatewayName, networkNames, routeTableName } from '../../planners/hub/network-names';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { planCoreBaseline } from '../../planners/landing-zone/baseline-plan';
import { CapacityPlan } from '../../planners/capacity/types';
import { formatShortfalls } from '../../planners/capacity/assert-capacity';
import { CoreStack } from '../core-stack';
import { publishHubOutputs } from './hub-references';
import { planHubOutputs } from '../../planners/hub/hub-outputs';
import { HUB_ATTACHMENT_KEYS } from '../../planners/segmentation/attachments';
import { homedRouting } from '../../planners/hub/hub-stack-inputs';

export interface NetworkHubStackProps {
  readonly model: EstateModel;
  readonly landingZone: LandingZoneConfig;
  /** The network plan of the whole estate (also in a single-tenant build). */
  readonly plan: NetworkPlan;
  /** Shortfalls are recorded as a warning here when the app builds with `capacityGate=warn`. */
  readonly capacity: CapacityPlan;
}

/**
 * Core-Network, the network account's core stack: the lookup function, IPAM, the Transit
 * Gateway and its segments, inspection, egress, Direct Connect, the hub's own associations and
 * routes, the values other accounts read (shared with the organization through RAM), and the
 * account's baseline. Per-tenant hub resources are in the shards (HubShardStack).
 */
export class NetworkHubStack extends CoreStack {
  /** What the shards and the links stack reference (same account and region). */

  constructor(scope: Construct, id: string, props: NetworkHubStackProps) {
    super(scope, id, { estate: props.model.estate, role: 'network' });
    const { model, plan } = props;
    const { estate } = model;
    const baseline = new AccountBaseline(this, BASELINE_ID, {
      plan: planCoreBaseline(estate.homeRegion, estate, props.landingZone),
    });
    // Tunnel logs of every shard's Site-to-Site VPNs (the shards find the group by name).
    new logs.LogGroup(this, 'VpnTunnelLogs', {
      logGroupName: vpnTunnelLogGroupName(estate),
      encryptionKey: baseline.keys.logs!.key,
      retention: estate.security.logRetention as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const names = networkNames(estate);
    const lookup = new NetworkLookupFunction(this, 'NetworkLookup', {
      functionName: names.lookupFunction,
      logRetentionDays: estate.security.logRetention,
    });
    const serviceToken = lookup.function.functionArn;
    const transitGateway = new TransitGateway(this, 'TransitGateway', {
      amazonSideAsn: estate.network.transitGatewayAsn,
      tables: plan.segmentation.tables.filter((t) => t.lane === 1),
      name: names.prefix,
      routeTableName: (t) => routeTableName(estate, t.segment, t.lane),
    });
    const transitGatewayId = transitGateway.transitGatewayId;
    const ipam = new EstateIpam(this, 'Ipam', {
      operatingRegions: [...new Set([estate.homeRegion, ...estate.allowedRegions])],
      tenantSupernet: estate.network.tenantSupernet,
      hubRanges: estate.network.hub,
    });

    const policy = new FirewallPolicy(this, 'FirewallPolicy', {
      policyName: names.firewallPolicy,
      region: estate.homeRegion,
      account: this.account,
      groups: plan.ruleGroups,
      homeNet: plan.segmentation.firewall.homeNet,
    });
    const inspection = new InspectionVpc(this, 'Inspection', {
      lane: 1,
      subnets: plan.subnets.inspection,
      transitGatewayId,
      firewallName: names.firewall,
      firewallPolicyArn: policy.arn,
      firewallLogBucketName: logBucketName(estate, 'network-firewall'),
      flowLogBucketArn: logBucketArn(estate, 'vpc-flow-logs'),
      lookupServiceToken: serviceToken,
    });
    const egress = new EgressVpc(this, 'Egress', {
      lane: 1,
      subnets: plan.subnets.egress,
      transitGatewayId,
      returnRanges: plan.segmentation.firewall.homeNet,
      flowLogBucketArn: logBucketArn(estate, 'vpc-flow-logs'),
    });
    const attachmentIds: Record<string, string> = {
      [HUB_ATTACHMENT_KEYS.inspection]: inspection.attachment.attachmentId,
      [HUB_ATTACHMENT_KEYS.egress]: egress.attachment.attachmentId,
    };
    if (plan.directConnect) {
      const dx = new DirectConnect(this, 'DirectConnect', {
        plan: plan.directConnect,
        transitGatewayId,
        gatewayName: (g) => directConnectGatewayName(estate, g),
        namePrefix: names.prefix,
      });
      const found = new NetworkLookup(this, 'DirectConnectAttachment', {
        serviceToken,
        transitGatewayId,
        attachments: Object.fromEntries(
          plan.directConnect.gateways.map((g) => [
            g.key,
            {
              type: 'direct-connect-gateway' as const,
              resourceId: dx.gateways.get(g.gateway)!.attrDirectConnectGatewayId,
            },
          ]),
        ),
      });
      for (const association of dx.associations.values()) found.node.addDependency(association);
      for (const g of plan.directConnect.gateways) attachmentIds[g.key] = found.attachmentId(g.key);
    }
    new SegmentRouting(this, 'Segments', {
      routeTableId: lookupOf(transitGateway.routeTableIds, 'route table'),
      ...homedRouting(plan, (home) => home.stack === 'hub'),
      attachmentId: lookupOf(attachmentIds, 'hub attachment'),
    });

    shareWithOrganization(this, model, serviceToken, transitGatewayId);
    warnAboutDirectConnect(this, plan);
    warnAboutCapacity(this, props.capacity);
    // Everything the lanes, shards, returns and links read, under the names the plan gives it.
    publishHubOutputs(
      this,
      planHubOutputs(plan).filter((o) => o.stackName === this.stackName),
      {
        transitGatewayId,
        tenantPoolId: ipam.tenantPool.attrIpamPoolId,
        firewallPolicyArn: policy.arn,
        routeTableIds: transitGateway.routeTableIds,
        attachmentIds,
      },
    );
  }
}

/**
 * The Transit Gateway and the values spokes read (its ID, the organization's ARN) are shared
 * with the whole organization: an attachment the plan does not associate reaches nothing.
 */
function shareWithOrganization(
  stack: Stack,
  model: EstateModel,
  serviceToken: string,
  transitGatewayId: string,
) {
  const names = networkNames(model.estate);
  const organization = new NetworkLookup(stack, 'Organization', { serviceToken, organization: true });
  const parameters = [
    publishParameter(stack, 'TransitGatewayIdParameter', names.parameters.transitGatewayId, transitGatewayId),
    publishParameter(
      stack,
      'OrganizationArnParameter',
      names.parameters.organizationArn,
      organization.organizationArn,
    ),
  ];
  new ram.CfnResourceShare(stack, 'HubShare', {
    name: `${names.prefix}-network-hub`,
    allowExternalPrincipals: false,
    principals: [organization.organizationArn],
    resourceArns: [
      `arn:aws:ec2:${stack.region}:${stack.account}:transit-gateway/${transitGatewayId}`,
      ...parameters.map((p) => p.parameterArn),
    ],
  });
}

/** Warnings about what the hub cannot build yet: unordered ports, gateways without transit VIFs. */
function warnAboutDirectConnect(stack: Stack, plan: NetworkPlan): void {
  const unorderable = plan.directConnect ? unorderableLocations(plan.directConnect) : [];
  if (unorderable.length > 0) {
    Annotations.of(stack).addWarningV2(
      '@nhs-cloud/network:dx-location',
      `network.directConnect.locations ${unorderable.map((l) => `"${l}"`).join(', ')} are not Direct Connect ` +
        'location codes (such as EqLD5), so no ports are ordered there; write each location as its code',
    );
  }
  for (const missing of plan.directConnect?.missingVifs ?? [])
    Annotations.of(stack).addWarningV2('@nhs-cloud/network:dx-vif', missing);
}

/** With `capacityGate=warn` the app builds an estate the hub cannot carry: say so on the hub. */
function warnAboutCapacity(stack: Stack, capacity: CapacityPlan): void {
  if (capacity.errors.length === 0) return;
  Annotations.of(stack).addWarningV2(
    '@nhs-cloud/capacity:unmet',
    `${formatShortfalls(capacity.errors)}\n(capacityGate=warn: this assembly must not be deployed)`,
  );
}
