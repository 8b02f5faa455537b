import { planCapacity } from '../../../lib/planners/capacity/plan-capacity';
import {
  directConnectGatewayAsn,
  planDirectConnect,
  unorderableLocations,
} from '../../../lib/planners/hub/direct-connect';
import { hostAddress, planHubSubnets } from '../../../lib/planners/hub/hub-subnets';
import { planDns } from '../../../lib/planners/hub/dns';
import { planNetwork } from '../../../lib/planners/hub/network-plan';
import { planVpnLinks } from '../../../lib/planners/hub/vpn-links';
import { DirectConnectSizing } from '../../../lib/planners/capacity/types';
import { networkModel } from '../segmentation/network-model';

const ZONES = ['euw2-az1', 'euw2-az2', 'euw2-az3'];

describe('planHubSubnets', () => {
  test('gives every group a subnet in every zone, in address order', () => {
    expect(planHubSubnets('10.0.0.0/22', ZONES, ['firewall', 'transit']).groups).toEqual({
      firewall: [
        { availabilityZone: 'euw2-az1', cidr: '10.0.0.0/25' },
        { availabilityZone: 'euw2-az2', cidr: '10.0.0.128/25' },
        { availabilityZone: 'euw2-az3', cidr: '10.0.1.0/25' },
      ],
      transit: [
        { availabilityZone: 'euw2-az1', cidr: '10.0.1.128/25' },
        { availabilityZone: 'euw2-az2', cidr: '10.0.2.0/25' },
        { availabilityZone: 'euw2-az3', cidr: '10.0.2.128/25' },
      ],
    });
  });

  test('three groups in a /21 get /25s', () => {
    const plan = planHubSubnets('10.0.8.0/21', ZONES, ['resolver', 'endpoints', 'transit']);
    expect(plan.groups.transit.map((s) => s.cidr)).toEqual([
      '10.0.11.0/25',
      '10.0.11.128/25',
      '10.0.12.0/25',
    ]);
  });

  test('refuses fewer than three zones and ranges too small for /28s', () => {
    expect(() => planHubSubnets('10.0.0.0/22', ZONES.slice(0, 2), ['a'])).toThrow(
      'a hub VPC needs three availability zones, got 2',
    );
    expect(() => planHubSubnets('10.0.0.0/26', ZONES, ['a', 'b'])).toThrow(
      '10.0.0.0/26 is too small for 6 hub subnets of at least /28',
    );
  });

  test('fixed resolver addresses sit at offset 10 of their subnet', () => {
    expect(hostAddress('10.0.8.0/25')).toBe('10.0.8.10');
  });
});

describe('planDirectConnect', () => {
  const sizing: DirectConnectSizing = {
    kind: 'directConnect',
    portSpeedMbps: 100_000,
    lagPorts: 2,
    lagsPerLocation: 1,
    gateways: [
      { gateway: 1, lanes: [1], tenants: ['RGR'], dns: true },
      { gateway: 2, lanes: [2], tenants: ['RDE'], dns: false },
    ],
    locations: ['EqLD5', 'Telehouse North, London'],
    locationsNeeded: 2,
    totalPorts: 4,
    transitVifs: 2,
  };
  const model = networkModel([
    { ods: 'RGR', onPremises: { connection: 'directConnect', cidrs: ['172.20.0.0/16'], asn: 64513 } },
    { ods: 'RDE', onPremises: { connection: 'directConnect', cidrs: ['172.21.0.0/16'], asn: 64515 } },
  ]);

  test('one LAG per location, ports and speed from the capacity plan', () => {
    const plan = planDirectConnect(model, sizing)!;
    expect(plan.lags).toEqual([
      { location: 'EqLD5', locationCode: 'EqLD5', index: 1, portSpeed: '100Gbps', ports: 2, minimumLinks: 1 },
      { location: 'Telehouse North, London', index: 1, portSpeed: '100Gbps', ports: 2, minimumLinks: 1 },
    ]);
    expect(unorderableLocations(plan)).toEqual(['Telehouse North, London']);
  });

  test('a gateway per group advertises only its members’ environments, and shared services where the resolvers are', () => {
    const plan = planDirectConnect(model, sizing)!;
    expect(plan.gateways.map((g) => [g.key, g.allowedPrefixes])).toEqual([
      ['DirectConnect', ['10.64.32.0/21', '10.64.40.0/21', '10.0.8.0/21']],
      ['DirectConnect2', ['10.64.0.0/21', '10.64.8.0/21']],
    ]);
  });

  test('each gateway gets its own private ASN, skipping the Transit Gateway and every tenant ASN', () => {
    expect(directConnectGatewayAsn(model)).toBe(64514);
    expect(planDirectConnect(model, sizing)!.gateways.map((g) => g.asn)).toEqual([64514, 64516]);
  });

  test('a gateway without transit VIFs at two locations is listed, to warn about', () => {
    expect(planDirectConnect(model, sizing)!.missingVifs).toEqual([
      'Direct Connect gateway 1 (RGR) has transit VIFs at 0 of 2 locations; add one per location to network.directConnect.transitVifs with the VLAN and ASN the CN-SP gives (until then it carries nothing)',
      'Direct Connect gateway 2 (RDE) has transit VIFs at 0 of 2 locations; add one per location to network.directConnect.transitVifs with the VLAN and ASN the CN-SP gives (until then it carries nothing)',
    ]);
  });

  test('nothing without Direct Connect sizing', () => {
    expect(planDirectConnect(model, undefined)).toBeUndefined();
  });
});

