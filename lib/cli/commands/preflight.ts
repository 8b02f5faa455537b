import { Command, Option } from 'commander';
import { loadConfig } from '../../config/load-config';
import { Ec2ClientOptions } from '../../aws/ec2-client';
import { findEnvironment, runPreflight } from '../../aws/preflight';
import { countVerdicts, formatPreflightJson, formatPreflightText } from '../../aws/preflight-format';
import { CheckFailedError, UserInputError } from '../../errors/user-input-error';
import { withAwsSession } from '../aws-session';
import { CliIo, processIo } from '../io';

interface PreflightCliOptions {
  tenant: string;
  env: string;
  config: string;
  endpoint?: string;
  cloudformationEndpoint?: string;
  transitGatewayId?: string;
  timeout: string;
  format: 'text' | 'json';
}

/** A handful of calls; two minutes leaves room for retries behind a slow network. */
export const PREFLIGHT_TIMEOUT_SECONDS = 120;

/**
 * `clientDefaults` lets tests supply credentials, a fast backoff and short HTTP timeouts; the
 * CLI uses the SDK's credential chain and the user's retry settings (lib/aws/retry-settings.ts).
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
    .option(
      '--timeout <seconds>',
      'give up (exit 4) if AWS has not answered by then',
      String(PREFLIGHT_TIMEOUT_SECONDS),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: PreflightCliOptions) => {
      const model = loadConfig(options.config);
      const found = findEnvironment(model, options.tenant, options.env);
      if ('error' in found) throw new UserInputError(`preflight: ${found.error}`);
      const session = {
        command: 'preflight',
        timeout: options.timeout,
        endpoint: options.endpoint,
        cloudformationEndpoint: options.cloudformationEndpoint,
        clientDefaults,
      };
      // A stand-in EC2 endpoint means a test: never send its CloudFormation calls to AWS.
      const ec2Endpoint = options.endpoint ?? clientDefaults.endpoint;
      const withCloudFormation = ec2Endpoint === undefined || options.cloudformationEndpoint !== undefined;
      const report = await withAwsSession(session, ({ ec2, cloudformation }) =>
        runPreflight({
          model,
          environment: found.environment,
          ec2,
          transitGatewayId: options.transitGatewayId,
          cloudformation: withCloudFormation ? cloudformation : undefined,
        }),
      );
      io.out(options.format === 'json' ? formatPreflightJson(report) : formatPreflightText(report));
      const failed = countVerdicts(report).fail;
      if (failed > 0) {
        throw new CheckFailedError(
          `preflight: ${failed} check${failed === 1 ? '' : 's'} failed for ${report.tenant} ${report.environment}`,
        );
      }
    });
}
