import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Issue 14: the security team reviews every change to what sets or pins the guardrails. */
const ROOT = join(__dirname, '..', '..');
const rules = readFileSync(join(ROOT, '.github', 'CODEOWNERS'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => line.trim().split(/\s+/) as [string, ...string[]]);
const SECURITY = '@nhs-cloud/security-reviewers';

describe('.github/CODEOWNERS', () => {
  it.each([
    'config/estate.yaml',
    'config/exceptions.yaml',
    'lib/planners/landing-zone/scp-statements.ts',
    'lib/planners/landing-zone/boundary-statements.ts',
    'lib/patterns/landing-zone/organization-policy.ts',
    'lib/patterns/baseline/platform-roles.ts',
    'lib/nag/nhs-cloud-checks.ts',
    'lib/deploy-proofs/guardrails/guardrails-proof.ts',
    '.github/workflows/deploy.yml',
    'test/planners/landing-zone/service-control-policies.test.ts',
    'test/deploy-proofs/tenant-attack.test.ts',
  ])('gives %s to the security team', (file) => {
    expect(existsSync(join(ROOT, file))).toBe(true);
    // The last matching pattern wins, as GitHub applies them.
    const owners = rules.filter(([pattern]) => `/${file}`.startsWith(pattern.replace(/\/$/, '/'))).at(-1);
    expect(owners?.slice(1)).toContain(SECURITY);
  });

  it('names only paths that exist', () => {
    for (const [pattern] of rules)
      expect([pattern, existsSync(join(ROOT, pattern))]).toEqual([pattern, true]);
  });
});
