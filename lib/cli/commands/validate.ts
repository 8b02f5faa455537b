import { Command, Option } from 'commander';
import { ConfigValidationError } from '../../config/config-error';
import { CliIo, processIo } from '../io';
import { failureJson, OUTPUT_FORMATS, OutputFormat } from '../output-format';
import { validateConfigFiles } from '../validate-config-files';

interface ValidateOptions {
  readonly config: string;
  readonly format: OutputFormat;
}

/**
 * `nhs-cloud validate`: every config file synth reads (estate.yaml, tenants/, allocations.yaml,
 * exceptions.yaml), every cross-file rule; exit 2 with every error, positioned, on any.
 */
export function validateCommand(io: CliIo = processIo): Command {
  return new Command('validate')
    .description(
      'Validate estate.yaml, every tenant file, allocations.yaml and exceptions.yaml; exits non-zero on any error',
    )
    .option('--config <dir>', 'config directory', 'config')
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('text'))
    .action((options: ValidateOptions) => {
      const result = validateConfigFiles(options.config);
      if (!result.ok) {
        const error = new ConfigValidationError(result.errors);
        if (options.format === 'json') io.out(failureJson(error));
        throw error;
      }
      const tenants = result.model.tenants.length;
      const environments = result.model.tenants.reduce((n, t) => n + Object.keys(t.environments).length, 0);
      io.out(
        options.format === 'json'
          ? JSON.stringify({ ok: true, config: options.config, tenants, environments }, undefined, 2)
          : `${options.config}: valid (${tenants} tenants, ${environments} environments)`,
      );
    });
}
