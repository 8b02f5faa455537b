import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newAllocations } from '../../lib/config/allocations';
import { ESTATE, tenantText } from '../config/helpers';
import { CliRun, runCli } from '../support/run-cli';

/**
 * The bad-input suite's harness. Every case runs the real CLI (or the app, for `-c` switches)
 * on a small valid estate that the case breaks in one way, and asserts the four things every
 * refusal owes the user: the documented exit code, the file or flag named, nothing written
 * (the estate folder is byte-for-byte as before), and no stack trace; output stays bounded.
 */

/** A small valid estate: ICB QAA and its trust RAA, exceptions and the allocation register. */
export function makeEstate(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-bad-input-'));
  mkdirSync(join(dir, 'tenants'));
  writeFileSync(join(dir, 'estate.yaml'), ESTATE);
  writeFileSync(join(dir, 'tenants', 'QAA.yaml'), tenantText('QAA', 0));
  writeFileSync(join(dir, 'tenants', 'RAA.yaml'), tenantText('RAA', 1));
  writeFileSync(join(dir, 'exceptions.yaml'), EXCEPTIONS);
  writeFileSync(
    join(dir, 'allocations.yaml'),
    newAllocations([
      { cidr: '10.64.0.0/21', tenant: 'QAA', environment: 'prod' },
      { cidr: '10.64.8.0/21', tenant: 'QAA', environment: 'nonprod' },
      { cidr: '10.64.16.0/21', tenant: 'RAA', environment: 'prod' },
      { cidr: '10.64.24.0/21', tenant: 'RAA', environment: 'nonprod' },
    ]),
  );
  return dir;
}

/** An expiry a month from now, so the valid exception stays valid whenever the suite runs. */
export const IN_A_MONTH = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

export const EXCEPTIONS = `exceptions:
  - rule: AwsSolutions-IAM5
    scope: { stack: 'Core-*' }
    reason: The platform roles need wildcard actions, reviewed every quarter.
    approver: security@nhs.net
    expires: '${IN_A_MONTH}'
allowDestructive: []
`;

/** What a case must name: a flag as typed, a file of the estate, or a literal text. */
export type Named = { readonly flag: string } | { readonly file: string } | { readonly text: string };

export interface BadInputCase {
  readonly name: string;
  /** Breaks the estate (writes into it) before the run. */
  readonly setup?: (dir: string) => void;
  /** The command line, given the estate folder. */
  readonly args: (dir: string) => string[];
  /** The documented exit code: 1 a check failed, 2 bad input, 3 no assembly. */
  readonly code: 1 | 2 | 3;
  readonly names: Named | readonly Named[];
  /** A fragment of the message. */
  readonly says?: string;
}

/** The text a `Named` must appear as in the output. */
export function namedText(dir: string, named: Named): string {
  if ('flag' in named) return named.flag;
  if ('file' in named) return join(dir, named.file);
  return named.text;
}

/** Every file under `dir` with its content hash (and link target), to prove nothing was written. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) out[path] = `-> ${readlinkSync(path)}`;
      else if (stat.isDirectory()) {
        out[path] = 'dir';
        walk(path);
      } else out[path] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** A stack trace line (`    at fn (file.ts:12:3)`): never part of a refusal. */
export const STACK_TRACE = /^\s+at .+:\d+(:\d+)?\)?$/m;

/** Output a refusal may print at most: messages are cut and repeated errors capped. */
export const MAX_OUTPUT_CHARS = 40_000;

export function expectRefusal(
  dir: string,
  c: BadInputCase,
  run: CliRun,
  before: Record<string, string>,
): void {
  const output = `${run.stderr}${run.stdout}`;
  expect({ case: c.name, code: run.code }).toEqual({ case: c.name, code: c.code });
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stderr).not.toContain('internal error');
  for (const named of [c.names].flat() as Named[]) expect(output).toContain(namedText(dir, named));
  if (c.says) expect(output).toContain(c.says);
  expect(output.length).toBeLessThan(MAX_OUTPUT_CHARS);
  expect(snapshot(dir)).toEqual(before);
}

/** Registers one jest test per case, each on a fresh estate, run through the real CLI. */
export function describeCases(title: string, cases: readonly BadInputCase[]): void {
  describe(title, () => {
    test.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
      const dir = makeEstate();
      c.setup?.(dir);
      const before = snapshot(dir);
      const run = await runCli(c.args(dir));
      expectRefusal(dir, c, run, before);
    });
  });
}

/** Replaces exactly one occurrence of `from` in an estate file; a case that edits nothing fails loudly. */
export function editFile(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0)
    throw new Error(`${file}: ${JSON.stringify(from)} must occur once`);
  writeFileSync(path, text.slice(0, at) + to + text.slice(at + from.length));
}
