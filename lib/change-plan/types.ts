import type { LaneMoveChange } from './lane-moves';

/**
 * The change plan: what a pull request does to each synthesized stack, compared with its base.
 * Plain data, so the guard and the formatters are pure functions over it.
 */

/** A CloudFormation template as JSON. */
export type Template = { readonly Resources?: Readonly<Record<string, TemplateResource>> } & Readonly<
  Record<string, unknown>
>;

export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, unknown>>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly [key: string]: unknown;
}

/** One synthesized stack: its name, the tenant it belongs to (from its `ods-code` tag) and template. */
export interface SynthesizedStack {
  readonly name: string;
  /** Undefined for platform stacks (Core-*, hub shards). */
  readonly tenant?: string;
  readonly template: Template;
}

export type ChangeKind = 'add' | 'update' | 'replace' | 'delete';

export interface ResourceChange {
  readonly logicalId: string;
  readonly type: string;
  readonly kind: ChangeKind;
  /** replace: CloudFormation may update in place instead, depending on the new value. */
  readonly conditional?: boolean;
  /**
   * delete: the base template retains the resource (DeletionPolicy Retain or
   * RetainExceptOnCreate), so CloudFormation orphans it instead of deleting it.
   */
  readonly retained?: boolean;
  /**
   * delete: retained, and the stack adds nothing of the same type that could be taking its place
   * (a rename or move would leave the stack using a new, empty resource). CloudFormation only
   * forgets it; the resource and its data stay in the account. Not destructive, so the guard
   * lets it through; the plan lists it to be deleted by hand once no longer needed.
   */
  readonly orphaned?: boolean;
  /** update/replace: the properties that changed; for replace, those forcing it come first. */
  readonly properties?: readonly string[];
  /** delete: an added resource of the same type and properties, so probably a logical-ID rename. */
  readonly renamedTo?: string;
  /** Why the guard treats this resource as stateful or shared; undefined when it does not. */
  readonly guarded?: string;
}

export type StackStatus = 'added' | 'removed' | 'changed';

export interface StackChange {
  readonly stack: string;
  readonly tenant?: string;
  readonly status: StackStatus;
  /** Sorted by kind (delete, replace, update, add), then logical ID. */
  readonly changes: readonly ResourceChange[];
}

/** How much of the estate was synthesized on each side. */
export type PlanScope =
  /** Nothing that reaches a template changed (docs, tests, workflows only). */
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'full'; readonly reason: string }
  /** Only these tenants' files changed: each side synthesized with `-c tenant=ODS`. */
  | { readonly kind: 'tenants'; readonly tenants: readonly string[] };

/** A destructive change the guard looked at, and whether an allowDestructive entry covers it. */
export interface GuardDecision {
  readonly stack: string;
  readonly tenant?: string;
  readonly change: ResourceChange;
  /** The `allowDestructive` change it needs: delete or replace. */
  readonly needs: 'delete' | 'replace';
  /** Set when allowed: the entry's reason and approver. */
  readonly allowedBy?: { readonly reason: string; readonly approver: string; readonly expires: string };
  /** Set when an entry matched but has expired. */
  readonly expiredEntry?: string;
}

export interface ChangePlan {
  /** The base as given (e.g. origin/main) and the commit it resolved to. */
  readonly base: { readonly ref: string; readonly commit: string };
  readonly scope: PlanScope;
  /** Where the `allowDestructive` entries were read from, as displayed. */
  readonly exceptionsFile: string;
  /** Stacks compared on both sides (after narrowing), for the summary line. */
  readonly stacksCompared: number;
  /** Only stacks with at least one change, platform stacks first, then by tenant and name. */
  readonly stacks: readonly StackChange[];
  /**
   * Destructive changes to guarded resources: blocked ones fail the plan. Orphaned deletes
   * (retained in the account) are not destructive and are not here.
   */
  readonly guard: readonly GuardDecision[];
  /**
   * Tenants that move to another hub lane (docs/adr/0024-hub-lanes.md): reviewed changes, listed
   * by name; the guard does not block them. Absent when no shard was compared.
   */
  readonly laneMoves?: readonly LaneMoveChange[];
}

export function blockedDecisions(plan: Pick<ChangePlan, 'guard'>): GuardDecision[] {
  return plan.guard.filter((d) => !d.allowedBy);
}

/** Changes by kind; an orphaned delete counts as `orphan`, not `delete`. */
export type ChangeCounts = Readonly<Record<ChangeKind | 'orphan', number>>;

export function countChanges(changes: readonly ResourceChange[]): ChangeCounts {
  const counts = { add: 0, update: 0, replace: 0, delete: 0, orphan: 0 };
  for (const change of changes) counts[change.orphaned ? 'orphan' : change.kind] += 1;
  return counts;
}

/** A resource removed from its stack but retained in the account. */
export interface OrphanedResource {
  readonly stack: string;
  readonly tenant?: string;
  readonly change: ResourceChange;
}

/** Every orphaned delete, in stack order. */
export function orphanedResources(plan: Pick<ChangePlan, 'stacks'>): OrphanedResource[] {
  return plan.stacks.flatMap((s) =>
    s.changes.filter((c) => c.orphaned).map((change) => ({ stack: s.stack, tenant: s.tenant, change })),
  );
}
