import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { EC2Client } from '@aws-sdk/client-ec2';
import { Command, Option } from 'commander';
import { loadConfig } from '../../config/load-config';
import { AwsCallError } from '../../aws/aws-errors';
import { createCloudFormationClient } from '../../aws/cloudformation-client';
import { createEc2Client, Ec2ClientOptions } from '../../aws/ec2-client';
import { findEnvironment, runPreflight } from '../../aws/preflight';
import { countVerdicts, formatPreflightJson, formatPreflightText } from '../../aws/preflight-format';
import { AwsUnavailableError, CheckFailedError, UserInputError } from '../../errors/user-input-error';
import { CliIo, processIo } from '../io';

interface PreflightCliOptions {
  tenant: string;
  env: string;
  config: string;
  endpoint?: string;
  cloudformationEndpoint?: string;
  transitGatewayId?: string;
  format: 'text' | 'json';
}

/**
 * `clientDefaults` lets tests supply credentials and a fast retry strategy; the CLI uses the
 * SDK's credential chain and standard retries.
 */
export function preflightCommand(
  io: CliIo = processIo,
  clientDefaults: Partial<Ec2ClientOptions> = {},
): Command {
  return new Command('preflight')
    .description(
      "Check a tenant account is ready for its first deploy; run with the tenant account's credentials",
    )
    .requiredOption('--tenant <ods>', 'tenant ODS code, e.g. RGR')
    .requiredOption('--env <name>', 'environment name, e.g. prod')
    .option('--config <dir>', 'config directory', 'config')
    .option('--endpoint <url>', 'EC2 endpoint URL instead of the AWS one (testing)')
    .option(
      '--cloudformation-endpoint <url>',
      'CloudFormation endpoint URL instead of the AWS one (testing); with --endpoint and without this, the bootstrap and Config recorder checks are left out',
    )
    .option('--transit-gateway-id <id>', 'the shared transit gateway the spoke will attach to')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: PreflightCliOptions) => {
      const model = loadConfig(options.config);
      const found = findEnvironment(model, options.tenant, options.env);
      if ('error' in found) throw new UserInputError(`preflight: ${found.error}`);
      const clients = new Map<string, EC2Client>();
      const ec2 = (region: string) => {
        const client =
          clients.get(region) ??
          createEc2Client({
            ...clientDefaults,
            region,
            endpoint: options.endpoint ?? clientDefaults.endpoint,
          });
        clients.set(region, client);
        return client;
      };
      const cfnClients: CloudFormationClient[] = [];
      // A stand-in EC2 endpoint means a test: never send its CloudFormation calls to AWS.
      const cfnEndpoint = options.cloudformationEndpoint;
      const cloudformation =
        options.endpoint === undefined || cfnEndpoint !== undefined
          ? (region: string) => {
              const client = createCloudFormationClient({
                region,
                endpoint: cfnEndpoint,
                maxAttempts: clientDefaults.maxAttempts,
                credentials: clientDefaults.credentials,
                retryStrategy: clientDefaults.retryStrategy,
              });
              cfnClients.push(client);
              return client;
            }
          : undefined;
      try {
        const report = await runPreflight({
          model,
          environment: found.environment,
          ec2,
          transitGatewayId: options.transitGatewayId,
          cloudformation,
        });
        io.out(options.format === 'json' ? formatPreflightJson(report) : formatPreflightText(report));
        const failed = countVerdicts(report).fail;
        if (failed > 0) {
          throw new CheckFailedError(
            `preflight: ${failed} check${failed === 1 ? '' : 's'} failed for ${report.tenant} ${report.environment}`,
          );
        }
      } catch (error) {
        if (error instanceof AwsCallError) throw new AwsUnavailableError(`preflight: ${error.message}`);
        throw error;
      } finally {
        for (const client of clients.values()) client.destroy();
        for (const client of cfnClients) client.destroy();
      }
    });
}
