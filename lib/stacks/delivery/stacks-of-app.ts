import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { StackNode } from '../../planners/delivery/stack-graph';

/**
 * The top-level stacks under `scope` as a dependency graph, read from the construct tree
 * without synthesizing: cheap enough to inspect thousands of stacks. Only dependencies that
 * exist before synthesis are seen (`addDependency`, and references already resolved);
 * the assembly's manifest.json (stacksFromManifest) has them all.
 */
export function stacksOfApp(scope: IConstruct): StackNode[] {
  return scope.node
    .findAll()
    .filter((c): c is Stack => Stack.isStack(c) && !c.nested)
    .map((stack) => ({
      name: stack.artifactId,
      environment: `aws://${stack.account}/${stack.region}`,
      dependencies: stack.dependencies.map((d) => d.artifactId),
      tags: stack.tags.tagValues(),
    }));
}
