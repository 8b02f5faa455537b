import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAssemblyStamp, readStamp } from '../config/assembly-stamp';
import { EstateModel } from '../config/model';
import { hintsFromConfig } from '../verify/verify-network';
import { parseTgwExpected, TgwExpected } from './tgw-expected';
import { AssemblyExpectedError, tgwExpectedFromAssembly } from './tgw-expected-assembly';
import { tgwExpectedFromPlan } from './tgw-expected-plan';
import { EXIT_CODES } from '../errors/exit-codes';
import { UserInputError } from '../errors/user-input-error';

/**
 * Where the expected gateway comes from: a hand-written file, the synthesized templates (what
 * a deploy of them would create), or the network plan over config when nothing is synthesized.
 */
export type ExpectedSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'assembly'; readonly path: string }
  | { readonly kind: 'plan'; readonly path: string };

export interface SourceOptions {
  /** `--expected FILE`. */
  readonly expected?: string;
  /** `--assembly DIR`, given explicitly. */
  readonly assembly?: string;
  /** `--config DIR`. */
  readonly config: string;
  /** Used when it holds a synthesized assembly (a manifest.json). @default 'cdk.out' */
  readonly defaultAssembly?: string;
}

export const DEFAULT_ASSEMBLY = 'cdk.out';

/**
 * `--expected` > `--assembly` > `cdk.out` when it holds a synth of the whole estate > the plan
 * from `--config`. A `-c tenant=ODS` synth in cdk.out (what `nhs-cloud check` leaves) states
 * one tenant's share of the gateway only, so it is passed over for the plan.
 */
export function chooseExpectedSource(options: SourceOptions): ExpectedSource {
  if (options.expected !== undefined) return { kind: 'file', path: options.expected };
  if (options.assembly !== undefined) return { kind: 'assembly', path: options.assembly };
  const fallback = options.defaultAssembly ?? DEFAULT_ASSEMBLY;
  if (existsSync(join(fallback, 'manifest.json')) && readStamp(fallback)?.tenant === undefined)
    return { kind: 'assembly', path: fallback };
  return { kind: 'plan', path: options.config };
}

/** The expected model cannot be had from the chosen source (a user's file); the message names it. */
export class ExpectedSourceError extends UserInputError {}

/**
 * Loads the expected model; `model` is the validated config in `configDir` (policy hints, or
 * the plan itself). An assembly must be the finished synth of that config (exit 3 otherwise).
 */
export function loadTgwExpected(source: ExpectedSource, model: EstateModel, configDir: string): TgwExpected {
  switch (source.kind) {
    case 'file':
      return readExpectedFile(source.path);
    case 'assembly': {
      const partial = readStamp(source.path)?.tenant;
      if (partial !== undefined)
        throw new ExpectedSourceError(
          `${source.path} holds only ${partial}'s stacks (cdk synth -c tenant=${partial}), not the whole gateway; synthesize the whole estate, or leave out --assembly to compare with the plan`,
          { exitCode: EXIT_CODES.staleAssembly },
        );
      let expected: TgwExpected;
      try {
        expected = tgwExpectedFromAssembly(source.path, hintsFromConfig(model));
      } catch (error) {
        if (error instanceof AssemblyExpectedError)
          throw new ExpectedSourceError(error.message, { exitCode: error.exitCode });
        throw error;
      }
      // Readable, but is it the finished synth of this config? (ADR 0020)
      try {
        checkAssemblyStamp(source.path, configDir);
      } catch (error) {
        throw new ExpectedSourceError((error as Error).message, { exitCode: EXIT_CODES.staleAssembly });
      }
      return expected;
    }
    case 'plan':
      return tgwExpectedFromPlan(model);
  }
}

/** For the report header: `synthesized assembly cdk.out`. */
export function describeSource(source: ExpectedSource): string {
  switch (source.kind) {
    case 'file':
      return `file ${source.path}`;
    case 'assembly':
      return `synthesized assembly ${source.path}`;
    case 'plan':
      return `network plan from config ${source.path} (no synthesized assembly of the whole estate)`;
  }
}

function readExpectedFile(file: string): TgwExpected {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ExpectedSourceError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return parseTgwExpected(data);
  } catch (error) {
    throw new ExpectedSourceError(`${file}: ${(error as Error).message}`);
  }
}
