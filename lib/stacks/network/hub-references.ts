import { CfnOutput, Fn, Stack } from 'aws-cdk-lib';
import { EstateConfig } from '../../config/schema/estate-schema';
import { HubOutput, HubValueRef, planHubOutputs } from '../../planners/hub/hub-outputs';
import { networkNames } from '../../planners/hub/network-names';
import { NetworkPlan } from '../../planners/hub/network-plan';
import { lookupFunctionArn } from '../../patterns/network/network-lookup';

/** The hub values the lane, shard, returns and links stacks use (same account and region). */
export interface HubReferences {
  readonly transitGatewayId: string;
  readonly tenantPoolId: string;
  readonly firewallPolicyArn: string;
  /** Named by ARN: the same literal string in every stack, no reference. */
  readonly lookupFunctionArn: string;
  /** Every route table of every lane, by table key. */
  readonly routeTableIds: Readonly<Record<string, string>>;
  /** Every lane's inspection and egress attachments and the Direct Connect gateways', by plan key. */
  readonly attachmentIds: Readonly<Record<string, string>>;
}

/** What a producing stack holds of the values it publishes. */
export type HubValues = Partial<
  Pick<HubReferences, 'transitGatewayId' | 'tenantPoolId' | 'firewallPolicyArn'>
> &
  Pick<HubReferences, 'routeTableIds' | 'attachmentIds'>;

/**
 * Every hub value read by the output name the plan gives it (`Fn::GetStackOutput`, a weak
 * reference: no export lock), so a stack renders the same whichever producers are built
 * beside it (docs/adr/0027).
 */
export function hubReferences(estate: EstateConfig, plan: NetworkPlan): HubReferences {
  const region = estate.homeRegion;
  const scalars: Record<string, string> = {};
  const routeTableIds: Record<string, string> = {};
  const attachmentIds: Record<string, string> = {};
  for (const o of planHubOutputs(plan)) {
    const value = Fn.getStackOutput(o.stackName, o.outputName, region);
    if (o.value.kind === 'routeTable') routeTableIds[o.value.key] = value;
    else if (o.value.kind === 'attachment') attachmentIds[o.value.key] = value;
    else scalars[o.value.kind] = value;
  }
  return {
    transitGatewayId: scalars.transitGatewayId,
    tenantPoolId: scalars.tenantPoolId,
    firewallPolicyArn: scalars.firewallPolicyArn,
    lookupFunctionArn: lookupFunctionArn(
      region,
      estate.organization.accounts.network,
      networkNames(estate).lookupFunction,
    ),
    routeTableIds,
    attachmentIds,
  };
}

/**
 * Publishes the planned outputs of `stack`, each from the stack's own value, whether or not a
 * consumer is in this build. A planned output without a value is a bug, not a gap.
 */
export function publishHubOutputs(stack: Stack, outputs: readonly HubOutput[], values: HubValues): void {
  for (const o of outputs) {
    if (o.stackName !== stack.stackName)
      throw new Error(`${o.outputName} is planned in ${o.stackName}, not ${stack.stackName}`);
    const value = valueOf(values, o.value);
    if (value === undefined)
      throw new Error(`${stack.stackName} has no value for its output ${o.outputName}`);
    new CfnOutput(stack, o.outputName, { value });
  }
}

function valueOf(values: HubValues, ref: HubValueRef): string | undefined {
  if (ref.kind === 'routeTable') return values.routeTableIds[ref.key];
  if (ref.kind === 'attachment') return values.attachmentIds[ref.key];
  return values[ref.kind];
}
