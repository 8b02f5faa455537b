import { aws_ec2 as ec2, aws_route53resolver as resolver } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DnsPlan } from '../../planners/hub/dns';

export interface DnsResolverProps {
  readonly vpc: ec2.IVpc;
  /** One resolver subnet per AZ, in the plan's order. */
  readonly subnets: readonly ec2.ISubnet[];
  readonly plan: DnsPlan;
  /** Ranges allowed to query the inbound endpoint (the estate's private ranges). */
  readonly clientRanges: readonly string[];
  readonly onPremisesResolvers: readonly string[];
  /** Central bucket for Resolver query logs. */
  readonly queryLogBucketArn: string;
  readonly namePrefix: string;
}

const DNS = 53;

/**
 * Route 53 Resolver for the estate: an inbound endpoint at fixed addresses for on-premises
 * forwarders, an outbound endpoint and a forwarding rule per on-premises zone, query logging
 * to the log archive, and DNS Firewall blocking the plan's domain list.
 */
export class DnsResolver extends Construct {
  readonly forwardRules: readonly resolver.CfnResolverRule[];
  readonly queryLogConfig: resolver.CfnResolverQueryLoggingConfig;
  readonly firewallRuleGroup: resolver.CfnFirewallRuleGroup;

  constructor(scope: Construct, id: string, props: DnsResolverProps) {
    super(scope, id);
    const group = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Route 53 Resolver endpoints: DNS from the estate, to on-premises resolvers',
      allowAllOutbound: false,
    });
    for (const range of props.clientRanges) {
      group.addIngressRule(ec2.Peer.ipv4(range), ec2.Port.udp(DNS), 'DNS from the estate');
      group.addIngressRule(ec2.Peer.ipv4(range), ec2.Port.tcp(DNS), 'DNS from the estate');
    }
    for (const ip of props.onPremisesResolvers) {
      group.addEgressRule(ec2.Peer.ipv4(`${ip}/32`), ec2.Port.udp(DNS), 'forwarding to on-premises');
      group.addEgressRule(ec2.Peer.ipv4(`${ip}/32`), ec2.Port.tcp(DNS), 'forwarding to on-premises');
    }
    new resolver.CfnResolverEndpoint(this, 'Inbound', {
      name: `${props.namePrefix}-inbound`,
      direction: 'INBOUND',
      securityGroupIds: [group.securityGroupId],
      // The plan's addresses follow the subnets' zone order.
      ipAddresses: props.plan.inboundIps.map((a, i) => ({ subnetId: props.subnets[i].subnetId, ip: a.ip })),
    });
    const outbound = new resolver.CfnResolverEndpoint(this, 'Outbound', {
      name: `${props.namePrefix}-outbound`,
      direction: 'OUTBOUND',
      securityGroupIds: [group.securityGroupId],
      ipAddresses: props.subnets.map((s) => ({ subnetId: s.subnetId })),
    });
    this.forwardRules = props.plan.forwardRules.map((rule) => {
      const forward = new resolver.CfnResolverRule(this, `Forward${rule.id}`, {
        name: `${props.namePrefix}-${rule.id}`,
        ruleType: 'FORWARD',
        domainName: rule.domain,
        resolverEndpointId: outbound.attrResolverEndpointId,
        targetIps: rule.targetIps.map((ip) => ({ ip, port: String(DNS) })),
      });
      new resolver.CfnResolverRuleAssociation(this, `Forward${rule.id}Association`, {
        resolverRuleId: forward.attrResolverRuleId,
        vpcId: props.vpc.vpcId,
      });
      return forward;
    });

    this.queryLogConfig = new resolver.CfnResolverQueryLoggingConfig(this, 'QueryLogging', {
      name: `${props.namePrefix}-queries`,
      destinationArn: props.queryLogBucketArn,
    });
    new resolver.CfnResolverQueryLoggingConfigAssociation(this, 'QueryLoggingAssociation', {
      resolverQueryLogConfigId: this.queryLogConfig.attrId,
      resourceId: props.vpc.vpcId,
    });

    const blocked = new resolver.CfnFirewallDomainList(this, 'BlockedDomains', {
      name: `${props.namePrefix}-blocked`,
      domains: [...props.plan.blockedDomains],
    });
    this.firewallRuleGroup = new resolver.CfnFirewallRuleGroup(this, 'DnsFirewall', {
      name: `${props.namePrefix}-dns-firewall`,
      firewallRules: [
        {
          priority: 100,
          firewallDomainListId: blocked.attrId,
          action: 'BLOCK',
          blockResponse: 'NXDOMAIN',
        },
      ],
    });
    new resolver.CfnFirewallRuleGroupAssociation(this, 'DnsFirewallAssociation', {
      name: `${props.namePrefix}-dns-firewall`,
      firewallRuleGroupId: this.firewallRuleGroup.attrId,
      vpcId: props.vpc.vpcId,
      priority: 101,
      mutationProtection: 'ENABLED',
    });
  }
}
