import { ReportData } from './report-data';
import { openFindings, packTotals } from './summary';

/** Everything, for other tools: totals, every finding (acknowledged ones included) and exception. */
export function renderJson(data: ReportData): object {
  const open = openFindings(data);
  return {
    version: 1,
    today: data.today,
    partial: data.partial,
    exceptionsFile: data.exceptionsFile,
    totals: {
      open: {
        error: open.filter((f) => f.severity === 'error').length,
        warning: open.filter((f) => f.severity === 'warning').length,
        info: open.filter((f) => f.severity === 'info').length,
      },
      acknowledged: data.findings.length - open.length,
      exceptions: data.exceptions.length,
      problems: data.problems.length,
    },
    packs: packTotals(data),
    findings: data.findings,
    exceptions: data.exceptions,
    problems: data.problems,
  };
}
