import { App, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { buildEstate } from '../../lib/app/build-estate';
import { createApp } from '../../lib/app/create-app';
import { readEstateContext } from '../../lib/app/estate-context';
import { UserInputError } from '../../lib/errors/user-input-error';
import { DELIVERY_DEFAULTS } from '../../lib/stacks/delivery/delivery-settings';
import { EXAMPLE_CONFIG_DIR, exampleModel } from '../support/example-estate';

const CONNECTION =
  'arn:aws:codeconnections:eu-west-2:100000000007:connection/0b7c3a52-0000-4000-8000-000000000000';

function stackNames(app: IConstruct): string[] {
  return app.node
    .findAll()
    .filter((c): c is Stack => Stack.isStack(c))
    .map((s) => s.stackName)
    .sort();
}

describe('one scope value (-c tenant as context or as the option)', () => {
  test('-c tenant=RGR through createApp builds the same stacks as buildEstate({ onlyTenant })', () => {
    const viaContext = createApp({
      context: { config: EXAMPLE_CONFIG_DIR, tenant: 'RGR', nag: false },
    }).app;
    const viaOption = new App({ analyticsReporting: false });
    buildEstate(viaOption, exampleModel(), { onlyTenant: 'RGR' });
    const names = stackNames(viaContext);
    expect(names).toEqual(stackNames(viaOption));
    // Narrowed, not the whole estate: RGR's environments and organization stack, no other tenant's.
    expect(names.filter((n) => n.startsWith('Tenant-') || n.startsWith('Org-'))).toEqual([
      'Org-RGR',
      'Tenant-RGR-nonprod',
      'Tenant-RGR-prod',
    ]);
  });
});

describe('readEstateContext', () => {
  test('ODS codes are case-insensitive: -c tenant=rgr is RGR', () => {
    expect(readEstateContext(new App({ context: { tenant: ' rgr' } }).node).scope.onlyTenant).toBe('RGR');
  });

  test("CDK's own keys (feature flags, aws:cdk:*, lookups) are not ours to check", () => {
    const context = {
      '@aws-cdk/core:explicitStackTags': true,
      'aws:cdk:bundling-stacks': [],
      'availability-zones:account=123456789012:region=eu-west-2': ['a'],
    };
    expect(readEstateContext(new App({ context }).node).configDir).toBe('config');
  });

  test('defaults: config/, capacity gate on, the whole estate, no pipeline', () => {
    expect(readEstateContext(new App().node)).toEqual({
      configDir: 'config',
      capacityGate: 'fail',
      nag: true,
      scope: { onlyTenant: undefined, delivery: undefined },
    });
  });

  test('reads every key the app takes', () => {
    const app = new App({
      context: {
        config: 'elsewhere',
        capacityGate: 'warn',
        nag: false,
        tenant: 'RGR',
        base: '/tmp/main-config',
        pipeline: 'true',
        pipelineConnectionArn: CONNECTION,
        pipelineTenantShards: '2',
      },
    });
    expect(readEstateContext(app.node)).toEqual({
      baseConfigDir: '/tmp/main-config',
      configDir: 'elsewhere',
      capacityGate: 'warn',
      nag: false,
      scope: {
        onlyTenant: 'RGR',
        delivery: {
          repository: DELIVERY_DEFAULTS.repository,
          branch: DELIVERY_DEFAULTS.branch,
          connectionArn: CONNECTION,
          tenantShards: 2,
          concurrency: DELIVERY_DEFAULTS.concurrency,
        },
      },
    });
  });

  test.each([
    [{ nag: 'maybe' }, '-c nag: expected "true" or "false", got "maybe"'],
    [{ capacityGate: 'off' }, '-c capacityGate: expected "fail" or "warn", got "off"'],
    [{ tenant: '' }, '-c tenant: expected a value, got an empty string'],
    [{ config: ' ' }, '-c config: expected a value, got an empty string'],
    [{ tenant: 'RGR', base: '' }, '-c base: expected a value, got an empty string'],
    [
      { base: '/tmp/main-config' },
      '-c base: expected -c tenant=ODS beside it, got no tenant\n  hint: a base narrows a one-tenant build to the hub stacks its change touches; a full synth builds every stack',
    ],
    [
      { tennant: 'RGR' },
      '-c tennant: expected one of the app\'s context keys, got "tennant"\n  hint: did you mean -c tenant=...?',
    ],
  ])('a bad value %p is a UserInputError naming its key', (context, message) => {
    let thrown: unknown;
    try {
      readEstateContext(new App({ context }).node);
    } catch (error) {
      thrown = error;
    }
    expect(UserInputError.is(thrown)).toBe(true);
    expect((thrown as Error).message).toBe(message);
  });
});

test('-c base naming no config folder is an input error on the flag, before anything is built', () => {
  let thrown: unknown;
  try {
    createApp({
      context: { config: EXAMPLE_CONFIG_DIR, tenant: 'RGR', base: '/no/such/config', nag: false },
    });
  } catch (error) {
    thrown = error;
  }
  expect(UserInputError.is(thrown)).toBe(true);
  expect((thrown as Error).message).toBe(
    '-c base: expected the base\'s config folder with estate.yaml, got "/no/such/config"\n  hint: the config folder of the branch the change is made against (nhs-cloud check passes main\'s)',
  );
});
