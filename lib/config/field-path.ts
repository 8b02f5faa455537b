/** A field's place in a parsed file: keys and list indexes from the top, e.g. ['environments', 'prod', 'cidr']. */
export type FieldPath = readonly (string | number)[];

/** `environments.prod.cidr`, `network.onPremises.cidrs[0]`. */
export function formatPath(path: FieldPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
