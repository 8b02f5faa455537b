/** The organization's ARN, for RAM shares (the config has no organization ID). */

/** DescribeOrganization, reduced to what the lookup reads. */
export type DescribeOrganization = () => Promise<{ readonly Arn?: string } | undefined>;

export async function organizationArn(describe: DescribeOrganization): Promise<Record<string, string>> {
  const organization = await describe();
  return { OrganizationArn: organization!.Arn as string };
}
