import { ReportFinding, ReportSeverity } from './report-data';

/**
 * GitHub code scanning's limits on a SARIF run
 * (https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit):
 * 25,000 results are accepted but only the top 5,000 are kept, and a result may list 1,000
 * locations, of which 100 are shown.
 */
export const SARIF_LIMITS = { resultsKept: 5000, locationsPerResult: 1000, locationsShown: 100 } as const;

const RANK: Record<ReportSeverity, number> = { error: 0, warning: 1, info: 2 };

/** The open findings of one rule created by one source line, at national scale one per stack. */
export interface FindingGroup {
  readonly rule: string;
  readonly severity: ReportSeverity;
  readonly findings: readonly ReportFinding[];
}

/**
 * Findings grouped by rule and source line (the line that creates a tenant's VPC creates 2,000
 * of them), most severe and largest first, cut to what GitHub keeps. Returns what was cut, so
 * the log can say so instead of GitHub dropping results silently.
 */
export function groupFindings(findings: readonly ReportFinding[]): {
  kept: FindingGroup[];
  cut: { groups: number; findings: number };
} {
  const groups = new Map<string, ReportFinding[]>();
  for (const f of findings) {
    const key = `${f.rule}|${f.location.file}|${f.location.line ?? 1}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const sorted = [...groups.values()]
    .map((list) => ({ rule: list[0]!.rule, severity: list[0]!.severity, findings: list }))
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.findings.length - a.findings.length);
  const kept = sorted.slice(0, SARIF_LIMITS.resultsKept);
  const dropped = sorted.slice(SARIF_LIMITS.resultsKept);
  return {
    kept,
    cut: { groups: dropped.length, findings: dropped.reduce((n, g) => n + g.findings.length, 0) },
  };
}
