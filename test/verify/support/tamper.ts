import { AssemblyStack, CfnResource } from '../../../lib/verify/assembly/types';

/** Helpers that edit synthesized templates in memory, the way a mistake or an attacker would. */
export function stackOf(stacks: AssemblyStack[], id: string): AssemblyStack {
  const stack = stacks.find((s) => s.id === id);
  if (!stack) throw new Error(`no stack ${id}`);
  return stack;
}

export function resourcesOf(stack: AssemblyStack): Record<string, CfnResource> {
  return stack.template.Resources as Record<string, CfnResource>;
}

/** The one resource of a type whose properties satisfy `match`; throws unless exactly one does. */
export function findResource(
  stack: AssemblyStack,
  type: string,
  match: (props: Record<string, unknown>, logicalId: string) => boolean = () => true,
): [string, CfnResource] {
  const hits = Object.entries(resourcesOf(stack)).filter(
    ([id, r]) => r.Type === type && match(r.Properties ?? {}, id),
  );
  if (hits.length !== 1) throw new Error(`${stack.id}: expected one ${type}, found ${hits.length}`);
  return hits[0];
}

/** The stack that owns a tenant environment's hub resources (its shard). */
export function shardOf(stacks: AssemblyStack[], key: string): AssemblyStack {
  const stack = stacks.find(
    (s) => s.id.startsWith('Core-Network-Shard') && JSON.stringify(s.template).includes(`"${key}"`),
  );
  if (!stack) throw new Error(`no shard holds ${key}`);
  return stack;
}

export function props(resource: CfnResource): Record<string, unknown> {
  return resource.Properties as Record<string, unknown>;
}
