import type { RuleInfo, Severity } from './finding-recorder';
import type { SourceLocation } from './source-location';

/**
 * `cdk.out/nhs-cloud-review.json`: what the security review saw during synthesis. The CDK's
 * validation report leaves out packs with nothing unacknowledged and drops acknowledged
 * findings; this file keeps both, so the report can say what ran and which exception covered
 * which finding.
 */
export const REVIEW_FILE = 'nhs-cloud-review.json';
export const REVIEW_FILE_VERSION = 1;

/** Name of the plugin that writes the review and reports stale exceptions. */
export const REVIEW_PLUGIN_NAME = 'NhsCloudReview';

export interface ReviewFile {
  readonly version: typeof REVIEW_FILE_VERSION;
  /** The exceptions file as displayed, e.g. `config/exceptions.yaml`. */
  readonly exceptionsFile: string;
  /** The date expiry was checked against (YYYY-MM-DD). */
  readonly today: string;
  /** Only part of the estate was synthesized (`-c tenant=ODS`). */
  readonly partial: boolean;
  /** Packs that ran, in registration order; empty when synthesized with `-c nag=false`. */
  readonly packs: readonly string[];
  readonly rules: readonly RuleInfo[];
  readonly stacks: readonly ReviewStack[];
  readonly findings: readonly ReviewFinding[];
  readonly exceptions: readonly ReviewException[];
  readonly problems: readonly ReviewProblem[];
}

export interface ReviewStack {
  readonly name: string;
  /** Construct path of the stack (its first path segment for top-level stacks). */
  readonly path: string;
  readonly tenant?: string;
  readonly environment?: string;
  readonly configFile?: string;
}

export interface ReviewFinding {
  readonly pack: string;
  readonly rule: string;
  readonly id: string;
  readonly severity: Severity;
  readonly constructPath: string;
  readonly stack: string;
  readonly source?: SourceLocation;
  readonly ruleError?: string;
  /** Index of the exception that acknowledged it. */
  readonly exception?: number;
  /** Path of a construct acknowledged in code rather than in exceptions.yaml. */
  readonly acknowledgedInCode?: string;
}

export type ExceptionStatus =
  /** Acknowledged at least one finding. */
  | 'matched'
  /** Matched constructs but no finding: stale, fails validation. */
  | 'unmatched'
  /** Its constructs are outside this partial synth. */
  | 'not-in-synth'
  /** The packs did not run (`-c nag=false`), so nothing could match. */
  | 'not-checked'
  /** A CloudFormation validation rule: the CDK applies it and `nhs-cloud report` checks it. */
  | 'checked-by-report';

export interface ReviewException {
  readonly index: number;
  readonly rule: string;
  readonly scope: string;
  readonly reason: string;
  readonly approver: string;
  readonly expires: string;
  readonly line: number;
  readonly column: number;
  /** Construct paths the rule is acknowledged on. */
  readonly targets: readonly string[];
  /** Findings it acknowledged. */
  readonly findings: number;
  readonly status: ExceptionStatus;
}

export type ProblemKind = 'stale-exception' | 'unreviewed-acknowledgement';

export interface ReviewProblem {
  readonly kind: ProblemKind;
  readonly message: string;
  readonly exception?: number;
  readonly constructPaths: readonly string[];
}
