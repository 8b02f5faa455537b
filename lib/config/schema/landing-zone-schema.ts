import { z } from 'zod';
import { email, nonEmptyText } from './primitives';

/**
 * The optional `landingZone:` block of estate.yaml: facts about the AWS Organization that config
 * cannot derive (its IDs), and the settings of the standard security baseline. Every field has a
 * default or is optional, so an estate without the block still synthesizes (with warnings where
 * a control needs an ID it does not have).
 */

const organizationId = z
  .string({ error: 'expected an organization ID such as o-a1b2c3d4e5' })
  .regex(/^o-[a-z0-9]{10,32}$/, { error: 'expected an organization ID such as o-a1b2c3d4e5' })
  .describe('The AWS Organization ID (aws organizations describe-organization).');

const organizationRootId = z
  .string({ error: 'expected a root ID such as r-ab12' })
  .regex(/^r-[0-9a-z]{4,32}$/, { error: 'expected a root ID such as r-ab12' })
  .describe('The organization root ID (aws organizations list-roots): the parent of the top-level OUs.');

const roleArnPattern = z
  .string({ error: 'expected an IAM role ARN pattern such as arn:aws:iam::*:role/platform-*' })
  .regex(/^arn:aws:iam::(\*|\d{12}):role\/[\w+=,.@*/-]+$/, {
    error: 'expected an IAM role ARN pattern such as arn:aws:iam::*:role/platform-*',
  });

const scheduleExpression = z
  .string({ error: 'expected a schedule such as cron(0 2 ? * SUN *)' })
  .regex(/^(cron|rate)\(.+\)$/, { error: 'expected a schedule such as cron(0 2 ? * SUN *) or rate(1 day)' });

const maintenanceWindow = z
  .strictObject({
    schedule: scheduleExpression,
    durationHours: z.number().int().min(1).max(24),
    cutoffHours: z.number().int().min(0).max(23),
  })
  .refine((w) => w.cutoffHours < w.durationHours, {
    error: 'expected cutoffHours to be less than durationHours',
  });

/** Operating systems whose Patch Manager baselines support approval delays. */
export const PATCH_OPERATING_SYSTEMS = [
  'AMAZON_LINUX_2023',
  'AMAZON_LINUX_2',
  'WINDOWS',
  'REDHAT_ENTERPRISE_LINUX',
] as const;
export type PatchOperatingSystem = (typeof PATCH_OPERATING_SYSTEMS)[number];

const approveAfterDays = z.number().int().min(0).max(360);

const patching = z.strictObject({
  timezone: z.string().default('Europe/London').describe('IANA time zone of the maintenance windows.'),
  operatingSystems: z
    .array(
      z.enum(PATCH_OPERATING_SYSTEMS, { error: `expected one of ${PATCH_OPERATING_SYSTEMS.join(', ')}` }),
    )
    .min(1)
    .default(['AMAZON_LINUX_2023', 'WINDOWS'])
    .describe('Operating systems that get a platform patch baseline (registered as the default).'),
  approveAfterDays: z
    .strictObject({ prod: approveAfterDays.default(7), nonprod: approveAfterDays.default(0) })
    .prefault({})
    .describe('Days after release before a security patch is approved; nonprod goes first.'),
  windows: z
    .strictObject({
      prod: maintenanceWindow.default({ schedule: 'cron(0 2 ? * SUN *)', durationHours: 4, cutoffHours: 1 }),
      nonprod: maintenanceWindow.default({
        schedule: 'cron(0 2 ? * WED *)',
        durationHours: 4,
        cutoffHours: 1,
      }),
    })
    .prefault({})
    .describe('Maintenance windows by tier: nonprod patches days before prod.'),
});

const endpointProtection = z
  .strictObject({
    packageName: nonEmptyText.describe('SSM Distributor package of the endpoint-protection agent.'),
    version: z.string().optional().describe('Package version; latest when omitted.'),
    additionalArguments: z
      .record(z.string(), z.string())
      .default({})
      .describe('Installer arguments; name secrets by {{ssm:/parameter}} reference, never literally.'),
    schedule: scheduleExpression
      .default('rate(30 minutes)')
      .describe('How often State Manager re-applies the package (reinstalls it if removed).'),
  })
  .describe('The endpoint-protection agent every instance runs (installed by State Manager).');

