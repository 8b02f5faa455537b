import { Cidr, cidrProblem, formatCidr, parseCidr } from '../net/cidr';
import { ConfigError, quoteValue } from './config-error';
import { SourceFile } from './source-file';

/**
 * The allocation register, `config/allocations.yaml`: one line per tenant environment's
 * address block, in address order (docs/adr/0022-parallel-onboarding.md).
 *
 *   10.64.0.0/21: RGR prod
 *   10.64.8.0/21: RGR nonprod
 *
 * `onboard` adds a new tenant's lines where they fall in address order. Two trusts onboarded
 * from the same main get the same free block, so both add a different line at the same place:
 * git refuses the second merge with a conflict in this file, instead of merging two files that
 * overlap. When the file exists, validate requires it to match the tenant files exactly.
 */
export const ALLOCATIONS_FILE = 'allocations.yaml';

export interface AllocationEntry {
  readonly cidr: Cidr;
  /** The block as written, e.g. `10.64.0.0/21`. */
  readonly text: string;
  readonly tenant: string;
  readonly environment: string;
}

export interface AllocationRegister {
  readonly source: SourceFile;
  readonly entries: readonly AllocationEntry[];
}

const OWNER = /^([RQX][A-Z0-9]{2}) ([a-z][a-z0-9]{1,11})$/;

/** The header every register starts with: what it is and what a conflict in it means. */
export const ALLOCATIONS_HEADER = [
  'Address blocks of tenant environments, one line per block in address order.',
  "`nhs-cloud onboard` adds a new tenant's lines; `nhs-cloud validate` checks they match config/tenants.",
  "A git conflict here means another tenant was onboarded first: take main's version of this file,",
  'delete your tenant file and run the same `nhs-cloud onboard` command again (docs/onboarding.md).',
];

/** Parses a register; every malformed line is a positioned error, and is left out. */
export function parseAllocations(source: SourceFile): {
  register: AllocationRegister;
  errors: ConfigError[];
} {
  const errors: ConfigError[] = [...source.syntaxErrors];
  const entries: AllocationEntry[] = [];
  const data = source.data;
  if (source.syntaxErrors.length === 0 && data !== null && data !== undefined) {
    if (typeof data !== 'object' || Array.isArray(data)) {
      errors.push(
        source.errorAt([], 'expected lines of "CIDR: ODS environment", e.g. "10.64.0.0/21: RGR prod"'),
      );
    } else {
      let previous: AllocationEntry | undefined;
      for (const [text, owner] of Object.entries(data as Record<string, unknown>)) {
        const entry = parseEntry(source, text, owner, errors);
        if (!entry) continue;
        if (previous && compare(previous.cidr, entry.cidr) >= 0) {
          errors.push({
            ...source.errorAt([text], `expected blocks in address order, got ${text} after ${previous.text}`),
            ...source.keyPositionOf([text]),
            hint: 'keep the lines sorted by address: onboard inserts each block where it falls, which is what lets git catch two trusts given the same block',
          });
        }
        previous = entry;
        entries.push(entry);
      }
    }
  }
  return { register: { source, entries }, errors };
}

function parseEntry(
  source: SourceFile,
  text: string,
  owner: unknown,
  errors: ConfigError[],
): AllocationEntry | undefined {
  const problem = cidrProblem(text);
  if (problem) {
    errors.push({ ...source.errorAt([text], problem), ...source.keyPositionOf([text]) });
    return undefined;
  }
  const match = typeof owner === 'string' ? OWNER.exec(owner) : null;
  if (!match) {
    errors.push(
      source.errorAt(
        [text],
        `expected the tenant and environment using the block, e.g. "RGR prod", got ${typeof owner === 'string' ? quoteValue(owner) : String(owner)}`,
      ),
    );
    return undefined;
  }
  return {
    cidr: parseCidr(text),
    text: formatCidr(parseCidr(text)),
    tenant: match[1],
    environment: match[2],
  };
}

function compare(a: Cidr, b: Cidr): number {
  return a.base - b.base || a.prefix - b.prefix;
}

/**
 * The register with `added` blocks inserted where they fall in address order, keeping every
 * existing line (and comment) exactly as it was. Lines are plain text, so the change is the
 * inserted lines alone: the smallest diff, and the one two onboardings of one block share.
 */
export function insertAllocations(
  text: string,
  added: ReadonlyArray<{ readonly cidr: string; readonly tenant: string; readonly environment: string }>,
): string {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const block of [...added].sort((a, b) => compare(parseCidr(a.cidr), parseCidr(b.cidr)))) {
    const cidr = parseCidr(block.cidr);
    let at = lines.length;
    for (let i = 0; i < lines.length; i++) {
      const key = /^(\d+\.\d+\.\d+\.\d+\/\d+):/.exec(lines[i])?.[1];
      if (key && !cidrProblem(key) && compare(parseCidr(key), cidr) > 0) {
        at = i;
        break;
      }
    }
    lines.splice(at, 0, `${formatCidr(cidr)}: ${block.tenant} ${block.environment}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A new register listing `blocks`, with the header. */
export function newAllocations(
  blocks: ReadonlyArray<{ readonly cidr: string; readonly tenant: string; readonly environment: string }>,
): string {
  return insertAllocations(ALLOCATIONS_HEADER.map((line) => `# ${line}`).join('\n'), blocks);
}
