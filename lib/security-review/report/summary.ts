import { ReportData, ReportFinding, ReportSeverity } from './report-data';

export const SEVERITIES: readonly ReportSeverity[] = ['error', 'warning', 'info'];
const RANK: Record<ReportSeverity, number> = { error: 3, warning: 2, info: 1 };

export type FailOn = 'error' | 'warning';

export interface PackTotals {
  readonly pack: string;
  readonly ran: boolean;
  /** Unacknowledged findings by severity. */
  readonly open: Readonly<Record<ReportSeverity, number>>;
  readonly acknowledged: number;
}

export function openFindings(data: ReportData): ReportFinding[] {
  return data.findings.filter((f) => !f.acknowledged);
}

/** One row per pack, every pack included, even with nothing found. */
export function packTotals(data: ReportData): PackTotals[] {
  return data.packs.map(({ name, ran }) => {
    const open = { error: 0, warning: 0, info: 0 };
    let acknowledged = 0;
    for (const f of data.findings) {
      if (f.pack !== name) continue;
      if (f.acknowledged) acknowledged++;
      else open[f.severity]++;
    }
    return { pack: name, ran, open, acknowledged };
  });
}

/** Open findings grouped by tenant (`platform` for core stacks), then stack, in name order. */
export function byTenantAndStack(
  findings: readonly ReportFinding[],
): Map<string, Map<string, ReportFinding[]>> {
  const out = new Map<string, Map<string, ReportFinding[]>>();
  const sorted = [...findings].sort(
    (a, b) =>
      (a.tenant ?? '').localeCompare(b.tenant ?? '') ||
      a.stack.localeCompare(b.stack) ||
      RANK[b.severity] - RANK[a.severity] ||
      a.id.localeCompare(b.id) ||
      a.constructPath.localeCompare(b.constructPath),
  );
  for (const f of sorted) {
    const tenant = f.tenant ?? 'platform';
    const stacks = out.get(tenant) ?? new Map<string, ReportFinding[]>();
    out.set(tenant, stacks);
    const list = stacks.get(f.stack) ?? [];
    stacks.set(f.stack, list);
    list.push(f);
  }
  return out;
}

/** The rules with the most open findings, most first. */
export function topRules(
  findings: readonly ReportFinding[],
  limit = 10,
): { rule: string; severity: ReportSeverity; count: number }[] {
  const counts = new Map<string, { rule: string; severity: ReportSeverity; count: number }>();
  for (const f of findings) {
    const entry = counts.get(f.rule) ?? { rule: f.rule, severity: f.severity, count: 0 };
    entry.count++;
    counts.set(f.rule, entry);
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule))
    .slice(0, limit);
}

/**
 * How many things fail the gate at `threshold`: open findings at or above it, plus every
 * problem with the review itself (those fail synthesis too).
 */
export function failures(data: ReportData, threshold: FailOn): number {
  const open = openFindings(data).filter((f) => RANK[f.severity] >= RANK[threshold]).length;
  return open + data.problems.length;
}
