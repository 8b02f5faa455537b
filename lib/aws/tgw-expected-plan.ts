import { EstateModel } from '../config/model';
import { EstateConfig } from '../config/schema/estate-schema';
import { planCapacity } from '../planners/capacity/plan-capacity';
import { planNetwork } from '../planners/hub/network-plan';
import { laneAttachmentName, routeTableName } from '../planners/hub/network-names';
import { HUB_ATTACHMENT_NAMES, spokeAttachmentName, vpnConnectionName } from '../planners/naming';
import { AttachmentPlan, SegmentationPlan } from '../planners/segmentation/types';
import { BLACKHOLE, DIRECT_CONNECT_ATTACHMENT, sortTgwExpected, TgwExpected } from './tgw-expected';

/**
 * The gateway the network stacks deploy, straight from config: the same network plan
 * `cdk synth` renders (sized by the same capacity plan), for when there is no `cdk.out`.
 */
export function tgwExpectedFromPlan(model: EstateModel): TgwExpected {
  const plan = planNetwork(model, planCapacity(model).hub);
  return tgwExpectedOf(model.estate, plan.segmentation);
}

/**
 * Renders the segmentation plan the way the hub, lane, links, shard and returns stacks do
 * together: every route table of every lane, each attachment associated with one table and
 * propagating to others, and every static route (blackholes and return routes included). Names
 * are the Name tags the stacks set (lane 1's are the single-lane hub's).
 *
 *   RGR prod in lane 2 -> `nhs-cloud-tenants-prod-lane-02` { associations: [RGR-prod, ...] },
 *                         `nhs-cloud-post-inspection-lane-02` { propagations: [RGR-prod, ...] }
 */
export function tgwExpectedOf(estate: EstateConfig, segmentation: SegmentationPlan): TgwExpected {
  const names = new Map(segmentation.attachments.map((a) => [a.key, attachmentName(a)]));
  const nameOf = (key: string): string => {
    const name = names.get(key);
    if (name === undefined)
      throw new Error(`the segmentation plan routes to ${key}, which it never attaches`);
    return name;
  };
  return sortTgwExpected({
    routeTables: segmentation.tables.map((table) => ({
      name: routeTableName(estate, table.segment, table.lane),
      associations: segmentation.attachments
        .filter((a) => a.associateWith === table.key)
        .map((a) => nameOf(a.key)),
      propagations: segmentation.attachments
        .filter((a) => a.propagateTo.includes(table.key))
        .map((a) => nameOf(a.key)),
      staticRoutes: segmentation.routes
        .filter((r) => r.segment === table.key)
        .map((r) => ({
          cidr: r.destination,
          target: r.target === 'blackhole' ? BLACKHOLE : nameOf(r.target.attachment),
        })),
    })),
  });
}

function attachmentName(attachment: AttachmentPlan): string {
  const { source } = attachment;
  switch (source.kind) {
    case 'spoke':
      return spokeAttachmentName(source.tenant, source.environment);
    case 'vpn':
      return vpnConnectionName(source.tenant, source.connection);
    case 'hub':
      if (source.name === 'direct-connect')
        return (source.index ?? 1) === 1
          ? DIRECT_CONNECT_ATTACHMENT
          : `${DIRECT_CONNECT_ATTACHMENT}-${source.index}`;
      if (source.name === 'shared-services') return HUB_ATTACHMENT_NAMES[source.name];
      return laneAttachmentName(source.name, source.index ?? 1);
  }
}
