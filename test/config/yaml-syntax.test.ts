import { defaultTenants, edit, errorsOf, ESTATE, tenantErrors, tenantText, withOnPremises } from './helpers';

/** A trust file (RAA, lines as documented in helpers.ts) with one mistake in it. */
const trust = tenantText('RAA', 1);

describe('YAML syntax errors', () => {
  test.each([
    {
      mistake: 'an unclosed flow sequence, reported at its opening bracket',
      text: edit(withOnPremises(trust, '172.20.0.0/16'), '[172.20.0.0/16]', '[172.20.0.0/16'),
      expected: [
        'config/tenants/RAA.yaml:14:12: YAML syntax error: expected "]" to close the list opened here, found none\n' +
          '  hint: close the list with ] on the same line, or write one item per line starting with "- "',
      ],
    },
    {
      mistake: 'an unclosed flow mapping',
      text: edit(trust, 'budget:\n  monthlyGbp: 1000', 'budget: { monthlyGbp: 1000'),
      expected: [
        'config/tenants/RAA.yaml:19:9: YAML syntax error: expected "}" to close the mapping opened here, found none\n' +
          '  hint: close the mapping with } on the same line, or write one field per line',
      ],
    },
    {
      mistake: 'a duplicate top-level key, reported at the repeat',
      text: edit(trust, 'patientData: true', 'patientData: true\npatientData: false'),
      expected: [
        'config/tenants/RAA.yaml:7:1: YAML syntax error: key "patientData" appears twice in the same mapping\n' +
          '  hint: each key may appear once per mapping; remove or merge the repeated one',
      ],
    },
    {
      mistake: 'a duplicate nested key',
      text: edit(trust, '  owner: it@raa.nhs.uk', '  owner: it@raa.nhs.uk\n  owner: other@raa.nhs.uk'),
      expected: [
        'config/tenants/RAA.yaml:9:3: YAML syntax error: key "owner" appears twice in the same mapping\n' +
          '  hint: each key may appear once per mapping; remove or merge the repeated one',
      ],
    },
    {
      mistake: 'a tab used for indentation',
      text: edit(trust, '  currentPeakMbps: 100', '\tcurrentPeakMbps: 100'),
      expected: [
        'config/tenants/RAA.yaml:11:1: YAML syntax error: Tabs are not allowed as indentation\n' +
          '  hint: YAML does not allow tabs for indentation; use spaces',
      ],
    },
    {
      mistake: 'an unquoted value containing ": "',
      text: edit(trust, 'name: Test organisation RAA', 'name: West Suffolk: Trust'),
      expected: [
        'config/tenants/RAA.yaml:2:7: YAML syntax error: Nested mappings are not allowed in compact mappings\n' +
          '  hint: put quotes around a value that contains ": ", and indent nested fields on their own lines',
      ],
    },
  ])('$mistake', ({ text, expected }) => {
    expect(tenantErrors('RAA', text)).toEqual(expected);
  });

  test('an unclosed flow sequence in estate.yaml is reported there, without throwing', () => {
    const estate = edit(ESTATE, 'allowedRegions: [eu-west-2]', 'allowedRegions: [eu-west-2');
    expect(errorsOf(estate)).toEqual([
      'config/estate.yaml:3:17: YAML syntax error: expected "]" to close the list opened here, found none\n' +
        '  hint: close the list with ] on the same line, or write one item per line starting with "- "',
    ]);
  });

  test('a file with a syntax error gets no schema errors, and references to it are not "unknown"', () => {
    // QAA is the ICB of RAA: RAA must not also be told its ICB does not exist.
    const icb = edit(tenantText('QAA'), 'patientData: true', 'patientData: true\npatientData: true');
    expect(errorsOf(ESTATE, { ...defaultTenants(), QAA: icb })).toEqual([
      'config/tenants/QAA.yaml:6:1: YAML syntax error: key "patientData" appears twice in the same mapping\n' +
        '  hint: each key may appear once per mapping; remove or merge the repeated one',
    ]);
  });
});
