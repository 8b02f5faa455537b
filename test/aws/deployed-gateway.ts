import { BLACKHOLE, DIRECT_CONNECT_ATTACHMENT, TgwExpected } from '../../lib/aws/verify-live';
import {
  Ec2Fixtures,
  FixtureAttachment,
  FixtureRoute,
  FixtureRouteTable,
  FixtureVpnConnection,
} from '../support/ec2-query-server';

export const TGW_ID = 'tgw-0hub';

/**
 * The EC2 account state of a gateway deployed exactly as `expected` says, tagged the way AWS
 * leaves it after CloudFormation: VPC attachments carry their Name tag; a VPN connection's
 * attachment is untagged beside its tagged connection; the Direct Connect gateway's attachment
 * is untagged. Propagated routes are left out: verify-live compares propagations, not the
 * routes they produce.
 */
export function deployedGateway(expected: TgwExpected): Ec2Fixtures {
  const names = [
    ...new Set(
      expected.routeTables.flatMap((t) => [
        ...t.associations,
        ...t.propagations,
        ...t.staticRoutes.map((r) => r.target).filter((target) => target !== BLACKHOLE),
      ]),
    ),
  ].sort();
  const attachments: FixtureAttachment[] = [];
  const vpnConnections: FixtureVpnConnection[] = [];
  const ids = new Map<string, string>();
  names.forEach((name, i) => {
    const id = `tgw-attach-${String(i).padStart(4, '0')}`;
    ids.set(name, id);
    if (/-vpn-\d+$/.test(name)) {
      const vpnId = `vpn-${String(i).padStart(4, '0')}`;
      vpnConnections.push({ id: vpnId, transitGatewayId: TGW_ID, name });
      attachments.push({ id, transitGatewayId: TGW_ID, resourceType: 'vpn', resourceId: vpnId });
    } else if (name === DIRECT_CONNECT_ATTACHMENT) {
      attachments.push({
        id,
        transitGatewayId: TGW_ID,
        resourceType: 'direct-connect-gateway',
        resourceId: 'dxgw-0hscn',
      });
    } else {
      attachments.push({ id, transitGatewayId: TGW_ID, resourceId: `vpc-${i}`, name });
    }
  });
  const idOf = (name: string) => ids.get(name)!;
  const routeTables = expected.routeTables.map((t, i): FixtureRouteTable => ({
    id: `tgw-rtb-${i}`,
    transitGatewayId: TGW_ID,
    name: t.name,
    associations: t.associations.map(idOf),
    propagations: t.propagations.map(idOf),
    routes: t.staticRoutes.map((r): FixtureRoute =>
      r.target === BLACKHOLE
        ? { cidr: r.cidr, type: 'static', state: 'blackhole' }
        : { cidr: r.cidr, type: 'static', attachmentIds: [idOf(r.target)] },
    ),
  }));
  return {
    transitGateways: [{ id: TGW_ID, ownerId: '100000000004', name: 'nhs-cloud' }],
    attachments,
    vpnConnections,
    routeTables,
  };
}

/** `fixtures` with one route table's static routes edited (drift injected after deploy). */
export function withRoutes(
  fixtures: Ec2Fixtures,
  table: string,
  edit: (routes: readonly FixtureRoute[]) => FixtureRoute[],
): Ec2Fixtures {
  const tables = fixtures.routeTables ?? [];
  if (!tables.some((t) => t.name === table)) throw new Error(`no route table ${table}`);
  return {
    ...fixtures,
    routeTables: tables.map((t) => (t.name === table ? { ...t, routes: edit(t.routes ?? []) } : t)),
  };
}

/** The fixture ID of the attachment the expected model names `name`. */
export function attachmentId(fixtures: Ec2Fixtures, name: string): string {
  const vpn = fixtures.vpnConnections?.find((v) => v.name === name);
  const hit = fixtures.attachments?.find(
    (a) =>
      a.name === name ||
      (vpn && a.resourceId === vpn.id) ||
      (name === DIRECT_CONNECT_ATTACHMENT && a.resourceType === 'direct-connect-gateway'),
  );
  if (!hit) throw new Error(`no attachment ${name}`);
  return hit.id;
}
