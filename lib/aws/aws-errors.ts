import { AwsUnavailableError } from '../errors/user-input-error';

/**
 * Turns SDK failures into messages a person can act on. The SDK has already retried
 * throttling and transient errors by the time one of these is built.
 */
export type AwsFailureKind =
  'expired-credentials' | 'invalid-credentials' | 'access-denied' | 'throttled' | 'other';

/**
 * A failed AWS call, named by its IAM action so messages and fixes can point at it. Expired or
 * missing credentials, a denied action or exhausted throttling are the environment the user
 * runs in, fixed by them (the message says how), not bugs: exit 4, AWS unavailable.
 */
export class AwsCallError extends AwsUnavailableError {
  constructor(
    readonly kind: AwsFailureKind,
    /** The IAM action, e.g. ec2:DescribeVpcs. */
    readonly action: string,
    /** The AWS error code, e.g. UnauthorizedOperation. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const EXPIRED = ['ExpiredToken', 'ExpiredTokenException', 'RequestExpired'];
const INVALID = [
  'AuthFailure',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
];
const DENIED = ['UnauthorizedOperation', 'AccessDenied', 'AccessDeniedException'];
const THROTTLED = [
  'RequestLimitExceeded',
  'Throttling',
  'ThrottlingException',
  'RequestThrottled',
  'TooManyRequestsException',
];

interface SdkErrorShape {
  readonly name?: string;
  readonly code?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number; readonly attempts?: number };
}

const REFRESH = "refresh them (e.g. 'aws sso login', or assume the role again) and run the command again";

export function toAwsCallError(error: unknown, action: string): AwsCallError {
  if (error instanceof AwsCallError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const code = e.name === 'CredentialsProviderError' ? e.name : (e.code ?? e.name ?? 'Error');
  const detail = e.message ?? String(error);
  if (code === 'CredentialsProviderError') {
    return new AwsCallError(
      'invalid-credentials',
      action,
      code,
      `No AWS credentials were found for ${action}: sign in (e.g. 'aws sso login') or set AWS_PROFILE, then run the command again.`,
    );
  }
  if (EXPIRED.includes(code)) {
    return new AwsCallError(
      'expired-credentials',
      action,
      code,
      `AWS rejected the credentials as expired (${code} on ${action}): ${REFRESH}. If they are fresh, check the computer's clock.`,
    );
  }
  if (INVALID.includes(code)) {
    return new AwsCallError(
      'invalid-credentials',
      action,
      code,
      `AWS could not validate the credentials (${code} on ${action}): ${REFRESH}, and check they are for the intended account.`,
    );
  }
  if (DENIED.includes(code)) {
    return new AwsCallError(
      'access-denied',
      action,
      code,
      `Missing IAM permission ${action} (${code}): allow ${action} for the role these credentials use.`,
    );
  }
  if (THROTTLED.includes(code) || e.$metadata?.httpStatusCode === 429) {
    const attempts = e.$metadata?.attempts ?? 1;
    return new AwsCallError(
      'throttled',
      action,
      code,
      `EC2 throttled ${action} (${code}) and it still failed after ${attempts} attempts: the account's API rate is being used by something else; wait a minute and run the command again.`,
    );
  }
  return new AwsCallError('other', action, code, `${action} failed: ${code}: ${detail}`);
}

/** Runs one AWS call and names its IAM action in any failure. */
export async function call<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAwsCallError(error, action);
  }
}
