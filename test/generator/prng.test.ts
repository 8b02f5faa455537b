import { seededRandom } from '../../lib/generator/prng';
import { roundToTwoFigures } from '../../lib/generator/peaks';

describe('seededRandom', () => {
  test('repeats its sequence for a seed, and not for another seed', () => {
    const a = seededRandom('x');
    const b = seededRandom('x');
    const c = seededRandom('y');
    const seq = (r: ReturnType<typeof seededRandom>) => Array.from({ length: 5 }, () => r.next());
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
  });

  test('stays in range and spreads evenly', () => {
    const r = seededRandom(42);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) {
      const v = r.int(0, 3);
      counts[v]++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(850);
    const normals = Array.from({ length: 4000 }, () => r.normal());
    const mean = normals.reduce((s, v) => s + v, 0) / normals.length;
    expect(Math.abs(mean)).toBeLessThan(0.1);
  });

  test('shuffles without losing or repeating items', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = seededRandom('s').shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});

test.each([
  [1482, 1500],
  [20, 20],
  [9_940, 9_900],
  [123.4, 120],
  [10_000, 10_000],
])('roundToTwoFigures(%d) = %d', (input, expected) => {
  expect(roundToTwoFigures(input)).toBe(expected);
});
