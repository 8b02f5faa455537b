import { field } from './rendered';

/** A statement of a resolved policy document, loosely: rules read only what they check. */
export type Statement = Readonly<Record<string, unknown>>;

/** The statements of a resolved policy document (a single statement counts as a list of one). */
export function statementsOf(document: unknown): Statement[] {
  const statements = field(document, 'Statement');
  if (statements === undefined) return [];
  return (Array.isArray(statements) ? statements : [statements]).filter(
    (s): s is Statement => typeof s === 'object' && s !== null,
  );
}

/** A value or list of values as a list of strings (non-strings, e.g. intrinsics, as JSON). */
export function listOf(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
}

/** The principals a statement names, by kind: `AWS`, `Service`, `Federated`; `*` as { AWS: ['*'] }. */
export function principalsOf(statement: Statement): Record<string, string[]> {
  const principal = statement.Principal;
  if (principal === '*') return { AWS: ['*'] };
  if (typeof principal !== 'object' || principal === null) return {};
  return Object.fromEntries(Object.entries(principal).map(([kind, v]) => [kind, listOf(v)]));
}

/** Every condition key a statement tests, lower case (condition keys are case-insensitive). */
export function conditionKeys(statement: Statement): Set<string> {
  const keys = new Set<string>();
  const condition = statement.Condition;
  if (typeof condition !== 'object' || condition === null) return keys;
  for (const block of Object.values(condition))
    if (typeof block === 'object' && block !== null)
      for (const key of Object.keys(block)) keys.add(key.toLowerCase());
  return keys;
}
