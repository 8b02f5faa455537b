import { NotServiceAnswerError } from '../aws-wire/ec2-answer';
import { RepeatedNextTokenError } from '../aws-wire/pages';
import { AwsUnavailableError } from '../errors/user-input-error';
import { DeadlineExceededError } from './deadline';
import type { RetrySettings } from './retry-settings';

/**
 * Turns SDK failures into messages a person can act on. The SDK has already retried
 * throttling and transient errors by the time one of these is built.
 */
export type AwsFailureKind =
  | 'expired-credentials'
  | 'invalid-credentials'
  | 'access-denied'
  | 'throttled'
  /** Nothing came back in time: per request on every attempt, or the command's deadline. */
  | 'no-answer'
  /** No connection: refused, reset, unknown host. */
  | 'unreachable'
  /** Something answered, but not as EC2 does (a proxy's page, an empty or cut-short body, a looping NextToken). */
  | 'not-ec2'
  /** EC2's own 5xx on every attempt. */
  | 'server-error'
  | 'other';

/**
 * A failed AWS call, named by its IAM action so messages and fixes can point at it. Expired or
 * missing credentials, a denied action, exhausted throttling or an endpoint that does not
 * answer as EC2 are the environment the user runs in, fixed by them (the message says how),
 * not bugs: exit 4, AWS unavailable.
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

/** What the client knew about a failed call (lib/aws/ec2-client.ts notes it on the error). */
export interface CallFacts {
  readonly endpoint: string;
  /** From the call's start to its failure, retries included. */
  readonly waitedMs: number;
  readonly retry: RetrySettings;
}

const facts = new WeakMap<object, CallFacts>();

/** Remembers the facts of the call that ended with `outcome` (an error, or a page); returns it. */
export function noteCall<T>(outcome: T, call: CallFacts): T {
  if (typeof outcome === 'object' && outcome !== null) facts.set(outcome, call);
  return outcome;
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
/** Node's codes for a connection that never formed or broke. */
const NETWORK = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
];

interface SdkErrorShape {
  readonly name?: string;
  readonly code?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number; readonly attempts?: number };
}

const REFRESH = "refresh them (e.g. 'aws sso login', or assume the role again) and run the command again";
const NETWORK_PATH = 'check the network path to AWS (proxy, VPN, firewall)';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function toAwsCallError(error: unknown, action: string): AwsCallError {
  if (error instanceof AwsCallError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const call = typeof error === 'object' && error !== null ? facts.get(error) : undefined;
  const endpoint = call?.endpoint ?? 'the EC2 endpoint';
  const attempts = e.$metadata?.attempts ?? 1;
  const code = e.name === 'CredentialsProviderError' ? e.name : (e.code ?? e.name ?? 'Error');
  const detail = e.message ?? String(error);
  const fail = (kind: AwsFailureKind, message: string, asCode = code) =>
    new AwsCallError(kind, action, asCode, message);

  if (error instanceof DeadlineExceededError) {
    return fail(
      'no-answer',
      `no answer in time: ${action} to the endpoint at ${endpoint} had waited ${seconds(error.callMs)} when the command's deadline (${error.deadline.setBy}) ran out; ${NETWORK_PATH}, or allow longer with --timeout`,
      'DeadlineExceeded',
    );
  }
  if (error instanceof NotServiceAnswerError) {
    const tries = attempts > 1 ? ` on all ${attempts} attempts` : '';
    return fail(
      'not-ec2',
      `the endpoint at ${error.endpoint} did not answer as ${error.service} (a proxy?): ${action} got ${error.problem}${tries}; nothing was checked against it. If a proxy inspects TLS, let *.amazonaws.com through`,
      error.name,
    );
  }
  if (error instanceof RepeatedNextTokenError) {
    return fail(
      'not-ec2',
      `the endpoint at ${facts.get(error.page)?.endpoint ?? endpoint} did not page as EC2 does: ${error.message}`,
      'RepeatedNextToken',
    );
  }
  if (code === 'CredentialsProviderError') {
    return fail(
      'invalid-credentials',
      `No AWS credentials were found for ${action}: sign in (e.g. 'aws sso login') or set AWS_PROFILE, then run the command again.`,
    );
  }
  if (EXPIRED.includes(code)) {
    return fail(
      'expired-credentials',
      `AWS rejected the credentials as expired (${code} on ${action}): ${REFRESH}. If they are fresh, check the computer's clock.`,
    );
  }
  if (INVALID.includes(code)) {
    return fail(
      'invalid-credentials',
      `AWS could not validate the credentials (${code} on ${action}): ${REFRESH}, and check they are for the intended account.`,
    );
  }
  if (DENIED.includes(code)) {
    return fail(
      'access-denied',
      `Missing IAM permission ${action} (${code}): allow ${action} for the role these credentials use.`,
    );
  }
  if (THROTTLED.includes(code) || e.$metadata?.httpStatusCode === 429) {
    const now = call ? ` (now ${call.retry.maxAttempts}, from ${call.retry.maxAttemptsFrom})` : '';
    return fail(
      'throttled',
      `EC2 throttled ${action} (${code}) and it still failed after ${attempts} attempts: the account's API rate is being used by something else; wait a minute and run the command again. To allow more attempts set AWS_MAX_ATTEMPTS${now}; AWS_RETRY_MODE=adaptive also slows down when throttled.`,
    );
  }
  if (e.name === 'TimeoutError' || e.code === 'ETIMEDOUT') {
    const waited = call ? ` (${seconds(call.waitedMs)} in all)` : '';
    return fail(
      'no-answer',
      `no answer in time: ${action} to the endpoint at ${endpoint} timed out on all ${attempts} attempts${waited}; ${NETWORK_PATH}`,
      'TimeoutError',
    );
  }
  if (e.code !== undefined && NETWORK.includes(e.code)) {
    return fail(
      'unreachable',
      `cannot reach the endpoint at ${endpoint} for ${action} (${e.code}, ${attempts} attempt${attempts === 1 ? '' : 's'}); ${NETWORK_PATH}`,
      e.code,
    );
  }
  const status = e.$metadata?.httpStatusCode ?? 0;
  if (status >= 500) {
    return fail(
      'server-error',
      `EC2 answered ${action} with HTTP ${status} (${code}) on all ${attempts} attempts: a problem on the AWS side; wait a few minutes and run the command again.`,
    );
  }
  return fail('other', `${action} failed: ${code}: ${detail}`);
}

/** Runs one AWS call and names its IAM action in any failure. */
export async function call<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAwsCallError(error, action);
  }
}
