import { NagRuleCompliance, NagRules } from 'cdk-nag';
import { renderedProperties } from '../../rendered';
import { NagRule, namedRule } from '../../rule';
import { listOf, Statement, statementsOf } from '../../policy-statements';

/** A guardrail policy as the landing-zone planner makes it. */
export interface GuardrailBaseline {
  readonly name: string;
  readonly document: unknown;
}

/** The principal patterns an SCP statement exempts (`ArnNotLike` on `aws:PrincipalArn`). */
function exempted(statement: Statement): string[] {
  const condition = statement.Condition as Record<string, Record<string, unknown>> | undefined;
  return listOf(condition?.ArnNotLike?.['aws:PrincipalArn']);
}

/** The statement without its exemption, to compare what it denies and where. */
function denies(statement: Statement): string {
  const condition = { ...(statement.Condition as Record<string, Record<string, unknown>> | undefined) };
  if (condition.ArnNotLike) {
    const rest = Object.fromEntries(
      Object.entries(condition.ArnNotLike).filter(([key]) => key !== 'aws:PrincipalArn'),
    );
    if (Object.keys(rest).length) condition.ArnNotLike = rest;
    else delete condition.ArnNotLike;
  }
  return JSON.stringify({
    Effect: statement.Effect,
    Resource: statement.Resource,
    NotAction: statement.NotAction,
    Condition: condition,
  });
}

/**
 * A guardrail SCP is the planner's: no statement of the baseline removed, none widened (an
 * action dropped from a deny, a resource, condition or `NotAction` changed), and no principal
 * exempted beyond the platform's own names. One finding per problem: `missing:<Sid>`,
 * `widened:<Sid>`, `exempt:<pattern>`. Policies the planner does not make are not checked.
 *
 * NCSC Cloud Security Principle 4, Governance framework; 5, Operational security.
 */
export default function GuardrailsIntact(
  baseline: readonly GuardrailBaseline[],
  platform: readonly string[],
): NagRule {
  return namedRule(__filename, (node) => {
    if (node.cfnResourceType !== 'AWS::Organizations::Policy') return NagRuleCompliance.NOT_APPLICABLE;
    const props = renderedProperties(node);
    const planned = baseline.find((b) => b.name === NagRules.resolveIfPrimitive(node, props.Name));
    if (!planned) return NagRuleCompliance.NOT_APPLICABLE;
    const content = typeof props.Content === 'string' ? JSON.parse(props.Content) : props.Content;
    const actual = new Map(statementsOf(content).map((s) => [String(s.Sid), s]));
    const findings: string[] = [];
    for (const want of statementsOf(planned.document)) {
      const sid = String(want.Sid);
      const have = actual.get(sid);
      if (!have) {
        findings.push(`missing:${sid}`);
        continue;
      }
      const dropped = listOf(want.Action).filter((a) => !listOf(have.Action).includes(a));
      if (dropped.length || denies(have) !== denies(want)) findings.push(`widened:${sid}`);
    }
    for (const s of actual.values())
      for (const pattern of exempted(s)) if (!platform.includes(pattern)) findings.push(`exempt:${pattern}`);
    return findings.length ? [...new Set(findings)].sort() : NagRuleCompliance.COMPLIANT;
  });
}
