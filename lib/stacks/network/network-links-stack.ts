import { Construct } from 'constructs';
import { NetworkLookup } from '../../patterns/network/network-lookup';
import { lookupOf, SegmentRouting } from '../../patterns/network/segment-routing';
import { EstateConfig } from '../../config/schema/estate-schema';
import { NetworkPlan } from '../../planners/hub/network-plan';
import { HUB_ATTACHMENT_KEYS } from '../../planners/segmentation/attachments';
import { EstateStack } from '../estate-stack';
import { HubReferences } from './hub-references';
import { networkStackProps } from './network-stack-props';

export interface NetworkLinksStackProps {
  readonly estate: EstateConfig;
  readonly plan: NetworkPlan;
  /** From Core-Network (same account and region). */
  readonly hub: HubReferences;
  /** Every route table of every lane, by table key. */
  readonly routeTableIds: Readonly<Record<string, string>>;
}

/**
 * Core-Network-Links: the hub attachments other core accounts make (the shared-services VPC).
 * It deploys after Core-SharedServices has attached and every lane exists, finds the attachment
 * by its owner account, and associates it and propagates it into every lane's post-inspection.
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
      transitGatewayId: hub.transitGatewayId,
      attachments: { [key]: { type: 'vpc', owner: estate.organization.accounts.sharedServices } },
      revision: estate.network.hub.sharedServices,
    });
    const links = <T extends { home: { stack: string } }>(items: readonly T[]) =>
      items.filter((i) => i.home.stack === 'links');
    new SegmentRouting(this, 'Segments', {
      routeTableId: lookupOf(props.routeTableIds, 'route table'),
      associations: links(plan.segmentation.associations),
      propagations: links(plan.segmentation.propagations),
      routes: [],
      attachmentId: (k) => lookup.attachmentId(k),
    });
  }
}
