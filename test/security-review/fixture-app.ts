import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, aws_iam as iam, aws_sqs as sqs, Duration, Stack, Tags, Validations } from 'aws-cdk-lib';
import { EstateModel } from '../../lib/config/model';
import { registerSecurityReview, SecurityReview } from '../../lib/security-review/register-security-review';
import { run } from '../config/helpers';
import { asConfigText, entry, exceptionsText } from './helpers';

const ENV = { account: '111111111111', region: 'eu-west-2' };

/** The valid test estate from the config helpers: tenants QAA (an ICB) and RAA (a trust). */
export function fixtureModel(): EstateModel {
  const result = run();
  if (!result.ok) throw new Error('the test estate is invalid');
  return result.model;
}

/**
 * A two-stack app with known findings. Tenant-RAA-prod holds a role allowed `s3:*` on `*`
 * (AwsSolutions-IAM5[Action::s3:*], IAM5[Resource::*], inline-policy rules in HIPAA and
 * NIST); Core-Network a queue without a dead-letter queue (AwsSolutions-SQS3).
 * CloudFormation validation is off (slow, and not under test), and a failed validation does
 * not throw, so tests can read what the review wrote.
 */
export function fixtureApp(context: Record<string, unknown> = {}): { app: App; outdir: string } {
  const outdir = mkdtempSync(join(tmpdir(), 'nhs-cloud-review-'));
  const app = new App({
    outdir,
    builtinCloudFormationValidation: false,
    context: { '@aws-cdk/core:failSynthOnValidationErrors': false, ...context },
  });
  const tenant = taggedStack(app, 'Tenant-RAA-prod', { 'ods-code': 'RAA', environment: 'prod' });
  const role = new iam.Role(tenant, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
  const core = taggedStack(app, 'Core-Network', { 'ods-code': 'platform', environment: 'core' });
  new sqs.Queue(core, 'Queue', { enforceSSL: true, retentionPeriod: Duration.days(4) });
  return { app, outdir };
}

/** A stack carrying the estate's mandatory tags, on itself (read by the review) and its resources. */
function taggedStack(app: App, id: string, tags: Record<string, string>): Stack {
  const all = { ...tags, 'data-classification': 'OFFICIAL' };
  const stack = new Stack(app, id, { env: ENV, tags: all });
  for (const [key, value] of Object.entries(all)) Tags.of(stack).add(key, value);
  return stack;
}

/**
 * Exceptions that each cover one finding of the fixture (entry i starts on line 2 + 5i),
 * leaving three errors open: SQS3 on the queue and the two full-access policy rules.
 */
export const MATCHING_EXCEPTIONS = exceptionsText(
  entry(),
  entry({ rule: 'AwsSolutions-IAM5[Resource::{*}]' }),
  entry({ rule: 'HIPAA.Security-IAMNoInlinePolicy', scope: '{ tenant: RAA }' }),
  entry({ rule: 'NIST.800.53.R5-IAMNoInlinePolicy', scope: "{ stack: 'Tenant-*-prod' }" }),
);

export interface SynthOptions {
  readonly exceptions?: string;
  /** Acknowledge AwsSolutions-SQS3 on the queue in code, as reviewers must not allow. */
  readonly codeAcknowledgement?: boolean;
  readonly today?: string;
}

/** Builds the fixture, registers the review with `exceptions`, synthesizes. */
export function synthFixture(options: SynthOptions = {}): { outdir: string; review: SecurityReview } {
  const { app, outdir } = fixtureApp();
  if (options.codeAcknowledgement) {
    Validations.of(app.node.findChild('Core-Network').node.findChild('Queue')).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'Acknowledged in code, outside the reviewed exceptions file.',
    });
  }
  const review = registerSecurityReview(app, fixtureModel(), {
    exceptions: asConfigText(options.exceptions ?? exceptionsText()),
    today: options.today ?? '2025-06-01',
    root: join(__dirname, '..', '..'),
  });
  app.synth();
  return { outdir, review };
}
