import { Construct } from 'constructs';
import { NetworkLookup } from '../../patterns/network/network-lookup';
import { SegmentRouting } from '../../patterns/network/segment-routing';
import { EstateConfig } from '../../config/schema/estate-schema';
import { NetworkPlan } from '../../planners/hub/network-plan';
import { HUB_ATTACHMENT_KEYS } from '../../planners/segmentation/attachments';
import { EstateStack } from '../estate-stack';
import { HubNetwork } from './network-hub-stack';
import { networkStackProps } from './network-stack-props';

export interface NetworkLinksStackProps {
  readonly estate: EstateConfig;
  readonly plan: NetworkPlan;
  /** From Core-Network (same account and region). */
  readonly hub: HubNetwork;
}

/**
 * Core-Network-Links: the hub attachments other core accounts make (the shared-services VPC).
 * It deploys after Core-SharedServices has attached, finds the attachment by its owner account,
 * and associates and propagates it as planned.
 */
export class NetworkLinksStack extends EstateStack {
  constructor(scope: Construct, id: string, props: NetworkLinksStackProps) {
    const { estate, plan, hub } = props;
    super(
      scope,
      id,
      networkStackProps(
        estate,
        'NHS national cloud: hub associations of attachments made by other core accounts',
      ),
    );
    const key = HUB_ATTACHMENT_KEYS['shared-services'];
    const lookup = new NetworkLookup(this, 'Attachments', {
      serviceToken: hub.lookupFunctionArn,
      transitGatewayId: hub.transitGateway.transitGatewayId,
      attachments: { [key]: { type: 'vpc', owner: estate.organization.accounts.sharedServices } },
      revision: estate.network.hub.sharedServices,
    });
    new SegmentRouting(this, 'Segments', {
      routeTableIds: hub.transitGateway.routeTableIds,
      attachments: plan.segmentation.attachments.filter((a) => a.key === key),
      routes: [],
      attachmentId: (k) => lookup.attachmentId(k),
    });
  }
}
