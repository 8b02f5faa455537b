import { Tag } from '@aws-sdk/client-ec2';
import { readPages, RepeatedNextTokenError } from '../aws-wire/pages';
import { call, toAwsCallError } from './aws-errors';

/** The largest page EC2 Describe/Get calls accept: fewest round trips. */
export const MAX_PAGE_SIZE = 1000;

/**
 * Reads every page of a NextToken-paged call, each page under `call` (errors named by the
 * IAM action). A token seen twice means the endpoint is looping; stopping there beats an
 * endless run (lib/aws-wire/pages.ts).
 *
 *   readAllPages('ec2:DescribeVpcs', (NextToken) => ec2.send(new DescribeVpcsCommand({ NextToken })), (p) => p.Vpcs)
 */
export async function readAllPages<Page extends { NextToken?: string }, Item>(
  action: string,
  fetchPage: (nextToken: string | undefined) => Promise<Page>,
  itemsOf: (page: Page) => readonly Item[] | undefined,
): Promise<Item[]> {
  try {
    return await readPages(action, (token) => call(action, () => fetchPage(token)), itemsOf);
  } catch (error) {
    if (error instanceof RepeatedNextTokenError) throw toAwsCallError(error, action);
    throw error;
  }
}

/** The `Name` tag, which is how people (and the expected TGW model) refer to EC2 resources. */
export function nameTag(tags: readonly Tag[] | undefined): string | undefined {
  return tags?.find((t) => t.Key === 'Name')?.Value;
}
