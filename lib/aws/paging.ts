import { Tag } from '@aws-sdk/client-ec2';
import { AwsCallError, call } from './aws-errors';

/** The largest page EC2 Describe/Get calls accept: fewest round trips. */
export const MAX_PAGE_SIZE = 1000;

/**
 * Reads every page of a NextToken-paged call. A token seen twice means the service is
 * looping; stopping there beats an endless run.
 *
 *   readAllPages('ec2:DescribeVpcs', (NextToken) => ec2.send(new DescribeVpcsCommand({ NextToken })), (p) => p.Vpcs)
 */
export async function readAllPages<Page extends { NextToken?: string }, Item>(
  action: string,
  fetchPage: (nextToken: string | undefined) => Promise<Page>,
  itemsOf: (page: Page) => readonly Item[] | undefined,
): Promise<Item[]> {
  const items: Item[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await call(action, () => fetchPage(token));
    items.push(...(itemsOf(page) ?? []));
    token = page.NextToken || undefined;
    if (token !== undefined && seen.has(token)) {
      throw new AwsCallError(
        'other',
        action,
        'RepeatedNextToken',
        `${action} returned the same NextToken twice`,
      );
    }
    if (token !== undefined) seen.add(token);
  } while (token !== undefined);
  return items;
}

/** The `Name` tag, which is how people (and the expected TGW model) refer to EC2 resources. */
export function nameTag(tags: readonly Tag[] | undefined): string | undefined {
  return tags?.find((t) => t.Key === 'Name')?.Value;
}
