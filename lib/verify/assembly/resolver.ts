import { AssemblyStack, CfnResource } from './types';
import { attributeOf } from './attributes';
import { DynamicReferences, SSM_ARN, ssmKey } from './dynamic-references';
import { OutsidePartialAssembly, Unresolvable } from './unresolvable';

export { Unresolvable };

/** One resource of one stack, with a stable stand-in for the physical ID AWS would assign. */
export interface ResourceRecord {
  readonly stack: AssemblyStack;
  readonly logicalId: string;
  readonly type: string;
  readonly raw: CfnResource;
  /** `@Stack/LogicalId`: what `Ref` and ID attributes resolve to, joinable across stacks. */
  readonly physicalId: string;
}

/** Values from outside the assembly that the caller can supply (e.g. IDs kept in config). */
export interface ResolverHooks {
  /** An SSM parameter no stack in the assembly writes. */
  readonly ssm?: (name: string, account: string, region: string) => string | undefined;
  /**
   * Set for a one-tenant assembly (`-c tenant=ODS`), which leaves out the hub stacks its change
   * does not touch: reading an output of a stack that is not there is then outside the
   * assembly, not a gap.
   */
  readonly partialTenant?: string;
}

/** Returned for `AWS::NoValue`; dropped from the enclosing list or object. */
export const NO_VALUE = Symbol('AWS::NoValue');

const MAX_DEPTH = 64;

/**
 * Evaluates CloudFormation intrinsics offline across every stack of an assembly: Ref,
 * Fn::GetAtt, Fn::ImportValue (exports of stacks in the same account and region), SSM
 * parameters (template parameters and `{{resolve:ssm:...}}`, written by another stack in the
 * assembly or supplied by a hook), Fn::Sub/Join/Split/Select/If/FindInMap and conditions.
 * Physical IDs are stand-ins (`@Stack/LogicalId`), so an ID read in one account is the same
 * string as the resource's own `Ref` in another.
 */
export class Resolver {
  private readonly records = new Map<string, ResourceRecord>();
  private readonly exports = new Map<string, { stack: AssemblyStack; value: unknown }>();
  private readonly ssmParameters = new Map<string, ResourceRecord>();
  /** Resources another stack names by a literal ARN built from their name. */
  private readonly arns = new Map<string, ResourceRecord>();
  private readonly dynamic: DynamicReferences;
  /** Custom resources' attributes, answered by whoever knows what the resource looks up. */
  customAttribute: (record: ResourceRecord, attribute: string) => unknown = () => undefined;

  constructor(
    readonly stacks: readonly AssemblyStack[],
    private readonly hooks: ResolverHooks = {},
  ) {
    for (const stack of stacks) {
      for (const [logicalId, raw] of Object.entries(stack.template.Resources ?? {})) {
        const record = { stack, logicalId, type: raw.Type, raw, physicalId: `@${stack.id}/${logicalId}` };
        this.records.set(record.physicalId, record);
      }
    }
    this.dynamic = new DynamicReferences((name, account, region) => this.ssm(name, account, region));
    for (const stack of stacks) this.indexStack(stack);
  }

  /** Every resource whose condition (if any) holds, in stack then template order. */
  *all(): Iterable<ResourceRecord> {
    for (const record of this.records.values()) {
      if (!record.raw.Condition || this.holds(record.stack, record.raw.Condition)) yield record;
    }
  }

  /** A condition we cannot evaluate counts as true: the resource may exist, so it is modelled. */
  private holds(stack: AssemblyStack, name: string): boolean {
    try {
      return this.condition(stack, name);
    } catch (error) {
      if (error instanceof Unresolvable) return true;
      throw error;
    }
  }

  record(physicalId: string): ResourceRecord | undefined {
    return this.records.get(physicalId.split('#')[0]) ?? this.arns.get(physicalId);
  }

