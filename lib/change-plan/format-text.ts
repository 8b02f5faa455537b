import { allowDestructiveSnippet, describeChange, describeCounts, describeScope, headline } from './describe';
import { blockedDecisions, ChangePlan, countChanges } from './types';

const SIGN = { add: '+', update: '~', replace: '!', delete: '-' } as const;

/** For a terminal: one line per stack, one per changed resource, then the verdict. */
export function formatText(plan: ChangePlan): string {
  const lines = [
    `Change plan against ${plan.base.ref} (${plan.base.commit.slice(0, 12)}): ${describeScope(plan.scope)}; ${plan.stacksCompared} stacks compared.`,
    '',
  ];
  for (const stack of plan.stacks) {
    const status = stack.status === 'changed' ? '' : ` [stack ${stack.status}]`;
    lines.push(`${stack.stack}${status}: ${describeCounts(countChanges(stack.changes))}`);
    for (const c of stack.changes) {
      const mark = c.guarded && (c.kind === 'delete' || c.kind === 'replace') ? '  <- guarded' : '';
      lines.push(`  ${SIGN[c.kind]} ${c.logicalId} ${c.type}: ${describeChange(c)}${mark}`);
    }
    lines.push('');
  }
  for (const d of plan.guard) {
    const verdict = d.allowedBy
      ? `allowed by ${plan.exceptionsFile} (${d.allowedBy.approver}, until ${d.allowedBy.expires})`
      : `BLOCKED: ${d.change.guarded}${d.expiredEntry ? `; the allowDestructive entry ${d.expiredEntry}` : ''}`;
    lines.push(`${d.needs} ${d.stack}/${d.change.logicalId} (${d.change.type}): ${verdict}`);
  }
  if (plan.guard.length) lines.push('');
  lines.push(headline(plan));
  const blocked = blockedDecisions(plan);
  if (blocked.length) {
    lines.push(
      '',
      `If intended, a security reviewer adds to ${plan.exceptionsFile}:`,
      allowDestructiveSnippet(blocked),
    );
  }
  return `${lines.join('\n')}\n`;
}
