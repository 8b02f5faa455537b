import { Command } from 'commander';
import { ConfigValidationError } from '../../config/config-error';
import { validateConfigDir } from '../../config/load-config';
import { CliIo, processIo } from '../io';

export function validateCommand(io: CliIo = processIo): Command {
  return new Command('validate')
    .description('Validate estate.yaml and every tenant file; exits non-zero on any error')
    .option('--config <dir>', 'config directory', 'config')
    .action((options: { config: string }) => {
      const result = validateConfigDir(options.config);
      if (!result.ok) throw new ConfigValidationError(result.errors);
      const environments = result.model.tenants.reduce((n, t) => n + Object.keys(t.environments).length, 0);
      io.out(
        `${options.config}: valid (${result.model.tenants.length} tenants, ${environments} environments)`,
      );
    });
}
