import type { LaneMoveChange } from './lane-moves';
import {
  blockedDecisions,
  ChangeCounts,
  ChangePlan,
  GuardDecision,
  orphanedResources,
  PlanScope,
  ResourceChange,
} from './types';

/** Words shared by the text and Markdown formats, so both say the same thing. */

export const KIND_LABEL = {
  add: 'added',
  update: 'changed',
  replace: 'replaced',
  delete: 'deleted',
} as const;

/** Heads the list of orphaned deletes in every format. */
export const ORPHANED_TITLE = 'Removed from the stack, retained in the account';
export const ORPHANED_NOTE =
  'CloudFormation only forgets these resources (DeletionPolicy Retain or RetainExceptOnCreate in the base): they and their data stay in the account, so the guard does not block them. Delete them by hand once no longer needed.';

/** `deleted`, or `orphaned` for a delete that CloudFormation only forgets. */
export function changeLabel(change: ResourceChange): string {
  return change.orphaned ? 'orphaned' : KIND_LABEL[change.kind];
}

/** `3 added, 1 replaced` (kinds with a count only); `no changes` when all are zero. */
export function describeCounts(counts: ChangeCounts): string {
  const label = { ...KIND_LABEL, orphan: 'orphaned' };
  const parts = (['add', 'update', 'replace', 'delete', 'orphan'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${label[k]}`);
  return parts.length ? parts.join(', ') : 'no changes';
}

export function describeScope(scope: PlanScope): string {
  if (scope.kind === 'none') return `nothing synthesized: ${scope.reason}`;
  if (scope.kind === 'full') return `the whole estate (${scope.reason})`;
  const [first, ...rest] = scope.tenants;
  const names = rest.length ? `tenants ${scope.tenants.join(', ')}` : `tenant ${first}`;
  const flags = scope.tenants.map((t) => `-c tenant=${t}`).join(', ');
  return `${names} and the platform stacks (only tenant files changed: ${flags})`;
}

/** `replace (CidrBlock)`, `replace if needed (Tags)`, `delete (retained: orphaned)`, `update (Tags)`. */
export function describeChange(change: ResourceChange): string {
  const props = change.properties?.length ? ` (${change.properties.join(', ')})` : '';
  if (change.kind === 'replace') return `${change.conditional ? 'may replace' : 'replace'}${props}`;
  if (change.kind === 'delete') {
    const notes = [
      change.retained ? 'retained, so orphaned' : undefined,
      change.renamedTo ? `renamed to ${change.renamedTo}?` : undefined,
      // Why a retained delete is still guarded: see markOrphans in classify-diff.ts.
      change.retained && !change.orphaned && !change.renamedTo
        ? 'the stack adds another of its type: moved?'
        : undefined,
    ].filter(Boolean);
    return `delete${notes.length ? ` (${notes.join('; ')})` : ''}`;
  }
  return `${change.kind}${props}`;
}

export function headline(plan: ChangePlan): string {
  const blocked = blockedDecisions(plan).length;
  if (blocked > 0) {
    return `Blocked: ${blocked} delete${blocked === 1 ? '' : 's'} or replacement${blocked === 1 ? '' : 's'} of stateful or shared resources without an allowDestructive entry in ${plan.exceptionsFile}.`;
  }
  const allowed = plan.guard.length;
  const orphaned = orphanedResources(plan).length;
  const tail = [
    allowed
      ? `; ${allowed} destructive change${allowed === 1 ? '' : 's'} allowed by ${plan.exceptionsFile}`
      : '',
    orphaned
      ? `; ${orphaned} resource${orphaned === 1 ? '' : 's'} removed from ${orphaned === 1 ? 'its stack' : 'their stacks'} but retained in the account (orphaned)`
      : '',
  ].join('');
  if (plan.stacks.length === 0) return `No resource changes${tail}.`;
  return `${plan.stacks.length} stack${plan.stacks.length === 1 ? '' : 's'} change${tail}.`;
}

/** The YAML a reviewer adds to allow the blocked changes, placeholders for what only they know. */
export function allowDestructiveSnippet(blocked: readonly GuardDecision[]): string {
  const lines = ['allowDestructive:'];
  for (const d of blocked) {
    lines.push(
      `  - stack: ${d.stack}`,
      `    logicalId: ${d.change.logicalId}`,
      `    change: ${d.needs}`,
      '    reason: <why this is safe and what happens to the data, at least 30 characters>',
      '    approver: <security reviewer e-mail>',
      '    expires: <YYYY-MM-DD, soon after the deploy>',
    );
  }
  return lines.join('\n');
}

/** "Lane move: RGR from lane 2 to lane 3 (...)": a reviewed change, named, never blocked. */
export function laneMoveText(move: LaneMoveChange): string {
  return (
    `Lane move: ${move.tenant} from lane ${move.from} to lane ${move.to}; its route table associations are ` +
    'replaced (a brief loss of its traffic). Reviewed, not blocked: a forced move `nhs-cloud capacity` reports, or a pin edited in its tenant file.'
  );
}
