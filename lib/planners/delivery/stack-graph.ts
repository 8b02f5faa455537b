/**
 * The estate's stacks as a plain dependency graph, read either from a construct tree (before
 * synthesis) or from a cloud assembly's manifest.json (after it). No CDK imports: the bench,
 * the wave planner and tests all use the same few functions.
 */
export interface StackNode {
  /** Artifact ID, which is also the CloudFormation stack name for top-level stacks. */
  readonly name: string;
  /** `aws://ACCOUNT/REGION`. */
  readonly environment: string;
  /** Names of the stacks this one must be deployed after. */
  readonly dependencies: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
}

interface ManifestArtifact {
  readonly type: string;
  readonly environment?: string;
  readonly dependencies?: readonly string[];
  readonly properties?: { readonly tags?: Record<string, string> };
}

/** Stack artifacts of a manifest.json; dependencies on asset manifests are dropped. */
export function stacksFromManifest(manifest: { artifacts?: Record<string, ManifestArtifact> }): StackNode[] {
  const artifacts = manifest.artifacts ?? {};
  const isStack = (id: string) => artifacts[id]?.type === 'aws:cloudformation:stack';
  return Object.entries(artifacts)
    .filter(([id]) => isStack(id))
    .map(([name, a]) => ({
      name,
      environment: a.environment ?? 'aws://unknown-account/unknown-region',
      dependencies: (a.dependencies ?? []).filter(isStack),
      tags: a.properties?.tags ?? {},
    }));
}

/**
 * The number of stacks on the longest dependency chain: how many deployment rounds the
 * estate needs however wide each round runs. A stack with no dependencies has depth 1.
 *
 *   A <- B <- C, A <- D  ->  3
 */
export function dependencyDepth(stacks: readonly StackNode[]): number {
  const byName = new Map(stacks.map((s) => [s.name, s]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (name: string): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) throw new Error(`stack dependency cycle through ${name}`);
    visiting.add(name);
    const deps = byName.get(name)?.dependencies ?? [];
    const d = 1 + Math.max(0, ...deps.filter((dep) => byName.has(dep)).map(depthOf));
    visiting.delete(name);
    depth.set(name, d);
    return d;
  };
  return Math.max(0, ...stacks.map((s) => depthOf(s.name)));
}

/** The account of `aws://ACCOUNT/REGION`. */
export function accountOf(stack: StackNode): string {
  return stack.environment.replace(/^aws:\/\//, '').split('/')[0];
}
