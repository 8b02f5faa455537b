import { insertAllocations, newAllocations } from '../../lib/config/allocations';
import { edit, errorsOf, ESTATE, tenantText, tenantTexts, TODAY } from './helpers';
import { validateEstate } from '../../lib/config/validate-estate';
import { formatConfigError, sortConfigErrors } from '../../lib/config/config-error';

// tenantText('QAA', 0) has prod 10.64.0.0/21 and nonprod 10.64.8.0/21; RAA (index 1) the next two.
const REGISTER = [
  '# register',
  '10.64.0.0/21: QAA prod',
  '10.64.8.0/21: QAA nonprod',
  '10.64.16.0/21: RAA prod',
  '10.64.24.0/21: RAA nonprod',
  '',
].join('\n');

function registerErrors(
  register: string,
  tenants = { QAA: tenantText('QAA', 0), RAA: tenantText('RAA', 1) },
) {
  const result = validateEstate(
    { displayPath: 'config/estate.yaml', text: ESTATE },
    tenantTexts(tenants),
    TODAY,
    {
      allocations: { displayPath: 'config/allocations.yaml', text: register },
    },
  );
  return result.ok ? [] : sortConfigErrors(result.errors).map(formatConfigError);
}

describe('the allocation register', () => {
  test('an estate without one validates as before', () => {
    expect(errorsOf()).toEqual([]);
  });

  test('a register that matches the tenant files is valid', () => {
    expect(registerErrors(REGISTER)).toEqual([]);
  });

  test('a block a tenant file uses but the register lacks is named at the tenant file, with the line to add', () => {
    expect(registerErrors(edit(REGISTER, '10.64.24.0/21: RAA nonprod\n', ''))).toEqual([
      'config/tenants/RAA.yaml:18:11 environments.nonprod.cidr: expected 10.64.24.0/21 to be listed in config/allocations.yaml, found no line for it\n' +
        '  hint: add "10.64.24.0/21: RAA nonprod" where it falls in address order (nhs-cloud onboard does this for a new tenant)',
    ]);
  });

  test('a line naming another environment, a stale line and lines out of order are each refused', () => {
    const register = [
      '10.64.0.0/21: QAA prod',
      '10.64.16.0/21: RAA prod',
      '10.64.8.0/21: QAA test',
      '10.64.24.0/21: RAA nonprod',
      '10.64.32.0/21: RMC prod',
      '',
    ].join('\n');
    expect(registerErrors(register)).toEqual([
      'config/allocations.yaml:3:1 10.64.8.0/21: expected blocks in address order, got 10.64.8.0/21 after 10.64.16.0/21\n' +
        '  hint: keep the lines sorted by address: onboard inserts each block where it falls, which is what lets git catch two trusts given the same block',
      'config/allocations.yaml:3:15 10.64.8.0/21: expected QAA nonprod, which config/tenants/QAA.yaml gives 10.64.8.0/21, got QAA test\n' +
        '  hint: a block belongs to one environment: correct the line to "10.64.8.0/21: QAA nonprod"',
      'config/allocations.yaml:5:1 10.64.32.0/21: expected a block a tenant environment uses, got 10.64.32.0/21 (RMC prod), which no tenant file has\n' +
        '  hint: remove the line, or restore the environment in tenants/RMC.yaml',
    ]);
  });

  test('malformed lines and a merge conflict are positioned errors', () => {
    expect(registerErrors('10.64.0.1/21: QAA prod\n10.64.8.0/21: qaa\n')[0]).toContain(
      'config/allocations.yaml:1:1 10.64.0.1/21: expected a network address with no host bits set',
    );
    expect(registerErrors('10.64.0.0/21: QAA prod\n10.64.8.0/21: qaa\n')).toContain(
      'config/allocations.yaml:2:15 10.64.8.0/21: expected the tenant and environment using the block, e.g. "RGR prod", got "qaa"',
    );
    const conflict = registerErrors(
      `${REGISTER}<<<<<<< HEAD\n10.64.32.0/21: RAB prod\n=======\n10.64.32.0/21: RAC prod\n>>>>>>> onboard-rac\n`,
    );
    expect(conflict).toHaveLength(3);
    expect(conflict[0]).toContain(
      'config/allocations.yaml:6:1: expected YAML, found a git merge-conflict marker (<<<<<<<)',
    );
    expect(conflict[0]).toContain('docs/onboarding.md, "If git reports a conflict"');
  });
});

describe('insertAllocations', () => {
  test('inserts each block where it falls in address order, keeping every other line as it was', () => {
    const text = '# header\n10.64.0.0/21: QAA prod\n10.64.16.0/21: RAA prod\n';
    expect(
      insertAllocations(text, [
        { cidr: '10.64.24.0/21', tenant: 'RMC', environment: 'nonprod' },
        { cidr: '10.64.8.0/21', tenant: 'RMC', environment: 'prod' },
      ]),
    ).toBe(
      '# header\n10.64.0.0/21: QAA prod\n10.64.8.0/21: RMC prod\n10.64.16.0/21: RAA prod\n10.64.24.0/21: RMC nonprod\n',
    );
  });

  test('a new register has the header that says what a conflict means', () => {
    const text = newAllocations([{ cidr: '10.64.0.0/21', tenant: 'QAA', environment: 'prod' }]);
    expect(text).toMatch(/^# Address blocks of tenant environments/);
    expect(text).toContain('run the same `nhs-cloud onboard` command again');
    expect(text.endsWith('\n10.64.0.0/21: QAA prod\n')).toBe(true);
  });
});
