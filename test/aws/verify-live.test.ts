import { EC2Client } from '@aws-sdk/client-ec2';
import { AwsCallError } from '../../lib/aws/aws-errors';
import { createEc2Client } from '../../lib/aws/ec2-client';
import {
  DIRECT_CONNECT_ATTACHMENT,
  formatVerifyLiveJson,
  formatVerifyLiveText,
  LiveTgwError,
  readLiveTgw,
  runVerifyLive,
  TgwExpected,
} from '../../lib/aws/verify-live';
import {
  DENIED,
  Ec2Fixtures,
  Ec2QueryServer,
  EXPIRED,
  filtersOf,
  testClientOptions,
  THROTTLED,
} from '../support/ec2-query-server';
import { ATTACHMENTS, EXPECTED, HUB } from './tgw-fixtures';

let server: Ec2QueryServer;
let ec2: EC2Client;

async function start(fixtures: Ec2Fixtures, pageSize?: number): Promise<void> {
  server = await Ec2QueryServer.start(fixtures, { pageSize });
  ec2 = createEc2Client(testClientOptions(server));
}

afterEach(async () => {
  ec2?.destroy();
  await server?.close();
});

describe('readLiveTgw', () => {
  test('reads route tables, associations, propagations and routes, named by Name tag', async () => {
    await start(HUB);
    const live = await readLiveTgw(ec2);
    expect(live).toEqual({
      transitGatewayId: 'tgw-0hub',
      ownerId: '100000000004',
      attachmentsRead: 3,
      routeTables: [
        {
          id: 'tgw-rtb-insp',
          name: 'inspection',
          associations: ['inspection'],
          propagations: ['RGR-nonprod', 'RGR-prod'],
          routes: [
            { cidr: '10.64.0.0/21', type: 'propagated', target: 'RGR-prod' },
            { cidr: '10.64.8.0/21', type: 'propagated', target: 'RGR-nonprod' },
          ],
        },
        {
          id: 'tgw-rtb-prod',
          name: 'spokes-prod',
          associations: ['RGR-prod'],
          propagations: [],
          routes: [{ cidr: '0.0.0.0/0', type: 'static', target: 'inspection' }],
        },
        {
          id: 'tgw-rtb-nonprod',
          name: 'spokes-nonprod',
          associations: ['RGR-nonprod'],
          propagations: [],
          routes: [
            { cidr: '0.0.0.0/0', type: 'static', target: 'inspection' },
            { cidr: '10.64.0.0/21', type: 'static', target: 'blackhole' },
          ],
        },
      ],
    });
  });

  test('searches routes of both types and scopes every list to the gateway', async () => {
    await start(HUB);
    await readLiveTgw(ec2);
    const searches = server.calls('SearchTransitGatewayRoutes');
    expect(searches.map((c) => c.params.TransitGatewayRouteTableId)).toEqual([
      'tgw-rtb-insp',
      'tgw-rtb-prod',
      'tgw-rtb-nonprod',
    ]);
    expect(filtersOf(searches[0].params)).toEqual(new Map([['type', ['static', 'propagated']]]));
    expect(server.calls('DescribeVpnConnections')).toEqual([]); // every attachment is tagged
    for (const action of ['DescribeTransitGatewayAttachments', 'DescribeTransitGatewayRouteTables']) {
      expect(filtersOf(server.calls(action)[0].params)).toEqual(
        new Map([['transit-gateway-id', ['tgw-0hub']]]),
      );
    }
  });

  test('reads every page of every paged call, sending each NextToken back', async () => {
    const spokes = Array.from({ length: 7 }, (_, i) => ({
      id: `tgw-attach-s${i}`,
      transitGatewayId: 'tgw-0hub',
      name: `spoke-${i}`,
    }));
    await start(
      {
        ...HUB,
        attachments: [...ATTACHMENTS, ...spokes],
        routeTables: [
          {
            id: 'tgw-rtb-insp',
            transitGatewayId: 'tgw-0hub',
            name: 'inspection',
            associations: spokes.map((s) => s.id),
            propagations: spokes.map((s) => s.id),
            routes: spokes.map((s, i) => ({
              cidr: `10.64.${i * 8}.0/21`,
              type: 'static' as const,
              attachmentIds: [s.id],
            })),
          },
        ],
      },
      5,
    );
    const live = await readLiveTgw(ec2);
    for (const action of [
      'DescribeTransitGatewayAttachments',
      'GetTransitGatewayRouteTableAssociations',
      'GetTransitGatewayRouteTablePropagations',
      'SearchTransitGatewayRoutes',
    ]) {
      const tokens = server.calls(action).map((c) => c.params.NextToken);
      expect({ action, tokens }).toEqual({ action, tokens: [undefined, 'page-5'] });
    }
    const [table] = live.routeTables;
    expect(table.associations).toHaveLength(7);
    expect(table.propagations).toHaveLength(7);
    expect(table.routes.map((r) => r.target)).toEqual(spokes.map((s) => s.name));
  });

  test('an untagged attachment or route table is named by its ID', async () => {
    await start({
      transitGateways: HUB.transitGateways,
      attachments: [{ id: 'tgw-attach-anon', transitGatewayId: 'tgw-0hub' }],
      routeTables: [{ id: 'tgw-rtb-anon', transitGatewayId: 'tgw-0hub', associations: ['tgw-attach-anon'] }],
    });
    const live = await readLiveTgw(ec2);
    expect(live.routeTables[0]).toMatchObject({ name: 'tgw-rtb-anon', associations: ['tgw-attach-anon'] });
  });

  test("untagged VPN attachments take their connection's Name tag; the only untagged Direct Connect one its conventional name", async () => {
    await start({
      transitGateways: HUB.transitGateways,
      attachments: [
        { id: 'tgw-attach-v1', transitGatewayId: 'tgw-0hub', resourceType: 'vpn', resourceId: 'vpn-1' },
        { id: 'tgw-attach-v2', transitGatewayId: 'tgw-0hub', resourceType: 'vpn', resourceId: 'vpn-gone' },
        {
          id: 'tgw-attach-dx',
          transitGatewayId: 'tgw-0hub',
          resourceType: 'direct-connect-gateway',
          resourceId: 'dxgw-1',
        },
      ],
      vpnConnections: [
        { id: 'vpn-1', transitGatewayId: 'tgw-0hub', name: 'RGR-vpn-1' },
        { id: 'vpn-other', transitGatewayId: 'tgw-0other', name: 'elsewhere' },
      ],
      routeTables: [
        {
          id: 'tgw-rtb-onprem',
          transitGatewayId: 'tgw-0hub',
          name: 'on-premises',
          associations: ['tgw-attach-v1', 'tgw-attach-v2', 'tgw-attach-dx'],
        },
      ],
    });
    const live = await readLiveTgw(ec2);
    // A VPN attachment whose connection is gone or untagged keeps its ID, so it shows as drift.
    expect(live.routeTables[0].associations).toEqual([
      'RGR-vpn-1',
      DIRECT_CONNECT_ATTACHMENT,
      'tgw-attach-v2',
    ]);
    expect(filtersOf(server.calls('DescribeVpnConnections')[0].params)).toEqual(
      new Map([['transit-gateway-id', ['tgw-0hub']]]),
    );
  });

  test('two untagged Direct Connect attachments cannot be told apart, so both keep their IDs', async () => {
    const dx = (id: string) => ({
      id,
      transitGatewayId: 'tgw-0hub',
      resourceType: 'direct-connect-gateway',
      resourceId: `dxgw-${id}`,
    });
    await start({
      transitGateways: HUB.transitGateways,
      attachments: [dx('tgw-attach-dx1'), dx('tgw-attach-dx2')],
      routeTables: [
        {
          id: 'tgw-rtb-onprem',
          transitGatewayId: 'tgw-0hub',
          name: 'on-premises',
          associations: ['tgw-attach-dx1', 'tgw-attach-dx2'],
        },
      ],
    });
    expect((await readLiveTgw(ec2)).routeTables[0].associations).toEqual([
      'tgw-attach-dx1',
      'tgw-attach-dx2',
    ]);
    expect(server.calls('DescribeVpnConnections')).toEqual([]);
  });

  test('reading VPN connection names needs ec2:DescribeVpnConnections, and says so', async () => {
    await start({
      transitGateways: HUB.transitGateways,
      attachments: [
        { id: 'tgw-attach-v1', transitGatewayId: 'tgw-0hub', resourceType: 'vpn', resourceId: 'vpn-1' },
      ],
    });
    server.failAlways('DescribeVpnConnections', DENIED);
    await expect(readLiveTgw(ec2)).rejects.toThrow(
      'Missing IAM permission ec2:DescribeVpnConnections (UnauthorizedOperation)',
    );
  });

  test('deleted route tables are not live', async () => {
    await start({
      ...HUB,
      routeTables: [{ id: 'tgw-rtb-old', transitGatewayId: 'tgw-0hub', name: 'old', state: 'deleted' }],
    });
    expect((await readLiveTgw(ec2)).routeTables).toEqual([]);
  });

  test('finds the only gateway, or asks for --transit-gateway-id when there are several', async () => {
    await start({
      ...HUB,
      transitGateways: [...HUB.transitGateways!, { id: 'tgw-0dr', ownerId: '100000000004' }],
    });
    await expect(readLiveTgw(ec2)).rejects.toThrow(
      new LiveTgwError('2 transit gateways found (tgw-0hub, tgw-0dr): pass --transit-gateway-id'),
    );
    const live = await readLiveTgw(ec2, 'tgw-0hub');
    expect(live.transitGatewayId).toBe('tgw-0hub');
    expect(filtersOf(server.calls('DescribeTransitGateways')[1].params)).toEqual(
      new Map([['transit-gateway-id', ['tgw-0hub']]]),
    );
    await expect(readLiveTgw(ec2, 'tgw-0gone')).rejects.toThrow(
      'transit gateway tgw-0gone not found in this account and region',
    );
  });

  test('names the IAM action that was refused', async () => {
    await start(HUB);
    server.failAlways('GetTransitGatewayRouteTablePropagations', DENIED);
    await expect(readLiveTgw(ec2)).rejects.toThrow(
      new AwsCallError(
        'access-denied',
        'ec2:GetTransitGatewayRouteTablePropagations',
        'UnauthorizedOperation',
        'Missing IAM permission ec2:GetTransitGatewayRouteTablePropagations (UnauthorizedOperation): allow ec2:GetTransitGatewayRouteTablePropagations for the role these credentials use.',
      ),
    );
  });

  test('expired credentials stop the read with a message to refresh them', async () => {
    await start(HUB);
    server.failAlways('*', EXPIRED);
    await expect(readLiveTgw(ec2)).rejects.toThrow(
      'AWS rejected the credentials as expired (RequestExpired on ec2:DescribeTransitGateways): refresh them',
    );
  });

  test('throttled route searches are retried by the SDK', async () => {
    await start(HUB);
    server.failNext('SearchTransitGatewayRoutes', THROTTLED, THROTTLED);
    const live = await readLiveTgw(ec2);
    expect(server.calls('SearchTransitGatewayRoutes')).toHaveLength(5); // 2 throttled + 1 per table
    expect(live.routeTables[0].routes).toHaveLength(2);
  });
});

