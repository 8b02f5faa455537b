import { createHash } from 'node:crypto';
import { ReviewProblem } from '../review-file';
import { ReportData, ReportFinding, ReportLocation, ReportRule, ReportSeverity } from './report-data';
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
 * SARIF 2.1.0 for GitHub code scanning: every rule that ran, and one result per open finding
 * at the line that created the resource (or the tenant's config file). Acknowledged findings
 * are left out: code scanning would show them as open alerts.
 */
export function renderSarif(data: ReportData, toolVersion = '0.1.0'): object {
  const rules = [...data.rules, ...Object.values(PROBLEM_RULES)];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = [
    ...openFindings(data).map((f) => findingResult(f, index.get(f.rule))),
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

function findingResult(f: ReportFinding, ruleIndex: number | undefined): object {
  const owner = f.tenant ? `tenant ${f.tenant}, ` : '';
  return {
    ruleId: f.rule,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: {
      text: `${f.message} Resource ${f.constructPath} (${owner}stack ${f.stack}). To accept it, request an exception for ${f.id}.`,
    },
    locations: [location(f.location, f.constructPath)],
    partialFingerprints: { 'nhsCloudFinding/v1': fingerprint(`${f.id}|${f.constructPath}`) },
    properties: { findingId: f.id, stack: f.stack, ...(f.tenant ? { tenant: f.tenant } : {}) },
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
