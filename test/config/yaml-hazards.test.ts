import { formatConfigError } from '../../lib/config/config-error';
import { SourceFile } from '../../lib/config/source-file';

const errors = (text: string) => new SourceFile('f.yaml', text).syntaxErrors.map(formatConfigError);
const first = (text: string) => errors(text)[0]?.split('\n')[0];

describe('YAML a reviewed config file never needs is refused, with a position and no data', () => {
  test.each([
    [
      'an anchor and alias',
      'a: &x 1\nb: *x\n',
      'f.yaml:1:7 a: expected a value written out, found an anchor (&x)',
    ],
    [
      'a merge key',
      'a: { x: 1 }\nb: { <<: *a }\n',
      'f.yaml:2:10 b.<<: expected a value written out, found an alias (*a)',
    ],
    ['a custom tag', 'a: !foo bar\n', 'f.yaml:1:9 a: expected plain YAML, found the tag !foo'],
    [
      'a language tag',
      'a: !!js/function x\n',
      'f.yaml:1:18 a: expected plain YAML, found the tag tag:yaml.org,2002:js/function',
    ],
    [
      'a second document',
      'a: 1\n---\nb: 2\n',
      'f.yaml:2:1: YAML syntax error: expected one YAML document, found a second one (after a --- line)',
    ],
    [
      'a hexadecimal number',
      'a: 0x1F\n',
      'f.yaml:1:4 a: expected a number written in decimal digits, got 0x1F (hexadecimal)',
    ],
    [
      'an octal number',
      'a: 0o17\n',
      'f.yaml:1:4 a: expected a number written in decimal digits, got 0o17 (octal)',
    ],
    [
      'exponent notation',
      'a: 1e308\n',
      'f.yaml:1:4 a: expected a number written in decimal digits, got 1e308 (exponent notation)',
    ],
    [
      'infinity',
      'a: .inf\n',
      'f.yaml:1:4 a: expected a number written in decimal digits, got .inf (not a finite number)',
    ],
    [
      'a leading zero',
      'a: [012]\n',
      'f.yaml:1:5 a[0]: expected a number written in decimal digits, got 012 (a leading zero, which older YAML reads as octal)',
    ],
    [
      'a control character',
      'name: "Trust\\u0007"\n',
      'f.yaml:1:7 name: expected text without control characters, got "Trust\\u0007", which has U+0007 at character 6',
    ],
    [
      'a text-direction override',
      'name: "a\\u202eb"\n',
      'f.yaml:1:7 name: expected text without control characters, got "a\\u202eb", which has U+202E at character 2',
    ],
    [
      'a merge conflict',
      'a: 1\n<<<<<<< HEAD\n',
      'f.yaml:2:1: expected YAML, found a git merge-conflict marker (<<<<<<<)',
    ],
  ])('%s', (_, text, expected) => {
    expect(first(text)).toBe(expected);
    expect(new SourceFile('f.yaml', text).data).toBeUndefined();
  });

  test('plain YAML with quotes, brackets in text and decimals passes', () => {
    const file = new SourceFile('f.yaml', "name: St George's [main] {x}\nn: [1, -2, 3.5, '0x1F']\n");
    expect(file.syntaxErrors).toEqual([]);
    expect(file.data).toEqual({ name: "St George's [main] {x}", n: [1, -2, 3.5, '0x1F'] });
  });

  test('an alias bomb is refused in milliseconds, reporting one alias and one anchor', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of ['ba', 'cb', 'dc', 'ed', 'fe', 'gf', 'hg', 'ih']) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const start = Date.now();
    const found = errors(`${lines.join('\n')}\n`);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(found.map((e) => e.split('\n')[0].split(': ')[1])).toEqual([
      'expected a value written out, found an anchor (&a)',
      'expected a value written out, found an alias (*a)',
    ]);
  });

  test.each([
    ['flow brackets', `a: ${'['.repeat(100_000)}`, 'f.yaml:1:20: expected nesting at most 16 levels deep'],
    [
      'block indentation',
      Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
      'YAML syntax error: expected a few levels of nesting, found too many for the parser',
    ],
    [
      'moderate block nesting',
      Array.from({ length: 20 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
      'f.yaml:17:17: expected nesting at most 16 levels deep, found more',
    ],
  ])('deep nesting by %s is refused in bounded time, without a stack overflow', (_, text, expected) => {
    const start = Date.now();
    expect(first(text)).toContain(expected);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
