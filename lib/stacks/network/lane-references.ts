import { Fn } from 'aws-cdk-lib';
import { LaneOutput, planLaneOutputs } from '../../planners/hub/lane-outputs';
import { NetworkPlan } from '../../planners/hub/network-plan';
import { HubNetwork } from './network-hub-stack';

/** Every route table and lane attachment by plan key, as the shards, returns and links stacks reference them. */
export interface HubReferences {
  readonly routeTableIds: Readonly<Record<string, string>>;
  readonly attachmentIds: Readonly<Record<string, string>>;
}

/**
 * Core-Network's tables and attachments as CDK references; those of lanes 2 and up read by the
 * output names the plan gives them (`Fn::GetStackOutput`), so a stack that references a lane
 * synthesizes the same whether or not that lane's stack is in the build (docs/adr/0027).
 */
export function hubReferences(plan: NetworkPlan, hub: HubNetwork, region: string): HubReferences {
  const outputs = planLaneOutputs(plan);
  const read = (of: Readonly<Record<string, LaneOutput>>) =>
    Object.fromEntries(
      Object.entries(of).map(([key, o]) => [key, Fn.getStackOutput(o.stackName, o.outputName, region)]),
    );
  return {
    routeTableIds: { ...hub.routeTableIds, ...read(outputs.routeTables) },
    attachmentIds: { ...hub.attachmentIds, ...read(outputs.attachments) },
  };
}
