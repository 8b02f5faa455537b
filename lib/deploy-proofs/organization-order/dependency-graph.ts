import { referencesIn } from '../template-values';
import { DeployStack } from '../types';

/**
 * What CloudFormation deploys before what, across the assembly: inside a stack, `DependsOn`
 * and every `Ref`, `Fn::GetAtt` and `Fn::Sub` reference; between stacks, the manifest's stack
 * dependencies (every resource of a stack is in place before a dependent stack starts).
 */
export class DependencyGraph {
  private readonly edges = new Map<string, Set<string>>();
  private readonly stackDeps = new Map<string, readonly string[]>();
  private readonly stackClosure = new Map<string, Set<string>>();

  constructor(stacks: readonly DeployStack[]) {
    for (const stack of stacks) {
      this.stackDeps.set(stack.id, stack.dependencies);
      const resources = stack.template.Resources ?? {};
      for (const [id, resource] of Object.entries(resources)) {
        const direct = referencesIn(resource.Properties);
        for (const d of [resource.DependsOn ?? []].flat()) direct.add(String(d));
        this.edges.set(
          `${stack.id}/${id}`,
          new Set([...direct].filter((d) => d in resources).map((d) => `${stack.id}/${d}`)),
        );
      }
    }
  }

  /** Whether `later` can only be created after `first` exists (transitively). */
  after(later: string, first: string): boolean {
    const laterStack = later.split('/')[0]!;
    const firstStack = first.split('/')[0]!;
    if (laterStack !== firstStack) return this.stacksBefore(laterStack).has(firstStack);
    const seen = new Set<string>();
    const stack = [later];
    while (stack.length) {
      const at = stack.pop()!;
      for (const next of this.edges.get(at) ?? []) {
        if (next === first) return true;
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return false;
  }

  /** Every stack deployed before this one. */
  private stacksBefore(stackId: string): Set<string> {
    let closure = this.stackClosure.get(stackId);
    if (!closure) {
      closure = new Set();
      const todo = [...(this.stackDeps.get(stackId) ?? [])];
      while (todo.length) {
        const s = todo.pop()!;
        if (closure.has(s)) continue;
        closure.add(s);
        todo.push(...(this.stackDeps.get(s) ?? []));
      }
      this.stackClosure.set(stackId, closure);
    }
    return closure;
  }
}
