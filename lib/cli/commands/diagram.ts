import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../../config/load-config';
import { DIAGRAM_FORMATS, DiagramFormat, formatDiagram } from '../../diagram/format-diagram';
import { DEFAULT_MAX_TENANTS_PER_GROUP, planTopology } from '../../diagram/topology';
import { CliIo, processIo } from '../io';

interface DiagramOptions {
  readonly config: string;
  readonly format: DiagramFormat;
  readonly groupLimit: number;
}

/** `nhs-cloud diagram`: the estate's network topology as Mermaid, from config alone (no synthesis). */
export function diagramCommand(io: CliIo = processIo): Command {
  return new Command('diagram')
    .description('Print a Mermaid diagram of the estate: hub, segments, on-premises links and tenants by ICB')
    .option('--config <dir>', 'config directory', 'config')
    .addOption(new Option('--format <format>', 'output format').choices(DIAGRAM_FORMATS).default('mermaid'))
    .option(
      '--group-limit <n>',
      'show an ICB group with more tenants than this as counts',
      positiveInteger,
      DEFAULT_MAX_TENANTS_PER_GROUP,
    )
    .action((options: DiagramOptions) => {
      const topology = planTopology(loadConfig(options.config), { maxTenantsPerGroup: options.groupLimit });
      io.out(formatDiagram(topology, options.format));
    });
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}
