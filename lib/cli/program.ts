import { Command } from 'commander';
import { capacityCommand } from './commands/capacity';
import { onboardCommand } from './commands/onboard';
import { preflightCommand } from './commands/preflight';
import { schemasCommand } from './commands/schemas';
import { syncAccountsCommand } from './commands/sync-accounts';
import { validateCommand } from './commands/validate';
import { verifyLiveCommand } from './commands/verify-live';
import { CliIo, processIo } from './io';

/** Assembles the `nhs-cloud` CLI: one command per file in ./commands. */
export function buildProgram(io: CliIo = processIo): Command {
  return new Command('nhs-cloud')
    .description('Configure, check and report on the NHS national cloud estate')
    .version('0.1.0')
    .showHelpAfterError()
    .addCommand(validateCommand(io))
    .addCommand(onboardCommand(io))
    .addCommand(capacityCommand(io))
    .addCommand(preflightCommand(io))
    .addCommand(verifyLiveCommand(io))
    .addCommand(syncAccountsCommand(io))
    .addCommand(schemasCommand(io));
}
