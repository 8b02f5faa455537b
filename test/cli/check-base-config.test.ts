import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportBaseConfig } from '../../lib/cli/check/base-config';
import { CheckScope } from '../../lib/cli/check/check-scope';

const scope = (over: Partial<CheckScope>): CheckScope => ({
  root: '/repo',
  configDir: 'config',
  base: { ref: 'origin/main', commit: '0'.repeat(40) },
  changed: ['config/tenants/RMC.yaml', 'config/allocations.yaml', 'docs/onboarding.md'],
  tenants: ['RMC'],
  ...over,
});

describe('exportBaseConfig: when check narrows a tenant synth against the base', () => {
  test.each([
    ['there is no base', { base: undefined }],
    ['more than one tenant is checked', { tenants: ['RMC', 'RGR'] }],
    ['code changed too', { changed: ['config/tenants/RMC.yaml', 'lib/stacks/network/hub-shard-stack.ts'] }],
    ['cdk.json changed', { changed: ['config/tenants/RMC.yaml', 'cdk.json'] }],
    ['the config folder is outside the repository', { configDir: '../elsewhere' }],
  ])('never when %s: nothing is extracted', (_, over) => {
    expect(exportBaseConfig(scope(over), '/repo')).toBeUndefined();
  });

  const root = join(__dirname, '..', '..');
  const leftovers = () => readdirSync(tmpdir()).filter((n) => n.startsWith('nhs-cloud-base-config-')).length;

  test('a base commit git cannot read gives no base, and leaves no folder behind', () => {
    const before = leftovers();
    expect(
      exportBaseConfig(scope({ root, base: { ref: 'gone', commit: 'f'.repeat(40) } }), root),
    ).toBeUndefined();
    expect(leftovers()).toBe(before);
  });

  test('only config and docs changed: the folder is extracted from the base commit, and removed after', () => {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const base = exportBaseConfig(scope({ root, base: { ref: 'HEAD', commit: head } }), root);
    expect(base).toBeDefined();
    expect(existsSync(join(base!.dir, 'estate.yaml'))).toBe(true);
    base!.remove();
    expect(existsSync(base!.dir)).toBe(false);
  });
});
