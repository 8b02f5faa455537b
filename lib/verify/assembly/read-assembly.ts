import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AssemblyStack, CfnTemplate } from './types';
import { readJsonFile } from '../../files/read-json';

interface ManifestArtifact {
  readonly type: string;
  readonly environment?: string;
  readonly properties?: {
    readonly templateFile?: string;
    readonly stackName?: string;
    readonly directoryName?: string;
  };
}

const ENVIRONMENT = /^aws:\/\/([^/]+)\/(.+)$/;

/**
 * Reads every stack of a synthesized cloud assembly (`cdk.out`), following nested
 * assemblies (stages). Each stack keeps the account and region from its manifest
 * environment, since the network spans accounts and must be joined across them.
 */
export function readAssembly(dir: string): AssemblyStack[] {
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`${dir}: no manifest.json; run \`npx cdk synth\` first or pass --assembly DIR`);
  }
  const manifest = readJsonFile(manifestFile) as { artifacts?: Record<string, ManifestArtifact> };
  const stacks: AssemblyStack[] = [];
  for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      stacks.push(...readAssembly(join(dir, artifact.properties.directoryName)));
      continue;
    }
    if (artifact.type !== 'aws:cloudformation:stack' || !artifact.properties?.templateFile) continue;
    const env = ENVIRONMENT.exec(artifact.environment ?? '');
    if (!env || env[1].startsWith('unknown') || env[2].startsWith('unknown')) {
      throw new Error(
        `${id}: the stack has no concrete account and region (${artifact.environment ?? 'none'})`,
      );
    }
    const template = readJsonFile(join(dir, artifact.properties.templateFile)) as CfnTemplate;
    stacks.push({
      id,
      stackName: artifact.properties.stackName ?? id,
      account: env[1],
      region: env[2],
      template,
    });
  }
  return stacks;
}
