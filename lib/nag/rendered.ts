import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { CfnResource, Stack, Stage } from 'aws-cdk-lib';
import { NagRules } from 'cdk-nag';

type Json = Record<string, unknown>;

/**
 * The resource's Properties as they will appear in the template: L1 props, rendered tags and
 * raw overrides, with tokens resolved to intrinsics ({ Ref }, { 'Fn::GetAtt' }, ...). Rules read
 * these rather than L1 attributes so that an escape-hatch override cannot hide a setting.
 */
export function renderedProperties(node: CfnResource): Json {
  const cached = cache?.get(node);
  if (cached) return cached;
  const properties = fromTemplate?.(node) ?? resolveProperties(node);
  cache?.set(node, properties);
  return properties;
}

function resolveProperties(node: CfnResource): Json {
  const rendered = Stack.of(node).resolve(node._toCloudFormation()) as { Resources?: Record<string, Json> };
  const [resource] = Object.values(rendered.Resources ?? {});
  return (resource?.Properties as Json | undefined) ?? {};
}

let cache: WeakMap<CfnResource, Json> | undefined;
let fromTemplate: ((node: CfnResource) => Json | undefined) | undefined;

/**
 * Runs `validate` with each resource rendered at most once. Only for a whole validation run, when
 * the construct tree no longer changes; a rule called on its own renders afresh every time.
 * With `templatePaths` (a synthesis's written templates, as the CDK hands validation plugins),
 * properties are read from those files instead of resolving every resource a second time.
 */
export function withRenderCache<T>(validate: () => T, templatePaths?: readonly string[]): T {
  const outer = { cache, fromTemplate };
  cache = outer.cache ?? new WeakMap();
  if (templatePaths) fromTemplate = templateReader(templatePaths);
  try {
    return validate();
  } finally {
    ({ cache, fromTemplate } = outer);
  }
}

/**
 * Memoises `compute` per key (e.g. a Stack) for the current validation run: during withRenderCache
 * it runs once per key, so a rule can index its stack once instead of once per resource. Outside a
 * run it computes afresh on every call, as renderedProperties does, so an edited tree is never
 * judged from a stale index.
 */
export function perRun<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const runs = new WeakMap<object, WeakMap<K, V>>();
  return (key) => {
    if (!cache) return compute(key);
    let memo = runs.get(cache);
    if (!memo) runs.set(cache, (memo = new WeakMap()));
    if (!memo.has(key)) memo.set(key, compute(key));
    return memo.get(key) as V;
  };
}

/**
 * Looks a resource up in its stack's synthesized template; undefined when that template was not
 * written. Resources are found by their `aws:cdk:path` metadata (on in every CLI synth), which
 * avoids recomputing a hashed logical ID per resource; without it, by logical ID.
 */
function templateReader(templatePaths: readonly string[]): (node: CfnResource) => Json | undefined {
  const written = new Set(templatePaths.map((path) => resolvePath(path)));
  const templates = new Map<Stack, StackTemplate | undefined>();
  return (node) => {
    const stack = Stack.of(node);
    let template = templates.get(stack);
    if (!templates.has(stack)) {
      const path = resolvePath(Stage.of(stack)?.outdir ?? '', stack.templateFile);
      template = written.has(path) ? indexTemplate(readFileSync(path, 'utf8')) : undefined;
      templates.set(stack, template);
    }
    if (!template) return undefined;
    const resource =
      template.byPath.get(node.node.path) ?? template.byLogicalId[stack.resolve(node.logicalId) as string];
    return resource ? ((resource.Properties as Json | undefined) ?? {}) : undefined;
  };
}

interface StackTemplate {
  readonly byLogicalId: Record<string, Json>;
  readonly byPath: Map<string, Json>;
}

function indexTemplate(text: string): StackTemplate {
  const byLogicalId = (JSON.parse(text) as { Resources?: Record<string, Json> }).Resources ?? {};
  const byPath = new Map<string, Json>();
  for (const resource of Object.values(byLogicalId)) {
    const path = (resource.Metadata as Json | undefined)?.['aws:cdk:path'];
    if (typeof path === 'string') byPath.set(path, resource);
  }
  return { byLogicalId, byPath };
}

/** Whether a resolved value is a CloudFormation intrinsic such as { Ref: 'X' } or { 'Fn::If': [...] }. */
export function isIntrinsic(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** Reads a nested field of a resolved value; undefined when any step is missing. */
export function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Json)[key];
  }
  return current;
}

/** Whether a resolved property is literally true. A token throws, as cdk-nag's rules do. */
export function isTrue(node: CfnResource, value: unknown): boolean {
  const resolved = NagRules.resolveIfPrimitive(node, value);
  return resolved === true || resolved === 'true';
}

/**
 * A resolved list property as an array (empty when absent). A list that is itself an intrinsic,
 * or holds one, cannot be inspected, so it throws: the pack reports that as a rule error.
 */
export function entries(value: unknown, what: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some(isIntrinsic)) {
    throw new Error(
      `${what} is not a literal list (${JSON.stringify(value)}), so the rule could not be validated.`,
    );
  }
  return value;
}

/** Stands for an unresolved part of a joined string, e.g. arn:{?}:logs:eu-west-1:... */
export const UNRESOLVED_PART = '{?}';

/**
 * Every literal string inside a resolved value. An Fn::Join is rebuilt as one string with
 * {?} where a part is not literal, so an ARN built as "arn:" + partition + ":logs:us-east-1:..."
 * still shows its region.
 */
export function literalStrings(value: unknown): string[] {
  const out: string[] = [];
  collectStrings(value, out);
  return out;
}

// One output array for the whole walk: rules call this on every resource of a national estate.
function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    out.push(value);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, out);
    return;
  }
  const join = (value as Json)['Fn::Join'];
  if (isIntrinsic(value) && Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts: unknown[] = join[1];
    out.push(parts.map((part) => joinedPart(part)).join(join[0]));
    for (const part of parts) if (typeof part === 'object') collectStrings(part, out);
    return;
  }
  for (const key in value as Json) collectStrings((value as Json)[key], out);
}

function joinedPart(part: unknown): string {
  if (typeof part === 'string') return part;
  const nested = field(part, 'Fn::Join');
  return nested ? literalStrings(part)[0] : UNRESOLVED_PART;
}
