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
  | 'config-recorder';

/** One preflight finding: a verdict, what was seen, and for warn/fail what to do. */
export interface CheckResult {
  readonly id: CheckId;
  readonly verdict: Verdict;
  readonly message: string;
  readonly fix?: string;
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

/** Runs a check on shared data, or fails it naming the IAM action that was refused. */
export function withData<T>(id: CheckId, data: Fetched<T>, check: (value: T) => CheckResult): CheckResult {
  if (data.ok) return check(data.value);
  return {
    id,
    verdict: 'fail',
    message: `not checked: missing IAM permission ${data.error.action} (${data.error.code})`,
    fix: `allow ${data.error.action} for the role these credentials use, then run preflight again`,
  };
}
