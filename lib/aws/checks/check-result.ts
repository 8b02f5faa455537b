import { AwsCallError } from '../aws-errors';

export type Verdict = 'pass' | 'warn' | 'fail';

export type CheckId =
  | 'region'
  | 'account'
  | 'cidr-overlap'
  | 'default-vpc'
  | 'transit-gateway'
  | 'vpc-quota'
  | 'tgw-attachment-quota'
  | 'bootstrap'
  | 'config-recorder'
  | 'zones';

/** One preflight finding: a verdict, what was seen, and for warn/fail what to do. */
export interface CheckResult {
  readonly id: CheckId;
  readonly verdict: Verdict;
  readonly message: string;
  readonly fix?: string;
  /** How many items the check's EC2 list held, so "none found" is visibly "none read". */
  readonly read?: ItemsRead;
}

export interface ItemsRead {
  readonly count: number;
  /** Plural noun: `VPCs`. */
  readonly of: string;
}

/** `3 VPCs`, `1 VPC`. */
export function describeRead(read: ItemsRead): string {
  return `${read.count} ${read.count === 1 ? read.of.replace(/s$/, '') : read.of}`;
}

/**
 * Data several checks share, or the access-denied error that kept it from being read. Only
 * a missing permission is held back this way: it fails the checks that needed the data and
 * lets the rest run. Expired credentials or throttling stop the whole run.
 */
export type Fetched<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AwsCallError };

export async function fetchShared<T>(read: () => Promise<T>): Promise<Fetched<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof AwsCallError && error.kind === 'access-denied') return { ok: false, error };
    throw error;
  }
}

/**
 * Runs a check on shared data, or fails it naming the IAM action that was refused. `read` says
 * how many items the data held.
 */
export function withData<T>(
  id: CheckId,
  data: Fetched<T>,
  check: (value: T) => CheckResult,
  read?: (value: T) => ItemsRead | undefined,
): CheckResult {
  if (data.ok) {
    const items = read?.(data.value);
    return { ...check(data.value), ...(items && { read: items }) };
  }
  return {
    id,
    verdict: 'fail',
    message: `not checked: missing IAM permission ${data.error.action} (${data.error.code})`,
    fix: `allow ${data.error.action} for the role these credentials use, then run preflight again`,
  };
}
