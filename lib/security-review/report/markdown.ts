import { ReportData, ReportFinding, ReportLocation } from './report-data';
import { byTenantAndStack, openFindings, packTotals, topRules } from './summary';

/** A PR comment holds 65,536 characters: beyond this many rows the JSON and SARIF carry the rest. */
export const MAX_FINDING_ROWS = 150;
/** Exceptions this close to expiry are flagged for renewal. */
export const EXPIRY_WARNING_DAYS = 30;

/** The PR comment and step summary: totals first, then what to fix, then what was excepted. */
export function renderMarkdown(data: ReportData): string {
  const open = openFindings(data);
  const lines: string[] = ['## Security review', '', headline(data, open), ''];
  if (data.partial) {
    lines.push(
      '> Partial synthesis (`-c tenant=...`): exceptions for stacks outside it were not checked.',
      '',
    );
  }
  lines.push(...packTable(data), '');
  if (data.problems.length) {
    lines.push(`### Problems with the review (${data.problems.length})`, '');
    for (const p of data.problems) lines.push(`- ${cell(p.message)}`);
    lines.push('');
  }
  if (open.length) lines.push(...findingSections(open), ...topRuleTable(open));
  lines.push(...exceptionTable(data));
  return `${lines.join('\n').trimEnd()}\n`;
}

function headline(data: ReportData, open: readonly ReportFinding[]): string {
  const count = (s: string) => open.filter((f) => f.severity === s).length;
  const byException = data.findings.filter((f) => f.acknowledged?.exception !== undefined).length;
  const inCode = data.findings.length - open.length - byException;
  const n = data.exceptions.length;
  const tail =
    `${byException} acknowledged by ${n} exception${plural(n)}` +
    (inCode ? `, ${inCode} outside the exceptions file (by the CDK or in code)` : '');
  if (open.length === 0 && data.problems.length === 0) return `**No open findings.** ${tail}.`;
  const parts = [
    `${count('error')} open error${plural(count('error'))}`,
    `${count('warning')} warning${plural(count('warning'))}`,
    `${count('info')} info`,
  ];
  const problems = data.problems.length
    ? `; ${data.problems.length} problem${plural(data.problems.length)} with the review`
    : '';
  return `**${parts.join(', ')}**${problems}. ${tail}.`;
}

function packTable(data: ReportData): string[] {
  const rows = packTotals(data).map((t) =>
    t.ran
      ? `| ${t.pack} | ${t.open.error} | ${t.open.warning} | ${t.open.info} | ${t.acknowledged} |`
      : `| ${t.pack} (did not run) | - | - | - | - |`,
  );
  return ['| Pack | Errors | Warnings | Info | Acknowledged |', '|---|--:|--:|--:|--:|', ...rows];
}

function findingSections(open: readonly ReportFinding[]): string[] {
  const lines = ['### Open findings by tenant and stack', ''];
  let shown = 0;
  for (const [tenant, stacks] of byTenantAndStack(open)) {
    const total = [...stacks.values()].reduce((n, list) => n + list.length, 0);
    lines.push(`<details open><summary><b>${tenant}</b> (${total})</summary>`, '');
    for (const [stack, findings] of stacks) {
      lines.push(`#### ${stack}`, '', '| Severity | Finding | Resource | Source |', '|---|---|---|---|');
      for (const f of findings) {
        if (shown++ >= MAX_FINDING_ROWS) break;
        lines.push(
          `| ${f.severity} | \`${cell(f.id)}\` ${cell(f.message)} | \`${cell(f.constructPath)}\` | ${where(f.location)} |`,
        );
      }
      lines.push('');
    }
    lines.push('</details>', '');
  }
  if (shown > MAX_FINDING_ROWS) {
    lines.push(
      `_${open.length - MAX_FINDING_ROWS} more open findings are in the SARIF and JSON reports._`,
      '',
    );
  }
  return lines;
}

function topRuleTable(open: readonly ReportFinding[]): string[] {
  const rows = topRules(open).map((r) => `| \`${r.rule}\` | ${r.severity} | ${r.count} |`);
  return ['### Top rules', '', '| Rule | Severity | Open findings |', '|---|---|--:|', ...rows, ''];
}

function exceptionTable(data: ReportData): string[] {
  const lines = [`### Exceptions (${data.exceptions.length})`, ''];
  if (data.exceptions.length === 0) return [...lines, `None in \`${data.exceptionsFile}\`.`, ''];
  lines.push(
    '| # | Rule | Scope | Findings | Approver | Expires | Days left | Reason |',
    '|--:|---|---|--:|---|---|--:|---|',
  );
  for (const e of data.exceptions) {
    const days =
      e.daysToExpiry < 0
        ? '**expired**'
        : e.daysToExpiry <= EXPIRY_WARNING_DAYS
          ? `**${e.daysToExpiry}** (renew)`
          : String(e.daysToExpiry);
    const findings = e.status === 'matched' ? String(e.findings) : `${e.findings} (${e.status})`;
    lines.push(
      `| ${e.index} | \`${cell(e.rule)}\` | ${cell(e.scope)} | ${findings} | ${cell(e.approver)} | ${e.expires} | ${days} | ${cell(e.reason)} |`,
    );
  }
  return [...lines, ''];
}

function where(location: ReportLocation): string {
  return location.line ? `\`${location.file}:${location.line}\`` : `\`${location.file}\``;
}

/** Keeps a value inside one table cell. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}
