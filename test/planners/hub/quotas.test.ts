import { planCapacity } from '../../../lib/planners/capacity/plan-capacity';
import { planNetwork } from '../../../lib/planners/hub/network-plan';
import { QuotaRow } from '../../../lib/planners/hub/quotas';
import { estateModel } from '../capacity/estate-builder';

const rows = (quotas: readonly QuotaRow[]) =>
  Object.fromEntries(quotas.map((q) => [q.name, [q.needed, q.request?.value ?? null, q.problem ?? null]]));

describe('planQuotas: route tables, routes and what the lanes multiply', () => {
  test('one lane fits every default', () => {
    const model = estateModel([{ ods: 'RGR', peakMbps: 800, environments: ['prod', 'nonprod'] }]);
    const quotas = planNetwork(model, planCapacity(model).hub).quotas;
    expect(quotas.filter((q) => q.request || q.problem)).toEqual([]);
    expect(rows(quotas)['Transit gateway route tables per transit gateway']).toEqual([6, null, null]);
  });

  // 25 tenants of 90 Gbps: one lane each (two do not fit 120 Gbps).
  const model = estateModel(
    Array.from({ length: 25 }, (_, i) => ({ ods: `RB${String.fromCharCode(65 + i)}`, peakMbps: 9000 })),
  );
  const plan = planNetwork(model, planCapacity(model).hub);

  test('25 lanes: the counts follow the plan, and each default that is too small is a stated request', () => {
    expect(plan.sizing.lanes.count).toBe(25);
    expect(rows(plan.quotas)).toEqual({
      // Lane 1's six tables, then tenants-prod and post-inspection for each further lane.
      'Transit gateway route tables per transit gateway': [6 + 24 * 2, 68, null],
      // Static: lane 1 14, each further lane 6, RBA's tier blackhole, 24 return routes;
      // propagated: each spoke into its lane, shared services into all 25.
      'Total combined routes (dynamic and static) across all route tables for a single transit gateway': [
        14 + 24 * 6 + 1 + 24 + 25 + 25,
        null,
        null,
      ],
      'Attachments per transit gateway': [25 + 25 * 2 + 1, null, null],
      'Network Firewall: firewalls per account per Region': [25, 32, null],
      'VPCs per Region': [50, 63, null],
      'Internet gateways per Region': [25, 32, null],
      'NAT gateways per Availability Zone': [25, 32, null],
      'EC2-VPC Elastic IPs per Region': [75, 94, null],
      'Direct Connect gateways per transit gateway': [0, null, null],
    });
    expect(plan.quotas.find((q) => q.request)?.request?.why).toBe(
      '54 needed: 25 lanes, each with its own route tables',
    );
  });

  test('the route count matches the plan: every static route and each prefix a propagation brings', () => {
    const statics = plan.segmentation.routes.length;
    const propagated = plan.segmentation.propagations.length;
    expect(statics + propagated).toBe(14 + 24 * 6 + 1 + 24 + 25 + 25);
  });
});
