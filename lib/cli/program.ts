import { Command } from 'commander';
import { capacityCommand } from './commands/capacity';
import { diagramCommand } from './commands/diagram';
import { onboardCommand } from './commands/onboard';
import { planCommand } from './commands/plan';
import { preflightCommand } from './commands/preflight';
import { reportCommand } from './commands/report';
import { schemasCommand } from './commands/schemas';
import { syncAccountsCommand } from './commands/sync-accounts';
import { validateCommand } from './commands/validate';
import { verifyLiveCommand } from './commands/verify-live';
import { verifyNetworkCommand } from './commands/verify-network';
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
    .addCommand(diagramCommand(io))
    .addCommand(planCommand(io))
    .addCommand(reportCommand(io))
    .addCommand(verifyNetworkCommand(io))
    .addCommand(preflightCommand(io))
    .addCommand(verifyLiveCommand(io))
    .addCommand(syncAccountsCommand(io))
    .addCommand(schemasCommand(io));
}
