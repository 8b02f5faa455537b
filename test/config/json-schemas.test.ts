import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJsonSchemas } from '../../lib/config/json-schemas';

const SCHEMA_DIR = join(__dirname, '..', '..', 'config', 'schema');

describe('committed JSON schemas', () => {
  test.each(Object.entries(renderJsonSchemas()))(
    '%s matches the zod schema (run `npx nhs-cloud schemas` if not)',
    (file, text) => {
      expect(readFileSync(join(SCHEMA_DIR, file), 'utf8')).toBe(text);
    },
  );

  test('the tenant schema rejects unknown keys and describes fields for editors', () => {
    const tenant = JSON.parse(renderJsonSchemas()['tenant.schema.json']);
    expect(tenant.additionalProperties).toBe(false);
    expect(tenant.required).toEqual(
      expect.arrayContaining([
        'odsCode',
        'name',
        'scope',
        'dataClassification',
        'patientData',
        'contacts',
        'network',
        'environments',
        'budget',
      ]),
    );
    expect(tenant.properties.network.properties.currentPeakMbps.description).toMatch(/growthFactor/);
  });
});
