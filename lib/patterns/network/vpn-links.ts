import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { VpnLinkPlan, vpnAttachmentKey } from '../../planners/hub/vpn-links';
import { vpnConnectionName } from '../../planners/naming';

export interface VpnLinksProps {
  /** Links to build; those with `missing` set are skipped by the caller. */
  readonly links: readonly VpnLinkPlan[];
  readonly transitGatewayId: string;
  /**
   * CloudWatch Logs group (ARN) every tunnel logs its IKE/IPsec negotiation and state to.
   * @default no tunnel logs
   */
  readonly tunnelLogGroupArn?: string;
}

/**
 * Explicit IKE and IPsec choices for both tunnels instead of AWS's permissive defaults
 * (IKEv1 and v2, AES-128, SHA-1, DH group 2 all accepted): IKEv2 only, AES-256-GCM, SHA-2
 * integrity and elliptic-curve or 2048-bit+ Diffie-Hellman groups, as the NCSC's IPsec
 * guidance recommends (https://www.ncsc.gov.uk/guidance/using-ipsec-protect-data); option
 * names from https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html.
 */
export function tunnelCrypto(): ec2.CfnVPNConnection.VpnTunnelOptionsSpecificationProperty {
  const values = <T>(...items: T[]) => items.map((value) => ({ value }));
  return {
    ikeVersions: values('ikev2'),
    phase1EncryptionAlgorithms: values('AES256-GCM-16'),
    phase2EncryptionAlgorithms: values('AES256-GCM-16'),
    phase1IntegrityAlgorithms: values('SHA2-384', 'SHA2-256'),
    phase2IntegrityAlgorithms: values('SHA2-384', 'SHA2-256'),
    phase1DhGroupNumbers: values(20, 19, 14),
    phase2DhGroupNumbers: values(20, 19, 14),
  };
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
          // One specification per tunnel (a connection has two).
          vpnTunnelOptionsSpecifications: [1, 2].map(() => ({
            ...tunnelCrypto(),
            ...(props.tunnelLogGroupArn && {
              logOptions: {
                cloudwatchLogOptions: {
                  logEnabled: true,
                  logGroupArn: props.tunnelLogGroupArn,
                  logOutputFormat: 'json',
                },
              },
            }),
          })),
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
