import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeStamp } from '../../lib/app/synth-stamp';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';
import { runCli } from '../support/run-cli';

const CONFIG = FIXTURE_ESTATE_DIR;

/** A hand-written manifest.json over the fixture estate's accounts: what `cdk synth` writes, cut to the fields the planner reads. */
function writeAssembly(artifacts: Record<string, { account: string; dependencies?: string[] }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-waves-'));
  const manifest = {
    version: '48.0.0',
    artifacts: Object.fromEntries(
      Object.entries(artifacts).map(([name, a]) => [
        name,
        {
          type: 'aws:cloudformation:stack',
          environment: `aws://${a.account}/eu-west-2`,
          dependencies: a.dependencies ?? [],
        },
      ]),
    ),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeStamp(dir, CONFIG); // a finished synth of the fixture estate
  return dir;
}

const ESTATE = {
  'Core-Organization': { account: '100000000001' },
  'Core-LogArchive': { account: '100000000002' },
  'Core-Network': { account: '100000000004', dependencies: ['Core-LogArchive'] },
  'Tenant-RGR-prod': { account: '123456789012', dependencies: ['Core-Network'] },
  'Tenant-RGR-nonprod': { account: '210987654321', dependencies: ['Core-Network'] },
  'Tenant-RX4-nonprod': { account: '200000028364', dependencies: ['Core-Network'] },
  'Core-NetworkShard-0': { account: '100000000004', dependencies: ['Tenant-RGR-prod'] },
  'Core-NetworkShard-1': { account: '100000000004', dependencies: ['Tenant-RX4-nonprod'] },
  'Delivery-Pipeline': { account: '100000000007' },
};

describe('nhs-cloud waves', () => {
  let assembly: string;
  beforeAll(() => (assembly = writeAssembly(ESTATE)));
  afterAll(() => rmSync(assembly, { recursive: true, force: true }));

  test('places every stack in its wave, in wave order, and leaves the pipeline out', async () => {
    const run = await runCli(['waves', '--assembly', assembly, '--config', CONFIG]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      'Organization: 1 stacks (organization, OUs and guardrails (management account))',
      'LogArchiveAndSecurity: 1 stacks (log archive, security tooling, backup and the deployment account baseline)',
      'NetworkHub: 1 stacks (network hub and shared services)',
      'TenantsNonprod: 2 stacks (every nonprod tenant environment, in parallel)',
      'TenantsProd: 1 stacks (every prod tenant environment, in parallel, after a manual approval)',
      'NetworkShards: 2 stacks (hub shards: routing for the tenant attachments, once they exist)',
    ]);
  });

  test('--out writes the plan the pipeline reads, split into --tenant-shards shards', async () => {
    const out = join(assembly, 'waves.json');
    const run = await runCli([
      'waves',
      '--assembly',
      assembly,
      '--config',
      CONFIG,
      '--tenant-shards',
      '2',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    const plan = JSON.parse(readFileSync(out, 'utf8'));
    expect(plan.version).toBe(1);
    const nonprod = plan.waves.find((w: { id: string }) => w.id === 'TenantsNonprod');
    expect([...nonprod.stacks].sort()).toEqual(['Tenant-RGR-nonprod', 'Tenant-RX4-nonprod']);
    expect(nonprod.shards).toHaveLength(2);
    expect(nonprod.shards.flat().sort()).toEqual(['Tenant-RGR-nonprod', 'Tenant-RX4-nonprod']);
  });

  test("--tenant --print: one tenant's stacks and its hub shard, as cdk deploy commands", async () => {
    const run = await runCli([
      'waves',
      '--assembly',
      assembly,
      '--config',
      CONFIG,
      '--tenant',
      'RGR',
      '--print',
      '--concurrency',
      '5',
    ]);
    expect(run.code).toBe(0);
    const deploys = run.stdout.split('\n').filter((l) => l.includes('cdk deploy'));
    expect(deploys).toEqual([
      `  npx cdk deploy --app ${assembly} --exclusively --require-approval never --concurrency 5 --progress events Tenant-RGR-nonprod`,
      `  npx cdk deploy --app ${assembly} --exclusively --require-approval never --concurrency 5 --progress events Tenant-RGR-prod`,
      `  npx cdk deploy --app ${assembly} --exclusively --require-approval never --concurrency 5 --progress events Core-NetworkShard-0`,
    ]);
  });

  test('--tenant takes an ODS code in any case, as every command does', async () => {
    const lower = await runCli([
      'waves',
      '--assembly',
      assembly,
      '--config',
      CONFIG,
      '--tenant',
      'rgr',
      '--print',
    ]);
    const upper = await runCli([
      'waves',
      '--assembly',
      assembly,
      '--config',
      CONFIG,
      '--tenant',
      'RGR',
      '--print',
    ]);
    expect(lower.code).toBe(0);
    expect(lower.stdout).toBe(upper.stdout);
  });

  test.each([
    [['--tenant-shards', 'four'], '--tenant-shards: expected a whole number of at least 1, got "four"'],
    [['--tenant-shards', '0'], '--tenant-shards: expected a whole number of at least 1, got "0"'],
    [['--concurrency', '2.5'], '--concurrency: expected a whole number of at least 1, got "2.5"'],
    [['--tenant', 'ZZZ'], '--tenant: expected the ODS code of a tenant, got ZZZ'],
  ])('%j is a user error naming the flag, with a hint', async (flags, message) => {
    const run = await runCli(['waves', '--assembly', assembly, '--config', CONFIG, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('hint:');
    expect(run.stderr).not.toContain('internal error');
  });

  test('a folder with no manifest.json says to synthesize first', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'nhs-cloud-waves-empty-'));
    const run = await runCli(['waves', '--assembly', empty, '--config', CONFIG]);
    rmSync(empty, { recursive: true, force: true });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^--assembly: expected a cloud assembly, got no .*manifest\.json\n {2}hint: run `npx cdk synth` first/,
    );
  });

  test('stacks that cannot go wave by wave exit 1 and name the problem', async () => {
    const bad = writeAssembly({
      'Tenant-RGR-prod': { account: '123456789012' },
      'Tenant-RX4-nonprod': { account: '200000028364', dependencies: ['Tenant-RGR-prod'] },
    });
    const run = await runCli(['waves', '--assembly', bad, '--config', CONFIG]);
    rmSync(bad, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the stacks cannot be deployed in waves:');
    expect(run.stdout).toBe('');
  });
});
