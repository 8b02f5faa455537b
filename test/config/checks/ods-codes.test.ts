import { defaultTenants, edit, errorsOf, ESTATE, tenantText } from '../helpers';

const icb = tenantText('QAA', 0);
const trust = tenantText('RAA', 1);
const national = tenantText('X26', 2);

describe('ODS codes, scopes and ICB membership', () => {
  test('the ODS code must equal the file name', () => {
    expect(errorsOf(ESTATE, { QAA: icb, RAB: trust })).toEqual([
      'config/tenants/RAB.yaml:1:10 odsCode: expected "RAB" to match the file name, got "RAA"\n' +
        '  hint: rename the file to RAA.yaml or correct odsCode',
    ]);
  });

  test('an ODS code used by two files is reported on the second', () => {
    const copy = edit(tenantText('RAB', 2), 'odsCode: RAB', 'odsCode: RAA');
    expect(errorsOf(ESTATE, { QAA: icb, RAA: trust, RAB: copy })).toEqual([
      'config/tenants/RAB.yaml:1:10 odsCode: expected "RAB" to match the file name, got "RAA"\n' +
        '  hint: rename the file to RAA.yaml or correct odsCode',
      'config/tenants/RAB.yaml:1:10 odsCode: duplicate ODS code "RAA", already used by config/tenants/RAA.yaml\n' +
        '  hint: each organisation has exactly one tenant file',
    ]);
  });

  test.each<{ case: string; tenants: Record<string, string>; expected: string[] }>([
    {
      case: 'a national body (X..) with local scope',
      tenants: { ...defaultTenants(), X26: edit(national, 'scope: national', 'scope: local') },
      expected: [
        'config/tenants/X26.yaml:3:8 scope: expected scope national for national body X26, got "local"\n' +
          '  hint: X.. codes are national bodies',
      ],
    },
    {
      case: 'a trust (R..) with national scope',
      tenants: { QAA: icb, RAA: edit(trust, 'scope: local', 'scope: national') },
      expected: [
        'config/tenants/RAA.yaml:3:8 scope: expected scope local for ODS code RAA, got "national"\n' +
          '  hint: national scope is for X.. national bodies; trusts (R..) and ICBs (Q..) are local',
      ],
    },
    {
      case: 'an ICB (Q..) with national scope',
      tenants: { QAA: edit(icb, 'scope: local', 'scope: national'), RAA: trust },
      expected: [
        'config/tenants/QAA.yaml:3:8 scope: expected scope local for ODS code QAA, got "national"\n' +
          '  hint: national scope is for X.. national bodies; trusts (R..) and ICBs (Q..) are local',
      ],
    },
    {
      case: 'a trust without icb',
      tenants: { QAA: icb, RAA: edit(trust, 'icb: QAA\n', '') },
      expected: [
        'config/tenants/RAA.yaml:1:1 icb: is required for a local trust but missing\n' +
          '  hint: add `icb: Q..` with the ODS code of the trust’s ICB',
      ],
    },
    {
      case: 'an ICB with icb',
      tenants: { QAA: edit(icb, 'scope: local', 'scope: local\nicb: QBB'), RAA: trust },
      expected: [
        'config/tenants/QAA.yaml:4:6 icb: expected no icb for an ICB, got "QBB"\n' +
          '  hint: only trusts belong to an ICB; remove this field',
      ],
    },
    {
      case: 'a national body with icb',
      tenants: { ...defaultTenants(), X26: edit(national, 'scope: national', 'scope: national\nicb: QAA') },
      expected: [
        'config/tenants/X26.yaml:4:6 icb: expected no icb for a national body, got "QAA"\n' +
          '  hint: only trusts belong to an ICB; remove this field',
      ],
    },
    {
      case: 'icb naming a trust',
      tenants: { ...defaultTenants(), RAB: tenantText('RAB', 2, 'RAA') },
      expected: [
        'config/tenants/RAB.yaml:4:6 icb: expected the ODS code of an ICB tenant, got "RAA", which is a trust\n' +
          '  hint: an ICB code starts with Q; known ICBs: QAA',
      ],
    },
    {
      case: 'icb naming a national body',
      tenants: { ...defaultTenants(), X26: national, RAB: tenantText('RAB', 3, 'X26') },
      expected: [
        'config/tenants/RAB.yaml:4:6 icb: expected the ODS code of an ICB tenant, got "X26", which is a national body\n' +
          '  hint: an ICB code starts with Q; known ICBs: QAA',
      ],
    },
    {
      case: 'icb naming an ICB with no file',
      tenants: { ...defaultTenants(), RAB: tenantText('RAB', 2, 'QZZ') },
      expected: [
        'config/tenants/RAB.yaml:4:6 icb: expected the ODS code of an ICB tenant, got "QZZ", which has no tenant file\n' +
          '  hint: onboard the ICB first (config/tenants/QZZ.yaml) or correct the code; known ICBs: QAA',
      ],
    },
  ])('$case', ({ tenants, expected }) => {
    expect(errorsOf(ESTATE, tenants)).toEqual(expected);
  });

  test('icb naming an ICB whose own file failed its schema reports only that file', () => {
    const brokenIcb = edit(icb, 'patientData: true', 'patientData: maybe');
    expect(errorsOf(ESTATE, { QAA: brokenIcb, RAA: trust })).toEqual([
      'config/tenants/QAA.yaml:5:14 patientData: expected true or false, got "maybe"',
    ]);
  });
});
