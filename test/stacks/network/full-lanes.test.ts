import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { landingZoneOf } from '../../../lib/config/schema/landing-zone-schema';
import { planCapacity } from '../../../lib/planners/capacity/plan-capacity';
import { LANE_FIXED_RESOURCES } from '../../../lib/planners/hub/lane-stacks';
import { planNetwork } from '../../../lib/planners/hub/network-plan';
import { laneInputs, returnsInputs } from '../../../lib/planners/hub/hub-stack-inputs';
import { hubReferences } from '../../../lib/stacks/network/hub-references';
import { SHARD_MAX_RESOURCES, SHARD_MAX_TEMPLATE_BYTES, shardOf } from '../../../lib/planners/shards';
import { HubReturnsStack } from '../../../lib/stacks/network/hub-returns-stack';
import { NetworkHubStack } from '../../../lib/stacks/network/network-hub-stack';
import { NetworkLaneStack } from '../../../lib/stacks/network/network-lane-stack';
import { NetTenant, networkModel } from '../../planners/segmentation/network-model';

/**
 * The fullest lane-era stacks any estate can have (docs/adr/0024-hub-lanes.md), without
 * synthesizing tenant stacks:
 *
 * - the returns stack of the fullest shard: all 31 ODS codes of shard 0, each with two
 *   environments and an on-premises link, pinned outside lane 1, with national services in
 *   four other lanes (so each prod environment needs four national return routes);
 * - a lane stack reached by 40 national services;
 * - Core-Network with the most Direct Connect gateways a Transit Gateway takes (20), each with
 *   a transit VIF at both locations.
 */
const REST = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const allCodes = [...'RQX'].flatMap((a) => [...REST].flatMap((b) => [...REST].map((c) => `${a}${b}${c}`)));
const shard0 = allCodes.filter((c) => shardOf(c) === 0);
const nationals = allCodes.filter((c) => c.startsWith('X') && shardOf(c) !== 0).slice(0, 40);
const gateways = 20;
const tenants: NetTenant[] = [
  ...shard0.map((ods, i) => ({
    ods,
    lane: 2 + (i % 2),
    onPremises: {
      connection: 'vpn' as const,
      cidrs: [`172.20.${i}.0/24`],
      asn: 65001 + i,
      customerGatewayIps: [`203.0.113.${i + 1}`],
    },
  })),
  ...nationals.map((ods, i) => ({
    ods,
    scope: 'national' as const,
    lane: [1, 4, 5, 6][i % 4],
    environments: ['prod'],
  })),
  // One 100 Gbps Direct Connect tenant per gateway: two do not fit one 180 Gbps gateway.
  ...Array.from({ length: gateways }, (_, i) => ({
    ods: `R${REST[30 + Math.floor(i / 36)]}${REST[i % 36]}`,
    peakMbps: 10_000,
    environments: ['prod'],
    onPremises: { connection: 'directConnect' as const, cidrs: [`172.30.${i}.0/24`], asn: 64600 + i },
  })),
];
const model = networkModel(tenants, {
  lanesRange: '10.1.0.0/16',
  dxLocations: ['EqLD5', 'TCSH'],
  transitVifs: Array.from({ length: gateways }, (_, g) =>
    ['EqLD5', 'TCSH'].map((location) => ({ gateway: g + 1, location, vlan: 100 + g, asn: 64496 })),
  ).flat(),
});
const capacity = planCapacity(model);
const plan = planNetwork(model, capacity.hub);
const app = new App({
  analyticsReporting: false,
  context: { '@aws-cdk/core:defaultCrossStackReferences': 'weak' },
});
const hubStack = new NetworkHubStack(app, 'Core-Network', {
  model,
  landingZone: landingZoneOf(model.estate),
  plan,
  capacity,
});
const hub = hubReferences(model.estate, plan);
const lanes = plan.laneStacks.map(
  (lane) =>
    new NetworkLaneStack(app, lane.stackName, { estate: model.estate, inputs: laneInputs(plan, lane), hub }),
);
const { routeTableIds, attachmentIds } = hub;
const returnsPlan = plan.returns.find((r) => r.index === 0)!;
const returns = new HubReturnsStack(app, returnsPlan.stackName, {
  estate: model.estate,
  inputs: returnsInputs(plan, returnsPlan),
  routeTableIds,
  attachmentIds,
});
const measure = (stack: Stack) => {
  const template = Template.fromStack(stack).toJSON();
  return {
    resources: Object.keys(template.Resources).length,
    bytes: Buffer.byteLength(JSON.stringify(template, undefined, 1)),
  };
};

test('the plan is what the fixture means: 20 gateways, national services in four lanes, shard 0 outside lane 1', () => {
  expect(capacity.errors).toEqual([]);
  expect(capacity.hub.directConnect?.gateways).toHaveLength(gateways);
  const nationalLanes = new Set(nationals.map((c) => capacity.hub.lanes.laneOf[c]));
  expect([...nationalLanes].sort()).toEqual([1, 4, 5, 6]);
  expect(returnsPlan.tenants).toEqual([...shard0].sort());
});

test('the fullest returns stack: 31 tenants x (2 shared-services + 2 on-premises + 4 national) routes, in budget', () => {
  const { resources, bytes } = measure(returns);
  expect(resources).toBe(returnsPlan.resources);
  expect(resources).toBe(31 * 8);
  expect(resources).toBeLessThanOrEqual(SHARD_MAX_RESOURCES);
  expect(bytes).toBeLessThanOrEqual(SHARD_MAX_TEMPLATE_BYTES);
});

test('a lane stack is its fixed VPCs and firewall plus exactly what the plan homes in it, in budget', () => {
  for (const lane of lanes) {
    const { resources, bytes } = measure(lane);
    expect({ lane: lane.stackName, resources }).toEqual({
      lane: lane.stackName,
      resources: LANE_FIXED_RESOURCES + lane.plan.planned,
    });
    expect(resources).toBeLessThanOrEqual(SHARD_MAX_RESOURCES);
    expect(bytes).toBeLessThanOrEqual(SHARD_MAX_TEMPLATE_BYTES);
  }
  // Lane 2 is reached by the national services of lanes 1, 4, 5 and 6.
  expect(lanes.find((l) => l.plan.lane === 2)!.plan.lookups).toHaveLength(nationals.length);
});

test('Core-Network with 20 Direct Connect gateways and their transit VIFs stays in budget', () => {
  const { resources, bytes } = measure(hubStack);
  Template.fromStack(hubStack).resourceCountIs('AWS::DirectConnect::DirectConnectGateway', gateways);
  Template.fromStack(hubStack).resourceCountIs('AWS::DirectConnect::TransitVirtualInterface', 2 * gateways);
  expect(resources).toBeLessThanOrEqual(SHARD_MAX_RESOURCES);
  expect(bytes).toBeLessThanOrEqual(SHARD_MAX_TEMPLATE_BYTES);
});
