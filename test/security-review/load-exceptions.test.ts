import { parseExceptions } from '../../lib/security-review/load-exceptions';
import { asConfigText, CONTEXT, entry, exceptionErrors, exceptionsText } from './helpers';

describe('exceptions.yaml schema', () => {
  it('accepts a valid file and keeps the entries in order', () => {
    const result = parseExceptions(
      asConfigText(exceptionsText(entry(), entry({ rule: 'AwsSolutions-S1', scope: '{ tenant: RAA }' }))),
      CONTEXT,
    );
    expect(result.ok && result.value.file.exceptions.map((e) => e.rule)).toEqual([
      'AwsSolutions-IAM5[Action::s3:*]',
      'AwsSolutions-S1',
    ]);
    expect(result.ok && result.value.file.allowDestructive).toEqual([]);
  });

  it('points at a short reason in the right entry', () => {
    expect(exceptionErrors(exceptionsText(entry(), entry({ reason: 'Needed.' })))).toEqual([
      'config/exceptions.yaml:9:13 exceptions[1].reason: expected a reason of at least 30 characters, got "Needed."',
    ]);
  });

  it('rejects an approver that is not an e-mail address', () => {
    expect(exceptionErrors(exceptionsText(entry({ approver: 'Dr Smith' })))).toEqual([
      'config/exceptions.yaml:5:15 exceptions[0].approver: expected an e-mail address such as cyber@trust.nhs.uk, got "Dr Smith"',
    ]);
  });

  it.each([
    ["'2025-02-30'", '2025-02-30'],
    ['31/12/2025', '31/12/2025'],
  ])('rejects the expiry %s, which is not a calendar date', (written, shown) => {
    expect(exceptionErrors(exceptionsText(entry({ expires: written })))).toEqual([
      `config/exceptions.yaml:6:14 exceptions[0].expires: expected an expiry date as YYYY-MM-DD, got "${shown}"`,
    ]);
  });

  it.each([
    ["{ stack: 'Tenant-*', tenant: RAA }", 'got stack and tenant'],
    ['{}', 'got none'],
  ])('requires exactly one scope (%s)', (scope, got) => {
    expect(exceptionErrors(exceptionsText(entry({ scope })))).toEqual([
      `config/exceptions.yaml:3:12 exceptions[0].scope: expected exactly one of stack, path or tenant, ${got}`,
    ]);
  });

  it('reports a misspelt scope key once, with a suggestion', () => {
    expect(exceptionErrors(exceptionsText(entry({ scope: "{ stak: 'Tenant-*' }" })))).toEqual([
      'config/exceptions.yaml:3:14 exceptions[0].scope.stak: unknown field "stak"\n  hint: did you mean "stack"?',
    ]);
  });

  it.each(['IAM5', 'AwsSolutions-{*}', 'Checkov-CKV_AWS_1', 'CloudFormation-Validate::W30'])(
    'rejects the rule ID %s',
    (rule) => {
      expect(exceptionErrors(exceptionsText(entry({ rule })))).toEqual([
        `config/exceptions.yaml:2:11 exceptions[0].rule: expected a rule ID starting with AwsSolutions, HIPAA.Security, NIST.800.53.R5, NhsCloud or CloudFormation-Validate::, e.g. AwsSolutions-IAM5[Action::s3:*], got "${rule}"`,
      ]);
    },
  );

  it.each([
    'NIST.800.53.R5-IAMNoInlinePolicy',
    'HIPAA.Security-LambdaDLQ',
    'NhsCloud-MandatoryTags[ods-code]',
    'AwsSolutions-IAM5[Resource::arn:aws:s3:::logs-{*}/AWSLogs/{*}/*]',
    'CloudFormation-Validate::W3010',
  ])('accepts the rule ID %s', (rule) => {
    expect(exceptionErrors(exceptionsText(entry({ rule })))).toEqual([]);
  });

  it('names an unknown field and lists the allowed ones', () => {
    expect(exceptionErrors(`exceptions:\n${entry()}\n    ticket: SEC-1\n`)).toEqual([
      'config/exceptions.yaml:7:5 exceptions[0].ticket: unknown field "ticket"\n  hint: allowed fields here: rule, scope, reason, approver, expires',
    ]);
  });

  it('validates allowDestructive entries for the change-plan guard', () => {
    const text = [
      'allowDestructive:',
      '  - stack: Tenant-RAA-prod',
      '    logicalId: Data-Bucket',
      '    change: remove',
      '    reason: short',
      '    approver: a@nhs.net',
      "    expires: '2025-07-01'",
      '',
    ].join('\n');
    expect(exceptionErrors(text)).toEqual([
      'config/exceptions.yaml:3:16 allowDestructive[0].logicalId: expected a CloudFormation logical ID (letters and digits), got "Data-Bucket"',
      'config/exceptions.yaml:4:13 allowDestructive[0].change: expected one of delete, replace, got "remove"',
      'config/exceptions.yaml:5:13 allowDestructive[0].reason: expected a reason of at least 30 characters, got "short"',
    ]);
  });

  it('reports YAML syntax errors at the bracket left open', () => {
    expect(exceptionErrors('exceptions:\n  - rule: [AwsSolutions\n')).toEqual([
      'config/exceptions.yaml:2:11: YAML syntax error: expected "]" to close the list opened here, found none\n  hint: close the list with ] on the same line, or write one item per line starting with "- "',
    ]);
  });

  it('treats an empty file as no exceptions', () => {
    const result = parseExceptions(asConfigText(''), CONTEXT);
    expect(result.ok && result.value.file).toEqual({ exceptions: [], allowDestructive: [] });
  });
});

