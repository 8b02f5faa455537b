import { z } from 'zod';
import { ConfigError, describeValue } from './config-error';
import { didYouMean } from './did-you-mean';
import { hintFor, keyHintFor } from './field-hints';
import { formatPath, FieldPath, SourceFile } from './source-file';

type Issue = z.core.$ZodIssue;

/**
 * Validates one parsed file against its schema and turns every zod issue into a
 * ConfigError at the right line, with what was expected, what was found and a hint.
 */
export function checkAgainstSchema<T extends z.ZodType>(
  schema: T,
  source: SourceFile,
): { value?: z.infer<T>; errors: ConfigError[] } {
  const result = schema.safeParse(source.data ?? {});
  if (result.success) return { value: result.data, errors: [] };
  const issues = result.error.issues;
  const typos = typoSuggestions(schema, issues);
  const errors = issues.flatMap((issue) => issueToErrors(schema, source, issue, typos));
  return { errors };
}

function issueToErrors(
  schema: z.ZodType,
  source: SourceFile,
  issue: Issue,
  typos: Map<string, string>,
): ConfigError[] {
  const path = pathOf(issue);
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, path);
    return issue.keys.map((key) => {
      const keyPath = [...path, key];
      const suggestion = didYouMean(key, known);
      return {
        ...source.errorAt(keyPath, `unknown field "${key}"`),
        ...source.keyPositionOf(keyPath),
        hint: suggestion ? `did you mean "${suggestion}"?` : `allowed fields here: ${known.join(', ')}`,
      };
    });
  }
  if (issue.code === 'invalid_key') {
    // A bad key in a record (e.g. an environment name): point at the key and quote it.
    const key = String(path[path.length - 1]);
    const expected = issue.issues.map((i) => i.message).find((m) => m.startsWith('expected'));
    return [
      {
        ...source.errorAt(path, `${expected ?? 'expected a different name'}, got "${key}"`, keyHintFor(path)),
        ...source.keyPositionOf(path),
      },
    ];
  }
  const value = valueAt(source.data, path);
  const expected = expectation(issue);
  if (value === undefined && path.length > 0) {
    // The typo itself is reported as an unknown field with a did-you-mean hint; saying the
    // correctly spelled field is missing as well would be the same mistake twice.
    if (typos.has(formatPath(path))) return [];
    return [source.errorAt(path, 'is required but missing', requiredHint(path, expected))];
  }
  const hint =
    issue.code === 'invalid_value' ? (enumHint(issue, value) ?? hintFor(path, value)) : hintFor(path, value);
  return [source.errorAt(path, withFound(expected, value, issue), hint)];
}

/** Paths of required fields that an unknown key was probably meant to be. */
function typoSuggestions(schema: z.ZodType, issues: readonly Issue[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = pathOf(issue);
    const known = knownKeysAt(schema, path);
    for (const key of issue.keys) {
      const suggestion = didYouMean(key, known);
      if (suggestion) out.set(formatPath([...path, suggestion]), key);
    }
  }
  return out;
}

/** What the field should hold, in words, whether the message is ours or zod's default. */
function expectation(issue: Issue): string {
  if (issue.message.startsWith('expected')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${typeName(issue.expected)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return `expected ${bound(issue.origin, issue.minimum, issue.inclusive, 'at least', 'more than')}`;
    case 'too_big':
      return `expected ${bound(issue.origin, issue.maximum, issue.inclusive, 'at most', 'less than')}`;
    default:
      return `expected a valid value (${issue.message})`;
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    object: 'a mapping of fields',
    array: 'a list',
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    record: 'a mapping',
  };
  return names[expected] ?? expected;
}

function bound(
  origin: string,
  limit: unknown,
  inclusive: boolean | undefined,
  atLeast: string,
  beyond: string,
) {
  const relation = inclusive === false ? beyond : atLeast;
  if (origin === 'string') return `${relation} ${String(limit)} characters`;
  if (origin === 'array' || origin === 'set') return `${relation} ${String(limit)} items`;
  return `a number ${relation} ${String(limit)}`;
}

/**
 * Says what was found, unless the message already does. A whole mapping or list is only
 * described when its type was the problem: "got a mapping" says nothing about a bad mapping.
 */
function withFound(expected: string, value: unknown, issue: Issue): string {
  if (value === undefined || /, (got|found) /.test(expected)) return expected;
  const container = typeof value === 'object' && value !== null && Object.keys(value).length > 0;
  if (Array.isArray(value) && container && (issue.code === 'too_small' || issue.code === 'too_big')) {
    return `${expected}, got ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (container && issue.code !== 'invalid_type') return expected;
  return `${expected}, got ${describeValue(value)}`;
}

function enumHint(issue: Issue & { code: 'invalid_value' }, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const suggestion = didYouMean(value, issue.values.map(String));
  return suggestion ? `did you mean "${suggestion}"?` : undefined;
}

function requiredHint(path: FieldPath, expected: string): string {
  const where = path.length > 1 ? `"${formatPath(path.slice(0, -1))}"` : 'the top level';
  const what = expected.startsWith('expected a valid value') ? '' : `; ${expected}`;
  return `add "${String(path[path.length - 1])}" under ${where}${what}`;
}

function pathOf(issue: Issue): (string | number)[] {
  return issue.path.filter((p): p is string | number => typeof p !== 'symbol');
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** The field names a strict object at `path` accepts, found by walking the schema. */
export function knownKeysAt(schema: z.ZodType, path: FieldPath): string[] {
  let node: z.ZodType | undefined = schema;
  for (const segment of path) {
    node = childSchema(unwrap(node), segment);
    if (!node) return [];
  }
  const inner = unwrap(node);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

function childSchema(node: z.ZodType, segment: string | number): z.ZodType | undefined {
  if (node instanceof z.ZodObject) return node.shape[segment as string] as z.ZodType | undefined;
  if (node instanceof z.ZodArray) return node.element as z.ZodType;
  if (node instanceof z.ZodRecord) return node.valueType as z.ZodType;
  return undefined;
}

function unwrap(node: z.ZodType): z.ZodType {
  let current = node;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodNullable
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}
