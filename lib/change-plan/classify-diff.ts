import { fullDiff, ResourceDifference, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { guardedReason } from './guarded-resources';
import {
  ChangeKind,
  ResourceChange,
  StackChange,
  SynthesizedStack,
  Template,
  TemplateResource,
} from './types';

const EMPTY: Template = { Resources: {} };
const KIND_ORDER: Readonly<Record<ChangeKind, number>> = { delete: 0, replace: 1, update: 2, add: 3 };

/**
 * Compares one stack's base and new templates with CloudFormation's own update rules
 * (`@aws-cdk/cloudformation-diff`), resource by resource. A stack on one side only is all
 * additions or all deletions. Returns undefined when nothing changed.
 *
 *   VPC CidrBlock 10.64.0.0/21 -> 10.66.0.0/21  => { kind: 'replace', properties: ['CidrBlock'] }
 *   bucket LogsA removed, identical LogsB added  => delete LogsA (renamedTo LogsB), add LogsB
 *   retained log group removed, none added       => { kind: 'delete', retained: true, orphaned: true }
 */
export function classifyStack(
  base: SynthesizedStack | undefined,
  head: SynthesizedStack | undefined,
): StackChange | undefined {
  const named = head ?? base;
  if (!named) return undefined;
  const diff = fullDiff(base?.template ?? EMPTY, head?.template ?? EMPTY);
  const changes: ResourceChange[] = [];
  diff.resources.forEachDifference((logicalId, difference) => {
    const change = classifyResource(logicalId, difference);
    if (change) changes.push(change);
  });
  if (changes.length === 0) return undefined;
  return {
    stack: named.name,
    tenant: named.tenant,
    status: !base ? 'added' : !head ? 'removed' : 'changed',
    changes: markOrphans(markRenames(changes, base?.template, head?.template)).sort(
      (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.logicalId.localeCompare(b.logicalId),
    ),
  };
}

/** Every stack on either side, paired by name, in name order. */
export function classifyStacks(
  base: readonly SynthesizedStack[],
  head: readonly SynthesizedStack[],
): StackChange[] {
  const baseByName = new Map(base.map((s) => [s.name, s]));
  const headByName = new Map(head.map((s) => [s.name, s]));
  const names = [...new Set([...baseByName.keys(), ...headByName.keys()])].sort();
  return names.flatMap((name) => classifyStack(baseByName.get(name), headByName.get(name)) ?? []);
}

function classifyResource(logicalId: string, difference: ResourceDifference): ResourceChange | undefined {
  if (!difference.isDifferent) return undefined;
  const old = difference.oldValue as TemplateResource | undefined;
  const now = difference.newValue as TemplateResource | undefined;
  const type = (now ?? old)!.Type;
  if (difference.isAddition) return { logicalId, type, kind: 'add' };
  const guarded = guardedReason(old!) ?? (now && guardedReason(now));
  if (difference.isRemoval) {
    const retained = difference.changeImpact === ResourceImpact.WILL_ORPHAN;
    return { logicalId, type, kind: 'delete', ...(retained && { retained }), ...(guarded && { guarded }) };
  }
  const impact = difference.changeImpact;
  const properties = changedProperties(difference);
  if (impact === ResourceImpact.WILL_REPLACE || impact === ResourceImpact.MAY_REPLACE) {
    const conditional = impact === ResourceImpact.MAY_REPLACE;
    return {
      logicalId,
      type: difference.resourceTypeChanged ? `${old!.Type} -> ${now!.Type}` : type,
      kind: 'replace',
      ...(conditional && { conditional }),
      properties,
      ...(guarded && { guarded }),
    };
  }
  return { logicalId, type, kind: 'update', properties };
}

/** Changed property names, those forcing a replacement first; other changes (e.g. Metadata) last. */
function changedProperties(difference: ResourceDifference): string[] {
  const replacing: string[] = [];
  const updating: string[] = [];
  for (const [name, change] of Object.entries(difference.propertyUpdates)) {
    const forces =
      change.changeImpact === ResourceImpact.WILL_REPLACE ||
      change.changeImpact === ResourceImpact.MAY_REPLACE;
    (forces ? replacing : updating).push(name);
  }
  return [...replacing.sort(), ...updating.sort(), ...Object.keys(difference.otherChanges).sort()];
}

/** A deleted resource with an added twin (same type and properties) was probably renamed. */
function markRenames(changes: ResourceChange[], base?: Template, head?: Template): ResourceChange[] {
  const added = changes.filter((c) => c.kind === 'add');
  if (added.length === 0) return changes;
  const propertiesOf = (template: Template | undefined, id: string) =>
    canonical(template?.Resources?.[id]?.Properties ?? {});
  const taken = new Set<string>();
  return changes.map((change) => {
    if (change.kind !== 'delete') return change;
    const old = propertiesOf(base, change.logicalId);
    const twin = added.find(
      (a) => !taken.has(a.logicalId) && a.type === change.type && propertiesOf(head, a.logicalId) === old,
    );
    if (!twin) return change;
    taken.add(twin.logicalId);
    return { ...change, renamedTo: twin.logicalId };
  });
}

/**
 * A retained delete only orphans the resource, unless the stack adds one of the same type: then
 * it may have been renamed or moved (with changed references, so not caught as a rename), and the
 * stack would use a new, empty resource while the old one keeps the data. That stays guarded.
 */
function markOrphans(changes: ResourceChange[]): ResourceChange[] {
  const addedTypes = new Set(changes.filter((c) => c.kind === 'add').map((c) => c.type));
  return changes.map((change) =>
    change.kind === 'delete' && change.retained && !addedTypes.has(change.type)
      ? { ...change, orphaned: true }
      : change,
  );
}

/** JSON with sorted keys, so key order never hides equality. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
