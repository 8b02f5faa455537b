import { Construct } from 'constructs';
import { FirewallRuleGroups } from '../../patterns/network/firewall-rule-groups';
import { EstateConfig } from '../../config/schema/estate-schema';
import { NetworkPlan } from '../../planners/hub/network-plan';
import { EstateStack } from '../estate-stack';
import { networkStackProps } from './network-stack-props';

export interface FirewallRulesStackProps {
  readonly estate: EstateConfig;
  readonly plan: NetworkPlan;
}

/**
 * Core-Network-FirewallRules: the inspection firewall's rule groups, generated from the
 * segmentation policy. Core-Network's firewall policy names them by ARN, so it deploys after.
 */
export class FirewallRulesStack extends EstateStack {
  constructor(scope: Construct, id: string, props: FirewallRulesStackProps) {
    super(
      scope,
      id,
      networkStackProps(
        props.estate,
        'NHS national cloud: inspection firewall rule groups, generated from the segmentation policy',
      ),
    );
    new FirewallRuleGroups(this, 'RuleGroups', { groups: props.plan.ruleGroups });
  }
}
