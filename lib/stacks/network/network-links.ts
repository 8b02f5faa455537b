import { Stack } from 'aws-cdk-lib';
import { NetworkLookup } from '../../patterns/network/network-lookup';
import { SegmentRouting } from '../../patterns/network/segment-routing';
import { EstateModel } from '../../config/model';
import { NetworkPlan } from '../../planners/hub/network-plan';
import { HUB_ATTACHMENT_KEYS } from '../../planners/segmentation/attachments';
import { HubNetwork } from './hub-network';

/**
 * Wires the hub attachments made by other core accounts (the shared-services VPC): it runs
 * after Core-SharedServices has attached, finds the attachment by its owner account and
 * associates and propagates it as planned.
 */
export function buildNetworkLinks(
  stack: Stack,
  model: EstateModel,
  plan: NetworkPlan,
  hub: HubNetwork,
): void {
  const key = HUB_ATTACHMENT_KEYS['shared-services'];
  const lookup = new NetworkLookup(stack, 'Attachments', {
    serviceToken: hub.lookupFunctionArn,
    transitGatewayId: hub.transitGateway.transitGatewayId,
    attachments: { [key]: { type: 'vpc', owner: model.estate.organization.accounts.sharedServices } },
    revision: model.estate.network.hub.sharedServices,
  });
  new SegmentRouting(stack, 'Segments', {
    routeTableIds: hub.transitGateway.routeTableIds,
    attachments: plan.segmentation.attachments.filter((a) => a.key === key),
    routes: [],
    attachmentId: (k) => lookup.attachmentId(k),
  });
}
