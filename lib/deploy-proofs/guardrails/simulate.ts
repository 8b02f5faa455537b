import { runSimulation, runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import { OrgNode, ServiceControlPolicy } from './organization';

/**
 * IAM evaluation by @cloud-copilot/iam-simulate (https://github.com/cloud-copilot/iam-simulate):
 * the SCPs on the account's OU path, level by level from the root, each level with AWS's
 * `FullAWSAccess` attached as Organizations attaches it by default.
 */
const FULL_AWS_ACCESS = {
  name: 'FullAWSAccess',
  policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};
type NamedPolicy = { name: string; policy: unknown };
const ALLOW_ALL: NamedPolicy[] = [{ name: 'allow-all', policy: FULL_AWS_ACCESS.policy }];

export interface SimRequest {
  readonly principal: string;
  readonly account: string;
  readonly action: string;
  readonly resource: string;
  readonly context: Record<string, string | string[]>;
}

/** The SCP statement that denies a request, or undefined when every level allows it. */
export interface DenyingStatement {
  readonly policy: ServiceControlPolicy;
  readonly statement: Record<string, unknown>;
}

function simulate(
  request: SimRequest,
  levels: { orgIdentifier: string; policies: NamedPolicy[] }[],
  identity: NamedPolicy[] = ALLOW_ALL,
) {
  return runUnsafeSimulation(
    {
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: request.resource, accountId: request.account },
        contextVariables: request.context,
      },
      identityPolicies: identity,
      serviceControlPolicies: levels,
      resourceControlPolicies: [],
    },
    {},
  );
}

/** Which SCP statement on the path denies the request (the witness), if any does. */
export function denyingScp(path: readonly OrgNode[], request: SimRequest): DenyingStatement | undefined {
  const levels = path.map((node) => ({
    orgIdentifier: node.id,
    policies: [FULL_AWS_ACCESS, ...node.policies.map((p) => ({ name: p.name, policy: p.document }))],
  }));
  if (simulate(request, levels) !== 'ExplicitlyDenied') return undefined;
  // Find the statement: each deny alone, in path order.
  for (const node of path)
    for (const policy of node.policies)
      for (const statement of policy.document.Statement) {
        if (statement.Effect !== 'Deny') continue;
        const alone = { Version: '2012-10-17', Statement: [statement] };
        const level = {
          orgIdentifier: node.id,
          policies: [FULL_AWS_ACCESS, { name: policy.name, policy: alone }],
        };
        if (simulate(request, [level]) === 'ExplicitlyDenied') return { policy, statement };
      }
  throw new Error(`denyingScp: ${request.action} is denied on the path but by no single statement`);
}

/** Whether identity policies alone allow the request (no SCPs, no resource policy). */
export function identityAllows(policy: unknown, request: SimRequest): boolean {
  return simulate(request, [], [{ name: 'identity', policy }]) === 'Allowed';
}

/**
 * Whether a request from outside the account is allowed to a resource in it: the resource's
 * own policy (a role's trust policy, a bucket policy) allows it, and the resource control
 * policies on the account's path do not deny it. The caller's own account is taken to allow
 * everything, so only the estate's side decides.
 */
export async function resourceSideDecision(
  path: readonly OrgNode[],
  request: SimRequest,
  resourcePolicy: unknown,
): Promise<string> {
  const result = await runSimulation(
    {
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: request.resource, accountId: request.account },
        contextVariables: request.context,
      },
      identityPolicies: ALLOW_ALL,
      serviceControlPolicies: [],
      resourceControlPolicies: path.map((node) => ({
        orgIdentifier: node.id,
        policies: node.resourcePolicies.map((p) => ({ name: p.name, policy: p.document })),
      })),
      resourcePolicy,
    },
    {},
  );
  if (result.resultType === 'error')
    throw new Error(`resourceSideDecision: ${JSON.stringify(result.errors)}`);
  return result.overallResult;
}
