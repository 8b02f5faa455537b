import { Command, Option } from 'commander';
import { loadConfig } from '../../config/load-config';
import { AwsCallError } from '../../aws/aws-errors';
import { createEc2Client, Ec2ClientOptions } from '../../aws/ec2-client';
import {
  chooseExpectedSource,
  DEFAULT_ASSEMBLY,
  ExpectedSourceError,
  loadTgwExpected,
} from '../../aws/tgw-expected-source';
import {
  formatVerifyLiveJson,
  formatVerifyLiveText,
  LiveTgwError,
  runVerifyLive,
} from '../../aws/verify-live';
import { AwsUnavailableError, CheckFailedError, UserInputError } from '../../errors/user-input-error';
import { CliIo, processIo } from '../io';

interface VerifyLiveCliOptions {
  config: string;
  endpoint?: string;
  transitGatewayId?: string;
  expected?: string;
  assembly?: string;
  format: 'text' | 'json';
}

export interface VerifyLiveDeps {
  /** Credentials and retry settings for tests; the CLI uses the SDK's defaults. */
  readonly clientDefaults?: Partial<Ec2ClientOptions>;
  /** Where to look for an assembly when `--assembly` is not given (tests point it elsewhere). */
  readonly defaultAssembly?: string;
}

export function verifyLiveCommand(io: CliIo = processIo, deps: VerifyLiveDeps = {}): Command {
  return new Command('verify-live')
    .description(
      "Compare the deployed transit gateway routing with the synthesized templates or the plan; run with the network account's credentials",
    )
    .option('--config <dir>', 'config directory', 'config')
    .option(
      '--assembly <dir>',
      `synthesized cloud assembly to compare with (default: ${DEFAULT_ASSEMBLY} when it has a manifest.json, else the plan from --config)`,
    )
    .option('--expected <file>', 'expected model as JSON, instead of the assembly or the plan')
    .option('--endpoint <url>', 'EC2 endpoint URL instead of the AWS one (testing)')
    .option('--transit-gateway-id <id>', 'the transit gateway to read (default: the only one in the account)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: VerifyLiveCliOptions) => {
      const model = loadConfig(options.config);
      const source = chooseExpectedSource({ ...options, defaultAssembly: deps.defaultAssembly });
      // Before any AWS call: a broken source fails fast, without credentials.
      let expected;
      try {
        expected = loadTgwExpected(source, model);
      } catch (error) {
        if (error instanceof ExpectedSourceError)
          throw new UserInputError(`verify-live: ${error.message}`, { exitCode: error.exitCode });
        throw error;
      }
      const ec2 = createEc2Client({
        ...deps.clientDefaults,
        region: model.estate.homeRegion,
        endpoint: options.endpoint ?? deps.clientDefaults?.endpoint,
      });
      try {
        const report = await runVerifyLive(ec2, expected, {
          transitGatewayId: options.transitGatewayId,
          source,
        });
        io.out(options.format === 'json' ? formatVerifyLiveJson(report) : formatVerifyLiveText(report));
        const n = report.drift.length;
        if (n > 0)
          throw new CheckFailedError(
            `verify-live: ${n} difference${n === 1 ? '' : 's'} from the expected model`,
          );
      } catch (error) {
        if (error instanceof AwsCallError) throw new AwsUnavailableError(`verify-live: ${error.message}`);
        if (error instanceof LiveTgwError) throw new CheckFailedError(`verify-live: ${error.message}`);
        throw error;
      } finally {
        ec2.destroy();
      }
    });
}
