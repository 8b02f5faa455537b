import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REVIEW_FILE, ReviewFile } from '../../lib/security-review/review-file';
import { RawValidationReport } from '../../lib/security-review/report/raw-report';
import { MATCHING_EXCEPTIONS, synthFixture } from './fixture-app';
import { entry, exceptionsText } from './helpers';

const readJson = <T>(dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
const open = (review: ReviewFile) =>
  review.findings
    .filter((f) => f.exception === undefined)
    .map((f) => `${f.id} ${f.constructPath}`)
    .sort();

describe('the review written during synthesis', () => {
  let outdir: string;
  let review: ReviewFile;
  let raw: RawValidationReport;

  beforeAll(() => {
    outdir = synthFixture({ exceptions: MATCHING_EXCEPTIONS }).outdir;
    review = readJson<ReviewFile>(outdir, REVIEW_FILE);
    raw = readJson<RawValidationReport>(outdir, 'validation-report.json');
  });

  it('lists every pack that ran, including ones with nothing to report', () => {
    expect(review.packs).toEqual(['AwsSolutions', 'HIPAA.Security', 'NIST.800.53.R5', 'NhsCloud']);
    expect(raw.pluginReports.map((p) => p.pluginName)).not.toContain('NhsCloud');
  });

  it('records which exception acknowledged which finding, patterns included', () => {
    const acknowledged = review.findings
      .filter((f) => f.exception !== undefined)
      .map((f) => `${f.exception} ${f.id}`)
      .sort();
    expect(acknowledged).toEqual([
      '0 AwsSolutions-IAM5[Action::s3:*]',
      '1 AwsSolutions-IAM5[Resource::*]',
      '2 HIPAA.Security-IAMNoInlinePolicy',
      '3 NIST.800.53.R5-IAMNoInlinePolicy',
    ]);
    expect(review.exceptions.map((e) => [e.status, e.findings, e.line])).toEqual([
      ['matched', 1, 2],
      ['matched', 1, 7],
      ['matched', 1, 12],
      ['matched', 1, 17],
    ]);
    expect(review.problems).toEqual([]);
  });

  it('leaves the open findings open, and so does the CDK report', () => {
    expect(open(review)).toEqual([
      'AwsSolutions-SQS3 Core-Network/Queue/Resource',
      'HIPAA.Security-IAMPolicyNoStatementsWithFullAccess Tenant-RAA-prod/Role/DefaultPolicy/Resource',
      'NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess Tenant-RAA-prod/Role/DefaultPolicy/Resource',
    ]);
    const reported = raw.pluginReports
      .flatMap((p) =>
        p.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} ${c.constructPath}`)),
      )
      .sort();
    expect(reported).toEqual(open(review));
  });

  it('locates each finding at the line of our code that created the resource', () => {
    const source = readFileSync(join(__dirname, 'fixture-app.ts'), 'utf8').split('\n');
    const queue = review.findings.find((f) => f.id === 'AwsSolutions-SQS3')!;
    expect(queue.source?.file).toBe('test/security-review/fixture-app.ts');
    expect(source[queue.source!.line - 1]).toContain('new sqs.Queue(');
    const policy = review.findings.find((f) => f.id === 'AwsSolutions-IAM5[Action::s3:*]')!;
    expect(source[policy.source!.line - 1]).toContain('role.addToPolicy(');
  });

  it('knows each stack’s tenant and the catalogue of rules that ran', () => {
    expect(review.stacks.map((s) => [s.name, s.tenant, s.configFile])).toEqual([
      ['Tenant-RAA-prod', 'RAA', 'config/tenants/RAA.yaml'],
      ['Core-Network', undefined, undefined],
    ]);
    expect(review.rules.find((r) => r.id === 'AwsSolutions-SQS3')).toMatchObject({
      pack: 'AwsSolutions',
      severity: 'error',
    });
    expect(review.rules.filter((r) => r.pack === 'NhsCloud').length).toBeGreaterThan(5);
  });
});

describe('review problems', () => {
  let review: ReviewFile;
  let raw: RawValidationReport;

  beforeAll(() => {
    const { outdir } = synthFixture({
      exceptions: exceptionsText(
        entry({ rule: 'AwsSolutions-SQS4', scope: "{ stack: 'Core-*' }" }),
        entry({ rule: 'AwsSolutions-IAM5' }),
        entry({ rule: 'AwsSolutions-IAM55' }),
      ),
      codeAcknowledgement: true,
    });
    review = readJson<ReviewFile>(outdir, REVIEW_FILE);
    raw = readJson<RawValidationReport>(outdir, 'validation-report.json');
  });

  it('fails an exception that matches constructs but no finding, saying why', () => {
    expect(review.exceptions.map((e) => e.status)).toEqual(['unmatched', 'unmatched', 'unmatched']);
    expect(review.problems.filter((p) => p.kind === 'stale-exception').map((p) => p.message)).toEqual([
      'config/exceptions.yaml:2:5 exceptions[0]: AwsSolutions-SQS4 on stack Core-* matches 1 construct but no finding; the finding it covered is gone: remove the exception',
      'config/exceptions.yaml:7:5 exceptions[1]: AwsSolutions-IAM5 on path Tenant-*/Role matches 1 construct but no finding; AwsSolutions-IAM5 reports findings one by one; acknowledge each of: AwsSolutions-IAM5[Action::s3:*], AwsSolutions-IAM5[Resource::*]',
      'config/exceptions.yaml:12:5 exceptions[2]: AwsSolutions-IAM55 on path Tenant-*/Role matches 1 construct but no finding; no rule AwsSolutions-IAM55 ran; did you mean AwsSolutions-IAM5?',
    ]);
  });

  it('fails an acknowledgement made in code instead of exceptions.yaml', () => {
    expect(review.problems.filter((p) => p.kind === 'unreviewed-acknowledgement')).toEqual([
      {
        kind: 'unreviewed-acknowledgement',
        message:
          'AwsSolutions-SQS3 is acknowledged in code at Core-Network/Queue, outside config/exceptions.yaml; move it to config/exceptions.yaml for the security team to review',
        constructPaths: ['Core-Network/Queue/Resource'],
      },
    ]);
  });

  it('reports the problems to the CDK as fatal, which no acknowledgement can hide', () => {
    const plugin = raw.pluginReports.find((p) => p.pluginName === 'NhsCloudReview')!;
    expect(plugin.conclusion).toBe('failure');
    expect(plugin.violations.map((v) => [v.ruleName, v.severity])).toEqual([
      ['StaleException', 'fatal'],
      ['StaleException', 'fatal'],
      ['StaleException', 'fatal'],
      ['UnreviewedAcknowledgement', 'fatal'],
    ]);
  });
});