describe('planVpnLinks', () => {
  const vpn = (customerGatewayIps?: string[]) => ({
    connection: 'vpn' as const,
    cidrs: ['172.20.0.0/16'],
    asn: 65010,
    ...(customerGatewayIps ? { customerGatewayIps } : {}),
  });

  test('alternates the sized connections over the tenant devices', () => {
    const model = networkModel([{ ods: 'RGR', onPremises: vpn(['203.0.113.1', '203.0.113.2']) }]);
    expect(planVpnLinks(model, { RGR: 3 })).toEqual([
      {
        tenant: 'RGR',
        asn: 65010,
        customerGatewayIps: ['203.0.113.1', '203.0.113.2'],
        tunnelBandwidth: 'standard',
        connections: [
          { index: 1, customerGateway: 0 },
          { index: 2, customerGateway: 1 },
          { index: 3, customerGateway: 0 },
        ],
      },
    ]);
  });

  test('says why a tenant without device addresses gets nothing', () => {
    const [link] = planVpnLinks(networkModel([{ ods: 'RGR', onPremises: vpn() }]), { RGR: 4 });
    expect(link.connections).toEqual([]);
    expect(link.missing).toBe(
      'config/tenants/RGR.yaml: network.onPremises has no customerGatewayIps, so its 4 VPN connection(s) cannot be built',
    );
  });
});

describe('planDns', () => {
  test('forwards each domain to the on-premises resolvers and fixes the inbound addresses', () => {
    const model = networkModel([]);
    const subnets = planHubSubnets('10.0.8.0/21', ZONES, ['resolver', 'endpoints', 'transit']);
    const dns = planDns(model.estate, subnets);
    expect(dns.forwardRules).toEqual([
      { id: 'hscn-nhs-uk', domain: 'hscn.nhs.uk', targetIps: ['172.31.255.10'] },
    ]);
    expect(dns.inboundIps.map((a) => a.ip)).toEqual(['10.0.8.10', '10.0.8.138', '10.0.9.10']);
    expect(dns.privateZones.map((z) => z.zoneName)).toContain('ssm.eu-west-2.amazonaws.com');
    expect(dns.blockedDomains).toContain('dns.google');
  });
});

describe('planNetwork', () => {
  test('composes the plans from the capacity sizing', () => {
    const model = networkModel(
      [
        {
          ods: 'RGR',
          onPremises: {
            connection: 'vpn',
            cidrs: ['172.20.0.0/16'],
            asn: 65010,
            customerGatewayIps: ['203.0.113.1'],
          },
        },
      ],
      { dxLocations: ['EqLD5', 'TCSH'] },
    );
    const plan = planNetwork(model, planCapacity(model).hub);
    expect(plan.directConnect).toBeUndefined(); // no tenant uses Direct Connect
    expect(plan.vpnLinks[0].connections.length).toBe(planCapacity(model).hub.vpnConnections.RGR);
    expect(plan.shards.map((s) => s.tenants)).toEqual([['RGR']]);
    expect(plan.ruleGroups.map((g) => g.name)).toEqual(['nhs-cloud-segmentation']);
  });
});