describe('runVerifyLive and its output', () => {
  test('reports drift between the model and the deployed gateway', async () => {
    await start(HUB);
    const expected: TgwExpected = {
      routeTables: [...EXPECTED.routeTables.slice(0, 2), { ...EXPECTED.routeTables[2], staticRoutes: [] }],
    };
    const report = await runVerifyLive(ec2, expected);
    expect(formatVerifyLiveText(report)).toBe(
      [
        'tgw-0hub: 3 attachments and 3 route tables read, 2 differences from the expected model',
        '  extra    spokes-nonprod: unexpected static route 0.0.0.0/0 -> inspection',
        '  extra    spokes-nonprod: unexpected static route 10.64.0.0/21 -> blackhole',
      ].join('\n'),
    );
    expect(JSON.parse(formatVerifyLiveJson(report)).drift[0]).toEqual({
      kind: 'extra',
      subject: 'static-route',
      routeTable: 'spokes-nonprod',
      item: '0.0.0.0/0',
      actual: 'inspection',
      message: 'spokes-nonprod: unexpected static route 0.0.0.0/0 -> inspection',
    });
  });

  test('says so when nothing differs', async () => {
    await start(HUB);
    expect(formatVerifyLiveText(await runVerifyLive(ec2, EXPECTED))).toBe(
      'tgw-0hub: 3 attachments and 3 route tables read, no differences from the expected model',
    );
  });
});
