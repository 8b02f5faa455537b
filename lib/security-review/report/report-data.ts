import { daysBetween } from '../dates';
import { baseRuleId, CFN_VALIDATE_PREFIX, NAG_PACK_PREFIXES } from '../exceptions-schema';
import { REVIEW_PLUGIN_NAME, ReviewException, ReviewFile, ReviewProblem, ReviewStack } from '../review-file';
import { sourceFromTrace } from '../source-location';
import { AssemblyReview } from './load-assembly';
import { RawPluginReport, RawViolation } from './raw-report';

export type ReportSeverity = 'error' | 'warning' | 'info';

export interface ReportLocation {
  /** Repository-relative path: the line that created the resource, or the tenant's config. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

export interface ReportFinding {
  readonly pack: string;
  readonly rule: string;
  /** The ID to acknowledge: granular for findings-based rules. */
  readonly id: string;
  readonly severity: ReportSeverity;
  readonly message: string;
  readonly constructPath: string;
  readonly stack: string;
  readonly tenant?: string;
  readonly environment?: string;
  readonly location: ReportLocation;
  /** Set when acknowledged: by an exception (its index) or, for CDK-internal ones, in code. */
  readonly acknowledged?: { readonly exception?: number; readonly reason: string };
}

export interface ReportRule {
  readonly id: string;
  readonly pack: string;
  readonly severity: ReportSeverity;
  readonly summary: string;
  readonly help: string;
}

export interface ReportException extends ReviewException {
  readonly daysToExpiry: number;
}

export interface ReportData {
  readonly today: string;
  readonly partial: boolean;
  readonly exceptionsFile: string;
  /** Every pack we expect plus any other plugin in the CDK report, with whether it ran. */
  readonly packs: readonly { readonly name: string; readonly ran: boolean }[];
  readonly rules: readonly ReportRule[];
  readonly findings: readonly ReportFinding[];
  readonly exceptions: readonly ReportException[];
  /** Problems with the review itself (stale exceptions, acknowledgements in code). */
  readonly problems: readonly ReviewProblem[];
}

export interface ReportOptions {
  /** YYYY-MM-DD for days-to-expiry. */
  readonly today: string;
  /** Where findings with no source line point when they belong to no tenant. */
  readonly fallbackFile: string;
  /** Repository root, for stack traces in the CDK report. */
  readonly root: string;
}

/** Joins our review file with the CDK's report into one model for every output format. */
export function buildReportData({ review, raw }: AssemblyReview, options: ReportOptions): ReportData {
  const stacks = new Map(review.stacks.map((s) => [s.path, s]));
  const exceptionText = (i: number) => review.exceptions[i]?.reason ?? '';
  const findings: ReportFinding[] = review.findings.map((f) => {
    const owner = stacks.get(f.constructPath.split('/')[0]);
    const info = review.rules.find((r) => r.id === f.rule);
    return {
      pack: f.pack,
      rule: f.rule,
      id: f.id,
      severity: f.severity,
      message: f.ruleError
        ? `The rule could not evaluate the resource: ${f.ruleError}`
        : (info?.info ?? f.id),
      constructPath: f.constructPath,
      stack: f.stack,
      ...ownerOf(owner),
      location: f.source ?? { file: owner?.configFile ?? options.fallbackFile },
      acknowledged:
        f.exception !== undefined
          ? { exception: f.exception, reason: exceptionText(f.exception) }
          : f.acknowledgedInCode
            ? { reason: `acknowledged in code at ${f.acknowledgedInCode}` }
            : undefined,
    };
  });
  const rules: ReportRule[] = review.rules.map((r) => ({
    id: r.id,
    pack: r.pack,
    severity: r.severity,
    summary: r.info,
    help: r.explanation,
  }));
  const problems = [...review.problems];
  const exceptions = review.exceptions.map((e) => ({
    ...e,
    daysToExpiry: daysBetween(options.today, e.expires),
  }));
  const ranNag = new Set(review.packs);
  const otherPlugins: string[] = [];
  for (const plugin of raw?.pluginReports ?? []) {
    if (plugin.pluginName === REVIEW_PLUGIN_NAME) continue;
    if (ranNag.has(plugin.pluginName)) {
      findings.push(...unrecordedNagFindings(plugin, review, stacks, options));
      continue;
    }
    otherPlugins.push(plugin.pluginName);
    const added = pluginFindings(plugin, stacks, options, review);
    findings.push(...added.findings);
    for (const rule of added.rules) if (!rules.some((r) => r.id === rule.id)) rules.push(rule);
  }
  checkCfnExceptions(exceptions, raw, review, problems);
  const packs = [
    ...NAG_PACK_PREFIXES.map((name) => ({ name: name as string, ran: ranNag.has(name) })),
    ...review.packs
      .filter((p) => !(NAG_PACK_PREFIXES as readonly string[]).includes(p))
      .map((name) => ({ name, ran: true })),
    ...otherPlugins.map((name) => ({ name, ran: true })),
  ];
  return {
    today: options.today,
    partial: review.partial,
    exceptionsFile: review.exceptionsFile,
    packs,
    rules,
    findings,
    exceptions,
    problems,
  };
}

