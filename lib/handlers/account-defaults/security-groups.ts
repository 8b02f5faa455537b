/**
 * Closes default security groups: every ingress and egress rule they still have is revoked,
 * so nothing placed in a VPC without a security group of its own can talk to anything. This
 * replaces the CDK's per-VPC `restrictDefaultSecurityGroup` custom resource (a Lambda and role
 * in every tenant stack) with one call from the account baseline's handler.
 */
import {
  DescribeSecurityGroupsCommand,
  EC2Client,
  IpPermission,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2';

const SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;

/** Throws unless `ids` is absent or a list of security group IDs. */
export function checkSecurityGroupIds(ids: unknown): readonly string[] {
  if (ids === undefined) return [];
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || !SECURITY_GROUP_ID.test(id))) {
    throw new Error(
      `DefaultSecurityGroupIds must be a list of security group IDs, got ${JSON.stringify(ids)}`,
    );
  }
  return ids as string[];
}

/**
 * Revokes the rules each group still has, one call per direction and only when there is a
 * rule, so a group already closed costs one Describe. Returns the modifying calls it made.
 */
export async function closeSecurityGroups(ec2: EC2Client, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const applied: string[] = [];
  const { SecurityGroups = [] } = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [...ids] }));
  for (const group of SecurityGroups) {
    const groupId = group.GroupId!;
    const ingress = (group.IpPermissions ?? []).map(ruleKey);
    if (ingress.length > 0) {
      const result = await ec2.send(
        new RevokeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: ingress }),
      );
      checkRevoked(groupId, 'ingress', result);
      applied.push(`RevokeSecurityGroupIngress:${groupId}`);
    }
    const egress = (group.IpPermissionsEgress ?? []).map(ruleKey);
    if (egress.length > 0) {
      const result = await ec2.send(
        new RevokeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: egress }),
      );
      checkRevoked(groupId, 'egress', result);
      applied.push(`RevokeSecurityGroupEgress:${groupId}`);
    }
  }
  return applied;
}

/**
 * Only what EC2 matches a rule on: protocol, ports and each source. Descriptions, peering
 * status and empty lists from the Describe answer are dropped rather than echoed back.
 */
function ruleKey(p: IpPermission): IpPermission {
  const some = <T>(items: T[] | undefined) => (items && items.length > 0 ? items : undefined);
  return {
    IpProtocol: p.IpProtocol,
    FromPort: p.FromPort,
    ToPort: p.ToPort,
    IpRanges: some(p.IpRanges?.map((r) => ({ CidrIp: r.CidrIp }))),
    Ipv6Ranges: some(p.Ipv6Ranges?.map((r) => ({ CidrIpv6: r.CidrIpv6 }))),
    PrefixListIds: some(p.PrefixListIds?.map((r) => ({ PrefixListId: r.PrefixListId }))),
    UserIdGroupPairs: some(p.UserIdGroupPairs?.map((g) => ({ GroupId: g.GroupId, UserId: g.UserId }))),
  };
}

/** EC2 answers a revoke of rules it cannot match with success and lists them; that is a failure here. */
function checkRevoked(
  groupId: string,
  direction: string,
  result: { Return?: boolean; UnknownIpPermissions?: IpPermission[] },
): void {
  const unknown = result.UnknownIpPermissions ?? [];
  if (result.Return === false || unknown.length > 0) {
    throw new Error(
      `${groupId}: EC2 did not revoke ${unknown.length || 'all'} ${direction} rule(s) ${JSON.stringify(unknown)}`,
    );
  }
}
