import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NhsCloudChecks } from '../../lib/nag';

/** The rows of the rules table in docs/RULES.md, as [ID, level]. */
function documentedRules(): string[][] {
  const doc = readFileSync(join(__dirname, '../../docs/RULES.md'), 'utf8');
  return doc
    .split('\n')
    .filter((line) => line.startsWith('| NhsCloud-'))
    .map((line) =>
      line
        .split('|')
        .slice(1, 3)
        .map((cell) => cell.trim()),
    );
}

describe('docs/RULES.md', () => {
  test('lists exactly the pack’s rules, in pack order, at the pack’s levels', () => {
    const pack = new NhsCloudChecks();
    expect(documentedRules()).toEqual(pack.rules.map(({ id, level }) => [id, level]));
  });
});