const identity = z
  .strictObject({
    instanceArn: z.string().regex(/^arn:aws:sso:::instance\/ssoins-[0-9a-f]{16}$/, {
      error:
        'expected an Identity Center instance ARN such as arn:aws:sso:::instance/ssoins-0123456789abcdef',
    }),
    identityStoreId: z
      .string()
      .regex(/^d-[0-9a-f]{10}$/, { error: 'expected an identity store ID such as d-0123456789' }),
    platformGroupPattern: z
      .string()
      .default('{estate}-platform-{role}')
      .describe('Directory group name of a platform-wide role; {estate} and {role} are replaced.'),
    tenantGroupPattern: z
      .string()
      .default('{estate}-{odsCode}-{role}')
      .describe('Directory group name of a tenant role; {estate}, {odsCode} and {role} are replaced.'),
    groupIds: z
      .record(z.string(), z.string().regex(/^[0-9a-f-]{10,47}$/, { error: 'expected a group ID' }))
      .default({})
      .describe('Known group IDs by group name; other groups are looked up by name at deploy time.'),
  })
  .describe('IAM Identity Center: permission sets and group assignments.');

const csocEndpoint = z
  .strictObject({
    url: z.url({ protocol: /^https$/, error: 'expected an https:// URL' }),
    apiKeySecretArn: z
      .string()
      .regex(/^arn:aws:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/, {
        error: 'expected a Secrets Manager secret ARN',
      })
      .describe('Secret holding the API key the CSOC issued (in the security account).'),
    apiKeyHeader: z.string().default('x-api-key'),
  })
  .describe('HTTPS endpoint of the Cyber Security Operations Centre that receives HIGH+ findings.');

const backup = z.strictObject({
  dailyRetentionDays: z.number().int().min(7).default(35),
  monthlyRetentionDays: z.number().int().min(365).default(2557).describe('Default 2557 days (7 years).'),
  vaultLockChangeableDays: z
    .number()
    .int()
    .min(3)
    .default(3)
    .describe('Days before a new Vault Lock becomes immutable (COMPLIANCE mode).'),
});

export const landingZoneSchema = z
  .strictObject({
    organizationId: organizationId.optional(),
    organizationRootId: organizationRootId.optional(),
    cdkQualifier: z
      .string()
      .regex(/^[a-z0-9]{1,10}$/, { error: 'expected a CDK bootstrap qualifier such as hnb659fds' })
      .default('hnb659fds')
      .describe('Bootstrap qualifier of the platform pipeline; its roles are platform principals.'),
    platformPrincipals: z
      .array(roleArnPattern)
      .default([])
      .describe('Extra role ARN patterns exempt from the tenant guardrails (platform automation).'),
    budgetUsdPerGbp: z
      .number()
      .positive()
      .default(1.25)
      .describe('Exchange rate for budgets: AWS Budgets measures cost in USD.'),
    securityNotificationEmails: z.array(email).default([]),
    csocEndpoint: csocEndpoint.optional(),
    endpointProtection: endpointProtection.optional(),
    patching: patching.prefault({}),
    identity: identity.optional(),
    backup: backup.prefault({}),
  })
  .describe('Landing zone: organization IDs and the standard security baseline.');

export type LandingZoneConfig = z.infer<typeof landingZoneSchema>;

/**
 * The estate's landing-zone settings with defaults applied. Reads `landingZone` whether or not
 * the estate schema declares it yet, so the landing zone works before and after it is wired in.
 */
export function landingZoneOf(estate: object): LandingZoneConfig {
  let parsed = parsedBlocks.get(estate);
  if (!parsed) {
    parsed = landingZoneSchema.parse((estate as { landingZone?: unknown }).landingZone ?? {});
    parsedBlocks.set(estate, parsed);
  }
  return parsed;
}

/** Parsed once per estate object: the baseline asks for it once per tenant stack. */
const parsedBlocks = new WeakMap<object, LandingZoneConfig>();
