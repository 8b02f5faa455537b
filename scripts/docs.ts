/**
 * `npx tsx scripts/docs.ts [--write]`: regenerates README.md's CLI table from the commander
 * command definitions (lib/cli/cli-reference.ts) and formats it with prettier. Without
 * `--write` it only checks, and exits 1 if README.md is out of date (test/docs/cli-table.test.ts
 * runs the same check).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { betweenMarkers, cliTable, tableCells, withCliTable } from '../lib/cli/cli-reference';

async function main(): Promise<void> {
  const file = join(__dirname, '..', 'README.md');
  const doc = readFileSync(file, 'utf8');
  const table = cliTable();
  const current = betweenMarkers(doc);
  const same =
    current !== undefined && JSON.stringify(tableCells(current)) === JSON.stringify(tableCells(table));
  if (!process.argv.includes('--write')) {
    process.stdout.write(
      same
        ? 'README.md CLI table is up to date\n'
        : 'README.md CLI table is out of date: npx tsx scripts/docs.ts --write\n',
    );
    process.exitCode = same ? 0 : 1;
    return;
  }
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  writeFileSync(file, await prettier.format(withCliTable(doc, table), options));
  process.stdout.write('README.md CLI table written\n');
}

void main();
