import { ReportData, ReportFinding } from '../../lib/security-review/report/report-data';
import { renderSarif } from '../../lib/security-review/report/sarif';

/** Issue 14, item 9: SARIF for an estate of 2,000 stacks. */
interface Result {
  ruleId: string;
  level: string;
  message: { text: string };
  partialFingerprints: Record<string, string>;
  properties: { resources: number; constructPaths: string[] };
}
interface Log {
  runs: {
    results: Result[];
    properties: { findingsNotIncluded: number };
    invocations?: { toolExecutionNotifications: { message: { text: string } }[] }[];
  }[];
}

const finding = (
  rule: string,
  line: number,
  stack: number,
  severity: ReportFinding['severity'] = 'error',
): ReportFinding => ({
  pack: 'NhsCloud',
  rule,
  id: rule,
  severity,
  message: `${rule} message.`,
  constructPath: `Tenant-R${String(stack).padStart(4, '0')}-prod/Spoke/Resource`,
  stack: `Tenant-R${String(stack).padStart(4, '0')}-prod`,
  location: { file: 'lib/patterns/spoke-vpc/spoke-vpc.ts', line },
});

const data = (findings: ReportFinding[]): ReportData => ({
  today: '2026-12-06',
  partial: false,
  exceptionsFile: 'config/exceptions.yaml',
  packs: [],
  rules: [],
  findings,
  exceptions: [],
  problems: [],
});

describe('SARIF at national scale', () => {
  it('keeps one result per rule and source line, listing its resources, with both fingerprints', () => {
    const findings = Array.from({ length: 2000 }, (_, i) => finding('NhsCloud-VpcFlowLogEnabled', 52, i));
    const log = renderSarif(data(findings)) as Log;
    expect(log.runs[0].results).toHaveLength(1);
    const [result] = log.runs[0].results;
    expect(result!.properties.resources).toBe(2000);
    expect(result!.properties.constructPaths).toHaveLength(1000); // GitHub's per-result limit
    expect(result!.message.text).toMatch(
      /^NhsCloud-VpcFlowLogEnabled message\. 2000 resources from this line, e\.g\. Tenant-R0000-prod/,
    );
    expect(Object.keys(result!.partialFingerprints).sort()).toEqual([
      'nhsCloudFinding/v1',
      'primaryLocationLineHash',
    ]);
  });

  it('gives different rules on the same line different fingerprints', () => {
    const log = renderSarif(data([finding('A', 52, 1), finding('B', 52, 1)])) as Log;
    const [a, b] = log.runs[0].results;
    expect(a!.partialFingerprints.primaryLocationLineHash).not.toBe(
      b!.partialFingerprints.primaryLocationLineHash,
    );
  });

  it('cuts to the 5,000 results GitHub keeps, most severe first, and says what it cut', () => {
    const findings = [
      ...Array.from({ length: 5100 }, (_, line) => finding('Warn', line + 1, 1, 'warning')),
      ...Array.from({ length: 10 }, (_, line) => finding('Err', line + 1, 2, 'error')),
    ];
    const log = renderSarif(data(findings)) as Log;
    const { results } = log.runs[0];
    expect(results).toHaveLength(5000);
    expect(results.slice(0, 10).every((r) => r.level === 'error')).toBe(true);
    expect(log.runs[0].properties.findingsNotIncluded).toBe(110);
    expect(log.runs[0].invocations![0]!.toolExecutionNotifications[0]!.message.text).toMatch(
      /^110 open findings from 110 source lines are not in this log: GitHub keeps 5000 results per run, most severe first/,
    );
  });
});
