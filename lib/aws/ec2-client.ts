import { EC2Client, EC2ClientConfig } from '@aws-sdk/client-ec2';
import {
  checkEc2Answers,
  DEFAULT_HTTP_TIMEOUTS,
  endpointOf,
  HttpTimeouts,
  requestHandlerOptions,
} from '../aws-wire/ec2-client-guards';
import { noteCall } from './aws-errors';
import { Deadline, DeadlineExceededError } from './deadline';
import { DEFAULT_RETRY, retryStrategyFor, RetrySettings } from './retry-settings';

/** What the CLI and tests vary about an EC2 client; everything else is the SDK default. */
export interface Ec2ClientOptions {
  readonly region: string;
  /**
   * A local endpoint (tests, LocalStack-style proxies) instead of the regional AWS one.
   * @default the AWS endpoint for `region`
   */
  readonly endpoint?: string;
  /** @default the SDK's credential chain (environment, SSO, profile, instance role) */
  readonly credentials?: EC2ClientConfig['credentials'];
  /**
   * Attempts and retry mode; commands pass `resolveRetrySettings()` (environment, profile, default).
   * @default DEFAULT_RETRY
   */
  readonly retry?: RetrySettings;
  /**
   * A fixed pause between attempts instead of the SDK's exponential backoff (tests).
   * @default the SDK's backoff
   */
  readonly backoffMs?: number;
  /** @default DEFAULT_HTTP_TIMEOUTS (5 s to connect, 30 s to answer) */
  readonly timeouts?: HttpTimeouts;
  /**
   * The command's overall time limit; every call races it.
   * @default none: each request is still bounded by `timeouts` and the attempts
   */
  readonly deadline?: Deadline;
}

const ENDPOINT = Symbol('nhs-cloud.endpoint');

/**
 * An EC2 client that fails closed: each request is time-limited, each answer must be EC2's
 * (lib/aws-wire), retries follow the user's AWS settings, and every call races the command's
 * deadline. A failure carries the endpoint, the time waited and the attempts allowed, for the
 * message toAwsCallError builds.
 */
export function createEc2Client(options: Ec2ClientOptions): EC2Client {
  const client = new EC2Client({
    region: options.region,
    requestHandler: requestHandlerOptions(options.timeouts ?? DEFAULT_HTTP_TIMEOUTS),
    retryStrategy: retryStrategyFor(options.retry ?? DEFAULT_RETRY, options.backoffMs),
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(options.credentials !== undefined && { credentials: options.credentials }),
  });
  checkEc2Answers(client);
  guardCalls(client, options, options.endpoint ?? `https://ec2.${options.region}.amazonaws.com`);
  return client;
}

/** The SDK client surface guardCalls needs (any v3 client has it). */
interface GuardedClient {
  readonly middlewareStack: { add(middleware: never, options: never): void };
}

/**
 * Notes the endpoint each call really went to, and races every call (with all its attempts)
 * against the command's deadline, so a failure names the endpoint, the time waited and the
 * attempts allowed. Shared by every AWS client the CLI makes.
 */
export function guardCalls(
  client: GuardedClient,
  options: Pick<Ec2ClientOptions, 'retry' | 'deadline'>,
  fallbackEndpoint: string,
): void {
  const retry = options.retry ?? DEFAULT_RETRY;
  type Next = (args: { request?: unknown }) => Promise<{ output?: unknown }>;
  type Context = { [ENDPOINT]?: string };
  // Built requests name the endpoint the call really went to.
  const note = (next: Next, context: Context) => (args: { request?: unknown }) => {
    context[ENDPOINT] = endpointOf(args.request as never);
    return next(args);
  };
  client.middlewareStack.add(note as never, { step: 'build', name: 'nhsCloudEndpointNote' } as never);
  // Outermost, around the retries: the deadline bounds the call with all its attempts.
  const race = (next: Next, context: Context) => async (args: { request?: unknown }) => {
    const started = Date.now();
    const { deadline } = options;
    const facts = () => ({
      endpoint: context[ENDPOINT] ?? fallbackEndpoint,
      waitedMs: Date.now() - started,
      retry,
    });
    try {
      const work = next(args);
      const result = await (deadline
        ? deadline.race(work, () => new DeadlineExceededError(deadline, Date.now() - started))
        : work);
      noteCall(result.output, facts());
      return result;
    } catch (error) {
      throw noteCall(error, facts());
    }
  };
  client.middlewareStack.add(
    race as never,
    { step: 'initialize', name: 'nhsCloudCallGuard', priority: 'high' } as never,
  );
}
