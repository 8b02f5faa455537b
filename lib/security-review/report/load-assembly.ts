import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REVIEW_FILE, REVIEW_FILE_VERSION, ReviewFile } from '../review-file';
import { RawValidationReport, VALIDATION_REPORT_FILE } from './raw-report';
import { StaleAssemblyError } from '../../errors/user-input-error';

/**
 * The review inputs could not be read: the message says which file and what to run. Exit 3
 * (a missing or stale assembly, "nothing to report on"), so CI can tell it from open findings
 * (exit 1).
 */
export class ReportInputError extends StaleAssemblyError {}

export interface AssemblyReview {
  readonly review: ReviewFile;
  /** Undefined when the CDK wrote no validation report (no plugin ran). */
  readonly raw?: RawValidationReport;
}

/** Reads what `cdk synth` left in the cloud assembly: our review file and the CDK's report. */
export function loadAssemblyReview(assemblyDir: string): AssemblyReview {
  const reviewPath = join(assemblyDir, REVIEW_FILE);
  if (!existsSync(reviewPath)) {
    throw new ReportInputError(
      `${reviewPath} not found: run \`npx cdk synth\` first (the security review writes it during synthesis)`,
    );
  }
  const review = readJson(reviewPath) as ReviewFile;
  if (review.version !== REVIEW_FILE_VERSION) {
    throw new ReportInputError(
      `${reviewPath}: expected review file version ${REVIEW_FILE_VERSION}, got ${String(review.version)}; synthesize again`,
    );
  }
  const rawPath = join(assemblyDir, VALIDATION_REPORT_FILE);
  const raw = existsSync(rawPath) ? (readJson(rawPath) as RawValidationReport) : undefined;
  return { review, raw };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ReportInputError(`${path}: expected JSON, ${(error as Error).message}`);
  }
}
