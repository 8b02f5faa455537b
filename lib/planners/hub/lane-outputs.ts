import { laneAttachmentKey } from '../segmentation/attachments';
import { RouteTablePlan, TableKey } from '../segmentation/types';
import { LaneStackPlan } from './lane-stacks';
import { NetworkPlan } from './network-plan';

/** The two VPC attachments every lane has. */
export const LANE_ATTACHMENTS = ['inspection', 'egress'] as const;

/** `tenants-prod` -> `RouteTableTenantsProd`: an output's logical ID is alphanumeric. */
export function laneTableOutput(table: RouteTablePlan): string {
  return `RouteTable${alnum(table.segment)}`;
}

/** `inspection` -> `AttachmentInspection`. */
export function laneAttachmentOutput(name: (typeof LANE_ATTACHMENTS)[number]): string {
  return `Attachment${alnum(name)}`;
}

/** A lane stack's output another hub stack reads (`Fn::GetStackOutput`). */
export interface LaneOutput {
  readonly stackName: string;
  readonly outputName: string;
}

/** What the other hub stacks read from the lane stacks, by plan key. */
export interface LaneOutputs {
  readonly routeTables: Readonly<Record<TableKey, LaneOutput>>;
  readonly attachments: Readonly<Record<string, LaneOutput>>;
}

/**
 * Where every route table and attachment of lanes 2 and up is published. Shards, returns and
 * the links stack read them by stack and output name, as CDK's weak references do, but with
 * names from the plan rather than a reference to the lane stack object, so a one-tenant build
 * can leave out a lane its change does not touch (docs/adr/0027). The lane stack writes the
 * same names.
 */
export function planLaneOutputs(plan: NetworkPlan): LaneOutputs {
  const routeTables: Record<TableKey, LaneOutput> = {};
  const attachments: Record<string, LaneOutput> = {};
  const at = (lane: LaneStackPlan, outputName: string) => ({ stackName: lane.stackName, outputName });
  for (const lane of plan.laneStacks) {
    for (const table of plan.segmentation.tables.filter((t) => t.lane === lane.lane))
      routeTables[table.key] = at(lane, laneTableOutput(table));
    for (const name of LANE_ATTACHMENTS)
      attachments[laneAttachmentKey(name, lane.lane)] = at(lane, laneAttachmentOutput(name));
  }
  return { routeTables, attachments };
}

function alnum(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}
