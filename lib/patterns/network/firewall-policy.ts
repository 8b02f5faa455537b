import { aws_networkfirewall as nfw } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { MANAGED_RULE_GROUPS, RuleGroupPlan } from '../../planners/segmentation/firewall-groups';

export interface FirewallPolicyProps {
  readonly policyName: string;
  readonly region: string;
  /** The account holding the estate's own rule groups (the network account). */
  readonly account: string;
  /** The estate's rule groups, referenced by ARN (they live in their own stack). */
  readonly groups: readonly RuleGroupPlan[];
  /** $HOME_NET: every private range the estate routes. */
  readonly homeNet: readonly string[];
}

/** Strict order with a default drop: nothing passes unless a rule says so. */
export const STATEFUL_DEFAULT_ACTIONS = ['aws:drop_established', 'aws:alert_established'];

/**
 * The firewall policy: stateless traffic all goes to the stateful engine, which evaluates
 * AWS managed threat groups first, then the estate's pass rules, in strict order, and drops
 * (and logs) every established flow no rule passed. TCP handshakes are let through so that a
 * TLS SNI or HTTP Host rule can see the name it decides on.
 */
export class FirewallPolicy extends Construct {
  readonly resource: nfw.CfnFirewallPolicy;

  constructor(scope: Construct, id: string, props: FirewallPolicyProps) {
    super(scope, id);
    const managed = MANAGED_RULE_GROUPS.map((name, i) => ({
      priority: i + 1,
      resourceArn: `arn:aws:network-firewall:${props.region}:aws-managed:stateful-rulegroup/${name}`,
    }));
    const own = props.groups.map((g) => ({
      priority: g.priority,
      resourceArn: `arn:aws:network-firewall:${props.region}:${props.account}:stateful-rulegroup/${g.name}`,
    }));
    this.resource = new nfw.CfnFirewallPolicy(this, 'Resource', {
      firewallPolicyName: props.policyName,
      description: 'Default deny; segmentation and egress allow-lists from estate.yaml',
      firewallPolicy: {
        statelessDefaultActions: ['aws:forward_to_sfe'],
        statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
        statefulEngineOptions: { ruleOrder: 'STRICT_ORDER', streamExceptionPolicy: 'DROP' },
        statefulDefaultActions: STATEFUL_DEFAULT_ACTIONS,
        statefulRuleGroupReferences: [...managed, ...own],
        policyVariables: { ruleVariables: { HOME_NET: { definition: [...props.homeNet] } } },
      },
    });
  }

  get arn(): string {
    return this.resource.attrFirewallPolicyArn;
  }
}
