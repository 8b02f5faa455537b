import { Resolver, ResourceRecord } from '../assembly/resolver';
import { Unresolvable } from '../assembly/unresolvable';
import { fromCidrs, IntervalSet } from '../sets/interval-set';
import { ruleVariables, statefulRulesOf, statelessRulesOf } from './rule-group';
import { FirewallPolicyModel, StatefulRule, StatelessAction, StatelessRule } from './types';

type Json = Record<string, unknown>;

/** Default action order when the policy is not strict: pass rules first, alert last. */
const ACTION_ORDER = { pass: 0, drop: 1, reject: 2, alert: 3 } as const;

interface GroupReference {
  readonly arn: string;
  readonly priority: number;
  readonly dropToAlert: boolean;
}

/**
 * Compiles an AWS::NetworkFirewall::FirewallPolicy for one firewall: stateless groups by
 * priority and the stateless default, then the stateful rules in the order the engine
 * evaluates them and the stateful default. AWS-managed groups only drop or alert on threat
 * signatures, so they are left out (they can only take reachability away).
 */
export function compilePolicy(
  resolver: Resolver,
  policy: ResourceRecord,
  vpcHomeNet: IntervalSet,
): FirewallPolicyModel {
  const body = resolver.prop(policy, 'FirewallPolicy') as Json;
  const engine = (body.StatefulEngineOptions ?? {}) as Json;
  const strictOrder = engine.RuleOrder === 'STRICT_ORDER';
  const homeDefinition = (
    (((body.PolicyVariables ?? {}) as Json).RuleVariables ?? {}) as Record<string, { Definition?: string[] }>
  ).HOME_NET?.Definition;
  const policyHomeNet = homeDefinition ? fromCidrs(homeDefinition) : undefined;

  const statelessRules: StatelessRule[] = [];
  for (const ref of references(body.StatelessRuleGroupReferences)) {
    const group = ruleGroup(resolver, ref);
    if (group) statelessRules.push(...statelessRulesOf(group.body, group.name));
  }
  let statefulRules: StatefulRule[] = [];
  for (const ref of references(body.StatefulRuleGroupReferences)) {
    const group = ruleGroup(resolver, ref);
    if (!group) continue;
    const variables = ruleVariables(group.body, policyHomeNet, vpcHomeNet);
    statefulRules.push(...statefulRulesOf(group.body, variables, group.name, ref.dropToAlert));
  }
  if (!strictOrder) {
    statefulRules = statefulRules
      .map((rule, i) => ({ rule, i }))
      .sort((a, b) => ACTION_ORDER[a.rule.action] - ACTION_ORDER[b.rule.action] || a.i - b.i)
      .map(({ rule }) => rule);
  }
  const statefulDefaults = ((body.StatefulDefaultActions ?? []) as string[]).map(String);
  const drops = statefulDefaults.some((a) => a === 'aws:drop_strict' || a === 'aws:drop_established');
  return {
    label: `${policy.stack.id}/${policy.logicalId}`,
    statelessRules,
    statelessDefault: statelessAction((body.StatelessDefaultActions ?? []) as string[]),
    statefulRules,
    statefulDefault: strictOrder && drops ? 'drop' : 'pass',
    statefulDefaultLabel: statefulDefaults.length ? statefulDefaults.join(', ') : 'none (pass)',
    strictOrder,
  };
}

function references(list: unknown): GroupReference[] {
  return ((list ?? []) as Json[])
    .map((ref, i) => ({
      arn: String(ref.ResourceArn),
      priority: ref.Priority === undefined ? i : Number(ref.Priority),
      dropToAlert: ((ref.Override ?? {}) as Json).Action === 'DROP_TO_ALERT',
    }))
    .sort((a, b) => a.priority - b.priority);
}

function ruleGroup(resolver: Resolver, ref: GroupReference): { body: Json; name: string } | undefined {
  if (ref.arn.includes(':aws-managed:')) return undefined;
  const record = resolver.record(ref.arn);
  if (!record || record.type !== 'AWS::NetworkFirewall::RuleGroup') {
    throw new Unresolvable(`rule group ${ref.arn} is not in the assembly`);
  }
  const name = String(resolver.prop(record, 'RuleGroupName') ?? record.logicalId);
  return { body: resolver.prop(record, 'RuleGroup') as Json, name };
}

function statelessAction(actions: readonly string[]): StatelessAction {
  if (actions.includes('aws:pass')) return 'pass';
  if (actions.includes('aws:drop')) return 'drop';
  return 'forward';
}
