import { Construct } from 'constructs';
import { lookupOf, SegmentRouting } from '../../patterns/network/segment-routing';
import { EstateConfig } from '../../config/schema/estate-schema';
import { ReturnsInputs } from '../../planners/hub/hub-stack-inputs';
import { ReturnsPlan } from '../../planners/shards';
import { EstateStack } from '../estate-stack';
import { networkStackProps } from './network-stack-props';

export interface HubReturnsStackProps {
  readonly estate: EstateConfig;
  /** This shard's return routes: all the stack reads of the plan. */
  readonly inputs: ReturnsInputs;
  /** Every route table, by table key (lanes 2 and up imported by name). */
  readonly routeTableIds: Readonly<Record<string, string>>;
  /** Every lane's inspection attachment, by plan key (lanes 2 and up imported by name). */
  readonly attachmentIds: Readonly<Record<string, string>>;
}

/**
 * Core-Network-Returns-NNN (docs/adr/0024-hub-lanes.md): the routes that bring replies and
 * inbound flows back to the lane of each tenant of shard NNN outside lane 1, from the shared
 * tables (shared services, the internet, on-premises) and from national services' tables in
 * other lanes. Beside the shard, so the fullest shard stays within its budget; nothing here
 * waits for a spoke.
 */
export class HubReturnsStack extends EstateStack {
  readonly returns: ReturnsPlan;

  constructor(scope: Construct, id: string, props: HubReturnsStackProps) {
    const { estate, inputs } = props;
    const { returns } = inputs;
    super(
      scope,
      id,
      networkStackProps(
        estate,
        `NHS national cloud: return routes to the lanes of shard ${returns.index} (${returns.tenants.join(', ')})`,
      ),
    );
    this.returns = returns;
    new SegmentRouting(this, 'Returns', {
      routeTableId: lookupOf(props.routeTableIds, 'route table'),
      associations: [],
      propagations: [],
      routes: inputs.routes,
      attachmentId: lookupOf(props.attachmentIds, 'attachment'),
    });
  }
}
