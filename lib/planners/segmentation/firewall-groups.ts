import { renderEgressRules, renderPassRules } from './suricata';
import { FirewallPlan } from './types';

/**
 * AWS managed groups the policy runs first (strict order), so known-bad traffic is dropped
 * before any pass rule can let it through. Each name's `StrictOrder` variant is the one a
 * strict-order policy accepts; the ARN is `arn:aws:network-firewall:<region>:aws-managed:stateful-rulegroup/<name>`.
 */
export const MANAGED_RULE_GROUPS = [
  'ThreatSignaturesBotnetStrictOrder',
  'ThreatSignaturesBotnetWebStrictOrder',
  'ThreatSignaturesMalwareStrictOrder',
  'ThreatSignaturesEmergingEventsStrictOrder',
  'MalwareDomainsStrictOrder',
  'BotNetCommandAndControlDomainsStrictOrder',
  'AbusedLegitMalwareDomainsStrictOrder',
] as const;

/**
 * Fixed capacities: a rule group's capacity cannot change after creation, and a group in use
 * cannot be replaced, so they are sized once for national scale. 1,000 tenants with
 * on-premises links need about 2,000 isolation rules plus a few per segmentation rule.
 */
export const RULE_GROUP_CAPACITY = { segmentation: 10_000, egress: 1_000 } as const;

export type RuleGroupPurpose = keyof typeof RULE_GROUP_CAPACITY;

export interface RuleGroupPlan {
  readonly purpose: RuleGroupPurpose;
  /** Also what the policy's ARN reference is built from, so the two stacks agree without a reference. */
  readonly name: string;
  readonly capacity: number;
  /** Policy priority: managed groups take 1..n, then segmentation, then egress. */
  readonly priority: number;
  readonly rules: readonly string[];
}

export function ruleGroupName(prefix: string, purpose: RuleGroupPurpose): string {
  return `${prefix}-${purpose}`;
}

/**
 * The estate's own stateful rule groups, in policy order. A group with no rules is left out
 * (Network Firewall rejects an empty rules string), and the policy then does not name it.
 */
export function planRuleGroups(firewall: FirewallPlan, prefix: string): RuleGroupPlan[] {
  const groups: RuleGroupPlan[] = [
    group('segmentation', 100, renderPassRules(firewall.rules)),
    group('egress', 200, renderEgressRules(firewall.egress)),
  ].filter((g) => g.rules.length > 0);
  for (const g of groups) {
    if (g.rules.length > g.capacity) {
      throw new Error(
        `firewall rule group ${g.name} needs ${g.rules.length} rules but its capacity is ${g.capacity}`,
      );
    }
  }
  return groups;

  function group(purpose: RuleGroupPurpose, priority: number, rules: string[]): RuleGroupPlan {
    return {
      purpose,
      name: ruleGroupName(prefix, purpose),
      capacity: RULE_GROUP_CAPACITY[purpose],
      priority,
      rules,
    };
  }
}
