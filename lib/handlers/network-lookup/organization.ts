/** The organization's ARN, for RAM shares (the config has no organization ID). */

/** DescribeOrganization, reduced to what the lookup reads. */
export type DescribeOrganization = () => Promise<{ readonly Arn?: string } | undefined>;

export async function organizationArn(describe: DescribeOrganization): Promise<Record<string, string>> {
  const arn = (await describe())?.Arn;
  if (!arn) throw new Error('organizations:DescribeOrganization answered without an organization ARN');
  return { OrganizationArn: arn };
}
