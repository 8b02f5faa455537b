import { readFileSync, statSync } from 'node:fs';
import { quoteValue } from '../config/config-error';
import { ENVIRONMENT_NAME } from '../config/schema/tenant-schema';
import { formatInputProblem, UserInputError } from '../errors/user-input-error';
import { VendedAccountOutput } from '../planners/landing-zone/account-vending';

/** Largest outputs file read: 2,000 accounts' outputs are well under 1 MB. */
const MAX_OUTPUTS_BYTES = 16 * 1024 * 1024;

const ORG_STACK = /^Org-([RQX][A-Z0-9]{2})$/;
const OUTPUT_PREFIX = 'VendedAccountId';

/** A vended account, with the outputs-file key it came from, for errors. */
export interface VendedAccount extends VendedAccountOutput {
  /** `Org-RGR.VendedAccountIdprod` */
  readonly key: string;
}

/**
 * Reads the JSON `cdk deploy --outputs-file` writes ({ stack: { output: value } }) and returns
 * the vended accounts of the `Org-<ODS>` stacks, or refuses the file naming every problem at
 * its key: a file that is missing or a folder, not JSON, the wrong shape, an `Org-` stack
 * whose name has no ODS code, or an account ID that is not 12 digits (typed with dashes, or as
 * a JSON number that has lost its leading zero). Other stacks' outputs are not ours and are
 * left alone.
 */
export function readVendedAccounts(file: string): VendedAccount[] {
  const outputs = parseOutputsFile(file);
  const problems: string[] = [];
  const at = (field: string, message: string, hint?: string) =>
    problems.push(formatInputProblem({ file, field }, message, hint));
  const found: VendedAccount[] = [];
  for (const [stack, stackOutputs] of Object.entries(outputs)) {
    if (!stack.startsWith('Org-')) continue;
    const odsCode = ORG_STACK.exec(stack)?.[1];
    if (!odsCode) {
      at(
        stack,
        `expected a tenant organization stack named Org-<ODS code>, got ${quoteValue(stack)}`,
        'the Org-* stacks are named after upper-case ODS codes, e.g. Org-RGR',
      );
      continue;
    }
    if (typeof stackOutputs !== 'object' || stackOutputs === null || Array.isArray(stackOutputs)) {
      at(
        stack,
        `expected the stack's outputs as an object of names and values, got ${describe(stackOutputs)}`,
      );
      continue;
    }
    for (const [name, value] of Object.entries(stackOutputs as Record<string, unknown>)) {
      if (!name.startsWith(OUTPUT_PREFIX)) continue;
      const key = `${stack}.${name}`;
      const environment = name.slice(OUTPUT_PREFIX.length);
      if (!ENVIRONMENT_NAME.test(environment)) {
        at(
          key,
          `expected ${OUTPUT_PREFIX}<environment>, got ${quoteValue(name)}`,
          'environment names are 2-12 lower-case letters or digits',
        );
        continue;
      }
      if (typeof value !== 'string') {
        at(
          key,
          `expected a 12-digit account ID as text, got ${describe(value)}`,
          'use the file cdk deploy --outputs-file wrote; a JSON number loses leading zeros',
        );
        continue;
      }
      if (!/^\d{12}$/.test(value)) {
        const digits = value.replace(/[\s-]/g, '');
        at(
          key,
          `expected a 12-digit AWS account ID, got ${quoteValue(value)}`,
          /^\d{12}$/.test(digits)
            ? `write it without dashes or spaces: "${digits}"`
            : 'copy it from the outputs cdk deploy wrote',
        );
        continue;
      }
      found.push({ key, odsCode, environment, accountId: value });
    }
  }
  if (problems.length) throw new UserInputError(problems.join('\n'));
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

function parseOutputsFile(file: string): Record<string, unknown> {
  const fail = (message: string, hint?: string): never => {
    throw UserInputError.at({ flag: '--outputs' }, `${file}: ${message}`, { hint });
  };
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat)
    return fail(
      'expected the outputs file, found nothing there',
      'pass the file `cdk deploy --outputs-file` wrote',
    );
  if (!stat.isFile())
    return fail(`expected a file, found ${stat.isDirectory() ? 'a folder' : 'a special file'}`);
  if (stat.size > MAX_OUTPUTS_BYTES)
    return fail(`expected an outputs file of at most 16 MB, got ${(stat.size / 1024 / 1024).toFixed(1)} MB`);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file)));
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message.slice(0, 200) : 'not UTF-8 text';
    return fail(`expected the JSON cdk deploy --outputs-file writes, but it is not valid JSON (${reason})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail(
      `expected an object of stacks and their outputs, got ${describe(data)}`,
      'e.g. { "Org-RGR": { "VendedAccountIdprod": "123456789012" } }',
    );
  return data as Record<string, unknown>;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return quoteValue(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value).slice(0, 40)}`;
}
