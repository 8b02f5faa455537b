/**
 * The lookup's EC2 client: the SDK's defaults (retries from the function's environment) plus
 * the same guards as the CLI's clients (lib/aws-wire): a request that gives up on a silent
 * endpoint, and answers checked to be EC2's before they are read.
 */
import { EC2Client, EC2ClientConfig } from '@aws-sdk/client-ec2';
import { checkEc2Answers, HttpTimeouts, requestHandlerOptions } from '../../aws-wire/ec2-client-guards';

export interface LookupEc2Options {
  /** @default the function's region (AWS_REGION, set by Lambda) */
  readonly region?: string;
  /** Tests point the lookup at a local EC2 endpoint. @default the regional AWS endpoint */
  readonly endpoint?: string;
  /** @default the function's role */
  readonly credentials?: EC2ClientConfig['credentials'];
  /** @default DEFAULT_HTTP_TIMEOUTS */
  readonly timeouts?: HttpTimeouts;
  /** Tests pass one with a short backoff. @default the SDK's standard strategy */
  readonly retryStrategy?: EC2ClientConfig['retryStrategy'];
}

export function lookupEc2Client(options: LookupEc2Options = {}): EC2Client {
  const client = new EC2Client({
    requestHandler: requestHandlerOptions(options.timeouts),
    ...(options.region !== undefined && { region: options.region }),
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(options.credentials !== undefined && { credentials: options.credentials }),
    ...(options.retryStrategy !== undefined && { retryStrategy: options.retryStrategy }),
  });
  checkEc2Answers(client);
  return client;
}
