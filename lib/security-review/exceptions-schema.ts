import { z } from 'zod';
import { email } from '../config/schema/primitives';
import { isCalendarDate } from './dates';

/**
 * The rule-ID prefixes an exception may name: the cdk-nag packs we run, plus the CDK's
 * built-in CloudFormation validation (acknowledged with its `CloudFormation-Validate::` prefix).
 */
export const NAG_PACK_PREFIXES = ['AwsSolutions', 'HIPAA.Security', 'NIST.800.53.R5', 'NhsCloud'] as const;
export const CFN_VALIDATE_PREFIX = 'CloudFormation-Validate::';

const NAG_RULE = new RegExp(
  `^(${NAG_PACK_PREFIXES.map((p) => p.replace(/\./g, '\\.')).join('|')})-[A-Za-z0-9]+(\\[.+\\])?$`,
);
const CFN_RULE = /^CloudFormation-Validate::[A-Z]\d{4}$/;

/** `AwsSolutions-IAM5[Action::s3:*]` -> `AwsSolutions-IAM5`; other IDs are returned unchanged. */
export function baseRuleId(id: string): string {
  const bracket = id.indexOf('[');
  return bracket === -1 ? id : id.slice(0, bracket);
}

export function isCfnValidateRule(id: string): boolean {
  return id.startsWith(CFN_VALIDATE_PREFIX);
}

/**
 * `{*}` in a granular finding matches any text, for findings that name something that varies
 * per tenant, such as an account ID in an ARN. A plain `*` stays literal, so
 * `AwsSolutions-IAM5[Resource::*]` still means exactly "Resource is *".
 */
export const FINDING_WILDCARD = '{*}';

export function isFindingPattern(id: string): boolean {
  return id.includes(FINDING_WILDCARD);
}

export function findingPatternRegExp(id: string): RegExp {
  const parts = id.split(FINDING_WILDCARD).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}

// `{*}` can only appear inside the brackets: the part before them must be a plain rule ID.
const ruleId = z
  .string({ error: 'expected a rule ID such as AwsSolutions-IAM5 or AwsSolutions-IAM5[Action::s3:*]' })
  .refine((id) => NAG_RULE.test(id) || CFN_RULE.test(id), {
    error: `expected a rule ID starting with ${NAG_PACK_PREFIXES.join(', ')} or ${CFN_VALIDATE_PREFIX}, e.g. AwsSolutions-IAM5[Action::s3:*]`,
  })
  .describe('The rule ID as the pack reports it; granular findings as Rule[finding], {*} for varying text.');

const glob = (what: string) =>
  z
    .string({ error: `expected a ${what} pattern` })
    .regex(/^[A-Za-z0-9*?][^\s]*$/, { error: `expected a ${what} pattern without spaces` });

const SCOPE_KINDS = ['stack', 'path', 'tenant'] as const;

const scope = z
  .strictObject({
    stack: glob('stack name').optional().describe('Stack name glob, e.g. Tenant-*-prod.'),
    path: glob('construct path')
      .optional()
      .describe('Construct path glob: * within one segment, ** across segments.'),
    tenant: z
      .string()
      .regex(/^[RQX][A-Z0-9]{2}$/, { error: 'expected a tenant ODS code such as RGR' })
      .optional()
      .describe('Every stack of one tenant (its ods-code tag).'),
  })
  .refine((value) => SCOPE_KINDS.filter((k) => value[k] !== undefined).length === 1, {
    // A misspelt key is reported as unknown, with a did-you-mean; not also as a missing scope.
    when: (payload) => payload.issues.length === 0,
    error: (issue) => {
      const value = (issue.input ?? {}) as Record<string, unknown>;
      const given = SCOPE_KINDS.filter((k) => value[k] !== undefined);
      return `expected exactly one of stack, path or tenant, got ${given.length ? given.join(' and ') : 'none'}`;
    },
  });

export const reason = z
  .string({ error: 'expected a reason of at least 30 characters' })
  .refine((s) => s.trim().length >= 30, { error: 'expected a reason of at least 30 characters' })
  .describe('Why the finding is acceptable here and what compensates for it.');

export const expiryDate = z
  .string({ error: 'expected an expiry date as YYYY-MM-DD' })
  .refine(isCalendarDate, { error: 'expected an expiry date as YYYY-MM-DD' })
  .describe('The date the exception lapses; it needs a fresh review before then.');

const approver = email.describe('The security reviewer who approved it.');

export const exceptionSchema = z.strictObject({
  rule: ruleId,
  scope,
  reason,
  approver,
  expires: expiryDate,
});

export const allowDestructiveSchema = z.strictObject({
  stack: z
    .string({ error: 'expected a stack name such as Tenant-RGR-prod' })
    .regex(/^[A-Za-z][A-Za-z0-9-]*$/, { error: 'expected a stack name such as Tenant-RGR-prod' }),
  logicalId: z
    .string({ error: 'expected a CloudFormation logical ID' })
    .regex(/^[A-Za-z0-9]+$/, { error: 'expected a CloudFormation logical ID (letters and digits)' }),
  change: z.enum(['delete', 'replace']),
  reason,
  approver,
  expires: expiryDate,
});

export const exceptionsFileSchema = z
  .strictObject({
    exceptions: z.array(exceptionSchema).default([]),
    allowDestructive: z.array(allowDestructiveSchema).default([]),
  })
  .describe('Reviewed exceptions to the security rule packs and the change-plan guard.');

export type ExceptionEntry = z.infer<typeof exceptionSchema>;
export type ExceptionScope = ExceptionEntry['scope'];
export type AllowDestructiveEntry = z.infer<typeof allowDestructiveSchema>;
export type ExceptionsFile = z.infer<typeof exceptionsFileSchema>;

/** E.g. `stack Tenant-*-prod`, `path Core-Network/Hub/**` or `tenant RGR`. */
export function describeScope(scope: ExceptionScope): string {
  if (scope.stack !== undefined) return `stack ${scope.stack}`;
  if (scope.path !== undefined) return `path ${scope.path}`;
  return `tenant ${scope.tenant}`;
}
