import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigValidationError } from '../../lib/config/config-error';
import { loadConfig, validateConfigDir } from '../../lib/config/load-config';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';

const EXAMPLE = FIXTURE_ESTATE_DIR;
const BROKEN = join(__dirname, '../fixtures/config/broken');

describe('the fixture estate (a frozen copy of the example in config/)', () => {
  const model = loadConfig(EXAMPLE);

  test('validates with zero errors', () => {
    expect(validateConfigDir(EXAMPLE)).toMatchObject({ ok: true });
  });

  test('yields every tenant file, sorted by ODS code', () => {
    expect(model.tenants.map((t) => t.odsCode)).toEqual([
      'QHM',
      'QJG',
      'QNQ',
      'QOP',
      'QWE',
      'RAX',
      'RBV',
      'RDE',
      'RDU',
      'RGR',
      'RJ7',
      'RM3',
      'RW3',
      'RWX',
      'RX4',
      'RX6',
      'X24',
    ]);
    const files = readdirSync(join(EXAMPLE, 'tenants')).filter((f) => f.endsWith('.yaml'));
    expect(model.tenants.map((t) => `${t.odsCode}.yaml`)).toEqual(files.sort());
  });

  test('has the model defaults the network and log stacks rely on', () => {
    expect(model.estate.network.growthFactor).toBe(10);
    expect(model.estate.homeRegion).toBe('eu-west-2');
    expect(model.estate.security.logRetention).toBe(2922);
  });

  test('shows tenant paths relative to the working directory', () => {
    expect(model.tenants.find((t) => t.odsCode === 'RGR')?.file).toBe(
      'test/fixtures/estate/tenants/RGR.yaml',
    );
  });
});

describe('loading a directory', () => {
  test('a folder without estate.yaml gives one positioned error, not an exception', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-config-'));
    expect(validateConfigDir(dir)).toEqual({
      ok: false,
      errors: [
        {
          file: join(dir, 'estate.yaml'),
          line: 0,
          column: 0,
          field: '',
          message: 'estate.yaml not found',
          hint: 'pass --config DIR (or -c config=DIR) pointing at a folder with estate.yaml and tenants/',
        },
      ],
    });
  });

  test('loadConfig throws every error at once, reading .yaml and .yml tenant files', () => {
    let thrown: unknown;
    try {
      loadConfig(BROKEN);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigValidationError);
    const error = thrown as ConfigValidationError;
    expect(error.errors).toHaveLength(3);
    expect(error.message).toBe(
      [
        'test/fixtures/config/broken/estate.yaml:8:14 organization.accounts.network: expected a 12-digit AWS account ID in quotes, e.g. "123456789012", got 100000000004',
        '  hint: quote the account ID ("012345678901") so YAML keeps it as text with its leading zeros',
        'test/fixtures/config/broken/tenants/QAA.yaml:9:1 enviroments: unknown field "enviroments"',
        '  hint: did you mean "environments"?',
        'test/fixtures/config/broken/tenants/RAA.yml:1:10 odsCode: expected "RAA" to match the file name, got "RAB"',
        '  hint: rename the file to RAB.yml or correct odsCode',
        '',
        '3 configuration errors in 3 files.',
      ].join('\n'),
    );
  });
});
