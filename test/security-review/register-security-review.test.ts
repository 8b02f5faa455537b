import { App, Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ConfigValidationError } from '../../lib/config/config-error';
import {
  registerSecurityReview,
  SecurityReviewOptions,
} from '../../lib/security-review/register-security-review';
import { fixtureApp, fixtureModel } from './fixture-app';
import { asConfigText, entry, exceptionsText } from './helpers';

const model = fixtureModel();

function register(text: string, options: SecurityReviewOptions = {}, app: App = fixtureApp().app) {
  const review = registerSecurityReview(app, model, {
    exceptions: asConfigText(text),
    today: '2025-06-01',
    ...options,
  });
  return { app, review };
}

/** The acknowledgements recorded on one construct, as `{ id: reason }`. */
function acknowledgements(construct: IConstruct): Record<string, string> {
  return Object.assign(
    {},
    ...construct.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .map((m) => m.data as Record<string, string>),
  );
}

function errorsOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

const child = (app: App, path: string) => app.node.findAll().find((c) => c.node.path === path)!;

describe('registerSecurityReview', () => {
  it('registers the four packs and then the review plugin', () => {
    const { review } = register(exceptionsText());
    expect(review.packs.map((p) => p.name)).toEqual([
      'AwsSolutions',
      'HIPAA.Security',
      'NIST.800.53.R5',
      'NhsCloud',
    ]);
    expect(review.plugin.name).toBe('NhsCloudReview');
  });

  it('turns the packs off (packs: false, from -c nag=false) but still checks the exceptions', () => {
    expect(register(exceptionsText(), { packs: false }).review.packs).toEqual([]);
    const stale = exceptionsText(entry({ scope: "{ path: 'Tenant-*/Bucket' }" }));
    expect(errorsOf(() => register(stale, { packs: false }))).toContain('matches none');
  });

  it('applies a path exception through the recorder, on the matching construct and inside it', () => {
    const { app, review } = register(exceptionsText(entry()));
    const id = 'AwsSolutions-IAM5[Action::s3:*]';
    const role = child(app, 'Tenant-RAA-prod/Role');
    expect(review.recorder.exceptionFor('AwsSolutions-IAM5', id, role.node.defaultChild!)).toBe(0);
    expect(
      review.recorder.exceptionFor('AwsSolutions-IAM5', id, child(app, 'Tenant-RAA-prod')),
    ).toBeUndefined();
    expect(
      review.recorder.exceptionFor('AwsSolutions-IAM5', 'AwsSolutions-IAM5[Action::s3:Put*]', role),
    ).toBeUndefined();
    // No CDK acknowledgement per construct: at national scale those cost more than the rules.
    expect(acknowledgements(role)).toEqual({});
  });

  it('applies stack and tenant exceptions to the stacks they name', () => {
    const text = exceptionsText(
      entry({ rule: 'AwsSolutions-SQS3', scope: "{ stack: 'Core-*' }" }),
      entry({ rule: 'HIPAA.Security-IAMNoInlinePolicy', scope: '{ tenant: RAA }' }),
    );
    const { app, review } = register(text);
    expect(review.targets.map((t) => t.constructs.map((c) => c.node.path))).toEqual([
      ['Core-Network'],
      ['Tenant-RAA-prod'],
    ]);
    const covering = (rule: string, path: string) =>
      review.recorder.exceptionFor(rule, rule, child(app, path));
    expect(covering('AwsSolutions-SQS3', 'Core-Network')).toBe(0);
    expect(covering('AwsSolutions-SQS3', 'Tenant-RAA-prod')).toBeUndefined();
    expect(covering('HIPAA.Security-IAMNoInlinePolicy', 'Tenant-RAA-prod/Role')).toBe(1);
  });

  it('acknowledges CloudFormation Validate exceptions with the CDK, with approver and expiry in the reason', () => {
    const { app } = register(
      exceptionsText(
        entry({
          rule: 'CloudFormation-Validate::W3010',
          scope: "{ stack: 'Tenant-*' }",
          reason: 'Availability zones come from estate.yaml, so synthesis needs no AWS credentials.',
        }),
      ),
    );
    expect(acknowledgements(child(app, 'Tenant-RAA-prod'))).toEqual({
      'CloudFormation-Validate::W3010':
        'Availability zones come from estate.yaml, so synthesis needs no AWS credentials. (approved by security.reviewer@nhs.net, expires 2025-12-31; config/exceptions.yaml:2)',
    });
  });

  it('leaves {*} pattern exceptions to the recorder as well', () => {
    const { app, review } = register(exceptionsText(entry({ rule: 'AwsSolutions-IAM5[Resource::{*}]' })));
    expect(acknowledgements(child(app, 'Tenant-RAA-prod/Role'))).toEqual({});
    expect(
      review.recorder.exceptionFor(
        'AwsSolutions-IAM5',
        'AwsSolutions-IAM5[Resource::arn:x]',
        child(app, 'Tenant-RAA-prod/Role'),
      ),
    ).toBe(0);
  });

  it('fails at app build on exceptions that match no construct, naming the segment that stopped', () => {
    const text = exceptionsText(
      entry({ scope: "{ path: 'Tenant-*/Rol' }" }),
      entry({ rule: 'AwsSolutions-SQS3', scope: "{ stack: 'Core-Netwrk' }" }),
      entry({ rule: 'AwsSolutions-S1', scope: '{ tenant: QAA }' }),
    );
    expect(errorsOf(() => register(text))).toBe(
      [
        'config/exceptions.yaml:3:20 exceptions[0].scope.path: expected the path to match at least one construct, got "Tenant-*/Rol", which matches none',
        '  hint: "Tenant-RAA-prod" has no child matching "Rol"; its children are: Role',
        'config/exceptions.yaml:8:21 exceptions[1].scope.stack: expected the pattern to match at least one stack, got "Core-Netwrk", which matches none',
        '  hint: did you mean "Core-Network"?',
        'config/exceptions.yaml:13:22 exceptions[2].scope.tenant: expected tenant QAA to have at least one stack, got none',
        '  hint: a tenant environment gets a stack once it has an accountId; remove the exception until then',
        '',
        '3 configuration errors in 1 file.',
      ].join('\n'),
    );
  });

  it('skips exceptions outside a partial synthesis (partial: true, from -c tenant=ODS) instead of failing', () => {
    const text = exceptionsText(entry({ rule: 'AwsSolutions-S1', scope: '{ tenant: QAA }' }));
    expect(errorsOf(() => register(text, { partial: false }))).toContain(
      'expected tenant QAA to have at least one stack, got none',
    );
    const { review } = register(text, { partial: true });
    expect(review.targets[0].constructs).toEqual([]);
  });

  it('fails on an expired exception before touching the app', () => {
    expect(errorsOf(() => register(exceptionsText(entry({ expires: "'2025-05-01'" }))))).toContain(
      'config/exceptions.yaml:6:14 exceptions[0].expires: expired on 2025-05-01 (today is 2025-06-01)',
    );
  });

  it('requires allowDestructive entries to name a stack of the app', () => {
    const text = [
      'allowDestructive:',
      '  - stack: Tenant-RAA-prd',
      '    logicalId: DataBucket',
      '    change: delete',
      '    reason: The bucket is emptied and retired with the old archive design.',
      '    approver: a@nhs.net',
      "    expires: '2025-07-01'",
      '',
    ].join('\n');
    expect(errorsOf(() => register(text))).toContain(
      'config/exceptions.yaml:2:12 allowDestructive[0].stack: expected the name of a stack in the estate, got "Tenant-RAA-prd"\n  hint: did you mean "Tenant-RAA-prod"?',
    );
  });

  it('attributes stacks to tenants by their ods-code tag', () => {
    const { review } = register(exceptionsText(entry({ rule: 'AwsSolutions-S1', scope: '{ tenant: RAA }' })));
    expect(review.targets[0].constructs.every((c) => Stack.isStack(c))).toBe(true);
  });
});
