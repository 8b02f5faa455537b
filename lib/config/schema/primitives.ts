import { z } from 'zod';
import { cidrProblem } from '../../net/cidr';

/**
 * Field types shared by the estate and tenant schemas. Each message starts with
 * "expected" so the error formatter can append what was found.
 */
export const accountId = z
  .string({ error: 'expected a 12-digit AWS account ID in quotes, e.g. "123456789012"' })
  .regex(/^\d{12}$/, { error: 'expected a 12-digit AWS account ID' })
  .describe('A 12-digit AWS account ID, quoted so that leading zeros survive.');

export const cidr = z
  .string({ error: 'expected an IPv4 CIDR such as 10.64.0.0/21' })
  .superRefine((value, ctx) => {
    const problem = cidrProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('An IPv4 CIDR block, e.g. 10.64.0.0/21.');

export const region = z
  .string({ error: 'expected an AWS region name such as eu-west-2' })
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { error: 'expected an AWS region name such as eu-west-2' })
  .describe('An AWS region name, e.g. eu-west-2 (London).');

/**
 * An availability zone ID (`euw2-az1`), not a name (`eu-west-2a`): names map to different
 * physical zones in each account, IDs are the same everywhere, and a spoke in a tenant account
 * must share zones with the hub in the network account ("Availability Zone IDs for your AWS
 * resources", https://docs.aws.amazon.com/ram/latest/userguide/working-with-az-ids.html).
 */
export const availabilityZoneId = z
  .string({ error: 'expected an availability zone ID such as euw2-az1' })
  .regex(/^[a-z]{2,6}\d-az\d{1,2}$/, {
    error: 'expected an availability zone ID such as euw2-az1, not a zone name (names differ by account)',
  })
  .describe('An availability zone ID, e.g. euw2-az1: the same physical zone in every account.');

export const email = z
  .string({ error: 'expected an e-mail address' })
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'expected an e-mail address such as cyber@trust.nhs.uk' })
  .describe('An e-mail address that is read by a person or a team.');

export const asn = z
  .number({ error: 'expected a BGP ASN (a whole number)' })
  .int({ error: 'expected a whole-number BGP ASN' })
  .refine((n) => (n >= 64512 && n <= 65534) || (n >= 4200000000 && n <= 4294967294), {
    error: 'expected a private BGP ASN (64512-65534 or 4200000000-4294967294)',
  })
  .describe('A private BGP autonomous system number.');

/** ODS codes: R.. trusts, Q.. ICBs, X.. national bodies (NHS Organisation Data Service). */
export const odsCode = z
  .string({ error: 'expected an ODS code such as RGR' })
  .regex(/^[RQX][A-Z0-9]{2}$/, {
    error: 'expected a 3-character ODS code: R.. for a trust, Q.. for an ICB, X.. for a national body',
  })
  .describe('NHS Organisation Data Service code: R.. trust, Q.. ICB, X.. national body.');

/**
 * A real YYYY-MM-DD date: `2027-02-30` is rejected, where `Date.parse` would roll it over to
 * 2 March. The one date check for config (estate dates here, exception expiries in
 * lib/security-review) and the expiry comparisons built on it.
 */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

export const date = z
  .string({ error: 'expected a date as YYYY-MM-DD in quotes' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' })
  .refine(isCalendarDate, { error: 'expected a real calendar date' });

export const nonEmptyText = z
  .string({ error: 'expected text' })
  .trim()
  .min(1, { error: 'expected non-empty text' });

export const ipv4Address = z
  .string({ error: 'expected an IPv4 address such as 198.51.100.10' })
  .regex(/^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/, {
    error: 'expected an IPv4 address such as 198.51.100.10',
  });