describe('exceptions.yaml checks', () => {
  it('fails an exception that expired yesterday (today is injected)', () => {
    expect(exceptionErrors(exceptionsText(entry({ expires: "'2025-05-31'" })))).toEqual([
      'config/exceptions.yaml:6:14 exceptions[0].expires: expired on 2025-05-31 (today is 2025-06-01)\n  hint: renew it with a fresh review (reason, approver and a new expiry), or remove it and fix the finding',
    ]);
  });

  it('accepts an exception that expires today', () => {
    expect(exceptionErrors(exceptionsText(entry({ expires: "'2025-06-01'" })))).toEqual([]);
  });

  it('accepts an expiry 366 days ahead and rejects 367', () => {
    expect(exceptionErrors(exceptionsText(entry({ expires: "'2026-06-02'" })))).toEqual([]);
    expect(exceptionErrors(exceptionsText(entry({ expires: "'2026-06-03'" })))).toEqual([
      'config/exceptions.yaml:6:14 exceptions[0].expires: expected an expiry within 366 days of today (2025-06-01), got "2026-06-03"\n  hint: exceptions are reviewed at least once a year; choose an earlier date',
    ]);
  });

  it('checks allowDestructive expiry too', () => {
    const text = [
      'allowDestructive:',
      '  - stack: Tenant-RAA-prod',
      '    logicalId: DataBucket',
      '    change: replace',
      '    reason: The bucket moves to the new KMS key; data is copied first.',
      '    approver: a@nhs.net',
      "    expires: '2025-01-01'",
      '',
    ].join('\n');
    expect(exceptionErrors(text)).toEqual([
      'config/exceptions.yaml:7:14 allowDestructive[0].expires: expired on 2025-01-01 (today is 2025-06-01)\n  hint: renew it with a fresh review (reason, approver and a new expiry), or remove it and fix the finding',
    ]);
  });

  it('rejects a tenant that is not in config/tenants, suggesting the nearest', () => {
    expect(exceptionErrors(exceptionsText(entry({ scope: '{ tenant: RAB }' })))).toEqual([
      'config/exceptions.yaml:3:22 exceptions[0].scope.tenant: expected the ODS code of a tenant in config/tenants, got "RAB"\n  hint: did you mean "RAA"?',
    ]);
  });

  it('rejects a second entry for the same rule and scope', () => {
    expect(exceptionErrors(exceptionsText(entry(), entry()))).toEqual([
      'config/exceptions.yaml:7:5 exceptions[1]: repeats exceptions[0] (AwsSolutions-IAM5[Action::s3:*] path Tenant-*/Role)\n  hint: keep one entry per rule and scope; merge the reasons if both apply',
    ]);
  });
});
