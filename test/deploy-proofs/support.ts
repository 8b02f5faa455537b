import { readDeployAssembly } from '../../lib/deploy-proofs/assembly';
import { DeployStack, TemplateResource } from '../../lib/deploy-proofs/types';
import { synthAssemblyDir } from '../support/fixture-estate';

let dir: string | undefined;

/** The fixture estate synthesized once per test file, as `cdk synth` writes it. */
export function fixtureAssemblyDir(): string {
  dir ??= synthAssemblyDir();
  return dir;
}

export function fixtureStacks(): DeployStack[] {
  return readDeployAssembly(fixtureAssemblyDir());
}

/** A deep copy of the stacks with one changed, as if someone had edited a template. */
export function tampered(
  stacks: readonly DeployStack[],
  stackId: string,
  change: (resources: Record<string, TemplateResource>, stack: DeployStack) => void,
): DeployStack[] {
  const copy = structuredClone(stacks) as DeployStack[];
  const stack = copy.find((s) => s.id === stackId);
  if (!stack) throw new Error(`no stack ${stackId}`);
  change(stack.template.Resources as Record<string, TemplateResource>, stack);
  return copy;
}

/** The one resource of a type whose logical ID starts with `prefix`, typed loosely for editing. */
export function resourceOf(
  resources: Record<string, TemplateResource>,
  type: string,
  prefix = '',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tampering reaches into any property
): [string, { Type: string; Properties: Record<string, any>; DependsOn?: string | string[] }] {
  const found = Object.entries(resources).filter(([id, r]) => r.Type === type && id.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one ${type} ${prefix}*, found ${found.length}`);
  return found[0] as never;
}
