import { Stack } from 'aws-cdk-lib';
import { UserInputError } from '../../lib/errors/user-input-error';
import { buildExampleEstate, exampleModel } from '../support/example-estate';

describe('buildEstate on the example estate', () => {
  const { app, stacks } = buildExampleEstate();
  const byName = (name: string) => app.node.findChild(name) as Stack;

  test('one stack per core account with stable names and termination protection', () => {
    const accounts = exampleModel().estate.organization.accounts;
    const expected: Record<string, string> = {
      'Core-Organization': accounts.management,
      'Core-LogArchive': accounts.logArchive,
      'Core-Security': accounts.security,
      'Core-Network': accounts.network,
      'Core-SharedServices': accounts.sharedServices,
    };
    for (const [name, account] of Object.entries(expected)) {
      const stack = byName(name);
      expect(stack.account).toBe(account);
      expect(stack.region).toBe('eu-west-2');
      expect(stack.terminationProtection).toBe(true);
    }
  });

  test('one stack per tenant environment, named Tenant-<ODS>-<env>, in that environment account', () => {
    const names = stacks.tenants.map((s) => s.stackName);
    expect(names).toHaveLength(32);
    expect(names).toContain('Tenant-RGR-prod');
    expect(names).toContain('Tenant-RAX-nonprod');
    expect(names).not.toContain('Tenant-RAX-prod'); // RAX is nonprod-only
    const rgr = byName('Tenant-RGR-prod');
    expect(rgr.account).toBe('123456789012');
    expect(rgr.region).toBe('eu-west-2');
  });

  test('availability zones come from config, so synthesis needs no lookup', () => {
    for (const stack of [...Object.values(stacks.core), ...stacks.tenants]) {
      expect(stack.availabilityZones).toEqual(['euw2-az1', 'euw2-az2', 'euw2-az3']);
    }
    const assembly = app.synth();
    const missing = assembly.manifest.missing ?? [];
    expect(missing).toEqual([]);
  });

  test('stacks carry the tag policy', () => {
    expect(byName('Tenant-RGR-prod').tags.tagValues()).toMatchObject({
      'ods-code': 'RGR',
      environment: 'prod',
      'data-classification': 'OFFICIAL-SENSITIVE',
      'patient-data': 'true',
      icb: 'QJG',
      'nhs-cloud:stack-kind': 'tenant',
    });
    expect(byName('Core-Network').tags.tagValues()).toMatchObject({
      'ods-code': 'platform',
      'nhs-cloud:stack-kind': 'core',
    });
  });
});

describe('buildEstate for one tenant (-c tenant=ODS)', () => {
  test('builds only that tenant’s environment stacks besides the core stacks', () => {
    const { stacks } = buildExampleEstate({ onlyTenant: 'RGR' });
    expect(stacks.tenants.map((s) => s.stackName)).toEqual(['Tenant-RGR-prod', 'Tenant-RGR-nonprod']);
  });

  /** The error buildEstate throws for `onlyTenant`, which must be a UserInputError. */
  function tenantError(onlyTenant: string): string {
    try {
      buildExampleEstate({ onlyTenant });
    } catch (error) {
      expect(UserInputError.is(error)).toBe(true);
      return (error as Error).message;
    }
    throw new Error(`-c tenant=${onlyTenant} built an estate`);
  }

  test('an unknown ODS code is an error, not an empty build', () => {
    expect(tenantError('RZZ')).toBe(
      `-c tenant: expected the ODS code of a tenant in the config's tenants folder, got "RZZ"\n` +
        '  hint: each tenant is a file tenants/<ODS code>.yaml in the config folder',
    );
  });

  test('ODS codes are case-insensitive: a lower-case code builds that tenant', () => {
    const { stacks } = buildExampleEstate({ onlyTenant: 'rgr' });
    expect(stacks.tenants.map((s) => s.stackName)).toEqual(['Tenant-RGR-prod', 'Tenant-RGR-nonprod']);
  });

  test('a mistyped ODS code gets a did-you-mean', () => {
    expect(tenantError('RJ8')).toBe(
      `-c tenant: expected the ODS code of a tenant in the config's tenants folder, got "RJ8"\n` +
        '  hint: did you mean -c tenant=RJ7?',
    );
  });
});
