import {
  allowDestructiveSnippet,
  changeLabel,
  describeChange,
  describeCounts,
  describeScope,
  headline,
  laneMoveText,
  ORPHANED_NOTE,
  ORPHANED_TITLE,
} from './describe';
import {
  blockedDecisions,
  ChangePlan,
  countChanges,
  GuardDecision,
  OrphanedResource,
  orphanedResources,
  ResourceChange,
  StackChange,
} from './types';

/** Resource rows shown in the per-stack details; a PR comment holds at most 65,536 characters. */
export const MAX_RESOURCE_ROWS = 200;
/** Stacks named per orphaned resource; one construct change can orphan it in every account. */
export const MAX_ORPHAN_STACKS = 5;

/** The PR comment: the verdict, what blocks it and how to allow it, then a table per stack. */
export function formatMarkdown(plan: ChangePlan): string {
  const blocked = blockedDecisions(plan);
  const lines = [
    '## Change plan',
    '',
    `Compared with \`${plan.base.ref}\` (\`${plan.base.commit.slice(0, 12)}\`): ${describeScope(plan.scope)}; ${plan.stacksCompared} stacks compared.`,
    '',
    blocked.length ? `> [!CAUTION]\n> **${headline(plan)}**` : `**${headline(plan)}**`,
    '',
  ];
  if (blocked.length) {
    lines.push(...guardTable(blocked), '');
    lines.push(
      'If the change is intended, a security reviewer adds an entry per resource to ' +
        `\`${plan.exceptionsFile}\` (the plan then passes):`,
      '',
      '```yaml',
      allowDestructiveSnippet(blocked),
      '```',
      '',
    );
  }
  const allowed = plan.guard.filter((d) => d.allowedBy);
  if (allowed.length) {
    lines.push(`### Allowed destructive changes (${allowed.length})`, '', ...guardTable(allowed), '');
  }
  if (plan.laneMoves?.length) {
    lines.push(
      `### Lane moves (${plan.laneMoves.length})`,
      '',
      ...plan.laneMoves.map((m) => `- ${laneMoveText(m)}`),
      '',
    );
  }
  const orphaned = orphanedResources(plan);
  if (orphaned.length) lines.push(...orphanedTable(orphaned), '');
  if (plan.stacks.length) lines.push(...summaryTable(plan.stacks), '', ...details(plan.stacks));
  return `${lines.join('\n').trimEnd()}\n`;
}

function guardTable(decisions: readonly GuardDecision[]): string[] {
  const allowed = decisions.some((d) => d.allowedBy);
  const rows = decisions.map((d) => {
    const why = d.allowedBy
      ? `${cell(d.allowedBy.reason)} (${cell(d.allowedBy.approver)}, until ${d.allowedBy.expires})`
      : `${cell(d.change.guarded ?? '')}${d.expiredEntry ? ` (entry ${d.expiredEntry})` : ''}`;
    return `| ${d.stack} | \`${d.change.logicalId}\` | ${d.change.type} | ${cell(describeChange(d.change))} | ${why} |`;
  });
  return [
    `| Stack | Resource | Type | Change | ${allowed ? 'Allowed because' : 'Guarded because'} |`,
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ];
}

/** Grouped by resource: the same logical ID orphaned in many stacks is one row. */
function orphanedTable(orphaned: readonly OrphanedResource[]): string[] {
  const groups = new Map<string, { change: ResourceChange; stacks: string[] }>();
  for (const o of orphaned) {
    const key = `${o.change.type} ${o.change.logicalId}`;
    const group = groups.get(key) ?? { change: o.change, stacks: [] };
    group.stacks.push(o.stack);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  const rows = all.slice(0, MAX_RESOURCE_ROWS).map(({ change, stacks }) => {
    const more = stacks.length - MAX_ORPHAN_STACKS;
    const names = stacks.slice(0, MAX_ORPHAN_STACKS).join(', ') + (more > 0 ? ` and ${more} more` : '');
    return `| \`${change.logicalId}\` | ${change.type} | ${stacks.length} | ${names} |`;
  });
  if (all.length > MAX_RESOURCE_ROWS) rows.push(`| … | ${all.length - MAX_RESOURCE_ROWS} more | | |`);
  return [
    `### ${ORPHANED_TITLE} (${orphaned.length} orphaned)`,
    '',
    ORPHANED_NOTE,
    '',
    '| Resource | Type | Stacks | In |',
    '| --- | --- | ---: | --- |',
    ...rows,
  ];
}

function summaryTable(stacks: readonly StackChange[]): string[] {
  const rows = stacks.map((s) => {
    const c = countChanges(s.changes);
    const status = s.status === 'changed' ? '' : ` (stack ${s.status})`;
    return `| ${s.tenant ?? 'platform'} | ${s.stack}${status} | ${c.add} | ${c.update} | ${c.replace} | ${c.delete} | ${c.orphan} |`;
  });
  return [
    '### Changes by stack',
    '',
    '| Tenant | Stack | Added | Changed | Replaced | Deleted | Orphaned |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ];
}

function details(stacks: readonly StackChange[]): string[] {
  const lines: string[] = [];
  let budget = MAX_RESOURCE_ROWS;
  for (const [i, stack] of stacks.entries()) {
    if (budget <= 0) {
      const rest = stacks.length - i;
      lines.push(
        `_${rest} more stack${rest === 1 ? '' : 's'} not shown: run \`nhs-cloud plan --format json\`._`,
      );
      break;
    }
    const summary = `<details><summary><b>${stack.stack}</b>: ${describeCounts(countChanges(stack.changes))}</summary>`;
    const rows = stack.status === 'added' ? typeRows(stack) : resourceRows(stack, budget);
    budget -= rows.length;
    lines.push(summary, '', ...rows, '', '</details>', '');
  }
  return lines;
}

/** A new stack only adds: its resource types and counts say enough. */
function typeRows(stack: StackChange): string[] {
  const counts = new Map<string, number>();
  for (const c of stack.changes) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  return [
    '| New stack: resource type | Count |',
    '| --- | ---: |',
    ...[...counts].sort(([a], [b]) => a.localeCompare(b)).map(([type, n]) => `| ${type} | ${n} |`),
  ];
}

function resourceRows(stack: StackChange, budget: number): string[] {
  const shown = stack.changes.slice(0, budget);
  const rows = shown.map((c) => {
    const detail = c.kind === 'add' ? '' : cell(describeChange(c));
    const guarded = c.guarded && !c.orphaned ? ' **guarded**' : '';
    return `| ${changeLabel(c)} | \`${c.logicalId}\` | ${c.type} | ${detail}${guarded} |`;
  });
  if (shown.length < stack.changes.length)
    rows.push(`| … | ${stack.changes.length - shown.length} more | | |`);
  return ['| Change | Resource | Type | Detail |', '| --- | --- | --- | --- |', ...rows];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
