import { allEnvironments, EstateModel } from '../../config/model';
import { landingZoneOf } from '../../config/schema/landing-zone-schema';
import { DeployStack, ProofResult, Violation } from '../types';
import { BootstrapStackSet, readBootstrapStackSets } from './bootstrap';
import { OrgNode, pathTo, readOrganization } from './organization';
import { findPrincipals, PlatformPrincipal, PrincipalAction } from './principals';
import { denyingScp, identityAllows, SimRequest } from './simulate';

const EXEC_ROLE = /:role\/cdk-([a-z0-9]+)-cfn-exec-role-/;

/**
 * The stack tags a condition in the SCPs can see: a tag key the policies name, or one a
 * `prefix:*` pattern in them covers. The others cannot change a decision, so leaving them out
 * lets requests that differ only in them (one per tenant: ods-code, icb) be decided once.
 */
function relevantTags(tags: Readonly<Record<string, string>>, scpText: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tags).filter(
      ([key]) => scpText.includes(key) || (key.includes(':') && scpText.includes(`${key.split(':')[0]}:*`)),
    ),
  );
}

/** Requests that differ only in the account are decided once (the SCPs name no tenant account). */
function memoKey(path: readonly OrgNode[], p: PlatformPrincipal, a: PrincipalAction, tags: object): string {
  const anon = (s: string) => s.replaceAll(p.account, 'ACCOUNT');
  return JSON.stringify([path.map((n) => n.id), anon(p.arn), a.action, anon(a.resource), p.region, tags]);
}

function requestOf(
  p: PlatformPrincipal,
  a: PrincipalAction,
  tags: Readonly<Record<string, string>>,
  orgId: string | undefined,
): SimRequest {
  const context: Record<string, string | string[]> = {
    'aws:PrincipalArn': p.arn,
    'aws:PrincipalAccount': p.account,
    'aws:RequestedRegion': p.region,
    'aws:ResourceAccount': p.account,
    'aws:TagKeys': Object.keys(tags),
  };
  if (orgId) context['aws:PrincipalOrgID'] = orgId;
  for (const [key, value] of Object.entries(tags)) {
    context[`aws:RequestTag/${key}`] = value;
    context[`aws:ResourceTag/${key}`] = value;
  }
  return { principal: p.arn, account: p.account, action: a.action, resource: a.resource, context };
}

/**
 * Guardrails vs platform: for every member account, the SCPs on its OU path (from the
 * templates) against every principal the platform runs there: CloudFormation's execution role
 * with the actions of each resource type it deploys, and every role the templates create with
 * the actions its policies allow. No SCP statement may deny them; a tenant account's execution
 * role must also be allowed them by the bootstrap's execution policy. Also: every account the
 * assembly deploys to is in an OU, every tenant account is reached by a bootstrap StackSet, and
 * every stack deploys through the bootstrap qualifier in config.
 */
