import { aws_route53profiles as profiles } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface DnsProfileProps {
  readonly name: string;
  /** Resolver rules and private hosted zones every spoke gets. */
  readonly resourceArns: readonly string[];
  /** DNS Firewall rule group every spoke gets. */
  readonly firewallRuleGroupArn: string;
}

/**
 * A Route 53 Profile: the one thing a spoke associates to receive the estate's DNS
 * (forwarding rules, endpoint zones, DNS Firewall). Shared with the organization through RAM.
 */
export class DnsProfile extends Construct {
  readonly profile: profiles.CfnProfile;

  constructor(scope: Construct, id: string, props: DnsProfileProps) {
    super(scope, id);
    this.profile = new profiles.CfnProfile(this, 'Resource', { name: props.name });
    props.resourceArns.forEach((resourceArn, i) => {
      new profiles.CfnProfileResourceAssociation(this, `Resource${i + 1}`, {
        name: `${props.name}-${i + 1}`,
        profileId: this.profile.attrId,
        resourceArn,
      });
    });
    new profiles.CfnProfileResourceAssociation(this, 'DnsFirewall', {
      name: `${props.name}-dns-firewall`,
      profileId: this.profile.attrId,
      resourceArn: props.firewallRuleGroupArn,
      resourceProperties: JSON.stringify({ priority: 101 }),
    });
  }
}
