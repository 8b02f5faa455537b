import { CORE_STACKS, pascal } from '../naming';
import { laneAttachmentKey } from '../segmentation/attachments';
import { RouteTablePlan } from '../segmentation/types';
import { NetworkPlan } from './network-plan';

/** The two VPC attachments every lane has. */
export const LANE_ATTACHMENTS = ['inspection', 'egress'] as const;

/** Which hub value an output carries. */
export type HubValueRef =
  | { readonly kind: 'transitGatewayId' | 'tenantPoolId' | 'firewallPolicyArn' }
  | { readonly kind: 'routeTable' | 'attachment'; readonly key: string };

/** A hub value, published as a stack output that the other hub stacks read (`Fn::GetStackOutput`). */
export interface HubOutput {
  readonly stackName: string;
  readonly outputName: string;
  readonly value: HubValueRef;
}

/**
 * Where each hub value is published: Core-Network (the Transit Gateway, the tenant pool, the
 * firewall policy, lane 1's and the shared tables, lane 1's and the Direct Connect attachments)
 * and each lane stack (its tables and attachments). Every other hub stack reads them by these
 * names, as CDK's weak references would but with names from the plan, so a producer publishes
 * the same outputs whichever stacks are built beside it, and a one-tenant build can leave out a
 * lane its change does not touch (docs/adr/0027).
 */
export function planHubOutputs(plan: NetworkPlan): HubOutput[] {
  const core = (outputName: string, value: HubValueRef): HubOutput => ({
    stackName: CORE_STACKS.network,
    outputName,
    value,
  });
  return [
    core('TransitGatewayId', { kind: 'transitGatewayId' }),
    core('TenantPoolId', { kind: 'tenantPoolId' }),
    core('FirewallPolicyArn', { kind: 'firewallPolicyArn' }),
    ...laneOutputs(plan, 1, CORE_STACKS.network),
    ...(plan.directConnect?.gateways ?? []).map((g) =>
      core(attachmentOutput(g.key), { kind: 'attachment', key: g.key }),
    ),
    ...plan.laneStacks.flatMap((l) => laneOutputs(plan, l.lane, l.stackName)),
  ];
}

/** The outputs of one lane's stack (lane 1's are Core-Network's): its tables and its two attachments. */
export function laneOutputs(plan: NetworkPlan, lane: number, stackName: string): HubOutput[] {
  return [
    ...plan.segmentation.tables
      .filter((t) => t.lane === lane)
      .map((t) => ({
        stackName,
        outputName: routeTableOutput(t),
        value: { kind: 'routeTable' as const, key: t.key },
      })),
    ...LANE_ATTACHMENTS.map((name) => {
      const key = laneAttachmentKey(name, lane);
      return { stackName, outputName: attachmentOutput(key), value: { kind: 'attachment' as const, key } };
    }),
  ];
}

/** `tenants-prod` -> `RouteTableTenantsProd`: an output's logical ID is alphanumeric. */
function routeTableOutput(table: RouteTablePlan): string {
  return `RouteTable${pascal(table.segment)}`;
}

/** `InspectionLane02` -> `AttachmentInspectionLane02`. */
function attachmentOutput(key: string): string {
  return `Attachment${pascal(key)}`;
}
