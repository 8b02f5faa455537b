import { landingZoneOf } from '../../../lib/config/schema/landing-zone-schema';
import { organizationScope } from '../../../lib/planners/landing-zone/organization-scope';
import { fixtureModel } from '../../support/fixture-estate';

const model = fixtureModel();

describe('organizationScope', () => {
  it('uses the organization ID when config has it', () => {
    expect(
      organizationScope(model, landingZoneOf({ landingZone: { organizationId: 'o-a1b2c3d4e5' } })),
    ).toEqual({
      sourceKey: 'aws:SourceOrgID',
      principalKey: 'aws:PrincipalOrgID',
      values: ['o-a1b2c3d4e5'],
    });
  });

  it('falls back to every account ID in config, core and tenant, sorted', () => {
    const scope = organizationScope(model, landingZoneOf({}));
    expect(scope.sourceKey).toBe('aws:SourceAccount');
    expect(scope.principalKey).toBe('aws:PrincipalAccount');
    expect(scope.values).toContain('100000000001');
    expect(scope.values).toContain('200000003039'); // QHM prod
    expect([...scope.values]).toEqual([...scope.values].sort());
    expect(new Set(scope.values).size).toBe(scope.values.length);
  });
});
