/* eslint-disable @typescript-eslint/no-require-imports -- commands load on demand, so a run pays only for its own libraries */
import { Command, CommanderError } from 'commander';
import { EXIT_CODES } from '../errors/exit-codes';
import { CliIo, processIo } from './io';

type CommandFactory = (io: CliIo) => Command;

/**
 * Every command, in help order, loaded on demand: each command pulls in its own libraries
 * (aws-cdk-lib, cdk-nag, the AWS SDK), and `validate` should not pay to load all of them.
 */
const COMMANDS: ReadonlyArray<readonly [string, () => CommandFactory]> = [
  ['validate', () => require('./commands/validate').validateCommand],
  ['onboard', () => require('./commands/onboard').onboardCommand],
  ['check', () => require('./commands/check').checkCommand],
  ['capacity', () => require('./commands/capacity').capacityCommand],
  ['diagram', () => require('./commands/diagram').diagramCommand],
  ['plan', () => require('./commands/plan').planCommand],
  ['report', () => require('./commands/report').reportCommand],
  ['verify-network', () => require('./commands/verify-network').verifyNetworkCommand],
  ['verify-deploy', () => require('./commands/verify-deploy').verifyDeployCommand],
  ['preflight', () => require('./commands/preflight').preflightCommand],
  ['verify-live', () => require('./commands/verify-live').verifyLiveCommand],
  ['sync-accounts', () => require('./commands/sync-accounts').syncAccountsCommand],
  ['waves', () => require('./commands/waves').wavesCommand],
  ['generate-estate', () => require('./commands/generate-estate').generateEstateCommand],
  ['schemas', () => require('./commands/schemas').schemasCommand],
];

/**
 * Assembles the `nhs-cloud` CLI: one command per file in ./commands. Given the command being
 * run, only that one is loaded; help and unknown commands load them all.
 */
export function buildProgram(io: CliIo = processIo, commandName?: string): Command {
  const program = new Command('nhs-cloud')
    .description('Configure, check and report on the NHS national cloud estate')
    .version('0.1.0')
    .showHelpAfterError();
  const only = COMMANDS.find(([name]) => name === commandName);
  for (const [, load] of only ? [only] : COMMANDS) program.addCommand(load()(io).exitOverride(usageExit));
  return program.exitOverride(usageExit);
}

/**
 * Commander has printed its message (an unknown option, a missing argument, help, the
 * version): help and version exit 0, a usage error exits 2 like any other bad input.
 */
function usageExit(error: CommanderError): never {
  process.exit(error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.badInput);
}
