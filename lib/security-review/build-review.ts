import { CfnElement, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { didYouMean } from '../config/did-you-mean';
import { SourceFile } from '../config/source-file';
import { StackInfo } from './estate-stacks';
import { ExceptionTargets } from './exception-targets';
import { baseRuleId, describeScope, isCfnValidateRule } from './exceptions-schema';
import { FindingRecorder } from './finding-recorder';
import { isWithin, matchFindings, MatchedFinding } from './match-findings';
import {
  ExceptionStatus,
  REVIEW_FILE_VERSION,
  ReviewException,
  ReviewFile,
  ReviewFinding,
  ReviewProblem,
} from './review-file';
import { SourceLocation, sourceFromTrace } from './source-location';

export interface ReviewInput {
  readonly recorder: FindingRecorder;
  readonly targets: readonly ExceptionTargets[];
  readonly stacks: readonly StackInfo[];
  readonly exceptionsSource: SourceFile;
  readonly today: string;
  readonly partial: boolean;
  /** Repository root: source locations are given relative to it. */
  readonly root: string;
}

/** Everything the review saw, checked: stale exceptions and acknowledgements made in code. */
export function buildReview(input: ReviewInput): ReviewFile {
  const { recorder, targets, exceptionsSource } = input;
  const packs = recorder.packsRun;
  const { matched, counts } = matchFindings(recorder.findings, targets);
  const problems: ReviewProblem[] = [];
  const locate = sourceLocator(input.root);
  const exceptions = targets.map((target): ReviewException => {
    const { entry, index, constructs } = target;
    const status = statusOf(target, counts[index], packs);
    if (status === 'unmatched') problems.push(staleProblem(target, recorder, packs, exceptionsSource));
    return {
      index,
      rule: entry.rule,
      scope: describeScope(entry.scope),
      reason: entry.reason.trim(),
      approver: entry.approver,
      expires: entry.expires,
      ...exceptionsSource.positionOf(['exceptions', index]),
      targets: constructs.map((c) => c.node.path),
      findings: counts[index],
      status,
    };
  });
  problems.push(...inCodeProblems(matched, exceptionsSource.displayPath));
  return {
    version: REVIEW_FILE_VERSION,
    exceptionsFile: exceptionsSource.displayPath,
    today: input.today,
    partial: input.partial,
    packs,
    rules: recorder.rules,
    stacks: input.stacks.map((s) => ({
      name: s.name,
      path: s.stack.node.path,
      tenant: s.tenant,
      environment: s.environment,
      configFile: s.configFile,
    })),
    findings: matched.map((m) => toReviewFinding(m, locate)),
    exceptions,
    problems,
  };
}

function statusOf(target: ExceptionTargets, count: number, packs: readonly string[]): ExceptionStatus {
  if (target.constructs.length === 0) return 'not-in-synth';
  if (isCfnValidateRule(target.entry.rule)) return 'checked-by-report';
  if (packs.length === 0) return 'not-checked';
  return count > 0 ? 'matched' : 'unmatched';
}

function staleProblem(
  target: ExceptionTargets,
  recorder: FindingRecorder,
  packs: readonly string[],
  source: SourceFile,
): ReviewProblem {
  const { entry, index, constructs } = target;
  const { line, column } = source.positionOf(['exceptions', index]);
  const where = `${source.displayPath}:${line}:${column} exceptions[${index}]`;
  const rule = baseRuleId(entry.rule);
  const pack = rule.slice(0, rule.indexOf('-'));
  const n = constructs.length;
  const head = `${where}: ${entry.rule} on ${describeScope(entry.scope)} matches ${n} construct${n === 1 ? '' : 's'} but no finding`;
  let hint: string;
  if (!packs.includes(pack)) {
    hint = `the ${pack} pack did not run; packs that ran: ${packs.join(', ')}`;
  } else if (!recorder.rules.some((r) => r.id === rule)) {
    const suggestion = didYouMean(
      rule,
      recorder.rules.filter((r) => r.pack === pack).map((r) => r.id),
    );
    hint = `no rule ${rule} ran${suggestion ? `; did you mean ${suggestion}?` : ''}`;
  } else {
    const within = new Set<IConstruct>(constructs);
    const granular = [
      ...new Set(
        recorder.findings
          .filter((f) => f.rule === rule && f.id !== entry.rule && isWithin(f.node, within))
          .map((f) => f.id),
      ),
    ];
    hint = granular.length
      ? `${rule} reports findings one by one; acknowledge each of: ${granular.slice(0, 10).join(', ')}`
      : 'the finding it covered is gone: remove the exception';
  }
  return {
    kind: 'stale-exception',
    message: `${head}; ${hint}`,
    exception: index,
    constructPaths: constructs.slice(0, 1).map((c) => c.node.path),
  };
}

function inCodeProblems(matched: readonly MatchedFinding[], exceptionsFile: string): ReviewProblem[] {
  const byAck = new Map<string, { id: string; at: string; paths: string[] }>();
  for (const { finding, inCode } of matched) {
    if (!inCode) continue;
    const key = `${finding.id} ${inCode}`;
    const group = byAck.get(key) ?? { id: finding.id, at: inCode, paths: [] };
    group.paths.push(finding.node.node.path);
    byAck.set(key, group);
  }
  return [...byAck.values()].map(({ id, at, paths }) => ({
    kind: 'unreviewed-acknowledgement' as const,
    message: `${id} is acknowledged in code at ${at}, outside ${exceptionsFile}; move it to ${exceptionsFile} for the security team to review`,
    constructPaths: paths.slice(0, 1),
  }));
}

function toReviewFinding(
  { finding, exception, inCode }: MatchedFinding,
  locate: (node: IConstruct) => SourceLocation | undefined,
): ReviewFinding {
  return {
    pack: finding.pack,
    rule: finding.rule,
    id: finding.id,
    severity: finding.severity,
    constructPath: finding.node.node.path,
    stack: Stack.of(finding.node).stackName,
    source: locate(finding.node),
    ruleError: finding.ruleError,
    exception,
    acknowledgedInCode: inCode,
  };
}

/**
 * Where each resource was created in our code. Resources the CDK creates inside a library
 * construct (a VPC's subnets) have no frame of ours, so the nearest ancestor whose main
 * resource does is used instead: that is the line to change. Memoised per construct, as
 * findings cluster on the same few constructs of every stack.
 */
function sourceLocator(root: string): (node: IConstruct) => SourceLocation | undefined {
  const memo = new Map<IConstruct, SourceLocation | undefined>();
  const own = (node: IConstruct): SourceLocation | undefined => {
    for (const candidate of [node, node.node.defaultChild]) {
      if (!candidate || !CfnElement.isCfnElement(candidate)) continue;
      const trace = candidate.node.metadata.find((m) => m.type === 'aws:cdk:creationStack')?.data;
      const location = Array.isArray(trace) ? sourceFromTrace(trace as string[], root) : undefined;
      if (location) return location;
    }
    return undefined;
  };
  const locate = (node: IConstruct): SourceLocation | undefined => {
    if (memo.has(node)) return memo.get(node);
    const scope = node.node.scope;
    const location = own(node) ?? (scope ? locate(scope) : undefined);
    memo.set(node, location);
    return location;
  };
  return locate;
}
