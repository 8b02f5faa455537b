import { App, Stack } from 'aws-cdk-lib';
import { planCapacity } from '../../../lib/planners/capacity/plan-capacity';
import { planHubOutputs } from '../../../lib/planners/hub/hub-outputs';
import { planNetwork } from '../../../lib/planners/hub/network-plan';
import { publishHubOutputs } from '../../../lib/stacks/network/hub-references';
import { networkModel } from '../segmentation/network-model';

const model = networkModel(
  [
    { ods: 'RA1', lane: 1, peakMbps: 6_000 },
    { ods: 'RA2', lane: 2, peakMbps: 6_000 },
  ],
  { lanesRange: '10.1.0.0/16' },
);
const plan = planNetwork(model, planCapacity(model).hub);
const outputs = planHubOutputs(plan);

describe('planHubOutputs', () => {
  test('every route table and lane attachment is published exactly once, in the stack of its lane', () => {
    const tables = outputs.flatMap((o) => (o.value.kind === 'routeTable' ? [o.value.key] : []));
    expect(tables.sort()).toEqual(plan.segmentation.tables.map((t) => t.key).sort());
    const at = (key: string) => outputs.find((o) => o.value.kind === 'attachment' && o.value.key === key);
    expect(at('Inspection')).toEqual({
      stackName: 'Core-Network',
      outputName: 'AttachmentInspection',
      value: { kind: 'attachment', key: 'Inspection' },
    });
    expect(at('EgressLane02')?.stackName).toBe('Core-Network-Lane-02');
    expect(outputs.find((o) => o.value.kind === 'routeTable' && o.value.key === 'tenants-prod@2')).toEqual({
      stackName: 'Core-Network-Lane-02',
      outputName: 'RouteTableTenantsProd',
      value: { kind: 'routeTable', key: 'tenants-prod@2' },
    });
  });

  test('output names are unique within each stack and valid logical IDs', () => {
    const byStack = new Map<string, string[]>();
    for (const o of outputs) byStack.set(o.stackName, [...(byStack.get(o.stackName) ?? []), o.outputName]);
    for (const names of byStack.values()) expect(new Set(names).size).toBe(names.length);
    for (const o of outputs) expect(o.outputName).toMatch(/^[A-Za-z0-9]{1,255}$/);
  });

  test('the Transit Gateway, tenant pool and firewall policy come from Core-Network', () => {
    expect(outputs.filter((o) => !('key' in o.value)).map((o) => [o.stackName, o.outputName])).toEqual([
      ['Core-Network', 'TransitGatewayId'],
      ['Core-Network', 'TenantPoolId'],
      ['Core-Network', 'FirewallPolicyArn'],
    ]);
  });
});

describe('publishHubOutputs', () => {
  const core = outputs.filter((o) => o.stackName === 'Core-Network');

  test('a planned output the stack has no value for is a bug, named', () => {
    const stack = new Stack(new App(), 'Core-Network');
    expect(() => publishHubOutputs(stack, core, { routeTableIds: {}, attachmentIds: {} })).toThrow(
      'Core-Network has no value for its output TransitGatewayId',
    );
  });

  test('an output planned in another stack is refused', () => {
    const stack = new Stack(new App(), 'Core-Network-Lane-02');
    expect(() => publishHubOutputs(stack, core, { routeTableIds: {}, attachmentIds: {} })).toThrow(
      'TransitGatewayId is planned in Core-Network, not Core-Network-Lane-02',
    );
  });
});
