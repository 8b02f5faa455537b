import { sdkCallOf } from '../sdk-calls';
import { allResources, isIntrinsic, renderText, targetOf, where } from '../template-values';
import { DeployStack } from '../types';

/** An SCP as the templates attach it. */
export interface ServiceControlPolicy {
  readonly name: string;
  /** `Stack/LogicalId` of the `AWS::Organizations::Policy`. */
  readonly source: string;
  readonly document: { readonly Statement: readonly Record<string, unknown>[] };
}

/** A node of the organization: the root or an OU (by the logical ID of its resource). */
export interface OrgNode {
  readonly id: string;
  readonly name: string;
  readonly parent?: string;
  readonly policies: ServiceControlPolicy[];
  /** Resource control policies attached here. */
  readonly resourcePolicies: ServiceControlPolicy[];
}

/** Where an account is placed, and which template says so. */
export interface Placement {
  readonly node: string;
  readonly source: string;
}

/** The organization the templates build: OU tree, SCPs by node, and account placements. */
export interface OrganizationModel {
  readonly root: string;
  readonly nodes: ReadonlyMap<string, OrgNode>;
  readonly placements: ReadonlyMap<string, Placement>;
  /** Vended accounts (by root e-mail) and where they are created. */
  readonly placementsByEmail: ReadonlyMap<string, Placement>;
  /** The node a value in a stack names (a Ref to an OU, an OU parameter, a root ID). */
  readonly nodeOf: (stack: DeployStack, value: unknown) => string | undefined;
}

const ROOT = 'root';

/**
 * Reads the organization from the templates: OUs (`AWS::Organizations::OrganizationalUnit`),
 * SCPs and their targets (`AWS::Organizations::Policy`), the SSM parameters that publish OU
 * IDs, and every account placement, whether a vended `AWS::Organizations::Account` or a
 * `MoveAccount` SDK call. An OU is known by the logical ID of its resource, so a placement
 * through a published parameter resolves to the same node as a direct `Ref`.
 */
export function readOrganization(stacks: readonly DeployStack[]): OrganizationModel {
  const nodes = new Map<string, OrgNode>([
    [ROOT, { id: ROOT, name: 'Root', policies: [], resourcePolicies: [] }],
  ]);
  const parameters = new Map<string, string>();
  const nodeOf = (stack: DeployStack, value: unknown): string | undefined => {
    if (typeof value === 'string') return /^r-/.test(value) ? ROOT : undefined;
    const target = targetOf(stack, value);
    if (target?.[1].Type === 'AWS::Organizations::OrganizationalUnit') return target[0];
    if (!isIntrinsic(value) || typeof value.Ref !== 'string') return undefined;
    const parameter = stack.template.Parameters?.[value.Ref];
    if (parameter?.Type.startsWith('AWS::SSM::Parameter::Value') && typeof parameter.Default === 'string')
      return parameters.get(parameter.Default);
    return undefined;
  };
  const resources = [...allResources(stacks)];
  for (const { id, resource } of resources) {
    if (resource.Type === 'AWS::Organizations::OrganizationalUnit')
      nodes.set(id, { id, name: String(resource.Properties?.Name), policies: [], resourcePolicies: [] });
  }
  for (const { stack, id, resource } of resources) {
    const props = resource.Properties ?? {};
    if (resource.Type === 'AWS::Organizations::OrganizationalUnit') {
      nodes.set(id, { ...nodes.get(id)!, parent: nodeOf(stack, props.ParentId) });
    }
    const published = resource.Type === 'AWS::SSM::Parameter' ? targetOf(stack, props.Value) : undefined;
    if (published?.[1].Type === 'AWS::Organizations::OrganizationalUnit') {
      const name = renderText(stack, props.Name);
      if (name) parameters.set(name, published[0]);
    }
  }
  const placements = new Map<string, Placement>();
  const placementsByEmail = new Map<string, Placement>();
  for (const { stack, id, resource } of resources) {
    const props = resource.Properties ?? {};
    const kind =
      props.Type === 'SERVICE_CONTROL_POLICY'
        ? 'policies'
        : props.Type === 'RESOURCE_CONTROL_POLICY'
          ? 'resourcePolicies'
          : undefined;
    if (resource.Type === 'AWS::Organizations::Policy' && kind) {
      const content = typeof props.Content === 'string' ? JSON.parse(props.Content) : props.Content;
      const policy: ServiceControlPolicy = {
        name: renderText(stack, props.Name) ?? id,
        source: where(stack, id),
        document: content as ServiceControlPolicy['document'],
      };
      for (const target of (props.TargetIds as unknown[]) ?? []) {
        const node = nodeOf(stack, target);
        if (node) nodes.get(node)![kind].push(policy);
      }
    }
    if (resource.Type === 'AWS::Organizations::Account') {
      const node = nodeOf(stack, ((props.ParentIds as unknown[]) ?? [])[0]);
      const email = renderText(stack, props.Email);
      if (node && email) placementsByEmail.set(email.toLowerCase(), { node, source: where(stack, id) });
      const accountId = renderText(stack, props.AccountId);
      if (node && accountId) placements.set(accountId, { node, source: where(stack, id) });
    }
    const call = sdkCallOf(resource);
    if (call?.service === 'Organizations' && call.action === 'moveAccount') {
      const node = nodeOf(stack, call.parameters.DestinationParentId);
      const account = renderText(stack, call.parameters.AccountId);
      if (node && account) placements.set(account, { node, source: where(stack, id) });
    }
  }
  return { root: ROOT, nodes, placements, placementsByEmail, nodeOf };
}

/** The nodes from the root down to `node`, root first (the order SCPs are evaluated in). */
export function pathTo(model: OrganizationModel, node: string): OrgNode[] {
  const path: OrgNode[] = [];
  for (let at: string | undefined = node; at !== undefined; at = model.nodes.get(at)?.parent) {
    const found = model.nodes.get(at);
    if (!found) break;
    path.unshift(found);
  }
  if (path[0]?.id !== model.root) path.unshift(model.nodes.get(model.root)!);
  return path;
}
