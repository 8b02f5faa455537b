import { EstateConfig } from '../../config/schema/estate-schema';
import { UserInputError } from '../../errors/user-input-error';
import { formatCidr, parseCidr, splitCidr } from '../../net/cidr';
import { LANE_BLOCK_PREFIX, lanesInRange } from '../capacity/national';

/** The address ranges of one lane's two VPCs. */
export interface LaneRanges {
  readonly lane: number;
  readonly inspection: string;
  readonly egress: string;
}

/**
 * Lane 1 uses `network.hub.inspection` and `network.hub.egress`, as the single-lane hub did;
 * lane k (k >= 2) takes the (k - 1)th /22 of `network.hub.lanes`: its first /23 for the
 * inspection VPC, its second for the egress VPC.
 *
 *   hub.lanes 10.1.0.0/16, lane 2 -> inspection 10.1.0.0/23, egress 10.1.2.0/23
 *   lane 3 -> 10.1.4.0/23, 10.1.6.0/23
 */
export function laneRanges(estate: EstateConfig, count: number): LaneRanges[] {
  const { hub } = estate.network;
  const out: LaneRanges[] = [{ lane: 1, inspection: hub.inspection, egress: hub.egress }];
  if (count <= 1) return out;
  const room = hub.lanes ? lanesInRange(hub.lanes) : 0;
  if (room < count - 1) {
    throw UserInputError.at(
      { file: 'estate.yaml', field: 'network.hub.lanes' },
      `expected a range with room for lanes 2 to ${count} (a /${LANE_BLOCK_PREFIX} each), got ${hub.lanes ?? 'none'}`,
      {
        hint: 'run `nhs-cloud capacity` for the lanes the estate needs, and give network.hub.lanes a free range that holds them',
      },
    );
  }
  const blocks = splitCidr(parseCidr(hub.lanes!), LANE_BLOCK_PREFIX, count - 1);
  blocks.forEach((block, i) => {
    const [inspection, egress] = splitCidr(block, LANE_BLOCK_PREFIX + 1, 2);
    out.push({ lane: i + 2, inspection: formatCidr(inspection), egress: formatCidr(egress) });
  });
  return out;
}
