import { aws_ram as ram, Stack } from 'aws-cdk-lib';
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
import { networkNames } from './shared-values';

/**
 * Fills the shared-services account's core stack: its VPC on the hub, Route 53 Resolver
 * (endpoints, forwarding, query logging, DNS Firewall), the central interface endpoints with
 * their private zones, and the Route 53 Profile that carries all of it to the spokes.
 */
export function buildSharedServicesNetwork(stack: Stack, model: EstateModel, plan: NetworkPlan): void {
  const { estate } = model;
  const names = networkNames(estate);
  const fromNetwork = (id: string, name: string) =>
    readSharedParameter(
      stack,
      id,
      parameterArn(estate.homeRegion, estate.organization.accounts.network, name),
    );
  const transitGatewayId = fromNetwork('TransitGatewayId', names.parameters.transitGatewayId);
  const organizationArn = fromNetwork('OrganizationArn', names.parameters.organizationArn);

  const shared = new SharedServicesVpc(stack, 'SharedServices', {
    subnets: plan.subnets.sharedServices,
    transitGatewayId,
    flowLogBucketArn: logBucketArn(estate, 'vpc-flow-logs'),
  });
  const clientRanges = plan.segmentation.firewall.homeNet;
  const dns = new DnsResolver(stack, 'Resolver', {
    vpc: shared.vpc,
    subnets: shared.subnets('resolver'),
    plan: plan.dns,
    clientRanges,
    onPremisesResolvers: estate.network.dns.onPremisesResolvers,
    queryLogBucketArn: logBucketArn(estate, 'dns-query-logs'),
    namePrefix: names.prefix,
  });
  const endpoints = new CentralEndpoints(stack, 'Endpoints', {
    vpc: shared.vpc,
    subnets: shared.subnets('endpoints'),
    zones: plan.dns.privateZones,
    clientRanges,
  });
  const profile = new DnsProfile(stack, 'DnsProfile', {
    name: `${names.prefix}-estate-dns`,
    resourceArns: [...dns.forwardRules.map((r) => r.attrArn), ...endpoints.zoneArns],
    firewallRuleGroupArn: dns.firewallRuleGroup.attrArn,
  });

  const parameters = [
    publishParameter(stack, 'DnsProfileIdParameter', names.parameters.dnsProfileId, profile.profile.attrId),
    publishParameter(
      stack,
      'QueryLogConfigIdParameter',
      names.parameters.queryLogConfigId,
      dns.queryLogConfig.attrId,
    ),
  ];
  new ram.CfnResourceShare(stack, 'DnsShare', {
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
