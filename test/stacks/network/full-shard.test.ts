import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { planCapacity } from '../../../lib/planners/capacity/plan-capacity';
import { planNetwork } from '../../../lib/planners/hub/network-plan';
import { hubReferences } from '../../../lib/stacks/network/hub-references';
import { shardInputs } from '../../../lib/planners/hub/hub-stack-inputs';
import { SHARD_MAX_RESOURCES, SHARD_MAX_TEMPLATE_BYTES, shardOf } from '../../../lib/planners/shards';
import { landingZoneOf } from '../../../lib/config/schema/landing-zone-schema';
import { HubShardStack } from '../../../lib/stacks/network/hub-shard-stack';
import { NetworkHubStack } from '../../../lib/stacks/network/network-hub-stack';
import { networkModel } from '../../planners/segmentation/network-model';

/**
 * The fullest shard any estate can have: all 31 ODS codes that map to shard 0, each with two
 * environments and a VPN. Only the hub and that shard are synthesized (no tenant stacks).
 */
const REST = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const codes = [...'RQX']
  .flatMap((a) => [...REST].flatMap((b) => [...REST].map((c) => `${a}${b}${c}`)))
  .filter((c) => shardOf(c) === 0);
const model = networkModel(
  codes.map((ods, i) => ({
    ods,
    onPremises: {
      connection: 'vpn' as const,
      cidrs: [`172.20.${i}.0/24`],
      asn: 65001 + i,
      customerGatewayIps: [`203.0.113.${i + 1}`],
    },
  })),
);
const capacity = planCapacity(model);
const plan = planNetwork(model, capacity.hub);
const app = new App({
  analyticsReporting: false,
  context: { '@aws-cdk/core:defaultCrossStackReferences': 'weak' },
});
new NetworkHubStack(app, 'Core-Network', {
  model,
  landingZone: landingZoneOf(model.estate),
  plan,
  capacity,
});
const hub = hubReferences(model.estate, plan);
const [shard] = plan.shards;
const stack = new HubShardStack(app, shard.stackName, {
  estate: model.estate,
  inputs: shardInputs(model, plan, shard),
  hub,
  routeTableIds: hub.routeTableIds,
});
const template = Template.fromStack(stack).toJSON();

test('holds 31 tenants', () => {
  expect(shard.tenants).toHaveLength(31);
});

test('stays inside the resource budget, with exactly the planned resources', () => {
  expect(Object.keys(template.Resources)).toHaveLength(shard.resources);
  expect(shard.resources).toBeLessThanOrEqual(SHARD_MAX_RESOURCES);
});

test('stays inside the template size budget (written as cdk writes it)', () => {
  const bytes = Buffer.byteLength(JSON.stringify(template, undefined, 1));
  expect(bytes).toBeLessThanOrEqual(SHARD_MAX_TEMPLATE_BYTES);
  // Recorded in docs/network.md: about 0.5 KB per resource (405 resources, 212 KB).
  expect(bytes / shard.resources).toBeLessThan(1024);
});
