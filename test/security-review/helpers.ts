import { ConfigText } from '../../lib/config/validate-estate';
import { formatConfigError, sortConfigErrors } from '../../lib/config/config-error';
import { ExceptionsCheckContext, parseExceptions } from '../../lib/security-review/load-exceptions';

export { TODAY } from '../config/helpers';

export const EXCEPTIONS_PATH = 'config/exceptions.yaml';

export interface EntryFields {
  readonly rule?: string;
  readonly scope?: string;
  readonly reason?: string;
  readonly approver?: string;
  readonly expires?: string;
}

/**
 * One exception as five lines (rule, scope, reason, approver, expires), so entry i of a file
 * made by `exceptionsText` starts on line 2 + 5i and its reason is on line 4 + 5i.
 */
export function entry(fields: EntryFields = {}): string {
  return [
    `  - rule: ${fields.rule ?? 'AwsSolutions-IAM5[Action::s3:*]'}`,
    `    scope: ${fields.scope ?? "{ path: 'Tenant-*/Role' }"}`,
    `    reason: ${fields.reason ?? 'The role only reaches the tenant data bucket, named in the resource.'}`,
    `    approver: ${fields.approver ?? 'security.reviewer@nhs.net'}`,
    `    expires: ${fields.expires ?? "'2025-12-31'"}`,
  ].join('\n');
}

export function exceptionsText(...entries: string[]): string {
  return entries.length ? `exceptions:\n${entries.join('\n')}\n` : 'exceptions: []\n';
}

export function asConfigText(text: string): ConfigText {
  return { displayPath: EXCEPTIONS_PATH, text };
}

export const CONTEXT: ExceptionsCheckContext = { today: '2025-06-01', tenants: ['QAA', 'RAA'] };

/** Every error as the user sees it; [] when the file is valid. */
export function exceptionErrors(text: string, context: ExceptionsCheckContext = CONTEXT): string[] {
  const result = parseExceptions(asConfigText(text), context);
  return result.ok ? [] : sortConfigErrors(result.errors).map(formatConfigError);
}
