import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  IPolicyValidationContext,
  IPolicyValidationPlugin,
  PolicyValidationPluginReport,
  PolicyViolation,
  Stage,
} from 'aws-cdk-lib';
import { buildReview, ReviewInput } from './build-review';
import { REVIEW_FILE, REVIEW_PLUGIN_NAME, ReviewFile, ReviewProblem } from './review-file';

const RULE_NAMES: Record<ReviewProblem['kind'], string> = {
  'stale-exception': 'StaleException',
  'unreviewed-acknowledgement': 'UnreviewedAcknowledgement',
};

/**
 * Registered after the packs, so it runs once they have: it matches their recorded findings
 * to the exceptions, writes `nhs-cloud-review.json` next to the templates, and fails
 * validation for an exception that covered nothing or an acknowledgement made in code.
 */
export class ReviewPlugin implements IPolicyValidationPlugin {
  readonly name = REVIEW_PLUGIN_NAME;
  /** The last review built, for callers that synthesize in-process. */
  review?: ReviewFile;

  constructor(private readonly input: ReviewInput) {}

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const review = buildReview(this.input);
    this.review = review;
    const app = context.appConstruct;
    if (Stage.isStage(app)) {
      mkdirSync(app.outdir, { recursive: true });
      writeFileSync(join(app.outdir, REVIEW_FILE), `${JSON.stringify(review, undefined, 1)}\n`);
    }
    const violations = review.problems.map((problem): PolicyViolation => ({
      ruleName: RULE_NAMES[problem.kind],
      description: problem.message,
      // Fatal: the CDK will not let these be acknowledged away in code.
      severity: 'fatal',
      violatingResources: problem.constructPaths.map((constructPath) => ({ constructPath, locations: [] })),
    }));
    return { success: violations.length === 0, violations };
  }
}
