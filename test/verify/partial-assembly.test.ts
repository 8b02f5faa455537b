import { verifyNetwork } from '../../lib/verify/verify-network';
import { fixtureModel } from '../support/fixture-estate';
import { synthStacks } from './support/synth-example';

/*
 * `nhs-cloud check` proves a single-tenant synth (`-c tenant=ODS`). Its hub stacks still look up
 * other tenants' attachments (national services in every lane), whose stacks it leaves out.
 */
describe('verify-network on a -c tenant=RGR assembly', () => {
  const model = fixtureModel();
  const stacks = synthStacks(model, { onlyTenant: 'RGR' });

  test('leaves out the hub lookups of tenants the assembly does not hold, and proves the rest', () => {
    const result = verifyNetwork(stacks, model, { partialTenant: 'RGR' });
    expect(result.violations).toEqual([]);
    expect(result.network.outside.length).toBeGreaterThan(0);
    for (const o of result.network.outside)
      expect(o.problem).toMatch(/has no stack in this -c tenant=RGR assembly$/);
  });

  test('read as a full assembly, the same lookups are gaps: the deploy would wait on them', () => {
    const result = verifyNetwork(stacks, model);
    expect(result.network.outside).toEqual([]);
    const gaps = result.violations.filter((v) => v.check === 'model');
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps[0].message).toMatch(
      /no attachment in the assembly matches, so the deploy would wait and fail/,
    );
  });

  test('a tenant whose stack the assembly holds is never left out', () => {
    const result = verifyNetwork(stacks, model, { partialTenant: 'RGR' });
    const rgrAccounts = Object.values(model.tenants.find((t) => t.odsCode === 'RGR')!.environments).map(
      (e) => e.accountId,
    );
    for (const o of result.network.outside) for (const a of rgrAccounts) expect(o.problem).not.toContain(a!);
  });
});
