import { z } from 'zod';
import { email, ipv4Address } from './primitives';

/**
 * Values that reach AWS as names, tags, descriptions and API parameters, bounded here so that
 * validate refuses what CloudFormation or an AWS API would refuse at deploy time, an hour into
 * a pipeline run. Each bound cites the limit it keeps under.
 */

// Tabs, line breaks, C0/C1 controls and text-direction characters: none belongs in a name.
// eslint-disable-next-line no-control-regex
const LINE_BREAK_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Longest organisation name. */
export const MAX_NAME_CHARS = 200;

/**
 * An organisation's registered name. It goes into stack descriptions ("NHS national cloud: NAME
 * (ODS) ENV environment"), which CloudFormation caps at 1,024 bytes
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-description-structure.html):
 * 200 characters of up to 4 UTF-8 bytes each, plus the fixed words, stay under it. The longest
 * NHS trust name is about 80 characters.
 */
export const organisationName = z
  .string({ error: 'expected text' })
  .trim()
  .min(1, { error: 'expected non-empty text' })
  .max(MAX_NAME_CHARS, { error: `expected a name of at most ${MAX_NAME_CHARS} characters` })
  .refine((s) => !LINE_BREAK_OR_CONTROL.test(s), {
    error: 'expected a name on one line, without tabs or control characters',
  });

/**
 * Text that becomes a tag value: at most 256 characters of letters, digits, spaces and
 * `_ . : / = + - @` (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html).
 */
export const tagValue = (what: string) =>
  z
    .string({ error: `expected ${what} as text` })
    .min(1, { error: `expected ${what}` })
    .max(256, { error: `expected ${what} of at most 256 characters (the AWS tag value limit)` })
    .refine((s) => /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(s), {
      error: `expected ${what} of letters, digits, spaces and _ . : / = + - @ only (what AWS accepts in a tag value)`,
    });

/** A contact mailbox: an e-mail address of at most 254 characters (RFC 5321's path limit). */
export const contactEmail = email.max(254, { error: 'expected an e-mail address of at most 254 characters' });

/**
 * The root e-mail of a vended account: 6 to 64 characters, as AWS Organizations' CreateAccount
 * accepts (https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccount.html).
 * It must also be unused by any other AWS account: the estate checks it is unique within itself.
 */
export const vendingEmail = email
  .min(6, { error: 'expected an account root e-mail of 6 to 64 characters (the AWS Organizations limit)' })
  .max(64, { error: 'expected an account root e-mail of 6 to 64 characters (the AWS Organizations limit)' });

/** Largest measured peak accepted: above any NHS organisation's link, so a wrong unit is caught. */
export const MAX_PEAK_MBPS = 100_000;

export const peakMbps = z
  .number({ error: 'expected a number of megabits per second' })
  .positive({ error: 'expected a positive number of megabits per second' })
  .max(MAX_PEAK_MBPS, {
    error: `expected a measured peak of at most ${MAX_PEAK_MBPS.toLocaleString('en-GB')} Mbps (100 Gbps); check the unit is Mbps`,
  });

/** Largest monthly budget accepted, in pounds. */
export const MAX_MONTHLY_GBP = 10_000_000;

export const monthlyGbp = z
  .number({ error: 'expected a monthly budget in pounds' })
  .positive({ error: 'expected a positive monthly budget in pounds' })
  .max(MAX_MONTHLY_GBP, {
    error: `expected a monthly budget of at most £${MAX_MONTHLY_GBP.toLocaleString('en-GB')}; check the unit is pounds per month`,
  })
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, {
    error: 'expected pounds and pence, at most 2 decimal places',
  });

/**
 * Ranges that are not on the internet: a Site-to-Site VPN's customer gateway is reached over the
 * internet, so its address must be public (CreateCustomerGateway accepts a private address only
 * for a private IP VPN over Direct Connect, which the estate does not build:
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateCustomerGateway.html).
 */
const NOT_PUBLIC: ReadonlyArray<readonly [number, number, number, string]> = [
  [0, 0, 8, 'this-network (0.0.0.0/8)'],
  [10, 0, 8, 'private (RFC 1918, 10.0.0.0/8)'],
  [100, 64, 10, 'shared carrier-grade NAT (100.64.0.0/10)'],
  [127, 0, 8, 'loopback (127.0.0.0/8)'],
  [169, 254, 16, 'link-local (169.254.0.0/16)'],
  [172, 16, 12, 'private (RFC 1918, 172.16.0.0/12)'],
  [192, 168, 16, 'private (RFC 1918, 192.168.0.0/16)'],
  [224, 0, 4, 'multicast (224.0.0.0/4)'],
  [240, 0, 4, 'reserved (240.0.0.0/4)'],
];

/** Why an IPv4 address cannot be a VPN device's public address, or undefined if it can. */
export function notPublicReason(address: string): string | undefined {
  const [a, b] = address.split('.').map(Number);
  const value = ((a << 24) | (b << 16)) >>> 0;
  for (const [x, y, prefix, name] of NOT_PUBLIC) {
    const base = ((x << 24) | (y << 16)) >>> 0;
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    if ((value & mask) >>> 0 === base) return name;
  }
  return undefined;
}

export const publicIpv4Address = ipv4Address.superRefine((value, ctx) => {
  // Only a well-formed address is classified; a malformed one already has its error.
  if (!ipv4Address.safeParse(value).success) return;
  const reason = notPublicReason(value);
  if (reason) {
    ctx.addIssue({
      code: 'custom',
      message: `expected the public internet address of a VPN device, got ${value}, which is ${reason}`,
    });
  }
});
