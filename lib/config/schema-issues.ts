import { z } from 'zod';
import { ConfigError, describeValue } from './config-error';
import { didYouMean } from './did-you-mean';
import { FieldPath, SourceFile } from './source-file';

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
  const errors = result.error.issues.flatMap((issue) => issueToErrors(schema, source, issue));
  return { errors };
}

function issueToErrors(schema: z.ZodType, source: SourceFile, issue: z.core.$ZodIssue): ConfigError[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
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
  if (issue.code === 'invalid_union') {
    return [source.errorAt(path, 'expected one of the allowed shapes for this field')];
  }
  const value = valueAt(source.data, path);
  if (value === undefined && issue.code === 'invalid_type') {
    return [source.errorAt(path, 'is required but missing', requiredHint(path))];
  }
  return [source.errorAt(path, withFound(issue.message, value), hintFor(path, value))];
}

function withFound(message: string, value: unknown): string {
  const expected = message.startsWith('expected') ? message : `expected ${lowerFirst(message)}`;
  return value === undefined || expected.includes(', got ')
    ? expected
    : `${expected}, got ${describeValue(value)}`;
}

function hintFor(path: FieldPath, value: unknown): string | undefined {
  const last = String(path[path.length - 1] ?? '');
  if (/accountId$/i.test(last) || path.includes('accounts')) {
    return typeof value === 'number'
      ? 'quote the account ID ("012345678901") so YAML keeps it as text with its leading zeros'
      : 'an AWS account ID is exactly 12 digits; copy it from the AWS console account menu';
  }
  if (/cidr/i.test(last) || path.includes('cidrs'))
    return 'write the network address and prefix, e.g. 10.64.0.0/21';
  if (path[0] === 'contacts') return 'use a monitored mailbox, ideally a shared team address';
  return undefined;
}

function requiredHint(path: FieldPath): string {
  return `add "${String(path[path.length - 1])}" under ${path.length > 1 ? `"${path.slice(0, -1).join('.')}"` : 'the top level'}`;
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

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
