/** A NextToken-paged call answered the same token twice: reading on would never end. */
export class RepeatedNextTokenError extends Error {
  override readonly name = 'RepeatedNextToken';

  constructor(
    /** As the caller names the call, e.g. ec2:DescribeVpcs. */
    readonly action: string,
    /** Pages read when the token came back. */
    readonly pages: number,
    /** The page that repeated the token, as the SDK returned it. */
    readonly page: object,
  ) {
    super(
      `${action} returned the same NextToken twice (after ${pages} pages): stopped rather than read forever`,
    );
  }
}

/**
 * Reads every page of a NextToken-paged call, stopping with a RepeatedNextTokenError when a
 * token comes back a second time.
 *
 *   readPages('ec2:DescribeVpcs', (NextToken) => ec2.send(new DescribeVpcsCommand({ NextToken })), (p) => p.Vpcs)
 */
export async function readPages<Page extends { NextToken?: string }, Item>(
  action: string,
  fetchPage: (nextToken: string | undefined) => Promise<Page>,
  itemsOf: (page: Page) => readonly Item[] | undefined,
): Promise<Item[]> {
  const items: Item[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    items.push(...(itemsOf(page) ?? []));
    token = page.NextToken || undefined;
    if (token !== undefined && seen.has(token)) throw new RepeatedNextTokenError(action, seen.size + 1, page);
    if (token !== undefined) seen.add(token);
  } while (token !== undefined);
  return items;
}
