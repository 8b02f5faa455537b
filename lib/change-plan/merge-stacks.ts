import { ResourceChange, StackChange } from './types';

/**
 * Joins the stack changes of several narrowed comparisons (one per changed tenant): a platform
 * stack compared in more than one keeps each resource change once. Platform stacks come first,
 * then tenants in ODS order, each by stack name.
 */
export function mergeStackChanges(parts: readonly StackChange[]): StackChange[] {
  const byStack = new Map<string, StackChange>();
  for (const part of parts) {
    const seen = byStack.get(part.stack);
    if (!seen) {
      byStack.set(part.stack, part);
      continue;
    }
    const ids = new Set(seen.changes.map(key));
    byStack.set(part.stack, {
      ...seen,
      changes: [...seen.changes, ...part.changes.filter((c) => !ids.has(key(c)))],
    });
  }
  return [...byStack.values()].sort(
    (a, b) =>
      Number(a.tenant !== undefined) - Number(b.tenant !== undefined) ||
      (a.tenant ?? '').localeCompare(b.tenant ?? '') ||
      a.stack.localeCompare(b.stack),
  );
}

function key(change: ResourceChange): string {
  return `${change.kind} ${change.logicalId}`;
}
