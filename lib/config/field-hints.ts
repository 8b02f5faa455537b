import { FieldPath } from './source-file';
import { LOG_RETENTION_DAYS } from './schema/estate-schema';

/**
 * How to fix a bad value, by field. Kept apart from the issue translation so the advice a
 * trust's IT team reads can be reviewed in one place.
 */
export function hintFor(path: FieldPath, value: unknown): string | undefined {
  const last = String(path[path.length - 1] ?? '');
  if (/accountId$/i.test(last) || path.includes('accounts')) {
    return typeof value === 'number'
      ? 'quote the account ID ("012345678901") so YAML keeps it as text with its leading zeros'
      : 'an AWS account ID is exactly 12 digits; copy it from the AWS console account menu';
  }
  if (/cidr/i.test(last) || path.includes('cidrs'))
    return 'write the network address and prefix, e.g. 10.64.0.0/21';
  if (path[0] === 'contacts') return 'use a monitored mailbox, ideally a shared team address';
  if (last === 'logRetention' && typeof value === 'number') {
    return `the nearest accepted value is ${nearest(value, LOG_RETENTION_DAYS)}; 2922 days (8 years) is the estate default`;
  }
  if (last === 'asn' || last === 'transitGatewayAsn') {
    return 'use the private ASN agreed with your network provider; public ASNs are not accepted';
  }
  if (path[0] === 'environments' && path.length === 2) {
    return 'add accountId: "123456789012" for an existing account, or email: for a new account to be vended';
  }
  if (path.length === 0)
    return 'write the file as "field: value" lines, like the examples in the config folder';
  return undefined;
}

/** How to fix a bad key in a mapping whose keys are names (environments, regions). */
export function keyHintFor(path: FieldPath): string | undefined {
  if (path[0] === 'environments' && path.length === 2) {
    return 'environment names are 2-12 lower-case letters or digits starting with a letter, e.g. prod, nonprod, test';
  }
  return undefined;
}

function nearest(value: number, allowed: readonly number[]): number {
  return allowed.reduce((best, n) => (Math.abs(n - value) < Math.abs(best - value) ? n : best));
}
