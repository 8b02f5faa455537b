import type { AllowDestructiveEntry } from '../security-review/exceptions-schema';
import { GuardDecision, StackChange } from './types';

/** The fields of an `allowDestructive` entry the guard reads (config/exceptions.yaml). */
export type AllowDestructive = Pick<
  AllowDestructiveEntry,
  'stack' | 'logicalId' | 'change' | 'reason' | 'approver' | 'expires'
>;

/**
 * The guard: every delete or replacement of a stateful or shared resource needs an
 * `allowDestructive` entry naming its stack, logical ID and change, that has not expired.
 * Returns one decision per such change; the ones without `allowedBy` block the plan. An orphaned
 * delete (retained in the account, nothing of its type added) destroys nothing and is skipped.
 *
 *   replace Tenant-RGR-prod/SpokeC766BDD6, no entry            -> blocked
 *   same, entry { change: replace, expires: 2099-01-01 }        -> allowed
 *   same, entry { change: delete }                              -> blocked (wrong change)
 *   same, entry { change: replace, expires: yesterday }         -> blocked, expiredEntry set
 *   delete of a retained log group, nothing of its type added   -> no decision (orphaned)
 */
export function guardChanges(
  stacks: readonly StackChange[],
  allowed: readonly AllowDestructive[],
  today: string,
): GuardDecision[] {
  return stacks.flatMap((stack) =>
    stack.changes.flatMap((change): GuardDecision[] => {
      if (!change.guarded || change.orphaned) return [];
      if (change.kind !== 'delete' && change.kind !== 'replace') return [];
      const needs = change.kind;
      const base = { stack: stack.stack, tenant: stack.tenant, change, needs };
      const entry = allowed.find(
        (e) => e.stack === stack.stack && e.logicalId === change.logicalId && e.change === needs,
      );
      if (!entry) return [base];
      // YYYY-MM-DD strings compare in date order; an entry is valid through its expiry date.
      if (entry.expires < today) return [{ ...base, expiredEntry: `expired on ${entry.expires}` }];
      return [
        { ...base, allowedBy: { reason: entry.reason, approver: entry.approver, expires: entry.expires } },
      ];
    }),
  );
}
