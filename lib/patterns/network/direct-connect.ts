import { aws_directconnect as dx } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DirectConnectPlan } from '../../planners/hub/direct-connect';
import { pascal } from './names';

export interface DirectConnectProps {
  readonly plan: DirectConnectPlan;
  readonly transitGatewayId: string;
  /** Name prefix for the gateway and its LAGs. */
  readonly namePrefix: string;
}

/**
 * HSCN over Direct Connect: a Direct Connect gateway associated with the Transit Gateway,
 * advertising only the summaries in the plan, and one LAG per location sized by the capacity
 * plan (ports x speed) at each location config names by its code. Transit VIFs need the CN-SP's BGP ASN and VLANs, which come from the
 * provider when the ports are cross-connected (see docs/network.md).
 */
export class DirectConnect extends Construct {
  readonly gateway: dx.CfnDirectConnectGateway;
  readonly association: dx.CfnDirectConnectGatewayAssociation;
  readonly lags: readonly dx.CfnLag[];

  constructor(scope: Construct, id: string, props: DirectConnectProps) {
    super(scope, id);
    const { plan } = props;
    this.gateway = new dx.CfnDirectConnectGateway(this, 'Resource', {
      directConnectGatewayName: `${props.namePrefix}-hscn`,
      amazonSideAsn: String(plan.gatewayAsn),
    });
    this.association = new dx.CfnDirectConnectGatewayAssociation(this, 'Association', {
      directConnectGatewayId: this.gateway.attrDirectConnectGatewayId,
      associatedGatewayId: props.transitGatewayId,
      allowedPrefixesToDirectConnectGateway: [...plan.allowedPrefixes],
    });
    this.lags = plan.lags.flatMap((lagPlan, i) => {
      const location = lagPlan.locationCode;
      if (!location) return []; // named in words in config: nothing can be ordered there yet
      const name = `${props.namePrefix}-hscn-${i + 1}`;
      const lag = new dx.CfnLag(this, `Lag${pascal(location)}`, {
        lagName: name,
        location,
        connectionsBandwidth: lagPlan.portSpeed,
        minimumLinks: lagPlan.minimumLinks,
      });
      for (let port = 1; port <= lagPlan.ports; port++) {
        new dx.CfnConnection(lag, `Port${port}`, {
          connectionName: `${name}-port-${port}`,
          location,
          bandwidth: lagPlan.portSpeed,
          lagId: lag.attrLagId,
        });
      }
      return [lag];
    });
  }
}
