import { Command, Option } from 'commander';
import { loadConfig } from '../../config/load-config';
import { formatShortfalls } from '../../planners/capacity/assert-capacity';
import { planCapacity } from '../../planners/capacity/plan-capacity';
import { CAPACITY_FORMATS, CapacityFormat, formatCapacity } from '../../capacity-report/format-capacity';
import { CheckFailedError } from '../../errors/user-input-error';
import { CliIo, processIo } from '../io';

interface CapacityOptions {
  readonly config: string;
  readonly json?: boolean;
  readonly format: CapacityFormat;
}

/**
 * `nhs-cloud capacity [--config DIR] [--json|--format md]`: prints the capacity plan, then
 * exits non-zero if any need is unmet, the same condition that stops synthesis.
 */
export function capacityCommand(io: CliIo = processIo): Command {
  return new Command('capacity')
    .description(
      'Print the capacity plan (need at growthFactor x peak against capacity on every path); exits non-zero on an unmet need',
    )
    .option('--config <dir>', 'config directory', 'config')
    .option('--json', 'print JSON (the same as --format json)')
    .addOption(new Option('--format <format>', 'output format').choices(CAPACITY_FORMATS).default('text'))
    .action((options: CapacityOptions) => {
      const plan = planCapacity(loadConfig(options.config));
      io.out(formatCapacity(plan, options.json ? 'json' : options.format));
      if (plan.errors.length > 0) throw new CheckFailedError(formatShortfalls(plan.errors));
    });
}
