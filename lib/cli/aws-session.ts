import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { EC2Client } from '@aws-sdk/client-ec2';
import { AwsCallError } from '../aws/aws-errors';
import { createCloudFormationClient } from '../aws/cloudformation-client';
import { Deadline, parseTimeoutSeconds } from '../aws/deadline';
import { createEc2Client, Ec2ClientOptions } from '../aws/ec2-client';
import { resolveRetrySettings } from '../aws/retry-settings';
import { AwsUnavailableError, UserInputError } from '../errors/user-input-error';

/** The AWS clients of one command run, all under its deadline. */
export interface AwsSession {
  /** One client per region, made on first use. */
  readonly ec2: (region: string) => EC2Client;
  /** One CloudFormation client per region, made on first use. */
  readonly cloudformation: (region: string) => CloudFormationClient;
}

export interface AwsSessionOptions {
  /** The command's name, the first word of its messages. */
  readonly command: string;
  /** `--timeout`, in seconds, as typed. */
  readonly timeout: string;
  /** `--endpoint`. */
  readonly endpoint?: string;
  /** `--cloudformation-endpoint`. */
  readonly cloudformationEndpoint?: string;
  /** Tests: credentials, a fast backoff, short HTTP timeouts. */
  readonly clientDefaults?: Partial<Ec2ClientOptions>;
}

/**
 * Runs `work` with EC2 clients that share the command's deadline and the user's retry settings,
 * then destroys them (closing any socket still waiting). A failed AWS call ends the command
 * with exit 4 and a message naming the command, the call and what to do.
 */
export async function withAwsSession<T>(
  options: AwsSessionOptions,
  work: (session: AwsSession) => Promise<T>,
): Promise<T> {
  const ms = parseTimeoutSeconds(options.timeout);
  if (ms === undefined) {
    throw UserInputError.at(
      { flag: '--timeout' },
      `expected a number of seconds above 0, got ${JSON.stringify(options.timeout)}`,
      {
        hint: 'e.g. --timeout 300',
      },
    );
  }
  const retry = await resolveRetrySettings();
  const deadline = new Deadline(ms, `--timeout ${options.timeout}`);
  const clients = new Map<string, EC2Client>();
  const ec2 = (region: string): EC2Client => {
    const client =
      clients.get(region) ??
      createEc2Client({
        retry,
        deadline,
        ...options.clientDefaults,
        region,
        endpoint: options.endpoint ?? options.clientDefaults?.endpoint,
      });
    clients.set(region, client);
    return client;
  };
  const cfnClients = new Map<string, CloudFormationClient>();
  const cloudformation = (region: string): CloudFormationClient => {
    const client =
      cfnClients.get(region) ??
      createCloudFormationClient({
        retry,
        deadline,
        ...options.clientDefaults,
        region,
        endpoint: options.cloudformationEndpoint,
      });
    cfnClients.set(region, client);
    return client;
  };
  try {
    return await work({ ec2, cloudformation });
  } catch (error) {
    if (error instanceof AwsCallError) throw new AwsUnavailableError(`${options.command}: ${error.message}`);
    throw error;
  } finally {
    deadline.dispose();
    for (const client of [...clients.values(), ...cfnClients.values()]) client.destroy();
  }
}
