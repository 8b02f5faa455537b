import { join } from 'node:path';
import { AssemblyReview, loadAssemblyReview } from '../../lib/security-review/report/load-assembly';
import { buildReportData, ReportData } from '../../lib/security-review/report/report-data';
import { failures, packTotals } from '../../lib/security-review/report/summary';
import { renderJson } from '../../lib/security-review/report/json';
import { renderMarkdown } from '../../lib/security-review/report/markdown';
import { renderSarif, SARIF_SCHEMA } from '../../lib/security-review/report/sarif';
import { ReviewFile } from '../../lib/security-review/review-file';
import { RawValidationReport } from '../../lib/security-review/report/raw-report';
import { MATCHING_EXCEPTIONS, synthFixture } from './fixture-app';

const ROOT = join(__dirname, '..', '..');
const OPTIONS = { today: '2025-06-01', fallbackFile: 'config/estate.yaml', root: ROOT };

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { rules: { id: string; shortDescription: { text: string }; help: { text: string } }[] } };
    results: {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
  }[];
}

describe('security review report', () => {
  let assembly: AssemblyReview;
  let data: ReportData;

  beforeAll(() => {
    assembly = loadAssemblyReview(synthFixture({ exceptions: MATCHING_EXCEPTIONS }).outdir);
    data = buildReportData(assembly, OPTIONS);
  });

  it('totals every pack, including one with no findings and missing from the CDK report', () => {
    expect(packTotals(data)).toEqual([
      { pack: 'AwsSolutions', ran: true, open: { error: 1, warning: 0, info: 0 }, acknowledged: 2 },
      { pack: 'HIPAA.Security', ran: true, open: { error: 1, warning: 0, info: 0 }, acknowledged: 1 },
      { pack: 'NIST.800.53.R5', ran: true, open: { error: 1, warning: 0, info: 0 }, acknowledged: 1 },
      { pack: 'NhsCloud', ran: true, open: { error: 0, warning: 0, info: 0 }, acknowledged: 0 },
    ]);
  });

  describe('Markdown', () => {
    let markdown: string;
    beforeAll(() => (markdown = renderMarkdown(data)));

    it('leads with the totals and the pack table', () => {
      expect(markdown).toContain('**3 open errors, 0 warnings, 0 info**. 4 acknowledged by 4 exceptions.');
      expect(markdown).toContain('| AwsSolutions | 1 | 0 | 0 | 2 |\n');
      expect(markdown).toContain('| NhsCloud | 0 | 0 | 0 | 0 |\n');
    });

    it('groups open findings by tenant, then stack, with the source line', () => {
      const raa = markdown.indexOf('<summary><b>RAA</b> (2)</summary>');
      const platform = markdown.indexOf('<summary><b>platform</b> (1)</summary>');
      expect(raa).toBeGreaterThan(-1);
      expect(platform).toBeGreaterThan(-1);
      expect(markdown.indexOf('#### Tenant-RAA-prod')).toBeGreaterThan(raa);
      expect(markdown).toMatch(
        /\| error \| `AwsSolutions-SQS3` The SQS queue .*\| `Core-Network\/Queue\/Resource` \| `test\/security-review\/fixture-app\.ts:\d+` \|/,
      );
    });

    it('lists top rules and every exception with approver and days to expiry', () => {
      expect(markdown).toContain('| `AwsSolutions-SQS3` | error | 1 |');
      expect(markdown).toContain('### Exceptions (4)');
      expect(markdown).toContain(
        '| 0 | `AwsSolutions-IAM5[Action::s3:*]` | path Tenant-*/Role | 1 | security.reviewer@nhs.net | 2025-12-31 | 213 | The role only reaches the tenant data bucket, named in the resource. |',
      );
    });

    it('flags exceptions close to expiry and expired ones', () => {
      const soon = buildReportData(assembly, { ...OPTIONS, today: '2025-12-10' });
      expect(renderMarkdown(soon)).toContain('| 2025-12-31 | **21** (renew) |');
      const late = buildReportData(assembly, { ...OPTIONS, today: '2026-01-02' });
      expect(renderMarkdown(late)).toContain('| 2025-12-31 | **expired** |');
    });
  });

  describe('SARIF', () => {
    let sarif: SarifLog;
    beforeAll(() => (sarif = renderSarif(data) as SarifLog));

    it('is a SARIF 2.1.0 log with one run', () => {
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.$schema).toBe(SARIF_SCHEMA);
      expect(sarif.runs).toHaveLength(1);
    });

    it('describes every rule a result uses, with help', () => {
      const rules = new Map(sarif.runs[0].tool.driver.rules.map((r) => [r.id, r]));
      for (const result of sarif.runs[0].results) {
        const rule = rules.get(result.ruleId)!;
        expect(rule.shortDescription.text).not.toBe('');
        expect(rule.help.text).toContain('config/exceptions.yaml');
      }
    });

    it('has one result per open finding at the line that created the resource', () => {
      const results = sarif.runs[0].results.map((r) => [
        r.ruleId,
        r.level,
        r.locations[0].physicalLocation.artifactLocation.uri,
        r.locations[0].physicalLocation.region.startLine > 0,
      ]);
      expect(results).toEqual([
        ['AwsSolutions-SQS3', 'error', 'test/security-review/fixture-app.ts', true],
        [
          'HIPAA.Security-IAMPolicyNoStatementsWithFullAccess',
          'error',
          'test/security-review/fixture-app.ts',
          true,
        ],
        [
          'NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess',
          'error',
          'test/security-review/fixture-app.ts',
          true,
        ],
      ]);
    });

    it("falls back to the tenant's config file, then estate.yaml, when no line of ours created it", () => {
      const review = {
        ...assembly.review,
        findings: assembly.review.findings.map((f) => ({ ...f, source: undefined })),
      };
      const log = renderSarif(buildReportData({ ...assembly, review }, OPTIONS)) as SarifLog;
      expect(log.runs[0].results.map((r) => r.locations[0].physicalLocation)).toEqual([
        { artifactLocation: { uri: 'config/estate.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } },
        {
          artifactLocation: { uri: 'config/tenants/RAA.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 1 },
        },
        {
          artifactLocation: { uri: 'config/tenants/RAA.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 1 },
        },
      ]);
    });
  });

  it('JSON carries totals and every finding, acknowledged ones included', () => {
    const json = renderJson(data) as { totals: unknown; findings: unknown[] };
    expect(json.totals).toEqual({
      open: { error: 3, warning: 0, info: 0 },
      acknowledged: 4,
      exceptions: 4,
      problems: 0,
    });
    expect(json.findings).toHaveLength(7);
  });
});

describe('failures at a threshold', () => {
  const finding = (severity: 'error' | 'warning' | 'info', acknowledged = false) => ({
    pack: 'AwsSolutions',
    rule: 'AwsSolutions-X1',
    id: 'AwsSolutions-X1',
    severity,
    message: '',
    constructPath: 'S/R',
    stack: 'S',
    location: { file: 'config/estate.yaml' },
    ...(acknowledged ? { acknowledged: { exception: 0, reason: '' } } : {}),
  });
  const data = (findings: ReturnType<typeof finding>[], problems = 0): ReportData => ({
    today: '2025-06-01',
    partial: false,
    exceptionsFile: 'config/exceptions.yaml',
    packs: [],
    rules: [],
    findings,
    exceptions: [],
    problems: Array.from({ length: problems }, () => ({
      kind: 'stale-exception' as const,
      message: '',
      constructPaths: [],
    })),
  });

  it.each([
    ['an open error', 1, 1, [finding('error')], 0],
    ['an open warning', 0, 1, [finding('warning')], 0],
    ['an open info', 0, 0, [finding('info')], 0],
    ['an acknowledged error', 0, 0, [finding('error', true)], 0],
    ['a stale exception', 1, 1, [], 1],
  ])(
    '%s counts %i at --fail-on error and %i at --fail-on warning',
    (_, atError, atWarning, findings, problems) => {
      expect(failures(data(findings, problems), 'error')).toBe(atError);
      expect(failures(data(findings, problems), 'warning')).toBe(atWarning);
    },
  );
});

describe("joining the CDK's validation report", () => {
  const review: ReviewFile = {
    version: 1,
    exceptionsFile: 'config/exceptions.yaml',
    today: '2025-06-01',
    partial: false,
    packs: ['AwsSolutions'],
    rules: [],
    stacks: [
      {
        name: 'Tenant-RAA-prod',
        path: 'Tenant-RAA-prod',
        tenant: 'RAA',
        configFile: 'config/tenants/RAA.yaml',
      },
    ],
    findings: [],
    exceptions: [0, 1].map((index) => ({
      index,
      rule: 'CloudFormation-Validate::W3010',
      scope: index ? 'path Tenant-*/Other' : 'path Tenant-*/Spoke/Resource',
      reason: 'Zones come from estate.yaml so synthesis needs no credentials.',
      approver: 'a@nhs.net',
      expires: '2025-12-31',
      line: 2 + 5 * index,
      column: 5,
      targets: [index ? 'Tenant-RAA-prod/Other' : 'Tenant-RAA-prod/Spoke/Resource'],
      findings: 0,
      status: 'checked-by-report' as const,
    })),
    problems: [],
  };
  const subnet = { constructPath: 'Tenant-RAA-prod/Spoke/Resource/Subnet1/Subnet' };
  const raw: RawValidationReport = {
    pluginReports: [
      {
        pluginName: 'CloudFormation Validate',
        violations: [],
        suppressedViolations: [
          {
            ruleName: 'W3010',
            description: "AvailabilityZone: Avoid hardcoding availability zones 'eu-west-2a'",
            severity: 'warning',
            violatingConstructs: [subnet],
            acknowledgedId: 'CloudFormation-Validate::W3010',
            reason: 'Zones come from estate.yaml so synthesis needs no credentials.',
            acknowledgedAt: 'Tenant-RAA-prod/Spoke/Resource',
          },
        ],
      },
      {
        pluginName: 'AwsSolutions',
        violations: [
          {
            ruleName: 'AwsSolutions-S1',
            description: 'No access logs.',
            severity: 'error',
            violatingConstructs: [subnet],
          },
        ],
      },
    ],
  };
  const data = buildReportData({ review, raw }, OPTIONS);

  it('credits CloudFormation validation findings to the exception acknowledged at that path', () => {
    expect(data.exceptions.map((e) => [e.status, e.findings])).toEqual([
      ['matched', 1],
      ['unmatched', 0],
    ]);
    expect(data.findings.find((f) => f.id === 'CloudFormation-Validate::W3010')?.acknowledged).toEqual({
      exception: 0,
      reason: 'Zones come from estate.yaml so synthesis needs no credentials.',
    });
  });

  it('reports a CloudFormation exception that matched nothing as a problem', () => {
    expect(data.problems.map((p) => p.message)).toEqual([
      'config/exceptions.yaml:7:5 exceptions[1]: CloudFormation-Validate::W3010 on path Tenant-*/Other matches 1 construct(s) but no finding; the finding it covered is gone: remove the exception',
    ]);
  });

  it('keeps a pack finding the review did not record, rather than losing it', () => {
    expect(
      data.findings.filter((f) => !f.acknowledged).map((f) => [f.id, f.tenant, f.location.file]),
    ).toEqual([['AwsSolutions-S1', 'RAA', 'config/tenants/RAA.yaml']]);
  });

  it('lists the built-in CloudFormation validation beside the packs', () => {
    expect(data.packs).toEqual([
      { name: 'AwsSolutions', ran: true },
      { name: 'HIPAA.Security', ran: false },
      { name: 'NIST.800.53.R5', ran: false },
      { name: 'NhsCloud', ran: false },
      { name: 'CloudFormation Validate', ran: true },
    ]);
  });
});
