import { DeployStack, TemplateResource } from './types';

/** `{ Ref }`, `{ Fn::... }` or `{ Condition }`: a value CloudFormation computes at deploy time. */
export function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::') || keys[0] === 'Condition');
}

/** The logical IDs a value refers to (Ref, Fn::GetAtt, and ${X} / ${X.Attr} in Fn::Sub). */
export function referencesIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) referencesIn(v, into);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'Ref' && typeof v === 'string' && !v.startsWith('AWS::')) into.add(v);
      else if (key === 'Fn::GetAtt') {
        const target = Array.isArray(v) ? v[0] : String(v).split('.')[0];
        if (typeof target === 'string') into.add(target);
      } else if (key === 'Fn::Sub') {
        const text = Array.isArray(v) ? v[0] : v;
        for (const m of String(text).matchAll(/\$\{([^}!.]+)(?:\.[^}]+)?\}/g))
          if (!m[1]!.startsWith('AWS::')) into.add(m[1]!);
        if (Array.isArray(v)) referencesIn(v[1], into);
      } else referencesIn(v, into);
    }
  }
  return into;
}

/**
 * A value as text where it can be known before deployment: literals, Fn::Join and Fn::Sub of
 * known parts, pseudo parameters, parameter defaults and `Ref` to a resource whose name
 * property is a literal. Anything else is `undefined`.
 */
export function renderText(stack: DeployStack, value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!isIntrinsic(value)) return undefined;
  const [key, arg] = Object.entries(value)[0]!;
  if (key === 'Ref')
    return (
      pseudo(stack, String(arg)) ??
      parameterDefault(stack, String(arg)) ??
      attribute(stack, String(arg), 'Ref')
    );
  if (key === 'Fn::GetAtt') {
    const [id, name] = Array.isArray(arg) ? arg : String(arg).split('.');
    return attribute(stack, String(id), String(name));
  }
  if (key === 'Fn::Join' && Array.isArray(arg)) {
    const parts = (arg[1] as unknown[]).map((p) => renderText(stack, p));
    return parts.every((p) => p !== undefined) ? parts.join(String(arg[0])) : undefined;
  }
  if (key === 'Fn::Sub') {
    const [text, vars] = Array.isArray(arg)
      ? [String(arg[0]), arg[1] as Record<string, unknown>]
      : [String(arg), {}];
    let unknown = false;
    const out = text.replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
      const known = name in (vars ?? {}) ? renderText(stack, vars[name]) : pseudo(stack, name);
      if (known === undefined) unknown = true;
      return known ?? '';
    });
    return unknown ? undefined : out;
  }
  return undefined;
}

/**
 * `Ref` and `Fn::GetAtt` of the resources whose names the estate fixes, which policies name:
 * buckets, roles and log groups with a literal name.
 */
function attribute(stack: DeployStack, id: string, name: string): string | undefined {
  const resource = stack.template.Resources?.[id];
  if (!resource) return undefined;
  const props = resource.Properties ?? {};
  const literal = (key: string) => (typeof props[key] === 'string' ? (props[key] as string) : undefined);
  switch (resource.Type) {
    case 'AWS::S3::Bucket': {
      const bucket = literal('BucketName');
      if (!bucket) return undefined;
      return name === 'Ref' ? bucket : name === 'Arn' ? `arn:aws:s3:::${bucket}` : undefined;
    }
    case 'AWS::IAM::Role': {
      const role = literal('RoleName');
      if (!role) return undefined;
      return name === 'Ref'
        ? role
        : name === 'Arn'
          ? `arn:aws:iam::${stack.account}:role${literal('Path') ?? '/'}${role}`
          : undefined;
    }
    case 'AWS::Logs::LogGroup': {
      const group = literal('LogGroupName');
      if (!group) return undefined;
      return name === 'Ref'
        ? group
        : name === 'Arn'
          ? `arn:aws:logs:${stack.region}:${stack.account}:log-group:${group}:*`
          : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * A policy document with every value CloudFormation computes rendered where it can be known
 * before deployment; the rest become `UNRESOLVED(...)`, which matches nothing, so a statement
 * that depends on one never grants by accident.
 */
export function renderPolicy(stack: DeployStack, value: unknown): unknown {
  if (isIntrinsic(value)) return renderText(stack, value) ?? `UNRESOLVED(${JSON.stringify(value)})`;
  if (Array.isArray(value)) return value.map((v) => renderPolicy(stack, v));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderPolicy(stack, v)]));
  return value;
}

function pseudo(stack: DeployStack, name: string): string | undefined {
  switch (name) {
    case 'AWS::AccountId':
      return stack.account;
    case 'AWS::Region':
      return stack.region;
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    case 'AWS::StackName':
      return stack.stackName;
    default:
      return undefined;
  }
}

function parameterDefault(stack: DeployStack, name: string): string | undefined {
  const parameter = stack.template.Parameters?.[name];
  return parameter && !parameter.Type.startsWith('AWS::SSM') && typeof parameter.Default === 'string'
    ? parameter.Default
    : undefined;
}

/** The resource a `{ Ref }` or `{ Fn::GetAtt }` points at, in the same template. */
export function targetOf(stack: DeployStack, value: unknown): [string, TemplateResource] | undefined {
  if (!isIntrinsic(value)) return undefined;
  const [key, arg] = Object.entries(value)[0]!;
  const id =
    key === 'Ref' ? arg : key === 'Fn::GetAtt' ? (Array.isArray(arg) ? arg[0] : undefined) : undefined;
  const resource = typeof id === 'string' ? stack.template.Resources?.[id] : undefined;
  return resource ? [id as string, resource] : undefined;
}

/** Every resource of every stack, with where it is. */
export function* allResources(
  stacks: readonly DeployStack[],
): Generator<{ stack: DeployStack; id: string; resource: TemplateResource }> {
  for (const stack of stacks)
    for (const [id, resource] of Object.entries(stack.template.Resources ?? {}))
      yield { stack, id, resource };
}

/** `Stack/LogicalId`, how violations say where. */
export function where(stack: DeployStack, id: string): string {
  return `${stack.stackName}/${id}`;
}

/** The policies of a role in the same template: inline ones and `AWS::IAM::Policy` attached to it, rendered. */
export function rolePolicies(stack: DeployStack, roleId: string): unknown[] {
  const role = stack.template.Resources?.[roleId];
  const inline = ((role?.Properties?.Policies as { PolicyDocument: unknown }[]) ?? []).map(
    (p) => p.PolicyDocument,
  );
  const attached = Object.values(stack.template.Resources ?? {})
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .filter((r) => JSON.stringify(r.Properties?.Roles ?? []).includes(`"${roleId}"`))
    .map((r) => r.Properties?.PolicyDocument);
  return [...inline, ...attached].map((document) => renderPolicy(stack, document));
}
