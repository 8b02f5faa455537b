import { aws_ec2 as ec2, aws_route53 as route53, aws_route53_targets as targets, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PrivateZonePlan } from '../../planners/hub/dns';
import { pascal } from './names';

export interface CentralEndpointsProps {
  readonly vpc: ec2.IVpc;
  readonly subnets: readonly ec2.ISubnet[];
  /** One endpoint and one private zone per service (from `planDns`). */
  readonly zones: readonly PrivateZonePlan[];
  /** Ranges allowed to reach the endpoints on 443 (the estate's private ranges). */
  readonly clientRanges: readonly string[];
}

/**
 * Interface endpoints shared by every spoke. Private DNS is off on the endpoints; instead
 * each service gets a private hosted zone with its regional name aliased to the endpoint, and
 * the zones reach the spokes through the Route 53 Profile (one association per spoke, made in
 * the spoke's own account, no cross-account zone authorisations).
 */
export class CentralEndpoints extends Construct {
  /** ARNs of the private hosted zones, for the Route 53 Profile. */
  readonly zoneArns: readonly string[];

  constructor(scope: Construct, id: string, props: CentralEndpointsProps) {
    super(scope, id);
    const group = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Central interface endpoints: HTTPS from the estate',
      allowAllOutbound: false,
    });
    for (const range of props.clientRanges) {
      group.addIngressRule(ec2.Peer.ipv4(range), ec2.Port.tcp(443), 'HTTPS from the estate');
    }
    const region = Stack.of(this).region;
    this.zoneArns = props.zones.map((zone) => {
      const id = pascal(zone.id);
      const endpoint = new ec2.InterfaceVpcEndpoint(this, `${id}Endpoint`, {
        vpc: props.vpc,
        service: new ec2.InterfaceVpcEndpointService(`com.amazonaws.${region}.${zone.service}`, 443),
        subnets: { subnets: [...props.subnets] },
        securityGroups: [group],
        privateDnsEnabled: false,
        // Only the estate's ranges above, not CDK's default rule for the VPC's own CIDR token.
        open: false,
      });
      const hostedZone = new route53.PrivateHostedZone(this, `${id}Zone`, {
        zoneName: zone.zoneName,
        vpc: props.vpc,
        comment: `Central ${zone.service} endpoint for every spoke`,
      });
      new route53.ARecord(this, `${id}Alias`, {
        zone: hostedZone,
        target: route53.RecordTarget.fromAlias(new targets.InterfaceVpcEndpointTarget(endpoint)),
      });
      return `arn:aws:route53:::hostedzone/${hostedZone.hostedZoneId}`;
    });
  }
}
