import { Command } from 'commander';
import { formatSyncReport, syncAccounts } from '../../onboarding/sync-accounts';
import { CliIo, processIo } from '../io';

export function syncAccountsCommand(io: CliIo = processIo): Command {
  return new Command('sync-accounts')
    .description(
      'Write the IDs of newly vended accounts (from `cdk deploy --outputs-file`) into the tenant files',
    )
    .requiredOption(
      '--outputs <file>',
      'JSON written by `cdk deploy --outputs-file` for the Org-<ODS> stacks',
    )
    .option('--config <dir>', 'config directory', 'config')
    .option('--dry-run', 'report the changes without writing them')
    .action((options: { outputs: string; config: string; dryRun?: boolean }) => {
      io.out(
        formatSyncReport(
          syncAccounts({ outputsFile: options.outputs, configDir: options.config, dryRun: options.dryRun }),
        ),
      );
    });
}