  /** A resolved property of a resource; `undefined` when absent. Throws Unresolvable. */
  prop(record: ResourceRecord, name: string): unknown {
    const value = record.raw.Properties?.[name];
    if (value === undefined) return undefined;
    const resolved = this.resolve(record.stack, value);
    return resolved === NO_VALUE ? undefined : resolved;
  }

  resolve(stack: AssemblyStack, value: unknown, depth = 0): unknown {
    if (depth > MAX_DEPTH) throw new Unresolvable('references nest too deeply (a cycle?)');
    if (typeof value === 'string') return this.dynamic.expand(stack, value);
    if (Array.isArray(value)) {
      return value.map((v) => this.resolve(stack, v, depth + 1)).filter((v) => v !== NO_VALUE);
    }
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1 && (entries[0][0] === 'Ref' || entries[0][0].startsWith('Fn::'))) {
      return this.intrinsic(stack, entries[0][0], entries[0][1], depth + 1);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) {
      const r = this.resolve(stack, v, depth + 1);
      if (r !== NO_VALUE) out[k] = r;
    }
    return out;
  }

  private intrinsic(stack: AssemblyStack, fn: string, arg: unknown, depth: number): unknown {
    const r = (v: unknown): unknown => this.resolve(stack, v, depth);
    switch (fn) {
      case 'Ref':
        return this.ref(stack, String(arg), depth);
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = Array.isArray(arg) ? arg.map(String) : splitOnce(String(arg), '.');
        return this.getAtt(stack, logicalId, String(r(attribute)), depth);
      }
      case 'Fn::ImportValue':
        return this.importValue(stack, String(r(arg)), depth);
      case 'Fn::GetStackOutput':
        return this.stackOutput(stack, r(arg) as Record<string, string>, depth);
      case 'Fn::Join': {
        const [delimiter, parts] = arg as [string, unknown];
        return asList(r(parts)).map(String).join(delimiter);
      }
      case 'Fn::Split': {
        const [delimiter, text] = arg as [string, unknown];
        return String(r(text)).split(delimiter);
      }
      case 'Fn::Select': {
        const [index, list] = arg as [unknown, unknown];
        const items = asList(r(list));
        const i = Number(r(index));
        if (!(i >= 0 && i < items.length))
          throw new Unresolvable(`Fn::Select index ${i} outside a list of ${items.length}`);
        return items[i];
      }
      case 'Fn::Sub':
        return this.sub(stack, arg, depth);
      case 'Fn::If': {
        const [name, yes, no] = arg as [string, unknown, unknown];
        return r(this.condition(stack, name) ? yes : no);
      }
      case 'Fn::FindInMap': {
        const [map, first, second] = (arg as unknown[]).map((a) => String(r(a)));
        const found = stack.template.Mappings?.[map]?.[first]?.[second];
        if (found === undefined)
          throw new Unresolvable(`Fn::FindInMap ${map}.${first}.${second} is not in the template`);
        return r(found);
      }
      case 'Fn::Base64':
        return r(arg);
      case 'Fn::ToJsonString':
        return JSON.stringify(r(arg));
      case 'Fn::Length':
        return asList(r(arg)).length;
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
        return this.evaluateCondition(stack, { [fn]: arg }, depth);
      default:
        throw new Unresolvable(`${fn} cannot be evaluated before deploy`);
    }
  }

  private ref(stack: AssemblyStack, name: string, depth: number): unknown {
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
      case 'AWS::NoValue':
        return NO_VALUE;
      case 'AWS::NotificationARNs':
        return [];
    }
    const parameter = stack.template.Parameters?.[name];
    if (parameter) return this.parameter(stack, name, parameter.Type, parameter.Default, depth);
    const record = this.records.get(`@${stack.id}/${name}`);
    if (!record) throw new Unresolvable(`Ref ${name}: no such resource or parameter in ${stack.id}`);
    if (record.type === 'AWS::SSM::Parameter') {
      const parameterName = this.prop(record, 'Name');
      if (typeof parameterName === 'string') return parameterName;
    }
    return record.physicalId;
  }

  private parameter(
    stack: AssemblyStack,
    name: string,
    type: string,
    fallback: unknown,
    depth: number,
  ): unknown {
    if (fallback === undefined) throw new Unresolvable(`parameter ${name} of ${stack.id} has no default`);
    if (type.startsWith('AWS::SSM::Parameter::Value<')) {
      const value = this.ssm(String(fallback), stack.account, stack.region);
      return type.includes('List<') || type.includes('CommaDelimitedList') ? value.split(',') : value;
    }
    if (type === 'CommaDelimitedList' || type.startsWith('List<')) return String(fallback).split(',');
    return this.resolve(stack, fallback, depth);
  }

  private getAtt(stack: AssemblyStack, logicalId: string, attribute: string, depth: number): unknown {
    const record = this.records.get(`@${stack.id}/${logicalId}`);
    if (!record)
      throw new Unresolvable(`Fn::GetAtt ${logicalId}.${attribute}: no such resource in ${stack.id}`);
    if (record.type.startsWith('Custom::') || record.type === 'AWS::CloudFormation::CustomResource') {
      const value = this.customAttribute(record, attribute);
      if (value === undefined) {
        throw new Unresolvable(
          `${stack.id}/${logicalId}.${attribute}: a custom resource's result is only known at deploy`,
        );
      }
      return value;
    }
    return attributeOf(this, record, attribute, depth);
  }

  private importValue(stack: AssemblyStack, name: string, depth: number): unknown {
    const exported = this.exports.get(`${stack.account}/${stack.region}/${name}`);
    if (!exported)
      throw new Unresolvable(
        `Fn::ImportValue ${name}: no stack in ${stack.account}/${stack.region} exports it`,
      );
    return this.resolve(exported.stack, exported.value, depth);
  }

  /** `Fn::GetStackOutput`: an output of a named stack, in this account unless a role names another. */
  private stackOutput(stack: AssemblyStack, arg: Record<string, string>, depth: number): unknown {
    const account = /^arn:[^:]+:iam::(\d{12}):/.exec(arg.RoleArn ?? '')?.[1] ?? stack.account;
    const region = arg.Region ?? stack.region;
    const source = this.stacks.find(
      (s) => s.stackName === arg.StackName && s.account === account && s.region === region,
    );
    const output = source?.template.Outputs?.[arg.OutputName];
    if (!source && this.hooks.partialTenant) {
      throw new OutsidePartialAssembly(
        `Fn::GetStackOutput ${arg.StackName}.${arg.OutputName}: ${arg.StackName} is not in this -c tenant=${this.hooks.partialTenant} assembly`,
      );
    }
    if (!source || !output) {
      throw new Unresolvable(
        `Fn::GetStackOutput ${arg.StackName}.${arg.OutputName}: no such output in ${account}/${region}`,
      );
    }
    return this.resolve(source, output.Value, depth);
  }

  /** The value of an SSM parameter in an account and region; throws when nobody writes it. */
  ssm(name: string, account: string, region: string): string {
    const arn = SSM_ARN.exec(name);
    if (arn) return this.ssm(arn[3], arn[2], arn[1]);
    const record = this.ssmParameters.get(ssmKey(account, region, name));
    if (record) return String(this.prop(record, 'Value'));
    const supplied = this.hooks.ssm?.(name, account, region);
    if (supplied !== undefined) return supplied;
    throw new Unresolvable(
      `SSM parameter ${name} in ${account}/${region} is written by no stack in the assembly`,
    );
  }

  private sub(stack: AssemblyStack, arg: unknown, depth: number): string {
    const [text, vars] = Array.isArray(arg)
      ? [String(arg[0]), (arg[1] ?? {}) as Record<string, unknown>]
      : [String(arg), {}];
    return text.replace(/\$\{([^}]+)\}/g, (_, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      if (inner in vars) return String(this.resolve(stack, vars[inner], depth));
      if (!inner.startsWith('AWS::') && inner.includes('.')) {
        const [logicalId, attribute] = splitOnce(inner, '.');
        return String(this.getAtt(stack, logicalId, attribute, depth));
      }
      return String(this.ref(stack, inner, depth));
    });
  }

  condition(stack: AssemblyStack, name: string, depth = 0): boolean {
    const definition = stack.template.Conditions?.[name];
    if (definition === undefined) throw new Unresolvable(`condition ${name} is not defined in ${stack.id}`);
    return this.evaluateCondition(stack, definition, depth + 1);
  }

  private evaluateCondition(stack: AssemblyStack, definition: unknown, depth: number): boolean {
    if (depth > MAX_DEPTH) throw new Unresolvable('conditions nest too deeply');
    const [[fn, arg]] = Object.entries(definition as Record<string, unknown>);
    const args = arg as unknown[];
    switch (fn) {
      case 'Condition':
        return this.condition(stack, String(arg), depth);
      case 'Fn::Equals':
        return (
          JSON.stringify(this.resolve(stack, args[0], depth)) ===
          JSON.stringify(this.resolve(stack, args[1], depth))
        );
      case 'Fn::And':
        return args.every((a) => this.evaluateCondition(stack, a, depth + 1));
      case 'Fn::Or':
        return args.some((a) => this.evaluateCondition(stack, a, depth + 1));
      case 'Fn::Not':
        return !this.evaluateCondition(stack, args[0], depth + 1);
      default:
        throw new Unresolvable(`${fn} is not a condition function`);
    }
  }

  private indexStack(stack: AssemblyStack): void {
    for (const output of Object.values(stack.template.Outputs ?? {})) {
      if (!output.Export) continue;
      const name = this.resolve(stack, output.Export.Name);
      this.exports.set(`${stack.account}/${stack.region}/${String(name)}`, { stack, value: output.Value });
    }
    for (const logicalId of Object.keys(stack.template.Resources ?? {})) {
      const record = this.records.get(`@${stack.id}/${logicalId}`)!;
      const arn = namedArn(this, record);
      if (arn) this.arns.set(arn, record);
      if (record.type !== 'AWS::SSM::Parameter') continue;
      let name: unknown;
      try {
        name = this.resolve(stack, record.raw.Properties?.Name);
      } catch {
        continue; // a generated name nobody can refer to by value
      }
      if (typeof name === 'string') this.ssmParameters.set(ssmKey(stack.account, stack.region, name), record);
    }
  }
}

