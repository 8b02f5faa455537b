import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StaleAssemblyError } from '../errors/user-input-error';

/**
 * `cdk.out/nhs-cloud-synth.json`: written by the app when a synth has written the whole
 * assembly, and deleted when the next synth starts (lib/app/synth-stamp.ts). It records a
 * digest of the config the assembly was made from, so a command that reads the assembly can
 * refuse one that a later synth failed to replace, or that config has moved on from (ADR 0020).
 */
export const STAMP_FILE = 'nhs-cloud-synth.json';
export const STAMP_VERSION = 1;

export interface AssemblyStamp {
  readonly version: typeof STAMP_VERSION;
  /** The config directory as the synth was given it (`-c config=DIR`). */
  readonly configDir: string;
  /** sha256 over every config file's path and text. */
  readonly configDigest: string;
  /** Each config file (relative to the config directory) and the sha256 of its text. */
  readonly files: Readonly<Record<string, string>>;
  /** `-c tenant=ODS`: only that tenant's stacks (and the platform's) are in the assembly. */
  readonly tenant?: string;
}

/**
 * The files a synth reads from a config directory: estate.yaml, exceptions.yaml, the allocation
 * register allocations.yaml, tenants/*.y(a)ml.
 */
function configFiles(configDir: string): string[] {
  const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  const top = ['allocations.yaml', 'estate.yaml', 'exceptions.yaml'].filter((f) =>
    isFile(join(configDir, f)),
  );
  const tenantsDir = join(configDir, 'tenants');
  const tenants = existsSync(tenantsDir)
    ? readdirSync(tenantsDir)
        .filter((f) => /\.ya?ml$/.test(f) && isFile(join(tenantsDir, f)))
        .map((f) => `tenants/${f}`)
    : [];
  return [...top, ...tenants].sort();
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/**
 * The digest of a config directory's files, by content: editing, adding, removing or renaming a
 * file changes it; touching one does not.
 *
 *   configDigest('config') -> { digest: 'sha256:9f2c...', files: { 'estate.yaml': '4b1d...', ... } }
 */
export function configDigest(configDir: string): { digest: string; files: Record<string, string> } {
  const files: Record<string, string> = {};
  for (const file of configFiles(configDir)) files[file] = sha256(readFileSync(join(configDir, file)));
  const digest = sha256(
    Object.entries(files)
      .map(([file, hash]) => `${file}\0${hash}\n`)
      .join(''),
  );
  return { digest: `sha256:${digest}`, files };
}

/** The stamp of the config directory as it is now. */
export function stampFor(configDir: string, tenant?: string): AssemblyStamp {
  const { digest, files } = configDigest(configDir);
  return { version: STAMP_VERSION, configDir, configDigest: digest, files, ...(tenant && { tenant }) };
}

/**
 * Refuses (StaleAssemblyError, exit 3) an assembly that is missing, that no synth finished
 * writing, or that was synthesized from other config than `configDir` holds now. Returns the stamp.
 */
export function checkAssemblyStamp(assemblyDir: string, configDir: string): AssemblyStamp {
  const again = `synthesize again: npx cdk synth${configDir === 'config' ? '' : ` -c config=${configDir}`}`;
  if (!existsSync(join(assemblyDir, 'manifest.json'))) {
    throw new StaleAssemblyError(
      `${assemblyDir} is not a cloud assembly (no manifest.json): run \`npx cdk synth\` first, or pass --assembly DIR`,
    );
  }
  const stamp = readStamp(assemblyDir);
  if (!stamp) {
    throw new StaleAssemblyError(
      `${assemblyDir} is not the product of a synth that finished: it has no ${STAMP_FILE}, so the last synth into it failed or stopped part way (its templates may be older than your config); fix what stopped it and ${again}`,
    );
  }
  const now = configDigest(configDir);
  if (now.digest === stamp.configDigest) return stamp;
  throw new StaleAssemblyError(
    `${assemblyDir} was synthesized from other config than ${configDir} holds now (${describeChanges(stamp.files, now.files)}); ${again}`,
  );
}

export function readStamp(assemblyDir: string): AssemblyStamp | undefined {
  const path = join(assemblyDir, STAMP_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const stamp = JSON.parse(readFileSync(path, 'utf8')) as Partial<AssemblyStamp>;
    const valid = stamp.version === STAMP_VERSION && typeof stamp.configDigest === 'string';
    return valid ? (stamp as AssemblyStamp) : undefined;
  } catch {
    return undefined;
  }
}

/** `changed: estate.yaml; added: tenants/RX9.yaml`, at most a few names of each kind. */
function describeChanges(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): string {
  const names = (list: string[]) =>
    list.length <= 5 ? list.join(', ') : `${list.slice(0, 5).join(', ')} and ${list.length - 5} more`;
  const changed = Object.keys(after).filter((f) => f in before && before[f] !== after[f]);
  const added = Object.keys(after).filter((f) => !(f in before));
  const removed = Object.keys(before).filter((f) => !(f in after));
  const parts = [
    changed.length ? `changed: ${names(changed)}` : '',
    added.length ? `added: ${names(added)}` : '',
    removed.length ? `removed: ${names(removed)}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'its files differ';
}
