import { formatMarkdown } from './format-markdown';
import { formatText } from './format-text';
import { blockedDecisions, ChangePlan, countChanges } from './types';

export const PLAN_FORMATS = ['text', 'md', 'json'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export function formatPlan(plan: ChangePlan, format: PlanFormat): string {
  if (format === 'md') return formatMarkdown(plan);
  if (format === 'text') return formatText(plan);
  return `${JSON.stringify(planJson(plan), undefined, 2)}\n`;
}

/** The plan as JSON, with the verdict and per-stack counts up front for scripts. */
export function planJson(plan: ChangePlan): object {
  return {
    ok: blockedDecisions(plan).length === 0,
    blocked: blockedDecisions(plan).length,
    ...plan,
    stacks: plan.stacks.map((s) => ({ ...s, counts: countChanges(s.changes) })),
  };
}
