import { EstateModel } from '../config/model';
import { EstateConfig } from '../config/schema/estate-schema';
import { planCapacity } from '../planners/capacity/plan-capacity';
import { planNetwork } from '../planners/hub/network-plan';
import {
  HUB_ATTACHMENT_NAMES,
  spokeAttachmentName,
  tgwRouteTableName,
  vpnConnectionName,
} from '../planners/naming';
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
 * Renders the segmentation plan the way the hub, links and shard stacks do together: one
 * table per segment, each attachment associated with one table and propagating to others, and
 * every static route (blackholes included). Names are the Name tags the stacks set.
 *
 *   RGR prod -> `nhs-cloud-tenants-prod` { associations: [RGR-prod, ...] },
 *               `nhs-cloud-post-inspection` { propagations: [RGR-prod, ...] }
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
    routeTables: segmentation.segments.map((segment) => ({
      name: tgwRouteTableName(estate, segment),
      associations: segmentation.attachments
        .filter((a) => a.associateWith === segment)
        .map((a) => nameOf(a.key)),
      propagations: segmentation.attachments
        .filter((a) => a.propagateTo.includes(segment))
        .map((a) => nameOf(a.key)),
      staticRoutes: segmentation.routes
        .filter((r) => r.segment === segment)
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
      return source.name === 'direct-connect' ? DIRECT_CONNECT_ATTACHMENT : HUB_ATTACHMENT_NAMES[source.name];
  }
}