export async function proveGuardrails(
  stacks: readonly DeployStack[],
  model: EstateModel,
): Promise<ProofResult> {
  const { estate } = model;
  const lz = landingZoneOf(estate);
  const management = estate.organization.accounts.management;
  const org = readOrganization(stacks);
  const bootstraps = readBootstrapStackSets(stacks, org);
  const found = await findPrincipals(stacks);
  const violations: Violation[] = [];
  const notModelled = { ...found.notModelled };
  const add = (v: Omit<Violation, 'proof'>) => violations.push({ proof: 'guardrails', ...v });

  for (const stack of stacks) {
    const qualifier = EXEC_ROLE.exec(stack.executionRoleArn ?? '')?.[1];
    if (qualifier !== lz.cdkQualifier)
      add({
        where: stack.stackName,
        message: `deploys through bootstrap qualifier ${qualifier ?? '(none)'}, not landingZone.cdkQualifier (${lz.cdkQualifier}): its roles do not exist, and the SCPs exempt only cdk-${lz.cdkQualifier}-*`,
        witness: `manifest cloudFormationExecutionRoleArn: ${stack.executionRoleArn ?? '(none)'}`,
      });
  }
  for (const bootstrap of bootstraps)
    if (bootstrap.qualifier !== lz.cdkQualifier)
      add({
        where: bootstrap.source,
        message: `bootstraps with qualifier ${bootstrap.qualifier}, not landingZone.cdkQualifier (${lz.cdkQualifier})`,
        witness: `Parameters Qualifier=${bootstrap.qualifier}`,
      });
  for (const [type, at] of found.unknownTypes)
    add({
      where: at,
      message: `${type} has no entry in lib/deploy-proofs/guardrails/cloudformation-actions.ts, so what CloudFormation needs for it is not checked`,
      witness: `Type: ${type}`,
    });

  const tenantAccounts = new Set(allEnvironments(model).flatMap((e) => (e.accountId ? [e.accountId] : [])));
  const emails = new Map(
    allEnvironments(model).flatMap((e) => (e.accountId && e.email ? [[e.accountId, e.email]] : [])),
  );
  const byAccount = new Map<string, PlatformPrincipal[]>();
  for (const p of found.principals) byAccount.set(p.account, [...(byAccount.get(p.account) ?? []), p]);

  const decided = new Map<string, string | undefined>();
  const scpText = JSON.stringify([...org.nodes.values()].flatMap((n) => n.policies.map((p) => p.document)));
  const grouped = new Map<string, { violation: Omit<Violation, 'proof'>; accounts: string[] }>();
  let checked = 0;
  for (const [account, principals] of byAccount) {
    if (account === management) {
      notModelled['principals in the management account (SCPs never apply there)'] =
        (notModelled['principals in the management account (SCPs never apply there)'] ?? 0) +
        principals.length;
      continue;
    }
    const email = emails.get(account);
    const placement =
      org.placements.get(account) ?? (email ? org.placementsByEmail.get(email.toLowerCase()) : undefined);
    if (!placement) {
      add({
        where: `account ${account}`,
        message: `is in no OU the templates place it in: no guardrail SCP applies to it${tenantAccounts.has(account) ? ' and the bootstrap StackSet never reaches it' : ''}`,
        witness: `no AWS::Organizations::Account or MoveAccount call for ${account}`,
      });
      continue;
    }
    const path = pathTo(org, placement.node);
    const bootstrap = tenantAccounts.has(account) ? reaching(bootstraps, path) : undefined;
    if (tenantAccounts.has(account) && !bootstrap) {
      add({
        where: `account ${account}`,
        message: `is a tenant account in ${path.map((n) => n.name).join('/')}, which no bootstrap StackSet reaches: nothing can deploy to it`,
        witness: `placed by ${placement.source}`,
      });
    }
    for (const principal of principals) {
      for (const action of principal.actions) {
        checked++;
        const tags = relevantTags(principal.tags, scpText);
        const key = memoKey(path, principal, action, tags);
        if (!decided.has(key)) {
          const request = requestOf(principal, action, tags, lz.organizationId);
          decided.set(key, decide(path, principal, action, request, bootstrap));
        }
        const problem = decided.get(key);
        if (!problem) continue;
        const [message, witness] = problem.split('\u0000') as [string, string];
        const groupKey = `${principal.source.replace(/^[^/]+/, '')}|${message.replaceAll(account, 'ACCOUNT')}`;
        const group = grouped.get(groupKey) ?? {
          violation: { where: principal.source, message, witness },
          accounts: [],
        };
        group.accounts.push(account);
        grouped.set(groupKey, group);
      }
    }
  }
  for (const { violation, accounts } of grouped.values()) {
    const more =
      accounts.length > 1
        ? ` (and the same in ${accounts.length - 1} more account${accounts.length === 2 ? '' : 's'})`
        : '';
    add({ ...violation, message: `${violation.message}${more}` });
  }
  if (!bootstraps.length) notModelled['bootstrap StackSets found'] = 0;
  notModelled['core accounts bootstrapped by hand (execution policy AdministratorAccess, docs/deploy.md)'] =
    Object.values(estate.organization.accounts).filter((a) => a && a !== management).length;
  return {
    proof: 'guardrails',
    title: 'Guardrails vs platform: no SCP denies what the platform does',
    checked,
    violations,
    notModelled,
  };
}

function reaching(
  bootstraps: readonly BootstrapStackSet[],
  path: readonly OrgNode[],
): BootstrapStackSet | undefined {
  return bootstraps.find((b) => path.some((node) => b.nodes.includes(node.id)));
}

/** A problem as "message\0witness", or undefined when the action is allowed. */
function decide(
  path: readonly OrgNode[],
  principal: PlatformPrincipal,
  action: PrincipalAction,
  request: SimRequest,
  bootstrap: BootstrapStackSet | undefined,
): string | undefined {
  const deny = denyingScp(path, request);
  if (deny) {
    const sid = String(deny.statement.Sid ?? '(no Sid)');
    return (
      `${principal.arn} is denied ${action.action} (${action.because}) by SCP ${deny.policy.name} statement ${sid}` +
      `\u0000${deny.policy.source} ${sid}: ${JSON.stringify(deny.statement).slice(0, 400)}`
    );
  }
  if (principal.isExecutionRole && bootstrap) {
    const policy = bootstrap.executionPolicy(principal.account, principal.region);
    if (!identityAllows(policy, request))
      return (
        `the bootstrap's execution policy does not allow ${action.action}, which CloudFormation needs for ${action.because}` +
        `\u0000${bootstrap.source} CloudFormationExecutionPolicy`
      );
  }
  return undefined;
}
