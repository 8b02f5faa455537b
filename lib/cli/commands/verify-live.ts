import { Command, Option } from 'commander';
import { loadConfig } from '../../config/load-config';
import { Ec2ClientOptions } from '../../aws/ec2-client';
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
import { CheckFailedError, UserInputError } from '../../errors/user-input-error';
import { withAwsSession } from '../aws-session';
import { CliIo, processIo } from '../io';

interface VerifyLiveCliOptions {
  config: string;
  endpoint?: string;
  transitGatewayId?: string;
  expected?: string;
  assembly?: string;
  timeout: string;
  format: 'text' | 'json';
}

/**
 * Every route table's associations, propagations and routes, paged: at national scale some
 * hundred calls. Five minutes leaves room for throttling; the deploy job allows fifteen.
 */
export const VERIFY_LIVE_TIMEOUT_SECONDS = 300;

export interface VerifyLiveDeps {
  /** Credentials, a fast backoff and short HTTP timeouts for tests; the CLI uses the SDK's defaults. */
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
    .option(
      '--timeout <seconds>',
      'give up (exit 4) if AWS has not answered by then',
      String(VERIFY_LIVE_TIMEOUT_SECONDS),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: VerifyLiveCliOptions) => {
      const model = loadConfig(options.config);
      const source = chooseExpectedSource({ ...options, defaultAssembly: deps.defaultAssembly });
      // Before any AWS call: a broken source fails fast, without credentials.
      let expected;
      try {
        expected = loadTgwExpected(source, model, options.config);
      } catch (error) {
        if (error instanceof ExpectedSourceError)
          throw new UserInputError(`verify-live: ${error.message}`, { exitCode: error.exitCode });
        throw error;
      }
      const session = {
        command: 'verify-live',
        timeout: options.timeout,
        endpoint: options.endpoint,
        clientDefaults: deps.clientDefaults,
      };
      let report;
      try {
        report = await withAwsSession(session, ({ ec2 }) =>
          runVerifyLive(ec2(model.estate.homeRegion), expected, {
            transitGatewayId: options.transitGatewayId,
            source,
          }),
        );
      } catch (error) {
        if (error instanceof LiveTgwError) throw new CheckFailedError(`verify-live: ${error.message}`);
        throw error;
      }
      io.out(options.format === 'json' ? formatVerifyLiveJson(report) : formatVerifyLiveText(report));
      const n = report.drift.length;
      if (n > 0)
        throw new CheckFailedError(
          `verify-live: ${n} difference${n === 1 ? '' : 's'} from the expected model`,
        );
    });
}