function ownerOf(stack: ReviewStack | undefined): { tenant?: string; environment?: string } {
  return { tenant: stack?.tenant, environment: stack?.environment };
}

function severityOf(raw: string | undefined): ReportSeverity {
  const s = (raw ?? '').toLowerCase();
  if (s === 'error' || s === 'fatal') return 'error';
  return s === 'warning' ? 'warning' : 'info';
}

/**
 * A pack finding in the CDK report that the review did not record: a pack that crashed, or a
 * review file from another synthesis. Shown rather than lost.
 */
function unrecordedNagFindings(
  plugin: RawPluginReport,
  review: ReviewFile,
  stacks: ReadonlyMap<string, ReviewStack>,
  options: ReportOptions,
): ReportFinding[] {
  const known = new Set(
    review.findings.filter((f) => f.exception === undefined).map((f) => `${f.id} ${f.constructPath}`),
  );
  return toFindings(plugin.pluginName, plugin.violations, stacks, options, (v) => v.ruleName).filter(
    (f) => !known.has(`${f.id} ${f.constructPath}`),
  );
}

function pluginFindings(
  plugin: RawPluginReport,
  stacks: ReadonlyMap<string, ReviewStack>,
  options: ReportOptions,
  review: ReviewFile,
): { findings: ReportFinding[]; rules: ReportRule[] } {
  const prefix = plugin.pluginName.replace(/ /g, '-');
  const idOf = (v: RawViolation) => `${prefix}::${v.ruleName}`;
  const findings = toFindings(plugin.pluginName, plugin.violations, stacks, options, idOf);
  for (const suppressed of plugin.suppressedViolations ?? []) {
    const exception = review.exceptions.find(
      (e) => e.rule === suppressed.acknowledgedId && e.targets.includes(suppressed.acknowledgedAt),
    );
    const acknowledged = { exception: exception?.index, reason: suppressed.reason };
    findings.push(
      ...toFindings(plugin.pluginName, [suppressed], stacks, options, idOf).map((f) => ({
        ...f,
        acknowledged,
      })),
    );
  }
  const rules = [...plugin.violations, ...(plugin.suppressedViolations ?? [])].map((v) => ({
    id: idOf(v),
    pack: plugin.pluginName,
    severity: severityOf(v.severity),
    summary: v.description,
    help: [v.description, v.fix, v.ruleMetadata?.category && `Category: ${v.ruleMetadata.category}.`]
      .filter(Boolean)
      .join(' '),
  }));
  return { findings, rules };
}

function toFindings(
  pack: string,
  violations: readonly RawViolation[],
  stacks: ReadonlyMap<string, ReviewStack>,
  options: ReportOptions,
  idOf: (v: RawViolation) => string,
): ReportFinding[] {
  return violations.flatMap((v) =>
    v.violatingConstructs.map((c): ReportFinding => {
      const constructPath = c.constructPath ?? '';
      const owner = stacks.get(constructPath.split('/')[0]);
      const id = idOf(v);
      return {
        pack,
        rule: baseRuleId(id),
        id,
        severity: severityOf(v.severity),
        message: v.description,
        constructPath,
        stack: owner?.name ?? constructPath.split('/')[0],
        ...ownerOf(owner),
        location: sourceFromTrace(c.stackTraces ?? [], options.root) ?? {
          file: owner?.configFile ?? options.fallbackFile,
        },
      };
    }),
  );
}

/**
 * Exceptions for CloudFormation validation rules are applied by the CDK itself, so whether
 * they matched anything is only known from its report.
 */
function checkCfnExceptions(
  exceptions: ReportException[],
  raw: AssemblyReview['raw'],
  review: ReviewFile,
  problems: ReviewProblem[],
): void {
  const cfn = raw?.pluginReports.find((p) => `${p.pluginName.replace(/ /g, '-')}::` === CFN_VALIDATE_PREFIX);
  exceptions.forEach((e, i) => {
    if (e.status !== 'checked-by-report') return;
    const matched = (cfn?.suppressedViolations ?? []).filter(
      (s) => s.acknowledgedId === e.rule && e.targets.includes(s.acknowledgedAt),
    );
    const findings = matched.reduce((n, s) => n + s.violatingConstructs.length, 0);
    const status = findings > 0 ? 'matched' : cfn ? 'unmatched' : 'not-checked';
    exceptions[i] = { ...e, findings, status };
    if (status === 'unmatched') {
      problems.push({
        kind: 'stale-exception',
        message: `${review.exceptionsFile}:${e.line}:${e.column} exceptions[${e.index}]: ${e.rule} on ${e.scope} matches ${e.targets.length} construct(s) but no finding; the finding it covered is gone: remove the exception`,
        exception: e.index,
        constructPaths: e.targets.slice(0, 5),
      });
    }
  });
}
