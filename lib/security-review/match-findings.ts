import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ExceptionTargets } from './exception-targets';
import { isFindingPattern } from './exceptions-schema';
import { RawFinding } from './finding-recorder';

/** A finding and what, if anything, acknowledged it. */
export interface MatchedFinding {
  readonly finding: RawFinding;
  /** Index of the exception whose acknowledgement covers it. */
  readonly exception?: number;
  /** Path of a construct that acknowledges it in code, outside exceptions.yaml. */
  readonly inCode?: string;
}

/**
 * Attributes each finding to the closest acknowledgement on the resource or an ancestor, the
 * same rule cdk-nag applies: the acknowledged ID must equal the finding ID exactly, so
 * `AwsSolutions-IAM5` does not cover `AwsSolutions-IAM5[Action::s3:*]`.
 */
export function matchFindings(
  findings: readonly RawFinding[],
  targets: readonly ExceptionTargets[],
): { matched: MatchedFinding[]; counts: number[] } {
  const index = new Map<IConstruct, Map<string, number>>();
  for (const { index: i, entry, constructs } of targets) {
    if (isFindingPattern(entry.rule)) continue;
    for (const construct of constructs) {
      const ids = index.get(construct) ?? new Map<string, number>();
      if (!ids.has(entry.rule)) ids.set(entry.rule, i);
      index.set(construct, ids);
    }
  }
  const counts = targets.map(() => 0);
  const matched = findings.map((finding): MatchedFinding => {
    if (finding.exception !== undefined) {
      counts[finding.exception]++;
      return { finding, exception: finding.exception };
    }
    for (let node: IConstruct | undefined = finding.node; node; node = node.node.scope) {
      const exception = index.get(node)?.get(finding.id);
      if (exception !== undefined) {
        counts[exception]++;
        return { finding, exception };
      }
    }
    const inCode = acknowledgedInCode(finding.node, finding.id);
    return inCode ? { finding, inCode } : { finding };
  });
  return { matched, counts };
}

/** The closest construct whose acknowledged-rules metadata names `id`, as cdk-nag reads it. */
function acknowledgedInCode(resource: IConstruct, id: string): string | undefined {
  for (let node: IConstruct | undefined = resource; node; node = node.node.scope) {
    for (const entry of node.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      const ids = Object.keys(entry.data as Record<string, string>).map((k) =>
        k.replace(/^annotation::/i, ''),
      );
      if (ids.includes(id)) return node.node.path;
    }
  }
  return undefined;
}

/** Whether `node` is one of `targets` or inside one. */
export function isWithin(node: IConstruct, targets: ReadonlySet<IConstruct>): boolean {
  for (let n: IConstruct | undefined = node; n; n = n.node.scope) if (targets.has(n)) return true;
  return false;
}
