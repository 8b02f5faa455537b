import { aws_route53profiles as profiles, aws_route53resolver as resolver } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface SpokeDnsProps {
  readonly vpcId: string;
  /** The shared-services Route 53 Profile (shared with the organization through RAM). */
  readonly profileId: string;
  /** The shared-services query logging configuration (shared the same way). */
  readonly queryLogConfigId: string;
  readonly name: string;
}

/**
 * A spoke's DNS: the central Route 53 Profile brings the forwarding rules for on-premises
 * zones, the private zones of the central interface endpoints and DNS Firewall; query logs go
 * to the central configuration, so every query lands in the log archive.
 */
export class SpokeDns extends Construct {
  constructor(scope: Construct, id: string, props: SpokeDnsProps) {
    super(scope, id);
    new profiles.CfnProfileAssociation(this, 'Profile', {
      name: props.name,
      profileId: props.profileId,
      resourceId: props.vpcId,
    });
    new resolver.CfnResolverQueryLoggingConfigAssociation(this, 'QueryLogging', {
      resolverQueryLogConfigId: props.queryLogConfigId,
      resourceId: props.vpcId,
    });
  }
}
