import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildChangePlan } from '../../lib/change-plan/build-plan';
import { blockedDecisions, ChangePlan } from '../../lib/change-plan/types';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';

/**
 * End to end, once: a temporary git repository holding a copy of this project's app and
 * fixture estate as its config/ (node_modules symlinked), one commit, then a working-tree change to RGR's
 * prod CIDR. Two real synthesis processes (base worktree and working tree, both narrowed to
 * RGR); typically 15-30 s.
 */
const PROJECT = resolve(__dirname, '../..');
const COPIED = ['bin', 'lib', 'package.json', 'tsconfig.json', 'cdk.json'];
const OLD_CIDR = 'cidr: 10.64.0.0/21';
const NEW_CIDR = 'cidr: 10.65.128.0/21';

let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=plan-test', '-c', 'user.email=plan@test.invalid', ...args], {
    cwd: repo,
    encoding: 'utf8',
  }).trim();

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'plan-e2e-'));
  for (const path of COPIED) cpSync(join(PROJECT, path), join(repo, path), { recursive: true });
  cpSync(FIXTURE_ESTATE_DIR, join(repo, 'config'), { recursive: true });
  symlinkSync(join(PROJECT, 'node_modules'), join(repo, 'node_modules'), 'dir');
  writeFileSync(join(repo, '.gitignore'), 'node_modules\ncdk.out\n');
  git('init', '--quiet');
  git('add', '--all');
  git('commit', '--quiet', '--no-gpg-sign', '--message', 'base');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

test('a docs-only change synthesizes nothing', async () => {
  writeFileSync(join(repo, 'NOTES.md'), 'notes\n');
  const plan = await buildChangePlan({ base: 'HEAD', cwd: repo });
  expect(plan.scope).toEqual({ kind: 'none', reason: 'no file that reaches a template changed' });
  expect(plan.stacks).toEqual([]);
});

describe('moving a spoke CIDR in the working tree', () => {
  let plan: ChangePlan;
  const steps: string[] = [];
  beforeAll(async () => {
    const file = join(repo, 'config', 'tenants', 'RGR.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(OLD_CIDR);
    writeFileSync(file, text.replace(OLD_CIDR, NEW_CIDR));
    plan = await buildChangePlan({ base: 'HEAD', cwd: repo, onStep: (s) => steps.push(s) });
  }, 120_000);

  test('tells each step as it starts', () => {
    expect(steps).toEqual(['synthesizing -c tenant=RGR (1 of 1) on both sides']);
  });

  test('narrows both sides to RGR and the platform stacks', () => {
    expect(plan.base).toEqual({ ref: 'HEAD', commit: git('rev-parse', 'HEAD') });
    expect(plan.scope).toEqual({ kind: 'tenants', tenants: ['RGR'] });
    expect(plan.stacks.map((s) => s.stack)).toContain('Tenant-RGR-prod');
    expect(plan.stacks.filter((s) => s.tenant && s.tenant !== 'RGR')).toEqual([]);
    expect(plan.stacks.find((s) => s.stack === 'Tenant-RGR-nonprod')).toBeUndefined();
    expect(plan.stacksCompared).toBeGreaterThan(2);
  });

  test('blocks the VPC replacement', () => {
    const vpc = blockedDecisions(plan).find((d) => d.change.type === 'AWS::EC2::VPC');
    expect(vpc).toMatchObject({ stack: 'Tenant-RGR-prod', tenant: 'RGR', needs: 'replace' });
    expect(vpc!.change.properties).toContain('CidrBlock');
  });

  test('removes the base worktree afterwards', () => {
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
  });
});

test('an unknown base ref is a clear error', async () => {
  await expect(buildChangePlan({ base: 'no-such-branch', cwd: repo })).rejects.toThrow(
    '--base no-such-branch: no such commit in this repository (in CI, check out with fetch-depth: 0 or fetch the base branch)',
  );
});