/** Network Firewall ARNs are built from names, so other stacks can name them without a reference. */
const NAMED_ARNS: Readonly<Record<string, (props: Record<string, unknown>) => string | undefined>> = {
  'AWS::NetworkFirewall::RuleGroup': (p) =>
    p.RuleGroupName ? `${String(p.Type).toLowerCase()}-rulegroup/${String(p.RuleGroupName)}` : undefined,
  'AWS::NetworkFirewall::FirewallPolicy': (p) =>
    p.FirewallPolicyName ? `firewall-policy/${String(p.FirewallPolicyName)}` : undefined,
  'AWS::NetworkFirewall::Firewall': (p) =>
    p.FirewallName ? `firewall/${String(p.FirewallName)}` : undefined,
};

function namedArn(resolver: Resolver, record: ResourceRecord): string | undefined {
  const build = NAMED_ARNS[record.type];
  if (!build) return undefined;
  try {
    const props = resolver.resolve(record.stack, record.raw.Properties ?? {}) as Record<string, unknown>;
    const resource = build(props);
    return resource
      ? `arn:aws:network-firewall:${record.stack.region}:${record.stack.account}:${resource}`
      : undefined;
  } catch {
    return undefined; // a name only known at deploy: nobody can build its ARN either
  }
}

function splitOnce(text: string, separator: string): [string, string] {
  const i = text.indexOf(separator);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + 1)];
}

function asList(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Unresolvable(`expected a list, got ${JSON.stringify(value)}`);
  return value;
}
