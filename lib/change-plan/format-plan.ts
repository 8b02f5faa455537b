import { formatMarkdown } from './format-markdown';
import { formatText } from './format-text';
import { blockedDecisions, ChangePlan, countChanges, orphanedResources } from './types';

export const PLAN_FORMATS = ['text', 'md', 'json'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export function formatPlan(plan: ChangePlan, format: PlanFormat): string {
  if (format === 'md') return formatMarkdown(plan);
  if (format === 'text') return formatText(plan);
  return `${JSON.stringify(planJson(plan), undefined, 2)}\n`;
}

/**
 * The plan as JSON, with the verdict and counts up front for scripts: `orphaned` counts the
 * resources removed from their stacks but retained in the account, listed in `orphanedResources`.
 */
export function planJson(plan: ChangePlan): object {
  const orphaned = orphanedResources(plan);
  return {
    ok: blockedDecisions(plan).length === 0,
    blocked: blockedDecisions(plan).length,
    orphaned: orphaned.length,
    ...plan,
    orphanedResources: orphaned.map(({ stack, tenant, change }) => ({
      stack,
      ...(tenant && { tenant }),
      logicalId: change.logicalId,
      type: change.type,
    })),
    stacks: plan.stacks.map((s) => ({ ...s, counts: countChanges(s.changes) })),
  };
}
