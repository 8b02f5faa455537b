import { EC2Client, EC2ClientConfig } from '@aws-sdk/client-ec2';

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
   * Attempts per call, the first included, under the SDK's standard retry strategy.
   * @default 3
   */
  readonly maxAttempts?: number;
  /**
   * Replaces the SDK's retry strategy; tests pass the standard one with a tiny backoff.
   * @default the SDK's standard strategy with `maxAttempts`
   */
  readonly retryStrategy?: EC2ClientConfig['retryStrategy'];
}

export const DEFAULT_MAX_ATTEMPTS = 3;

export function createEc2Client(options: Ec2ClientOptions): EC2Client {
  return new EC2Client({
    region: options.region,
    retryMode: 'standard',
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(options.credentials !== undefined && { credentials: options.credentials }),
    ...(options.retryStrategy !== undefined && { retryStrategy: options.retryStrategy }),
  });
}
