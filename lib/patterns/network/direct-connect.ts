import { aws_directconnect as dx } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DirectConnectPlan } from '../../planners/hub/direct-connect';
import { pascal } from './names';

export interface DirectConnectProps {
  readonly plan: DirectConnectPlan;
  readonly transitGatewayId: string;
  /** A gateway's name (`nhs-cloud-hscn`, `nhs-cloud-hscn-2`). */
  readonly gatewayName: (gateway: number) => string;
  /** Name prefix for the LAGs and transit VIFs. */
  readonly namePrefix: string;
}

/**
 * HSCN over Direct Connect (docs/adr/0024-hub-lanes.md): a Direct Connect gateway per group of
 * Direct Connect tenants, each associated with the Transit Gateway and advertising only its
 * members' ranges; LAGs at each location config names by its code (ports x speed from the
 * capacity plan, one LAG per four gateways); and the transit VIFs config lists, with the
 * CN-SP's VLAN and ASN, from each location's LAG to its gateway.
 */
export class DirectConnect extends Construct {
  /** By gateway number. */
  readonly gateways: ReadonlyMap<number, dx.CfnDirectConnectGateway>;
  readonly associations: ReadonlyMap<number, dx.CfnDirectConnectGatewayAssociation>;
  readonly lags: readonly dx.CfnLag[];

  constructor(scope: Construct, id: string, props: DirectConnectProps) {
    super(scope, id);
    const { plan } = props;
    const gateways = new Map<number, dx.CfnDirectConnectGateway>();
    const associations = new Map<number, dx.CfnDirectConnectGatewayAssociation>();
    for (const g of plan.gateways) {
      const suffix = g.gateway === 1 ? '' : String(g.gateway);
      const gateway = new dx.CfnDirectConnectGateway(
        this,
        g.gateway === 1 ? 'Resource' : `Gateway${suffix}`,
        {
          directConnectGatewayName: props.gatewayName(g.gateway),
          amazonSideAsn: String(g.asn),
        },
      );
      associations.set(
        g.gateway,
        new dx.CfnDirectConnectGatewayAssociation(this, `Association${suffix}`, {
          directConnectGatewayId: gateway.attrDirectConnectGatewayId,
          associatedGatewayId: props.transitGatewayId,
          allowedPrefixesToDirectConnectGateway: [...g.allowedPrefixes],
        }),
      );
      gateways.set(g.gateway, gateway);
    }
    const lagAt = new Map<string, dx.CfnLag>();
    this.lags = plan.lags.flatMap((lagPlan, i) => {
      const location = lagPlan.locationCode;
      if (!location) return []; // named in words in config: nothing can be ordered there yet
      const name = `${props.namePrefix}-hscn-${i + 1}`;
      const lag = new dx.CfnLag(this, `Lag${pascal(location)}${lagPlan.index === 1 ? '' : lagPlan.index}`, {
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
      lagAt.set(`${location}/${lagPlan.index}`, lag);
      return [lag];
    });
    for (const vif of plan.transitVifs) {
      const lag = lagAt.get(`${vif.location}/${vif.lag}`);
      const gateway = gateways.get(vif.gateway);
      if (!lag || !gateway) continue;
      new dx.CfnTransitVirtualInterface(this, `Vif${pascal(vif.location)}${vif.vlan}`, {
        virtualInterfaceName: `${props.namePrefix}-hscn-${vif.gateway}-${vif.location}-${vif.vlan}`,
        connectionId: lag.attrLagId,
        directConnectGatewayId: gateway.attrDirectConnectGatewayId,
        vlan: vif.vlan,
        bgpPeers: [{ asn: String(vif.asn), addressFamily: 'ipv4' }],
      });
    }
    this.gateways = gateways;
    this.associations = associations;
  }
}
