import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newAllocations } from '../../lib/config/allocations';
import { formatConfigError } from '../../lib/config/config-error';
import { loadConfig, validateConfigDir } from '../../lib/config/load-config';
import { allEnvironments } from '../../lib/config/model';
import { planOnboarding, writeOnboarding } from '../../lib/onboarding/onboard-tenant';
import { OnboardFlags, parseTenantRequest, TenantRequest } from '../../lib/onboarding/tenant-request';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';

/**
 * Two trusts onboarded in parallel from the same main get the same free blocks (allocation is
 * deterministic). Their tenant files differ, so on their own git merges both and main fails
 * validate. The allocation register makes both add a different line at the same place, so git
 * refuses the second merge (docs/adr/0022-parallel-onboarding.md). Real git, real merges.
 */

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.nhs.uk',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.nhs.uk',
};
const git = (repo: string, ...args: string[]) =>
  execFileSync('git', args, { cwd: repo, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const tryMerge = (repo: string, branch: string) =>
  spawnSync('git', ['merge', '--no-edit', branch], { cwd: repo, env: GIT_ENV, encoding: 'utf8' });

function request(tenant: string, extra: Partial<OnboardFlags> = {}): TenantRequest {
  const parsed = parseTenantRequest({
    tenant,
    name: `Trust ${tenant}`,
    scope: 'local',
    icb: 'QOP',
    env: [`prod=3000000001${tenant === 'RAJ' ? '01' : '02'}`],
    peakMbps: '100',
    owner: 'it@trust.nhs.uk',
    securityContact: 'cyber@trust.nhs.uk',
    budgetGbp: '1000',
    dataClassification: 'OFFICIAL',
    patientData: true,
    prefix: '/21',
    onPremCidr: [],
    onPremGatewayIp: [],
    ...extra,
  });
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  return parsed.request;
}

/** A repository whose main holds the fixture estate, with or without the register. */
function repository(withRegister: boolean): string {
  const repo = mkdtempSync(join(tmpdir(), 'nhs-cloud-parallel-'));
  cpSync(FIXTURE_ESTATE_DIR, join(repo, 'config'), { recursive: true });
  if (withRegister) {
    const model = loadConfig(join(repo, 'config'));
    writeFileSync(
      join(repo, 'config', 'allocations.yaml'),
      newAllocations(
        allEnvironments(model).map((e) => ({ cidr: e.cidr, tenant: e.tenant.odsCode, environment: e.name })),
      ),
    );
  }
  git(repo, 'init', '--quiet', '--initial-branch=main');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'the estate');
  return repo;
}

/** Onboards `tenant` on a new branch from main, as a trust's pull request would. */
function onboardOnBranch(repo: string, tenant: string, extra: Partial<OnboardFlags> = {}): string[] {
  git(repo, 'switch', '--quiet', '-c', `onboard-${tenant}`, 'main');
  const plan = planOnboarding(join(repo, 'config'), request(tenant, extra));
  writeOnboarding(plan, join(repo, 'config'));
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', `Onboard ${tenant}`);
  git(repo, 'switch', '--quiet', 'main');
  return plan.environments.map((e) => e.cidr);
}

const errorsOn = (repo: string) => {
  const result = validateConfigDir(join(repo, 'config'));
  return result.ok ? [] : result.errors.map(formatConfigError);
};

let repos: string[] = [];
afterEach(() => {
  for (const repo of repos) rmSync(repo, { recursive: true, force: true });
  repos = [];
});

describe('two trusts onboarded in parallel from the same main', () => {
  test('without the register, git merges both and main fails validate (the failure this prevents)', () => {
    const repo = repository(false);
    repos.push(repo);
    git(repo, 'switch', '--quiet', '-c', 'onboard-RAJ');
    const raj = planOnboarding(join(repo, 'config'), request('RAJ'));
    writeFileSync(join(repo, 'config', 'tenants', 'RAJ.yaml'), raj.text); // the tenant file alone
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'RAJ');
    git(repo, 'switch', '--quiet', '-c', 'onboard-RMC', 'main');
    const rmc = planOnboarding(join(repo, 'config'), request('RMC'));
    writeFileSync(join(repo, 'config', 'tenants', 'RMC.yaml'), rmc.text);
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'RMC');
    git(repo, 'switch', '--quiet', 'main');
    expect(rmc.environments[0].cidr).toBe(raj.environments[0].cidr);
    expect(tryMerge(repo, 'onboard-RAJ').status).toBe(0);
    expect(tryMerge(repo, 'onboard-RMC').status).toBe(0);
    expect(errorsOn(repo).join('\n')).toContain('which overlaps 10.65.0.0/21');
  });

  test('with the register, the second merge is refused with a conflict in config/allocations.yaml', () => {
    const repo = repository(true);
    repos.push(repo);
    expect(onboardOnBranch(repo, 'RAJ')).toEqual(['10.65.0.0/21']);
    expect(onboardOnBranch(repo, 'RMC')).toEqual(['10.65.0.0/21']);
    expect(tryMerge(repo, 'onboard-RAJ').status).toBe(0);
    expect(errorsOn(repo)).toEqual([]);
    const second = tryMerge(repo, 'onboard-RMC');
    expect(second.status).not.toBe(0);
    expect(second.stdout).toContain('CONFLICT (content): Merge conflict in config/allocations.yaml');
    // What the trust sees if it validates the conflicted file: the marker, and what to do.
    expect(errorsOn(repo)[0]).toContain('expected YAML, found a git merge-conflict marker (<<<<<<<)');
    expect(errorsOn(repo)[0]).toContain('docs/onboarding.md, "If git reports a conflict"');
    git(repo, 'merge', '--abort');
    expect(errorsOn(repo)).toEqual([]);
  });

  test('blocks of different sizes that overlap conflict too: both land after the same line', () => {
    const repo = repository(true);
    repos.push(repo);
    expect(onboardOnBranch(repo, 'RAJ', { prefix: '/24' })).toEqual(['10.65.0.0/24']);
    expect(onboardOnBranch(repo, 'RMC')).toEqual(['10.65.0.0/21']);
    expect(tryMerge(repo, 'onboard-RAJ').status).toBe(0);
    expect(tryMerge(repo, 'onboard-RMC').status).not.toBe(0);
  });

  test('the documented recovery (main’s register, the tenant file removed, onboard again) gives the next free block', () => {
    const repo = repository(true);
    repos.push(repo);
    onboardOnBranch(repo, 'RAJ');
    onboardOnBranch(repo, 'RMC');
    expect(tryMerge(repo, 'onboard-RAJ').status).toBe(0);
    // The RMC branch brings itself up to date with main, as GitHub's "Update branch" would.
    git(repo, 'switch', '--quiet', 'onboard-RMC');
    expect(tryMerge(repo, 'main').status).not.toBe(0);
    git(repo, 'checkout', 'main', '--', 'config/allocations.yaml');
    rmSync(join(repo, 'config', 'tenants', 'RMC.yaml'));
    const plan = planOnboarding(join(repo, 'config'), request('RMC'));
    writeOnboarding(plan, join(repo, 'config'));
    expect(plan.environments.map((e) => e.cidr)).toEqual(['10.65.8.0/21']);
    git(repo, 'add', '-A');
    git(repo, 'commit', '--quiet', '--no-edit');
    git(repo, 'switch', '--quiet', 'main');
    expect(tryMerge(repo, 'onboard-RMC').status).toBe(0);
    expect(errorsOn(repo)).toEqual([]);
    expect(readFileSync(join(repo, 'config', 'allocations.yaml'), 'utf8')).toMatch(
      /\n10\.65\.0\.0\/21: RAJ prod\n10\.65\.8\.0\/21: RMC prod\n$/,
    );
  });
});
