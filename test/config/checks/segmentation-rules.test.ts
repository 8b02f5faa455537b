import { defaultTenants, edit, errorsOf, ESTATE, rule, tenantText, withRules } from '../helpers';

const TO_NATIONAL = '{ segment: national-services }';
const PROD_NONPROD_HINT =
  '  hint: prod and nonprod never reach each other; name one environment on each side, of the same tier';

describe('segmentation rules', () => {
  test.each([
    { case: 'a segment to a segment', from: '{ segment: tenants-prod }', to: TO_NATIONAL },
    {
      case: 'prod to prod of another tenant',
      from: '{ tenant: RAA, environment: prod }',
      to: '{ tenant: QAA, environment: prod }',
    },
    // A whole tenant joins each of its environments to the same tier on the other side.
    {
      case: 'a whole tenant to one prod environment',
      from: '{ tenant: RAA }',
      to: '{ tenant: QAA, environment: prod }',
    },
  ])('valid: $case', ({ from, to }) => {
    expect(errorsOf(withRules(ESTATE, rule('a-rule', from, to)))).toEqual([]);
  });

  test('an unknown tenant, with a did-you-mean when one code is a letter away', () => {
    const estate = withRules(
      ESTATE,
      rule('a-rule', '{ tenant: RAB }', TO_NATIONAL),
      rule('b-rule', '{ tenant: RZZ }', TO_NATIONAL),
    );
    expect(errorsOf(estate)).toEqual([
      'config/estate.yaml:25:23 segmentation.rules[0].from.tenant: expected the ODS code of a tenant, got "RAB", which has no tenant file\n' +
        '  hint: did you mean "RAA"?',
      'config/estate.yaml:30:23 segmentation.rules[1].from.tenant: expected the ODS code of a tenant, got "RZZ", which has no tenant file\n' +
        '  hint: onboard the tenant first, or correct the code',
    ]);
  });

  test('an unknown environment', () => {
    const estate = withRules(
      ESTATE,
      rule('a-rule', TO_NATIONAL, '{ tenant: RAA, environment: prd }'),
      rule('b-rule', TO_NATIONAL, '{ tenant: RAA, environment: test }'),
    );
    expect(errorsOf(estate)).toEqual([
      'config/estate.yaml:26:39 segmentation.rules[0].to.environment: expected one of RAA\'s environments (prod, nonprod), got "prd"\n' +
        '  hint: did you mean "prod"?',
      'config/estate.yaml:31:39 segmentation.rules[1].to.environment: expected one of RAA\'s environments (prod, nonprod), got "test"\n' +
        '  hint: remove environment to mean every environment of RAA, or add it to config/tenants/RAA.yaml',
    ]);
  });

  test('a duplicate rule name is reported on the second rule', () => {
    const estate = withRules(
      ESTATE,
      rule('a-rule', '{ segment: tenants-prod }', TO_NATIONAL),
      rule('a-rule', '{ segment: tenants-nonprod }', TO_NATIONAL),
    );
    expect(errorsOf(estate)).toEqual([
      'config/estate.yaml:29:13 segmentation.rules[1].name: expected a rule name of its own, got "a-rule", which an earlier rule already uses\n' +
        '  hint: rule names label firewall rules and flow logs; give each rule a different name',
    ]);
  });

  test.each([
    {
      case: 'tenant environments',
      from: '{ tenant: RAA, environment: prod }',
      to: '{ tenant: QAA, environment: nonprod }',
    },
    { case: 'segments', from: '{ segment: tenants-prod }', to: '{ segment: tenants-nonprod }' },
    {
      case: 'a segment and an environment',
      from: '{ segment: tenants-nonprod }',
      to: '{ tenant: QAA, environment: prod }',
    },
  ])('prod <-> nonprod between $case', ({ from, to }) => {
    expect(errorsOf(withRules(ESTATE, rule('a-rule', from, to)))).toEqual([
      'config/estate.yaml:24:7 segmentation.rules[0]: rule "a-rule" would connect prod and nonprod\n' +
        PROD_NONPROD_HINT,
    ]);
  });

  test('an explicit tier overrides the environment name', () => {
    // QAA's "nonprod" declared tier prod may talk to RAA prod.
    const icb = edit(tenantText('QAA'), '    cidr: 10.64.8.0/21', '    cidr: 10.64.8.0/21\n    tier: prod');
    const estate = withRules(
      ESTATE,
      rule('a-rule', '{ tenant: RAA, environment: prod }', '{ tenant: QAA, environment: nonprod }'),
    );
    expect(errorsOf(estate, { ...defaultTenants(), QAA: icb })).toEqual([]);
  });

  test('a rule naming a tenant whose file failed its schema reports only that file', () => {
    const estate = withRules(ESTATE, rule('a-rule', '{ tenant: QAA, environment: prod }', TO_NATIONAL));
    const icb = edit(tenantText('QAA'), 'patientData: true', 'patientData: 3');
    expect(errorsOf(estate, { ...defaultTenants(), QAA: icb })).toEqual([
      'config/tenants/QAA.yaml:5:14 patientData: expected true or false, got 3',
    ]);
  });

  test.each([
    {
      case: 'both segment and tenant',
      from: '{ segment: tenants-prod, tenant: RAA }',
      expected:
        'config/estate.yaml:25:13 segmentation.rules[0].from: expected exactly one of `segment` or `tenant`, found both',
    },
    {
      case: 'neither segment nor tenant',
      from: '{ environment: prod }',
      expected:
        'config/estate.yaml:25:13 segmentation.rules[0].from: expected exactly one of `segment` or `tenant`, found neither',
    },
    {
      case: 'a misspelt segment',
      from: '{ segment: tenant-prod }',
      expected:
        'config/estate.yaml:25:24 segmentation.rules[0].from.segment: expected one of national-services, tenants-prod, tenants-nonprod, shared-services, on-premises, got "tenant-prod"\n' +
        '  hint: did you mean "tenants-prod"?',
    },
  ])('schema: $case', ({ from, expected }) => {
    expect(errorsOf(withRules(ESTATE, rule('a-rule', from, TO_NATIONAL)))).toEqual([expected]);
  });
});
