import { CloudFormationClient, CloudFormationClientConfig } from '@aws-sdk/client-cloudformation';
import {
  checkCloudFormationAnswers,
  DEFAULT_HTTP_TIMEOUTS,
  requestHandlerOptions,
} from '../aws-wire/ec2-client-guards';
import { Ec2ClientOptions, guardCalls } from './ec2-client';
import { DEFAULT_RETRY, retryStrategyFor } from './retry-settings';

/** The same knobs as the EC2 client (region, endpoint, credentials, retries, time limits). */
export type CloudFormationClientOptions = Omit<Ec2ClientOptions, 'credentials'> & {
  readonly credentials?: CloudFormationClientConfig['credentials'];
};

/**
 * A CloudFormation client that fails closed like the EC2 one: time-limited requests, answers
 * checked to be CloudFormation's, the user's retry settings and the command's deadline.
 */
export function createCloudFormationClient(options: CloudFormationClientOptions): CloudFormationClient {
  const client = new CloudFormationClient({
    region: options.region,
    requestHandler: requestHandlerOptions(options.timeouts ?? DEFAULT_HTTP_TIMEOUTS),
    retryStrategy: retryStrategyFor(options.retry ?? DEFAULT_RETRY, options.backoffMs),
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(options.credentials !== undefined && { credentials: options.credentials }),
  });
  checkCloudFormationAnswers(client);
  guardCalls(client, options, options.endpoint ?? `https://cloudformation.${options.region}.amazonaws.com`);
  return client;
}
