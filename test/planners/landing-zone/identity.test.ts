import { environmentsOf } from '../../../lib/config/model';
import { landingZoneOf } from '../../../lib/config/schema/landing-zone-schema';
import {
  groupName,
  platformGroupNames,
  PERMISSION_SETS,
  planCoreAssignments,
  planTenantAssignments,
} from '../../../lib/planners/landing-zone/identity';
import { fixtureModel } from '../../support/fixture-estate';

const model = fixtureModel();
const identity = landingZoneOf({
  landingZone: {
    identity: {
      instanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef',
      identityStoreId: 'd-0123456789',
    },
  },
}).identity!;
const rgr = environmentsOf(
  model.tenants.find((t) => t.odsCode === 'RGR')!,
  model.estate,
);
const summary = (a: { id: string; accountId: string; permissionSet: string; group: string }) =>
  `${a.id} ${a.accountId} ${a.permissionSet} ${a.group}`;

describe('PERMISSION_SETS', () => {
  it('defines the five permission sets, and ReadOnly cannot read data contents', () => {
    expect(Object.keys(PERMISSION_SETS)).toEqual([
      'PlatformAdmin',
      'TenantAdmin',
      'TenantDeveloper',
      'ReadOnly',
      'SecurityAudit',
    ]);
    expect(PERMISSION_SETS.ReadOnly.managedPolicies).toEqual([
      'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
    ]);
    expect(PERMISSION_SETS.TenantDeveloper.managedPolicies).toEqual([
      'arn:aws:iam::aws:policy/PowerUserAccess',
    ]);
  });
});

describe('groupName', () => {
  it('fills the pattern', () => {
    expect(
      groupName('{estate}-{odsCode}-{role}', { estate: 'nhs-cloud', odsCode: 'RGR', role: 'admin' }),
    ).toBe('nhs-cloud-RGR-admin');
    expect(groupName('AWS {role} ({estate})', { estate: 'nhs-cloud', role: 'read-only' })).toBe(
      'AWS read-only (nhs-cloud)',
    );
  });
});

describe('planTenantAssignments', () => {
  it('gives developers PowerUser in nonprod but only ReadOnly in prod', () => {
    const [prod, nonprod] = [rgr.find((e) => e.name === 'prod')!, rgr.find((e) => e.name === 'nonprod')!];
    expect(planTenantAssignments(prod, model.estate, identity).map(summary)).toEqual([
      `prod-admin ${prod.accountId} TenantAdmin nhs-cloud-RGR-admin`,
      `prod-developer ${prod.accountId} ReadOnly nhs-cloud-RGR-developer`,
      `prod-read-only ${prod.accountId} ReadOnly nhs-cloud-RGR-read-only`,
      `prod-platform-admin ${prod.accountId} PlatformAdmin nhs-cloud-platform-admin`,
      `prod-platform-security-audit ${prod.accountId} SecurityAudit nhs-cloud-platform-security-audit`,
      `prod-platform-read-only ${prod.accountId} ReadOnly nhs-cloud-platform-read-only`,
    ]);
    expect(planTenantAssignments(nonprod, model.estate, identity)[1]).toMatchObject({
      permissionSet: 'TenantDeveloper',
    });
  });

  it('assigns nothing to an environment with no account yet', () => {
    expect(planTenantAssignments({ ...rgr[0]!, accountId: undefined }, model.estate, identity)).toEqual([]);
  });
});

describe('planCoreAssignments', () => {
  it('gives the platform groups every core account, but no administrator in the management account', () => {
    const core = planCoreAssignments(model.estate, identity);
    expect(core.filter((a) => a.accountId === '100000000001').map((a) => a.permissionSet)).toEqual([
      'SecurityAudit',
      'ReadOnly',
    ]);
    expect(core.filter((a) => a.accountId === '100000000002').map((a) => a.permissionSet)).toEqual([
      'PlatformAdmin',
      'SecurityAudit',
      'ReadOnly',
    ]);
    expect(new Set(core.map((a) => a.accountId)).size).toBe(7);
    expect(platformGroupNames(model.estate.name, identity)).toEqual([
      'nhs-cloud-platform-admin',
      'nhs-cloud-platform-security-audit',
      'nhs-cloud-platform-read-only',
    ]);
    expect(new Set(core.map((a) => a.group))).toEqual(
      new Set(platformGroupNames(model.estate.name, identity)),
    );
  });
});
