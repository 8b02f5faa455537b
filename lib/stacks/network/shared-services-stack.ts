import { aws_ram as ram } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AccountBaseline, BASELINE_ID } from '../../patterns/baseline/account-baseline';
import { CentralEndpoints } from '../../patterns/network/central-endpoints';
import { DnsProfile } from '../../patterns/network/dns-profile';
import { DnsResolver } from '../../patterns/network/dns-resolver';
import {
  parameterArn,
  publishParameter,
  readSharedParameter,
} from '../../patterns/network/shared-parameters';
import { SharedServicesVpc } from '../../patterns/network/shared-services-vpc';
import { EstateModel } from '../../config/model';
import { NetworkPlan } from '../../planners/hub/network-plan';
import { logBucketArn } from '../../planners/naming';
import { networkNames } from '../../planners/hub/network-names';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { planCoreBaseline } from '../../planners/landing-zone/baseline-plan';
import { CoreStack } from '../core-stack';

export interface SharedServicesStackProps {
  readonly model: EstateModel;
  readonly landingZone: LandingZoneConfig;
  readonly plan: NetworkPlan;
}

/**
 * Core-SharedServices, the shared-services account's core stack: its VPC on the hub, Route 53
 * Resolver (endpoints, forwarding, query logging, DNS Firewall), the central interface
 * endpoints with their private zones, the Route 53 Profile that carries all of it to the
 * spokes (shared with the organization through RAM), and the account's baseline.
 */
export class SharedServicesStack extends CoreStack {
  constructor(scope: Construct, id: string, props: SharedServicesStackProps) {
    super(scope, id, { estate: props.model.estate, role: 'sharedServices' });
    const { model, plan } = props;
    const { estate } = model;
    new AccountBaseline(this, BASELINE_ID, {
      plan: planCoreBaseline(estate.homeRegion, estate, props.landingZone),
    });
    const names = networkNames(estate);
    const fromNetwork = (id: string, name: string) =>
      readSharedParameter(
        this,
        id,
        parameterArn(estate.homeRegion, estate.organization.accounts.network, name),
      );
    const transitGatewayId = fromNetwork('TransitGatewayId', names.parameters.transitGatewayId);
    const organizationArn = fromNetwork('OrganizationArn', names.parameters.organizationArn);

    const shared = new SharedServicesVpc(this, 'SharedServices', {
      subnets: plan.subnets.sharedServices,
      transitGatewayId,
      flowLogBucketArn: logBucketArn(estate, 'vpc-flow-logs'),
    });
    const clientRanges = plan.segmentation.firewall.homeNet;
    const dns = new DnsResolver(this, 'Resolver', {
      vpc: shared.vpc,
      subnets: shared.subnets('resolver'),
      plan: plan.dns,
      clientRanges,
      onPremisesResolvers: estate.network.dns.onPremisesResolvers,
      queryLogBucketArn: logBucketArn(estate, 'dns-query-logs'),
      namePrefix: names.prefix,
    });
    const endpoints = new CentralEndpoints(this, 'Endpoints', {
      vpc: shared.vpc,
      subnets: shared.subnets('endpoints'),
      zones: plan.dns.privateZones,
      clientRanges,
    });
    const profile = new DnsProfile(this, 'DnsProfile', {
      name: `${names.prefix}-estate-dns`,
      resourceArns: [...dns.forwardRules.map((r) => r.attrArn), ...endpoints.zoneArns],
      firewallRuleGroupArn: dns.firewallRuleGroup.attrArn,
    });

    const parameters = [
      publishParameter(this, 'DnsProfileIdParameter', names.parameters.dnsProfileId, profile.profile.attrId),
      publishParameter(
        this,
        'QueryLogConfigIdParameter',
        names.parameters.queryLogConfigId,
        dns.queryLogConfig.attrId,
      ),
    ];
    new ram.CfnResourceShare(this, 'DnsShare', {
      name: `${names.prefix}-estate-dns`,
      allowExternalPrincipals: false,
      principals: [organizationArn],
      resourceArns: [
        profile.profile.attrArn,
        dns.queryLogConfig.attrArn,
        ...parameters.map((p) => p.parameterArn),
      ],
    });
  }
}
