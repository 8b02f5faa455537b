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
  const retry = options.retry ?? DEFAULT_RETRY;
  const client = new EC2Client({
    region: options.region,
    requestHandler: requestHandlerOptions(options.timeouts ?? DEFAULT_HTTP_TIMEOUTS),
    retryStrategy: retryStrategyFor(retry, options.backoffMs),
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(options.credentials !== undefined && { credentials: options.credentials }),
  });
  checkEc2Answers(client);
  const fallback = options.endpoint ?? `https://ec2.${options.region}.amazonaws.com`;
  // Built requests name the endpoint the call really went to.
  client.middlewareStack.add(
    (next, context) => (args) => {
      (context as { [ENDPOINT]?: string })[ENDPOINT] = endpointOf(args.request as never);
      return next(args);
    },
    { step: 'build', name: 'nhsCloudEndpointNote' },
  );
  // Outermost, around the retries: the deadline bounds the call with all its attempts.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const started = Date.now();
      const { deadline } = options;
      const facts = () => ({
        endpoint: (context as { [ENDPOINT]?: string })[ENDPOINT] ?? fallback,
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
    },
    { step: 'initialize', name: 'nhsCloudCallGuard', priority: 'high' },
  );
  return client;
}
