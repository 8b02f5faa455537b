import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ExceptionTargets } from './exception-targets';
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
 * Counts the findings each exception covered (the recorder attributed them while the packs ran)
 * and names, for the rest, any acknowledgement made in code rather than in exceptions.yaml.
 */
export function matchFindings(
  findings: readonly RawFinding[],
  targets: readonly ExceptionTargets[],
): { matched: MatchedFinding[]; counts: number[] } {
  const counts = targets.map(() => 0);
  const matched = findings.map((finding): MatchedFinding => {
    if (finding.exception !== undefined) {
      counts[finding.exception]++;
      return { finding, exception: finding.exception };
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
