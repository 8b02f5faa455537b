import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { VpnLinkPlan, vpnAttachmentKey } from '../../planners/hub/vpn-links';
import { vpnConnectionName } from '../../planners/naming';

export interface VpnLinksProps {
  /** Links to build; those with `missing` set are skipped by the caller. */
  readonly links: readonly VpnLinkPlan[];
  readonly transitGatewayId: string;
}

/**
 * Tenants' Site-to-Site VPNs to the Transit Gateway: a customer gateway per device with the
 * tenant's BGP ASN and as many connections as the capacity plan sized, dynamic routing on
 * every tunnel so the gateway spreads flows across them (ECMP).
 */
export class VpnLinks extends Construct {
  /** VPN connection IDs by attachment key of the segmentation plan. */
  readonly connectionIds: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: VpnLinksProps) {
    super(scope, id);
    const ids: Record<string, string> = {};
    for (const link of props.links) {
      const gateways = link.customerGatewayIps.map(
        (ip, i) =>
          new ec2.CfnCustomerGateway(this, `${link.tenant}Gateway${i + 1}`, {
            bgpAsn: link.asn,
            ipAddress: ip,
            type: 'ipsec.1',
            tags: [
              { key: 'Name', value: `${link.tenant}-${i + 1}` },
              { key: 'ods-code', value: link.tenant },
            ],
          }),
      );
      for (const c of link.connections) {
        const key = vpnAttachmentKey(link.tenant, c.index);
        const vpn = new ec2.CfnVPNConnection(this, key, {
          type: 'ipsec.1',
          customerGatewayId: gateways[c.customerGateway].ref,
          transitGatewayId: props.transitGatewayId,
          staticRoutesOnly: false,
          ...(link.tunnelBandwidth === 'large' ? { tunnelBandwidth: 'large' } : {}),
          tags: [
            { key: 'Name', value: vpnConnectionName(link.tenant, c.index) },
            { key: 'ods-code', value: link.tenant },
          ],
        });
        ids[key] = vpn.ref;
      }
    }
    this.connectionIds = ids;
  }
}
