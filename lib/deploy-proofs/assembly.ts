import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DeployStack, Template } from './types';
import { readJsonFile } from '../files/read-json';

interface ManifestArtifact {
  readonly type: string;
  readonly environment?: string;
  readonly dependencies?: readonly string[];
  readonly properties?: {
    readonly templateFile?: string;
    readonly stackName?: string;
    readonly directoryName?: string;
    readonly tags?: Record<string, string>;
    readonly assumeRoleArn?: string;
    readonly cloudFormationExecutionRoleArn?: string;
  };
}

const ENVIRONMENT = /^aws:\/\/(\d{12})\/([a-z0-9-]+)$/;

/** `arn:${AWS::Partition}:iam::...` as the manifest writes it, for the commercial partition. */
function partitioned(arn: string | undefined): string | undefined {
  return arn?.replaceAll('${AWS::Partition}', 'aws');
}

/**
 * Every stack of a synthesized cloud assembly (`cdk.out`), following nested assemblies, with
 * its account, region, stack dependencies, tags and the bootstrap roles it deploys through.
 * Throws an Error naming the file when the assembly is missing or unreadable.
 */
export function readDeployAssembly(dir: string): DeployStack[] {
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`${dir}: no manifest.json; run \`npx cdk synth\` first or pass --assembly DIR`);
  }
  const manifest = readJsonFile(manifestFile) as { artifacts?: Record<string, ManifestArtifact> };
  const artifacts = manifest.artifacts ?? {};
  const stackIds = new Set(
    Object.entries(artifacts)
      .filter(([, a]) => a.type === 'aws:cloudformation:stack')
      .map(([id]) => id),
  );
  const stacks: DeployStack[] = [];
  for (const [id, artifact] of Object.entries(artifacts)) {
    if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      stacks.push(...readDeployAssembly(join(dir, artifact.properties.directoryName)));
      continue;
    }
    const props = artifact.properties;
    if (artifact.type !== 'aws:cloudformation:stack' || !props?.templateFile) continue;
    const env = ENVIRONMENT.exec(artifact.environment ?? '');
    if (!env) {
      throw new Error(
        `${id}: the stack has no concrete account and region (${artifact.environment ?? 'none'})`,
      );
    }
    stacks.push({
      id,
      stackName: props.stackName ?? id,
      account: env[1]!,
      region: env[2]!,
      template: readJsonFile(join(dir, props.templateFile)) as Template,
      dependencies: (artifact.dependencies ?? []).filter((d) => stackIds.has(d)),
      tags: props.tags ?? {},
      executionRoleArn: partitioned(props.cloudFormationExecutionRoleArn),
      deployRoleArn: partitioned(props.assumeRoleArn),
    });
  }
  return stacks;
}
