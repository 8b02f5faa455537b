/**
 * The parts of the CDK's `validation-report.json` the report reads. Written by aws-cdk-lib
 * after every synthesis with validation plugins; a plugin with nothing unacknowledged to
 * report may be missing from it, so it is never the record of which packs ran.
 */
export const VALIDATION_REPORT_FILE = 'validation-report.json';

export interface RawValidationReport {
  readonly version?: string;
  readonly pluginReports: readonly RawPluginReport[];
}

export interface RawPluginReport {
  readonly pluginName: string;
  readonly pluginVersion?: string;
  readonly conclusion?: string;
  readonly violations: readonly RawViolation[];
  readonly suppressedViolations?: readonly RawSuppressedViolation[];
}

export interface RawViolation {
  readonly ruleName: string;
  readonly description: string;
  readonly severity?: string;
  readonly fix?: string;
  readonly ruleMetadata?: Readonly<Record<string, string>>;
  readonly violatingConstructs: readonly RawViolatingConstruct[];
}

export interface RawViolatingConstruct {
  readonly constructPath?: string;
  readonly stackTraces?: readonly string[];
  readonly cloudFormationResource?: { readonly templatePath?: string; readonly logicalId?: string };
}

export interface RawSuppressedViolation extends RawViolation {
  /** `CloudFormation-Validate::W3010` */
  readonly acknowledgedId: string;
  readonly reason: string;
  /** Construct path the acknowledgement was made on. */
  readonly acknowledgedAt: string;
}
