import { execFileSync } from 'node:child_process';
import { measure, Measurement } from './measure';
import { Skipped } from './types';

const ASSEMBLY_FLAGS = ['--assembly', '--cloud-assembly', '--cdk-out', '--cdkout'];

/**
 * Measures `nhs-cloud <name>` if the CLI has that command, passing the config folder and the
 * synthesized assembly through whichever of its options take them; skipped with a note if
 * the command is absent (other work may add it later) or takes neither.
 */
export async function optionalCommand(
  cli: readonly string[],
  name: string,
  inputs: { config: string; assembly: string },
  cwd: string,
): Promise<Measurement | Skipped> {
  const help = helpOf(cli, [], cwd);
  if (!new RegExp(`^\\s+${name}\\b`, 'm').test(help)) return { skipped: `absent from \`nhs-cloud --help\`` };
  const own = helpOf(cli, [name], cwd);
  const args: string[] = [];
  if (/--config\b/.test(own)) args.push('--config', inputs.config);
  const assemblyFlag = ASSEMBLY_FLAGS.find((f) => new RegExp(`${f}\\b`).test(own));
  if (assemblyFlag) args.push(assemblyFlag, inputs.assembly);
  if (args.length === 0)
    return { skipped: `\`nhs-cloud ${name}\` takes neither --config nor an assembly option` };
  return measure([...cli, name, ...args], { cwd });
}

function helpOf(cli: readonly string[], command: string[], cwd: string): string {
  try {
    return execFileSync(cli[0], [...cli.slice(1), ...command, '--help'], { cwd, encoding: 'utf8' });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? '');
  }
}
