import { allResources, isIntrinsic, where } from '../template-values';
import { DeployStack } from '../types';
import { OrganizationModel } from './organization';

/** A service-managed StackSet that bootstraps the accounts of some OUs. */
export interface BootstrapStackSet {
  readonly source: string;
  /** Target OUs (organization nodes). */
  readonly nodes: readonly string[];
  readonly qualifier?: string;
  /** CloudFormation's execution policy inside the template, with the target account's values filled in. */
  readonly executionPolicy: (account: string, region: string) => unknown;
}

/** A StackSet template body is a CDK bootstrap when it has the CDK's execution role and version. */
function isBootstrap(body: Record<string, unknown>): boolean {
  const resources = (body.Resources ?? {}) as Record<string, unknown>;
  return 'CloudFormationExecutionRole' in resources && 'CdkBootstrapVersion' in resources;
}

/**
 * The bootstrap StackSets in the assembly: which OUs each reaches, its qualifier parameter, and
 * the execution policy its template gives CloudFormation (the managed policies the execution
 * role's `ManagedPolicyArns` point at inside the template; AWS-managed ARNs are not expanded).
 */
export function readBootstrapStackSets(
  stacks: readonly DeployStack[],
  org: OrganizationModel,
): BootstrapStackSet[] {
  const found: BootstrapStackSet[] = [];
  for (const { stack, id, resource } of allResources(stacks)) {
    if (resource.Type !== 'AWS::CloudFormation::StackSet') continue;
    const props = resource.Properties ?? {};
    if (props.PermissionModel !== 'SERVICE_MANAGED' || typeof props.TemplateBody !== 'string') continue;
    const body = JSON.parse(props.TemplateBody) as Record<string, unknown>;
    if (!isBootstrap(body)) continue;
    const groups =
      (props.StackInstancesGroup as { DeploymentTargets?: { OrganizationalUnitIds?: unknown[] } }[]) ?? [];
    const nodes = groups
      .flatMap((g) => g.DeploymentTargets?.OrganizationalUnitIds ?? [])
      .map((ou) => org.nodeOf(stack, ou))
      .filter((n): n is string => n !== undefined);
    const parameters = Object.fromEntries(
      ((props.Parameters as { ParameterKey: string; ParameterValue: string }[]) ?? []).map((p) => [
        p.ParameterKey,
        p.ParameterValue,
      ]),
    );
    const resources = body.Resources as Record<
      string,
      { Type: string; Properties?: Record<string, unknown> }
    >;
    const role = resources.CloudFormationExecutionRole!;
    const policyIds = ((role.Properties?.ManagedPolicyArns as unknown[]) ?? [])
      .filter((arn) => isIntrinsic(arn) && typeof arn.Ref === 'string')
      .map((arn) => String((arn as { Ref: string }).Ref));
    found.push({
      source: where(stack, id),
      nodes,
      qualifier: parameters.Qualifier,
      executionPolicy: (account, region) => ({
        Version: '2012-10-17',
        Statement: policyIds.flatMap((pid) => {
          const document = resources[pid]?.Properties?.PolicyDocument as
            { Statement?: unknown[] } | undefined;
          const values: Record<string, string> = {
            'AWS::AccountId': account,
            'AWS::Region': region,
            'AWS::Partition': 'aws',
            Qualifier: parameters.Qualifier ?? '',
          };
          return substitute(document?.Statement ?? [], values) as unknown[];
        }),
      }),
    });
  }
  return found;
}

/** Fn::Sub of the target account's values, as CloudFormation does in each stack instance. */
function substitute(value: unknown, values: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => substitute(v, values));
  if (isIntrinsic(value) && typeof value['Fn::Sub'] === 'string')
    return value['Fn::Sub'].replace(/\$\{([^}]+)\}/g, (m, name: string) => values[name] ?? m);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, values)]));
  return value;
}
