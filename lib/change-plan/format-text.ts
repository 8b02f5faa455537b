import {
  allowDestructiveSnippet,
  describeChange,
  describeCounts,
  describeScope,
  headline,
  laneMoveText,
  ORPHANED_TITLE,
} from './describe';
import { blockedDecisions, ChangePlan, countChanges, orphanedResources, ResourceChange } from './types';

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
      lines.push(`  ${SIGN[c.kind]} ${c.logicalId} ${c.type}: ${describeChange(c)}${mark(c)}`);
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
  for (const move of plan.laneMoves ?? []) lines.push(laneMoveText(move));
  if (plan.laneMoves?.length) lines.push('');
  const orphaned = orphanedResources(plan);
  if (orphaned.length) {
    lines.push(
      `${ORPHANED_TITLE} (${orphaned.length} orphaned; not blocked, delete by hand once no longer needed):`,
    );
    for (const o of orphaned) lines.push(`  ${o.stack}/${o.change.logicalId} (${o.change.type})`);
    lines.push('');
  }
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

function mark(change: ResourceChange): string {
  if (change.orphaned) return '  <- orphaned';
  return change.guarded && (change.kind === 'delete' || change.kind === 'replace') ? '  <- guarded' : '';
}
