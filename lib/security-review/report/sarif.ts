import { createHash } from 'node:crypto';
import { ReviewProblem } from '../review-file';
import { ReportData, ReportFinding, ReportLocation, ReportRule, ReportSeverity } from './report-data';
import { FindingGroup, groupFindings, SARIF_LIMITS } from './sarif-limits';
import { openFindings } from './summary';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const CDK_NAG_RULES = 'https://github.com/cdklabs/cdk-nag/blob/main/RULES.md';
const HOW_TO =
  'Fix the resource where it is created, or request a reviewed exception in config/exceptions.yaml (see docs/security-review.md).';

const LEVEL: Record<ReportSeverity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};
/** GitHub code scanning ranks security alerts by this score (0-10). */
const SECURITY_SEVERITY: Record<ReportSeverity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

const PROBLEM_RULES: Record<ReviewProblem['kind'], ReportRule> = {
  'stale-exception': {
    id: 'NhsCloudReview-StaleException',
    pack: 'NhsCloudReview',
    severity: 'error',
    summary: 'An exception in config/exceptions.yaml matches constructs but no finding.',
    help: 'The finding it covered is gone or the rule ID is wrong. Remove the exception, or correct its rule to the ID the pack reports.',
  },
  'unreviewed-acknowledgement': {
    id: 'NhsCloudReview-UnreviewedAcknowledgement',
    pack: 'NhsCloudReview',
    severity: 'error',
    summary: 'A finding is acknowledged in code instead of config/exceptions.yaml.',
    help: 'Every acknowledgement is an entry in config/exceptions.yaml with a reason, approver and expiry, reviewed by the security team. Move it there.',
  },
};

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule that ran, and one result per rule and
 * source line that created open findings (or the tenant's config file), listing the resources.
 * At national scale one line creates a finding in every stack; grouped, they stay within
 * GitHub's limits, most severe first, and the run says what did not fit. Acknowledged findings
 * are left out: code scanning would show them as open alerts.
 */
export function renderSarif(data: ReportData, toolVersion = '0.1.0'): object {
  const rules = [...data.rules, ...Object.values(PROBLEM_RULES)];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const { kept, cut } = groupFindings(openFindings(data));
  const results = [
    ...kept.map((g) => groupResult(g, index.get(g.rule))),
    ...data.problems.map((p) => problemResult(p, data, index)),
  ];
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'nhs-cloud security review',
            version: toolVersion,
            rules: rules.map(ruleDescriptor),
          },
        },
        automationDetails: { id: 'nhs-cloud-security-review/' },
        ...(cut.groups > 0 && {
          invocations: [
            {
              executionSuccessful: true,
              toolExecutionNotifications: [
                {
                  level: 'warning',
                  message: {
                    text: `${cut.findings} open findings from ${cut.groups} source lines are not in this log: GitHub keeps ${SARIF_LIMITS.resultsKept} results per run, most severe first. The Markdown and JSON reports list every finding.`,
                  },
                },
              ],
            },
          ],
        }),
        properties: { findingsNotIncluded: cut.findings },
        results,
      },
    ],
  };
}

function ruleDescriptor(rule: ReportRule): object {
  const fromNag = !rule.pack.startsWith('NhsCloud') && !rule.id.includes('::');
  return {
    id: rule.id,
    name: rule.id.replace(/[^A-Za-z0-9]/g, ''),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.help || rule.summary },
    help: {
      text: `${rule.help || rule.summary}\n\n${HOW_TO}`,
      markdown: `${rule.help || rule.summary}\n\n${HOW_TO}`,
    },
    ...(fromNag ? { helpUri: CDK_NAG_RULES } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['security', rule.pack], 'security-severity': SECURITY_SEVERITY[rule.severity] },
  };
}

function groupResult(group: FindingGroup, ruleIndex: number | undefined): object {
  const [first] = group.findings as [ReportFinding, ...ReportFinding[]];
  const paths = group.findings.map((f) => f.constructPath);
  const n = group.findings.length;
  const owner = first.tenant ? `tenant ${first.tenant}, ` : '';
  const text =
    n === 1
      ? `${first.message} Resource ${first.constructPath} (${owner}stack ${first.stack}). To accept it, request an exception for ${first.id}.`
      : `${first.message} ${n} resources from this line, e.g. ${paths.slice(0, 3).join(', ')}. To accept them, request an exception for ${first.id} scoped to them.`;
  const key = `${group.rule}|${first.location.file}|${first.location.line ?? 1}`;
  return {
    ruleId: group.rule,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[group.severity],
    message: { text },
    locations: [location(first.location, first.constructPath)],
    // Ours, and GitHub's own (its hash of the line with an occurrence count), both per rule and line.
    partialFingerprints: {
      'nhsCloudFinding/v1': fingerprint(n === 1 ? `${first.id}|${first.constructPath}` : key),
      primaryLocationLineHash: `${fingerprint(key)}:1`,
    },
    properties: {
      findingId: first.id,
      resources: n,
      constructPaths: paths.slice(0, SARIF_LIMITS.locationsPerResult),
      stacks: [...new Set(group.findings.map((f) => f.stack))].slice(0, SARIF_LIMITS.locationsShown),
      ...(first.tenant && n === 1 ? { tenant: first.tenant } : {}),
    },
  };
}

function problemResult(p: ReviewProblem, data: ReportData, index: ReadonlyMap<string, number>): object {
  const rule = PROBLEM_RULES[p.kind];
  const exception =
    p.exception !== undefined ? data.exceptions.find((e) => e.index === p.exception) : undefined;
  const where: ReportLocation = {
    file: data.exceptionsFile,
    line: exception?.line ?? 1,
    column: exception?.column,
  };
  return {
    ruleId: rule.id,
    ruleIndex: index.get(rule.id),
    level: 'error',
    message: { text: p.message },
    locations: [location(where, p.constructPaths[0])],
    partialFingerprints: { 'nhsCloudFinding/v1': fingerprint(`${rule.id}|${p.message}`) },
  };
}

function location(where: ReportLocation, constructPath?: string): object {
  return {
    physicalLocation: {
      artifactLocation: { uri: where.file, uriBaseId: '%SRCROOT%' },
      region: { startLine: where.line ?? 1, ...(where.column ? { startColumn: where.column } : {}) },
    },
    ...(constructPath ? { logicalLocations: [{ fullyQualifiedName: constructPath, kind: 'resource' }] } : {}),
  };
}

/** Stable across line moves: GitHub keeps one alert per finding and resource. */
function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
