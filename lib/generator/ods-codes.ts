import { Random } from './prng';

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** 36 x 36 = 1,296 three-character codes per prefix letter. */
export const CODES_PER_PREFIX = ALPHANUMERIC.length ** 2;

/**
 * Draws `count` distinct ODS-shaped codes (`R` + two alphanumerics) in random order, skipping
 * `taken`. Real codes are not avoided on purpose: a generated estate is never deployed.
 *
 *   drawOdsCodes('R', 3, random) -> ['R7K', 'RA0', 'RZ3']
 */
export function drawOdsCodes(
  prefix: 'R' | 'Q' | 'X',
  count: number,
  random: Random,
  taken: ReadonlySet<string> = new Set(),
): string[] {
  const all: string[] = [];
  for (const a of ALPHANUMERIC) for (const b of ALPHANUMERIC) all.push(`${prefix}${a}${b}`);
  const free = all.filter((code) => !taken.has(code));
  if (count > free.length) {
    throw new Error(`cannot draw ${count} ODS codes starting with ${prefix}: only ${free.length} are free`);
  }
  return random.shuffle(free).slice(0, count);
}
