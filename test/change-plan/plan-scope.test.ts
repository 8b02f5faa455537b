import { planScope, requireTenantsOnBothSides } from '../../lib/change-plan/plan-scope';
import { PlanScope } from '../../lib/change-plan/types';

describe('planScope', () => {
  test.each<[string, string[], PlanScope]>([
    [
      'docs only',
      ['docs/onboarding.md', 'README.md'],
      { kind: 'none', reason: 'no file that reaches a template changed' },
    ],
    [
      'tests and workflows only',
      ['test/cli/plan.test.ts', '.github/workflows/pr.yml'],
      { kind: 'none', reason: 'no file that reaches a template changed' },
    ],
    ['one tenant file', ['config/tenants/RGR.yaml'], { kind: 'tenants', tenants: ['RGR'] }],
    [
      'tenant files, docs and editor schemas',
      ['config/tenants/RX6.yaml', 'config/tenants/RGR.yaml', 'docs/x.md', 'config/schema/tenant.schema.json'],
      { kind: 'tenants', tenants: ['RGR', 'RX6'] },
    ],
    [
      'a tenant and code',
      ['config/tenants/RGR.yaml', 'lib/stacks/x.ts'],
      { kind: 'full', reason: 'lib/stacks/x.ts changed' },
    ],
    [
      'a tenant and its allowDestructive entry',
      ['config/tenants/RGR.yaml', 'config/exceptions.yaml'],
      { kind: 'tenants', tenants: ['RGR'] },
    ],
    [
      'estate settings',
      ['config/estate.yaml', 'lib/app/x.ts', 'config/exceptions.yaml'],
      { kind: 'full', reason: 'config/estate.yaml and 1 more changed' },
    ],
    [
      'more tenants than narrowing is worth',
      [
        'config/tenants/RA1.yaml',
        'config/tenants/RA2.yaml',
        'config/tenants/RA3.yaml',
        'config/tenants/RA4.yaml',
      ],
      { kind: 'full', reason: '4 tenants changed (narrowing stops at 3)' },
    ],
    [
      'a tenant file of another config directory',
      ['other/tenants/RGR.yaml'],
      { kind: 'full', reason: 'other/tenants/RGR.yaml changed' },
    ],
  ])('%s', (_name, files, expected) => {
    expect(planScope(files, 'config')).toEqual(expected);
  });

  test('honours --config, with or without a trailing slash', () => {
    expect(planScope(['estates/big/tenants/RGR.yaml'], 'estates/big/')).toEqual({
      kind: 'tenants',
      tenants: ['RGR'],
    });
    expect(planScope(['config/tenants/RGR.yaml'], 'estates/big')).toEqual({
      kind: 'full',
      reason: 'config/tenants/RGR.yaml changed',
    });
  });
});

describe('requireTenantsOnBothSides', () => {
  const both = new Set(['RGR', 'RDE']);
  test('keeps the narrowing when every tenant is on both sides', () => {
    const scope: PlanScope = { kind: 'tenants', tenants: ['RGR'] };
    expect(requireTenantsOnBothSides(scope, both, both)).toBe(scope);
  });
  test.each<[string, Set<string>, Set<string>, string]>([
    ['added', new Set(['RDE']), both, 'new tenant RGR: -c tenant= narrows only to a tenant both sides have'],
    [
      'removed',
      both,
      new Set(['RDE']),
      'removed tenant RGR: -c tenant= narrows only to a tenant both sides have',
    ],
  ])('a tenant %s by the change means a full synthesis', (_name, base, head, reason) => {
    expect(requireTenantsOnBothSides({ kind: 'tenants', tenants: ['RGR'] }, base, head)).toEqual({
      kind: 'full',
      reason,
    });
  });
});
