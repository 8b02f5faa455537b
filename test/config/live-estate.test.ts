import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, validateConfigDir } from '../../lib/config/load-config';

/**
 * The live estate in config/ grows with every onboarding PR, so this file asserts only what
 * must hold for any estate: it validates, and each tenant file is named after its ODS code.
 * Tests that pin data read the frozen copy (test/support/fixture-estate.ts). Synthesis,
 * proofs and the security review of config/ run in .ci/run.
 */
const LIVE = join(__dirname, '..', '..', 'config');

describe('the live estate in config/', () => {
  test('validates with zero errors', () => {
    expect(validateConfigDir(LIVE)).toMatchObject({ ok: true });
  });

  test('every tenant file is named after its ODS code, and every file is a tenant', () => {
    const model = loadConfig(LIVE);
    const files = readdirSync(join(LIVE, 'tenants'))
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    expect(model.tenants.map((t) => `${t.odsCode}.yaml`).sort()).toEqual(files);
    for (const tenant of model.tenants) {
      expect(tenant.file).toMatch(new RegExp(`(^|/)tenants/${tenant.odsCode}\\.yaml$`));
    }
  });
});
