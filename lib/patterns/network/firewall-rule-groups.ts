import { aws_networkfirewall as nfw } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { RuleGroupPlan } from '../../planners/segmentation/firewall-groups';
import { pascal } from './names';

export interface FirewallRuleGroupsProps {
  /** From `planRuleGroups`. */
  readonly groups: readonly RuleGroupPlan[];
}

/** The estate's stateful rule groups, Suricata rules in strict order, exactly as planned. */
export class FirewallRuleGroups extends Construct {
  readonly groups: readonly nfw.CfnRuleGroup[];

  constructor(scope: Construct, id: string, props: FirewallRuleGroupsProps) {
    super(scope, id);
    this.groups = props.groups.map(
      (g) =>
        new nfw.CfnRuleGroup(this, pascal(g.purpose), {
          ruleGroupName: g.name,
          type: 'STATEFUL',
          capacity: g.capacity,
          description: `NHS national cloud ${g.purpose} rules, generated from estate.yaml segmentation`,
          ruleGroup: {
            rulesSource: { rulesString: g.rules.join('\n') },
            statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' },
          },
        }),
    );
  }
}
