import { Command, Option } from 'commander';
import { loadConfig } from '../../config/load-config';
import { formatShortfalls } from '../../planners/capacity/assert-capacity';
import { planCapacity } from '../../planners/capacity/plan-capacity';
import { planNetwork } from '../../planners/hub/network-plan';
import { CAPACITY_FORMATS, CapacityFormat, formatCapacity } from '../../capacity-report/format-capacity';
import { CheckFailedError } from '../../errors/user-input-error';
import { CliIo, processIo } from '../io';

interface CapacityOptions {
  readonly config: string;
  readonly json?: boolean;
  readonly format: CapacityFormat;
}

/**
 * `nhs-cloud capacity [--config DIR] [--json|--format md]`: prints the capacity plan (lanes,
 * Direct Connect gateways, every tenant's paths and, when the network can be planned, the
 * quota increases to request), then exits non-zero if any need is unmet, the same condition
 * that stops synthesis.
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
      const model = loadConfig(options.config);
      const plan = planCapacity(model);
      // Quotas come from the network plan, which an unmet need may leave impossible to make.
      const quotas = plan.errors.length === 0 ? planNetwork(model, plan.hub).quotas : [];
      io.out(formatCapacity(plan, options.json ? 'json' : options.format, quotas));
      if (plan.errors.length > 0) throw new CheckFailedError(formatShortfalls(plan.errors));
    });
}
