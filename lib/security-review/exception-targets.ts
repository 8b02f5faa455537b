import { IConstruct } from 'constructs';
import { ConfigError } from '../config/config-error';
import { didYouMean } from '../config/did-you-mean';
import { SourceFile } from '../config/source-file';
import { globToRegExp, matchConstructPath } from './construct-glob';
import { StackInfo } from './estate-stacks';
import { AllowDestructiveEntry, ExceptionEntry } from './exceptions-schema';

/** The constructs one exception acknowledges its rule on. */
export interface ExceptionTargets {
  readonly index: number;
  readonly entry: ExceptionEntry;
  readonly constructs: readonly IConstruct[];
}

export interface ResolveOptions {
  /**
   * The app holds only part of the estate (`-c tenant=ODS`): an exception that matches nothing
   * may match stacks left out, so it is skipped rather than reported.
   */
  readonly partial: boolean;
}

/**
 * Finds each exception's constructs. An exception that matches none fails here, at app build,
 * with the segment that stopped matching: a renamed construct breaks loudly, never silently.
 */
export function resolveTargets(
  app: IConstruct,
  stacks: readonly StackInfo[],
  entries: readonly ExceptionEntry[],
  source: SourceFile,
  options: ResolveOptions,
): { targets: ExceptionTargets[]; errors: ConfigError[] } {
  const targets: ExceptionTargets[] = [];
  const errors: ConfigError[] = [];
  entries.forEach((entry, index) => {
    const { constructs, problem } = match(app, stacks, entry);
    targets.push({ index, entry, constructs });
    if (constructs.length === 0 && !options.partial && problem) {
      const field =
        entry.scope.stack !== undefined ? 'stack' : entry.scope.path !== undefined ? 'path' : 'tenant';
      errors.push(source.errorAt(['exceptions', index, 'scope', field], problem.message, problem.hint));
    }
  });
  return { targets, errors };
}

/** allowDestructive entries must name a stack of the estate (the logical ID may be going away). */
export function checkDestructiveStacks(
  stacks: readonly StackInfo[],
  entries: readonly AllowDestructiveEntry[],
  source: SourceFile,
  options: ResolveOptions,
): ConfigError[] {
  if (options.partial) return [];
  const names = stacks.map((s) => s.name);
  const known = new Set(names);
  return entries.flatMap((entry, i) => {
    if (known.has(entry.stack)) return [];
    const suggestion = didYouMean(entry.stack, names);
    return [
      source.errorAt(
        ['allowDestructive', i, 'stack'],
        `expected the name of a stack in the estate, got "${entry.stack}"`,
        suggestion
          ? `did you mean "${suggestion}"?`
          : 'stacks are named like Core-Network or Tenant-RGR-prod',
      ),
    ];
  });
}

interface Problem {
  readonly message: string;
  readonly hint: string;
}

function match(
  app: IConstruct,
  stacks: readonly StackInfo[],
  entry: ExceptionEntry,
): { constructs: IConstruct[]; problem?: Problem } {
  const { scope } = entry;
  if (scope.stack !== undefined) {
    const regexp = globToRegExp(scope.stack);
    const constructs = stacks.filter((s) => regexp.test(s.name)).map((s) => s.stack);
    const names = stacks.map((s) => s.name);
    const suggestion = /[*?]/.test(scope.stack) ? undefined : didYouMean(scope.stack, names);
    return {
      constructs,
      problem: {
        message: `expected the pattern to match at least one stack, got "${scope.stack}", which matches none`,
        hint: suggestion
          ? `did you mean "${suggestion}"?`
          : `* matches any characters; stacks include ${names.slice(0, 4).join(', ')}${names.length > 4 ? ', ...' : ''}`,
      },
    };
  }
  if (scope.tenant !== undefined) {
    const constructs = stacks.filter((s) => s.tenant === scope.tenant).map((s) => s.stack);
    return {
      constructs,
      problem: {
        message: `expected tenant ${scope.tenant} to have at least one stack, got none`,
        hint: 'a tenant environment gets a stack once it has an accountId; remove the exception until then',
      },
    };
  }
  const pattern = scope.path!;
  const { matches, progress } = matchConstructPath(app, pattern);
  const children = progress?.children ?? [];
  const shown = children.slice(0, 8).join(', ') + (children.length > 8 ? `, ... (${children.length})` : '');
  return {
    constructs: matches,
    problem: {
      message: `expected the path to match at least one construct, got "${pattern}", which matches none`,
      hint: progress?.reached
        ? `"${progress.reached}" has no child matching "${progress.segment}"; its children are: ${shown || 'none'}`
        : `no stack matches "${progress?.segment ?? pattern}"; stacks are named like Core-Network or Tenant-RGR-prod`,
    },
  };
}
