import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '../../docs/adr');
const ADRS = readdirSync(DIR).filter((f) => /^\d{4}-.*\.md$/.test(f));
const statusOf = (file: string) => /^-?\s*Status:\s*(.+)$/m.exec(readFileSync(join(DIR, file), 'utf8'))?.[1];

describe('docs/adr', () => {
  test.each(ADRS)('%s has a Status line: Accepted, or Superseded by a link to a later ADR', (file) => {
    const status = statusOf(file);
    expect(status).toMatch(/^(Accepted\b|Superseded by \[\d{4}\]\(\d{4}-[^)]+\.md\))/);
  });

  test('the index lists every ADR with its status, and says why a number has no file', () => {
    const index = readFileSync(join(DIR, 'README.md'), 'utf8');
    const listed = [
      ...index.matchAll(/^\| \[(\d{4})\]\((\d{4}-[^)]+\.md)\)\s*\|.*\|\s*(Accepted|Superseded)/gm),
    ];
    expect(listed.map((m) => m[2])).toEqual(ADRS);
    for (const [, , file, status] of listed) expect(statusOf(file)).toMatch(new RegExp(`^${status}`));
    const numbers = ADRS.map((f) => Number(f.slice(0, 4)));
    for (let n = 1; n < Math.max(...numbers); n++) {
      if (!numbers.includes(n))
        expect(index).toMatch(new RegExp(`^\\|\\s*${String(n).padStart(4, '0')}\\s*\\|\\s*withdrawn`, 'm'));
    }
  });
});
