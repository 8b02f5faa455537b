import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { betweenMarkers, cliRows, cliTable, tableCells } from '../../lib/cli/cli-reference';

const README = join(__dirname, '../../README.md');

describe("README.md's CLI table", () => {
  test('is the table generated from the command definitions (regenerate: npx tsx scripts/docs.ts --write)', () => {
    const current = betweenMarkers(readFileSync(README, 'utf8'));
    expect(current).toBeDefined();
    expect(tableCells(current!)).toEqual(tableCells(cliTable()));
  });

  test('has a row for every registered command, waves and verify-network included', () => {
    const names = cliRows().map((r) => r.usage.split(' ')[0]);
    expect(names).toEqual(expect.arrayContaining(['verify-network', 'generate-estate', 'waves']));
    expect(new Set(names).size).toBe(names.length);
  });

  test('cells survive prettier padding and escaped pipes', () => {
    const padded = '|  `a [--x\\|y]`   | b  |\n| :--- | ---: |\n| c | d |';
    expect(tableCells(padded)).toEqual([
      ['`a [--x\\|y]`', 'b'],
      ['---', '---'],
      ['c', 'd'],
    ]);
  });
});
