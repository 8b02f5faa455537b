import { CloudFormationClient, CloudFormationClientConfig } from '@aws-sdk/client-cloudformation';
import { DEFAULT_MAX_ATTEMPTS, Ec2ClientOptions } from './ec2-client';

/** Same knobs as the EC2 client (region, endpoint, credentials, retries), for CloudFormation. */
export type CloudFormationClientOptions = Omit<Ec2ClientOptions, 'retryStrategy' | 'credentials'> & {
  readonly credentials?: CloudFormationClientConfig['credentials'];
  readonly retryStrategy?: CloudFormationClientConfig['retryStrategy'];
};

export function createCloudFormationClient(options: CloudFormationClientOptions): CloudFormationClient {
  return new CloudFormationClient({
    region: options.region,
    retryMode: 'standard',
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(options.credentials !== undefined && { credentials: options.credentials }),
    ...(options.retryStrategy !== undefined && { retryStrategy: options.retryStrategy }),
  });
}
