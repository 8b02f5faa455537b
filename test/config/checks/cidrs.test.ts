import { defaultTenants, edit, errorsOf, ESTATE, tenantText, withOnPremises } from '../helpers';

const trust = tenantText('RAA', 1);
const national = tenantText('X26', 2);
const ENV_HINT =
  '  hint: every environment needs address space no other network uses; `nhs-cloud onboard` allocates a free block';
const ONPREM_HINT =
  '  hint: the hub cannot route one range to two places; check with the network teams which organisation owns it';

describe('tenant CIDRs: supernet and prefix', () => {
  test.each([
    {
      case: 'outside tenantSupernet',
      cidr: '10.200.16.0/21',
      expected: [
        'config/tenants/RAA.yaml:15:11 environments.prod.cidr: expected a CIDR inside tenantSupernet 10.64.0.0/10, got 10.200.16.0/21\n' +
          '  hint: run `nhs-cloud onboard` to allocate a free block, or pick one inside the supernet',
      ],
    },
    {
      case: 'longer prefix than /24',
      cidr: '10.64.16.0/25',
      expected: [
        'config/tenants/RAA.yaml:15:11 environments.prod.cidr: expected a prefix between /16 and /24, got /25\n' +
          '  hint: a /21 (2,048 addresses) suits most environments',
      ],
    },
    {
      case: 'shorter prefix than /16',
      cidr: '10.66.0.0/15',
      expected: [
        'config/tenants/RAA.yaml:15:11 environments.prod.cidr: expected a prefix between /16 and /24, got /15\n' +
          '  hint: a /21 (2,048 addresses) suits most environments',
      ],
    },
    { case: 'exactly /16 is allowed', cidr: '10.65.0.0/16', expected: [] },
    { case: 'exactly /24 is allowed', cidr: '10.64.16.0/24', expected: [] },
  ])('$case', ({ cidr, expected }) => {
    const tenants = { ...defaultTenants(), RAA: edit(trust, 'cidr: 10.64.16.0/21', `cidr: ${cidr}`) };
    expect(errorsOf(ESTATE, tenants)).toEqual(expected);
  });
});

