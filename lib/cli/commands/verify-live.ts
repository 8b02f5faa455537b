import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { EstateModel, loadConfig } from '../../config';
import { AwsCallError } from '../../aws/aws-errors';
import { createEc2Client, Ec2ClientOptions } from '../../aws/ec2-client';
import {
  formatVerifyLiveJson,
  formatVerifyLiveText,
  LiveTgwError,
  parseTgwExpected,
  runVerifyLive,
  TgwExpected,
} from '../../aws/verify-live';
import { CliError } from '../handle-error';
import { CliIo, processIo } from '../io';

interface VerifyLiveCliOptions {
  config: string;
  endpoint?: string;
  transitGatewayId?: string;
  expected?: string;
  format: 'text' | 'json';
}

export interface VerifyLiveDeps {
  /** Builds the expected model from config; the network planner plugs in here. */
  readonly expectedFrom?: (model: EstateModel) => TgwExpected;
  /** Credentials and retry settings for tests; the CLI uses the SDK's defaults. */
  readonly clientDefaults?: Partial<Ec2ClientOptions>;
}

export function verifyLiveCommand(io: CliIo = processIo, deps: VerifyLiveDeps = {}): Command {
  return new Command('verify-live')
    .description(
      "Compare the deployed transit gateway routing with config; run with the network account's credentials",
    )
    .option('--config <dir>', 'config directory', 'config')
    .option('--endpoint <url>', 'EC2 endpoint URL instead of the AWS one (testing)')
    .option('--transit-gateway-id <id>', 'the transit gateway to read (default: the only one in the account)')
    .option('--expected <file>', 'expected model as JSON, instead of planning it from config')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: VerifyLiveCliOptions) => {
      const model = loadConfig(options.config);
      const expected = expectedModel(options, model, deps);
      const ec2 = createEc2Client({
        ...deps.clientDefaults,
        region: model.estate.homeRegion,
        endpoint: options.endpoint ?? deps.clientDefaults?.endpoint,
      });
      try {
        const report = await runVerifyLive(ec2, expected, options.transitGatewayId);
        io.out(options.format === 'json' ? formatVerifyLiveJson(report) : formatVerifyLiveText(report));
        const n = report.drift.length;
        if (n > 0)
          throw new CliError(`verify-live: ${n} difference${n === 1 ? '' : 's'} from the expected model`);
      } catch (error) {
        if (error instanceof AwsCallError || error instanceof LiveTgwError) {
          throw new CliError(`verify-live: ${error.message}`);
        }
        throw error;
      } finally {
        ec2.destroy();
      }
    });
}

function expectedModel(options: VerifyLiveCliOptions, model: EstateModel, deps: VerifyLiveDeps): TgwExpected {
  if (options.expected) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(options.expected, 'utf8'));
    } catch (error) {
      throw new CliError(`verify-live: cannot read ${options.expected}: ${(error as Error).message}`);
    }
    try {
      return parseTgwExpected(data);
    } catch (error) {
      throw new CliError(`verify-live: ${options.expected}: ${(error as Error).message}`);
    }
  }
  if (deps.expectedFrom) return deps.expectedFrom(model);
  throw new CliError(
    'verify-live: no expected model: pass --expected FILE (the network planner is not wired in yet)',
  );
}
