import { describeRead } from './checks/check-result';
import { PreflightReport, Verdict } from './preflight';

export function countVerdicts(report: PreflightReport): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { pass: 0, warn: 0, fail: 0 };
  for (const check of report.checks) counts[check.verdict]++;
  return counts;
}

/**
 *   Preflight RGR prod (account 123456789012, eu-west-2, 10.64.0.0/21)
 *     PASS  region           eu-west-2 is enabled for this account (opt-in-not-required) (read 1 region)
 *     WARN  default-vpc      default VPC vpc-1 (172.31.0.0/16) exists in eu-west-2; ... (read 2 VPCs)
 *                            fix: delete it once nothing uses it ...
 *   6 passed, 1 warning, 0 failed
 */
export function formatPreflightText(report: PreflightReport): string {
  const width = Math.max(...report.checks.map((c) => c.id.length)) + 2;
  const lines = [
    `Preflight ${report.tenant} ${report.environment} (account ${report.accountId ?? 'not yet vended'}, ${report.region}, ${report.cidr})`,
  ];
  for (const check of report.checks) {
    const read = check.read ? ` (read ${describeRead(check.read)})` : '';
    lines.push(
      `  ${check.verdict.toUpperCase().padEnd(4)}  ${check.id.padEnd(width)}${check.message}${read}`,
    );
    if (check.fix) lines.push(`  ${''.padEnd(4)}  ${''.padEnd(width)}fix: ${check.fix}`);
  }
  const n = countVerdicts(report);
  lines.push(`${n.pass} passed, ${n.warn} warning${n.warn === 1 ? '' : 's'}, ${n.fail} failed`);
  return lines.join('\n');
}

export function formatPreflightJson(report: PreflightReport): string {
  return JSON.stringify({ ...report, summary: countVerdicts(report) }, null, 2);
}