describe('overlaps', () => {
  test('two tenants: reported on the later block, naming the other and its file', () => {
    // RAA prod 10.64.0.0/20 covers both of QAA's /21s.
    const tenants = { ...defaultTenants(), RAA: edit(trust, 'cidr: 10.64.16.0/21', 'cidr: 10.64.0.0/20') };
    expect(errorsOf(ESTATE, tenants)).toEqual([
      'config/tenants/QAA.yaml:14:11 environments.prod.cidr: expected an address range of its own, got 10.64.0.0/21, which overlaps 10.64.0.0/20 (RAA prod in config/tenants/RAA.yaml:15:11)\n' +
        ENV_HINT,
      'config/tenants/QAA.yaml:17:11 environments.nonprod.cidr: expected an address range of its own, got 10.64.8.0/21, which overlaps 10.64.0.0/20 (RAA prod in config/tenants/RAA.yaml:15:11)\n' +
        ENV_HINT,
    ]);
  });

  test('two environments of one tenant overlap: each is its own VPC, so that is an error', () => {
    const tenants = { ...defaultTenants(), RAA: edit(trust, 'cidr: 10.64.24.0/21', 'cidr: 10.64.16.0/22') };
    expect(errorsOf(ESTATE, tenants)).toEqual([
      'config/tenants/RAA.yaml:18:11 environments.nonprod.cidr: expected an address range of its own, got 10.64.16.0/22, which overlaps 10.64.16.0/21 (RAA prod in config/tenants/RAA.yaml:15:11)\n' +
        ENV_HINT,
    ]);
  });

  test('tenant vs hub ranges: reported on the tenant, which is the one to move', () => {
    const tenants = { ...defaultTenants(), RAA: edit(trust, 'cidr: 10.64.16.0/21', 'cidr: 10.0.0.0/21') };
    expect(errorsOf(ESTATE, tenants)).toEqual([
      'config/tenants/RAA.yaml:15:11 environments.prod.cidr: expected a CIDR inside tenantSupernet 10.64.0.0/10, got 10.0.0.0/21\n' +
        '  hint: run `nhs-cloud onboard` to allocate a free block, or pick one inside the supernet',
      'config/tenants/RAA.yaml:15:11 environments.prod.cidr: expected an address range of its own, got 10.0.0.0/21, which overlaps 10.0.0.0/22 (hub range inspection in config/estate.yaml:17:17)\n' +
        ENV_HINT,
      'config/tenants/RAA.yaml:15:11 environments.prod.cidr: expected an address range of its own, got 10.0.0.0/21, which overlaps 10.0.4.0/22 (hub range egress in config/estate.yaml:18:13)\n' +
        ENV_HINT,
    ]);
  });

  test("tenant vs another tenant's on-premises range: reported on the environment", () => {
    const tenants = { ...defaultTenants(), X26: withOnPremises(national, '10.64.16.0/20') };
    expect(errorsOf(ESTATE, tenants)).toEqual([
      'config/tenants/RAA.yaml:15:11 environments.prod.cidr: expected an address range of its own, got 10.64.16.0/21, which overlaps 10.64.16.0/20 (X26 on-premises in config/tenants/X26.yaml:13:13)\n' +
        ENV_HINT,
      'config/tenants/RAA.yaml:18:11 environments.nonprod.cidr: expected an address range of its own, got 10.64.24.0/21, which overlaps 10.64.16.0/20 (X26 on-premises in config/tenants/X26.yaml:13:13)\n' +
        ENV_HINT,
    ]);
  });

  test("a tenant's environment inside its own on-premises range is still an error", () => {
    const tenants = { ...defaultTenants(), RAA: withOnPremises(trust, '10.64.24.0/21') };
    expect(errorsOf(ESTATE, tenants)).toEqual([
      'config/tenants/RAA.yaml:22:11 environments.nonprod.cidr: expected an address range of its own, got 10.64.24.0/21, which overlaps 10.64.24.0/21 (RAA on-premises in config/tenants/RAA.yaml:14:13)\n' +
        ENV_HINT,
    ]);
  });

  test('on-premises ranges of different tenants', () => {
    const tenants = {
      ...defaultTenants(),
      RAA: withOnPremises(trust, '172.20.0.0/16'),
      X26: withOnPremises(national, '172.16.0.0/12'),
    };
    expect(errorsOf(ESTATE, tenants)).toEqual([
      'config/tenants/RAA.yaml:14:13 network.onPremises.cidrs[0]: expected an address range of its own, got 172.20.0.0/16, which overlaps 172.16.0.0/12 (X26 on-premises in config/tenants/X26.yaml:13:13)\n' +
        ONPREM_HINT,
    ]);
  });

  test("one tenant's own on-premises ranges may nest: they all route to the same connection", () => {
    const tenants = { ...defaultTenants(), RAA: withOnPremises(trust, '172.16.0.0/12, 172.20.0.0/16') };
    expect(errorsOf(ESTATE, tenants)).toEqual([]);
  });

  test('but the same on-premises range listed twice is a mistake', () => {
    const tenants = { ...defaultTenants(), RAA: withOnPremises(trust, '172.20.0.0/16, 172.20.0.0/16') };
    expect(errorsOf(ESTATE, tenants)).toEqual([
      'config/tenants/RAA.yaml:14:28 network.onPremises.cidrs[1]: expected each range once, got 172.20.0.0/16 twice\n' +
        '  hint: remove the repeated entry; each range needs to be listed once',
    ]);
  });

  test('every overlapping pair is reported, even behind a range of the same owner', () => {
    // Regression: the sweep compared each block only with the widest open one, so when that
    // was X26's own /12 the overlap between X26's /24 and RAA's /16 went unreported.
    const tenants = {
      ...defaultTenants(),
      RAA: withOnPremises(trust, '172.20.0.0/16'),
      X26: withOnPremises(national, '172.16.0.0/12, 172.20.0.0/24'),
    };
    expect(errorsOf(ESTATE, tenants)).toEqual([
      'config/tenants/RAA.yaml:14:13 network.onPremises.cidrs[0]: expected an address range of its own, got 172.20.0.0/16, which overlaps 172.16.0.0/12 (X26 on-premises in config/tenants/X26.yaml:13:13)\n' +
        ONPREM_HINT,
      'config/tenants/X26.yaml:13:28 network.onPremises.cidrs[1]: expected an address range of its own, got 172.20.0.0/24, which overlaps 172.20.0.0/16 (RAA on-premises in config/tenants/RAA.yaml:14:13)\n' +
        ONPREM_HINT,
    ]);
  });
});

describe('hub ranges', () => {
  test('a hub range inside tenantSupernet', () => {
    expect(errorsOf(edit(ESTATE, 'egress: 10.0.4.0/22', 'egress: 10.127.0.0/22'))).toEqual([
      'config/estate.yaml:18:13 network.hub.egress: expected a hub range outside tenantSupernet 10.64.0.0/10, got 10.127.0.0/22\n' +
        '  hint: hub ranges and the tenant pool must not overlap',
    ]);
  });

  test('a hub range wider than tenantSupernet', () => {
    // Regression: the check used contains(), which misses a hub range that contains the pool.
    const estate = edit(
      edit(ESTATE, 'tenantSupernet: 10.64.0.0/10', 'tenantSupernet: 10.64.0.0/16'),
      'inspection: 10.0.0.0/22',
      'inspection: 10.64.0.0/15',
    );
    expect(errorsOf(estate, {})).toEqual([
      'config/estate.yaml:17:17 network.hub.inspection: expected a hub range outside tenantSupernet 10.64.0.0/16, got 10.64.0.0/15\n' +
        '  hint: hub ranges and the tenant pool must not overlap',
    ]);
  });

  test('two hub ranges overlapping each other', () => {
    expect(errorsOf(edit(ESTATE, 'egress: 10.0.4.0/22', 'egress: 10.0.0.0/22'))).toEqual([
      'config/estate.yaml:18:13 network.hub.egress: expected an address range of its own, got 10.0.0.0/22, which overlaps 10.0.0.0/22 (hub range inspection in config/estate.yaml:17:17)\n' +
        '  hint: choose hub ranges that no other network uses',
    ]);
  });
});
