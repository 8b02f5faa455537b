/**
 * The EC2 Query wire format, both directions: flat form fields in (`Filter.1.Name`,
 * `Filter.1.Value.2`), XML with `<item>` lists out, and EC2's error codes as faults.
 */

export type Params = Readonly<Record<string, string>>;

/** Thrown by an action to answer with an EC2 error document. */
export class Ec2Fault extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** `Prefix.1`, `Prefix.2`, ... in index order. */
export function indexedList(params: Params, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 1; params[`${prefix}.${i}`] !== undefined; i++) out.push(params[`${prefix}.${i}`]);
  return out;
}

/** `Filter.N.Name` / `Filter.N.Value.M` as name -> values. */
export function filtersOf(params: Params): Map<string, string[]> {
  const filters = new Map<string, string[]>();
  for (let i = 1; params[`Filter.${i}.Name`] !== undefined; i++) {
    filters.set(params[`Filter.${i}.Name`], indexedList(params, `Filter.${i}.Value`));
  }
  return filters;
}

/** How an action exposes an item to each filter it supports: the item's values for that filter. */
export type FilterTable<T> = Record<string, (item: T) => readonly (string | undefined)[]>;

/** Keeps items matching every filter (any value of a filter may match), as EC2 does. */
export function applyFilters<T>(params: Params, items: readonly T[], table: FilterTable<T>): T[] {
  let out = [...items];
  for (const [name, values] of filtersOf(params)) {
    const valuesOf = name === 'tag:Name' ? (item: T) => [(item as { name?: string }).name] : table[name];
    if (!valuesOf) throw new Ec2Fault('InvalidParameterValue', `The filter '${name}' is invalid`);
    out = out.filter((item) => valuesOf(item).some((v) => v !== undefined && values.includes(v)));
  }
  return out;
}

export function requireParam(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined) {
    throw new Ec2Fault('MissingParameter', `The request must contain the parameter ${name}`);
  }
  return value;
}

/**
 * One page of `items`. Tokens are opaque to the client but readable here ("page-<offset>"),
 * and MaxResults is range-checked as EC2 does, so a client that pages wrongly fails loudly.
 */
export function pageOf<T>(
  params: Params,
  items: readonly T[],
  serverPageSize: number,
): { page: T[]; nextToken?: string } {
  const max = params.MaxResults === undefined ? undefined : Number(params.MaxResults);
  if (max !== undefined && (max < 5 || max > 1000)) {
    throw new Ec2Fault(
      'InvalidParameterValue',
      `Value ( ${max} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.`,
    );
  }
  const token = params.NextToken;
  const match = token === undefined ? undefined : /^page-(\d+)$/.exec(token);
  if (token !== undefined && !match) {
    throw new Ec2Fault('InvalidPaginationToken', `The token '${token}' is invalid.`);
  }
  const start = match ? Number(match[1]) : 0;
  const size = Math.min(max ?? 1000, serverPageSize);
  const end = start + size;
  return { page: items.slice(start, end), nextToken: end < items.length ? `page-${end}` : undefined };
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `<tag>value</tag>`, or nothing when the value is absent (EC2 omits unset fields). */
export function el(tag: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${tag}>${escapeXml(String(value))}</${tag}>`;
}

/** An EC2 list: `<setName><item>..</item>..</setName>`. */
export function set<T>(setName: string, items: readonly T[], itemXml: (item: T) => string): string {
  return `<${setName}>${items.map((i) => `<item>${itemXml(i)}</item>`).join('')}</${setName}>`;
}

export function tagSet(name: string | undefined): string {
  return name === undefined ? '' : set('tagSet', [name], (n) => el('key', 'Name') + el('value', n));
}

/** The HTTP status EC2 sends with an error code (client errors 4xx, throttling 503). */
export function statusOf(code: string): number {
  if (code === 'AuthFailure') return 401;
  if (code === 'UnauthorizedOperation') return 403;
  if (code === 'RequestLimitExceeded' || code === 'Unavailable') return 503;
  if (code === 'InternalError') return 500;
  return 400;
}

export function errorDocument(code: string, message: string, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Response><Errors><Error>${el('Code', code)}${el('Message', message)}</Error></Errors>` +
    `${el('RequestID', requestId)}</Response>`
  );
}

export function responseDocument(action: string, requestId: string, body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">` +
    `${el('requestId', requestId)}${body}</${action}Response>`
  );
}
