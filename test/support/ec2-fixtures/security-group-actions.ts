/**
 * Security groups for the fixture EC2 server: DescribeSecurityGroups and the two revokes, with
 * EC2's semantics for what tests rely on: unknown group IDs fail with InvalidGroup.NotFound, and
 * a revoke of a rule the group does not have succeeds but lists it as unknown.
 */
import type { Action, ServerState } from './actions';
import { applyFilters, Ec2Fault, el, indexedList, Params, requireParam, set } from './query';

/** One rule with one source, as EC2's security-group-rule model has it. */
export interface FixtureSecurityGroupRule {
  /** '-1' for all traffic. */
  readonly protocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly cidr?: string;
  readonly cidrIpv6?: string;
  readonly prefixListId?: string;
  /** Another security group (the default group's ingress references itself). */
  readonly groupId?: string;
  readonly userId?: string;
}

export interface FixtureSecurityGroup {
  readonly id: string;
  readonly vpcId: string;
  readonly ownerId: string;
  /** @default 'default' */
  readonly groupName?: string;
  readonly ingress?: readonly FixtureSecurityGroupRule[];
  readonly egress?: readonly FixtureSecurityGroupRule[];
}

/** What the server holds: the groups with rule lists the revokes shrink. */
export interface SecurityGroupState {
  readonly id: string;
  readonly vpcId: string;
  readonly ownerId: string;
  readonly groupName: string;
  ingress: FixtureSecurityGroupRule[];
  egress: FixtureSecurityGroupRule[];
}

/** A copy of the fixtures the server may change without touching the test's constants. */
export function securityGroupState(groups: readonly FixtureSecurityGroup[] = []): SecurityGroupState[] {
  return groups.map((g) => ({
    id: g.id,
    vpcId: g.vpcId,
    ownerId: g.ownerId,
    groupName: g.groupName ?? 'default',
    ingress: [...(g.ingress ?? [])],
    egress: [...(g.egress ?? [])],
  }));
}

/** The rules of a fresh VPC's default group: all traffic in from itself, all traffic out. */
export function defaultGroupRules(
  id: string,
  ownerId: string,
): Pick<FixtureSecurityGroup, 'ingress' | 'egress'> {
  return {
    ingress: [{ protocol: '-1', groupId: id, userId: ownerId }],
    egress: [{ protocol: '-1', cidr: '0.0.0.0/0' }],
  };
}

/** Each rule as its own `IpPermission` item (EC2 merges rules sharing ports; the SDK reads either). */
const permissionXml = (r: FixtureSecurityGroupRule) =>
  el('ipProtocol', r.protocol) +
  el('fromPort', r.fromPort) +
  el('toPort', r.toPort) +
  set('groups', r.groupId ? [r] : [], (g) => el('userId', g.userId) + el('groupId', g.groupId)) +
  set('ipRanges', r.cidr ? [r.cidr] : [], (c) => el('cidrIp', c)) +
  set('ipv6Ranges', r.cidrIpv6 ? [r.cidrIpv6] : [], (c) => el('cidrIpv6', c)) +
  set('prefixListIds', r.prefixListId ? [r.prefixListId] : [], (p) => el('prefixListId', p));

const groupXml = (g: SecurityGroupState) =>
  el('ownerId', g.ownerId) +
  el('groupId', g.id) +
  el('groupName', g.groupName) +
  el('groupDescription', `${g.groupName} VPC security group`) +
  el('vpcId', g.vpcId) +
  set('ipPermissions', g.ingress, permissionXml) +
  set('ipPermissionsEgress', g.egress, permissionXml);

function groupOf(state: ServerState, id: string): SecurityGroupState {
  const group = state.securityGroups.find((g) => g.id === id);
  if (!group) throw new Ec2Fault('InvalidGroup.NotFound', `The security group '${id}' does not exist`);
  return group;
}

/** `IpPermissions.N.*` fields back into one-source rules, as EC2 matches them. */
function requestedRules(params: Params): FixtureSecurityGroupRule[] {
  const rules: FixtureSecurityGroupRule[] = [];
  for (let i = 1; params[`IpPermissions.${i}.IpProtocol`] !== undefined; i++) {
    const p = `IpPermissions.${i}`;
    const port = (name: string) =>
      params[`${p}.${name}`] === undefined ? undefined : Number(params[`${p}.${name}`]);
    const base = { protocol: params[`${p}.IpProtocol`], fromPort: port('FromPort'), toPort: port('ToPort') };
    const sources: Partial<FixtureSecurityGroupRule>[] = [];
    for (let j = 1; params[`${p}.IpRanges.${j}.CidrIp`] !== undefined; j++)
      sources.push({ cidr: params[`${p}.IpRanges.${j}.CidrIp`] });
    for (let j = 1; params[`${p}.Ipv6Ranges.${j}.CidrIpv6`] !== undefined; j++)
      sources.push({ cidrIpv6: params[`${p}.Ipv6Ranges.${j}.CidrIpv6`] });
    for (let j = 1; params[`${p}.PrefixListIds.${j}.PrefixListId`] !== undefined; j++)
      sources.push({ prefixListId: params[`${p}.PrefixListIds.${j}.PrefixListId`] });
    for (let j = 1; params[`${p}.Groups.${j}.GroupId`] !== undefined; j++)
      sources.push({
        groupId: params[`${p}.Groups.${j}.GroupId`],
        userId: params[`${p}.Groups.${j}.UserId`],
      });
    rules.push(...sources.map((s) => ({ ...base, ...s })));
  }
  return rules;
}

const sameRule = (a: FixtureSecurityGroupRule, b: FixtureSecurityGroupRule) =>
  a.protocol === b.protocol &&
  (a.protocol === '-1' || (a.fromPort === b.fromPort && a.toPort === b.toPort)) &&
  a.cidr === b.cidr &&
  a.cidrIpv6 === b.cidrIpv6 &&
  a.prefixListId === b.prefixListId &&
  a.groupId === b.groupId;

function revoke(direction: 'ingress' | 'egress'): Action {
  return (params, state) => {
    const group = groupOf(state, requireParam(params, 'GroupId'));
    const unknown: FixtureSecurityGroupRule[] = [];
    for (const rule of requestedRules(params)) {
      const at = group[direction].findIndex((r) => sameRule(r, rule));
      if (at < 0) unknown.push(rule);
      else group[direction].splice(at, 1);
    }
    return el('return', true) + (unknown.length ? set('unknownIpPermissionSet', unknown, permissionXml) : '');
  };
}

export const SECURITY_GROUP_ACTIONS: Record<string, Action> = {
  // Not paged here: the handler asks for its groups by ID.
  DescribeSecurityGroups: (params, state) => {
    const ids = indexedList(params, 'GroupId');
    const groups = ids.length ? ids.map((id) => groupOf(state, id)) : state.securityGroups;
    const matching = applyFilters(params, groups, {
      'group-id': (g) => [g.id],
      'group-name': (g) => [g.groupName],
      'vpc-id': (g) => [g.vpcId],
    });
    return set('securityGroupInfo', matching, groupXml);
  },
  RevokeSecurityGroupIngress: revoke('ingress'),
  RevokeSecurityGroupEgress: revoke('egress'),
};
