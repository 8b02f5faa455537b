import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { odsCode } from '../config/schema/primitives';
import { StaleAssemblyError, UserInputError } from '../errors/user-input-error';
import { SynthesizedStack, Template } from './types';
import { readJsonFile } from '../files/read-json';

export interface SynthRequest {
  /** The checkout whose app and config are synthesized (the repository or a base worktree). */
  readonly appDir: string;
  /** Config directory, relative to appDir. */
  readonly configDir: string;
  /** Narrow to one tenant: `-c tenant=ODS`. */
  readonly tenant?: string;
  /** Where the cloud assembly goes. */
  readonly outdir: string;
  /** Names the side in errors, e.g. `the base (origin/main)`. */
  readonly label: string;
}

/** Lines of the app's stderr kept for the error when it fails. */
const STDERR_TAIL_LINES = 30;

/**
 * Synthesizes a checkout by running its own app (cdk.json `app`) as a child process, as the
 * cdk CLI would: the checkout's cdk.json context plus ours in CDK_CONTEXT_JSON, the assembly
 * to CDK_OUTDIR. For speed it skips the rule packs (-c nag=false), CloudFormation validation
 * and Lambda bundling: none of them changes which resources a template holds.
 */
export async function synthesize(request: SynthRequest): Promise<SynthesizedStack[]> {
  const cdkJson = readJsonFile(join(request.appDir, 'cdk.json')) as { app?: string; context?: object };
  if (!cdkJson.app)
    throw UserInputError.at(
      { file: join(request.appDir, 'cdk.json'), field: 'app' },
      'is required but missing',
      {
        hint: 'the checkout must be this project, whose cdk.json names the app command',
      },
    );
  const cdkContext = join(request.appDir, 'cdk.context.json');
  const context = {
    ...cdkJson.context,
    ...(existsSync(cdkContext) ? (readJsonFile(cdkContext) as object) : {}),
    config: request.configDir,
    nag: false,
    'aws:cdk:bundling-stacks': [],
    ...(request.tenant && { tenant: request.tenant }),
  };
  const [command, args] = appCommand(cdkJson.app);
  await run(command, args, request.label, {
    cwd: request.appDir,
    env: {
      ...process.env,
      CDK_OUTDIR: request.outdir,
      CDK_CONTEXT_JSON: JSON.stringify(context),
      CDK_VALIDATION: 'false',
    },
  });
  return readAssembly(request.outdir);
}

/**
 * `npx tsx bin/app.ts` (older checkouts) runs as `node <tsx cli> bin/app.ts` from our own
 * node_modules, saving npx's start-up; `node <flags> bin/app.ts` runs on this Node with those
 * flags; any other app command runs through the shell like the cdk CLI runs it.
 */
export function appCommand(app: string): [string, string[]] {
  const words = app.trim().split(/\s+/);
  const tsx = /^npx\s+tsx\s+(\S+)$/.exec(app.trim());
  if (tsx) return [process.execPath, [require.resolve('tsx/cli'), tsx[1]!]];
  if (words[0] === 'node' && words.every((w) => /^[\w@./=:-]+$/.test(w)))
    return [process.execPath, words.slice(1)];
  return ['sh', ['-c', app]];
}

/** The stacks of a cloud assembly, each with its tenant when its `ods-code` tag is an ODS code. */
export function readAssembly(outdir: string): SynthesizedStack[] {
  if (!existsSync(join(outdir, 'manifest.json'))) {
    throw new StaleAssemblyError(`plan: the synth exited 0 but wrote no cloud assembly to ${outdir}`);
  }
  const manifest = readJsonFile(join(outdir, 'manifest.json')) as {
    artifacts?: Record<string, { type: string; displayName?: string; properties?: ArtifactProperties }>;
  };
  return Object.entries(manifest.artifacts ?? {})
    .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
    .map(([id, artifact]) => {
      const properties = artifact.properties ?? {};
      const template = readJsonFile(
        join(outdir, properties.templateFile ?? `${id}.template.json`),
      ) as Template;
      // Platform stacks carry `ods-code: platform`; only a real ODS code names a tenant.
      const tag = properties.tags?.['ods-code'];
      const tenant = odsCode.safeParse(tag).success ? tag : undefined;
      return {
        name: properties.stackName ?? artifact.displayName ?? id,
        ...(tenant && { tenant }),
        template,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

interface ArtifactProperties {
  readonly templateFile?: string;
  readonly stackName?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

function run(
  command: string,
  args: string[],
  label: string,
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const tail = stderr.trim().split('\n').slice(-STDERR_TAIL_LINES).join('\n');
      reject(new UserInputError(`plan: synthesizing ${label} failed (exit ${code}):\n${tail}`));
    });
  });
}
