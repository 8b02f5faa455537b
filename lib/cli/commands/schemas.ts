import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { renderJsonSchemas } from '../../config/json-schemas';
import { CheckFailedError } from '../../errors/user-input-error';
import { writeFilesAllOrNothing } from '../../files/write-files';
import { CliIo, processIo } from '../io';

export function schemasCommand(io: CliIo = processIo): Command {
  return new Command('schemas')
    .description('Regenerate the JSON Schemas in config/schema from the zod schemas (--check: fail if stale)')
    .option('--out <dir>', 'output directory', 'config/schema')
    .option('--check', 'exit non-zero if the committed schemas differ from the generated ones')
    .action((options: { out: string; check?: boolean }) => {
      const rendered = renderJsonSchemas();
      const stale = Object.entries(rendered).filter(([file, text]) => {
        const path = join(options.out, file);
        return !existsSync(path) || readFileSync(path, 'utf8') !== text;
      });
      if (options.check) {
        if (stale.length)
          throw new CheckFailedError(
            `stale JSON schemas: ${stale.map(([f]) => f).join(', ')}; run \`npx nhs-cloud schemas\``,
          );
        io.out('JSON schemas are up to date');
        return;
      }
      mkdirSync(options.out, { recursive: true });
      writeFilesAllOrNothing(stale.map(([file, text]) => ({ path: join(options.out, file), text })));
      io.out(
        stale.length
          ? `wrote ${stale.map(([f]) => join(options.out, f)).join(', ')}`
          : 'JSON schemas are up to date',
      );
    });
}
