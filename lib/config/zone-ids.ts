/** How AWS abbreviates a region's words in its zone IDs: eu-west-2 -> euw2, ap-southeast-2 -> apse2. */
const WORDS: Readonly<Record<string, string>> = {
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  central: 'c',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
  gov: 'g',
};

/**
 * The prefix of a region's availability zone IDs (`euw2` for eu-west-2, whose zones are
 * `euw2-az1`...), or undefined for a region whose words AWS abbreviates in a way not known here.
 */
export function zoneIdPrefix(region: string): string | undefined {
  const [area, ...rest] = region.split('-');
  const number = rest.pop();
  const words = rest.map((w) => WORDS[w]);
  if (!area || !number || words.some((w) => w === undefined)) return undefined;
  return `${area}${words.join('')}${number}`;
}
