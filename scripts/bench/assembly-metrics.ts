import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dependencyDepth, stacksFromManifest } from '../../lib/planners/delivery/stack-graph';

export interface TemplateFigures {
  readonly stack: string;
  readonly resources: number;
  readonly bytes: number;
  readonly outputs: number;
  readonly parameters: number;
}

export interface AssemblyMetrics {
  readonly stacks: number;
  readonly totalResources: number;
  readonly largestByResources: TemplateFigures;
  readonly largestByBytes: TemplateFigures;
  readonly maxOutputs: TemplateFigures;
  readonly maxParameters: TemplateFigures;
  readonly dependencyDepth: number;
  readonly assemblyBytes: number;
}

/** Figures the CloudFormation quotas care about, read from a synthesized cloud assembly. */
export function assemblyMetrics(outdir: string): AssemblyMetrics {
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
    artifacts: Record<
      string,
      { type: string; properties?: { templateFile?: string; tags?: Record<string, string> } }
    >;
  };
  const stacks = stacksFromManifest(manifest);
  const figures = stacks.map((s): TemplateFigures => {
    const file = join(
      outdir,
      manifest.artifacts[s.name].properties?.templateFile ?? `${s.name}.template.json`,
    );
    const text = readFileSync(file, 'utf8');
    const template = JSON.parse(text) as Record<string, Record<string, unknown> | undefined>;
    return {
      stack: s.name,
      resources: Object.keys(template.Resources ?? {}).length,
      bytes: Buffer.byteLength(text),
      outputs: Object.keys(template.Outputs ?? {}).length,
      parameters: Object.keys(template.Parameters ?? {}).length,
    };
  });
  const largest = (key: keyof Omit<TemplateFigures, 'stack'>) =>
    figures.reduce((a, b) => (b[key] > a[key] ? b : a), figures[0]);
  return {
    stacks: stacks.length,
    totalResources: figures.reduce((n, f) => n + f.resources, 0),
    largestByResources: largest('resources'),
    largestByBytes: largest('bytes'),
    maxOutputs: largest('outputs'),
    maxParameters: largest('parameters'),
    dependencyDepth: dependencyDepth(stacks),
    assemblyBytes: figures.reduce((n, f) => n + f.bytes, 0) + statSync(join(outdir, 'manifest.json')).size,
  };
}
