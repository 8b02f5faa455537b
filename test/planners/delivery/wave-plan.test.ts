import { generatedModel } from '../../generator/generated-model';
import { dependencyDepth, StackNode, stacksFromManifest } from '../../../lib/planners/delivery/stack-graph';
import { accountWaves, planWaves, WaveId } from '../../../lib/planners/delivery/wave-plan';
import { waveDeployCommands } from '../../../lib/planners/delivery/wave-commands';

const node = (name: string, account: string, dependencies: string[] = []): StackNode => ({
  name,
  environment: `aws://${account}/eu-west-2`,
  dependencies,
  tags: {},
});

const WAVE_OF = new Map<string, WaveId>([
  ['100000000001', 'Organization'],
  ['100000000002', 'LogArchiveAndSecurity'],
  ['100000000004', 'NetworkHub'],
  ['100000000007', 'LogArchiveAndSecurity'],
  ['200000000001', 'TenantsNonprod'],
  ['200000000002', 'TenantsProd'],
  ['200000000003', 'TenantsProd'],
]);

describe('planWaves', () => {
  test('places stacks by account, in wave order, and leaves the pipeline out', () => {
    const plan = planWaves(
      [
        node('Core-DeploymentBaseline', '100000000007', ['Core-LogArchive']),
        node('Tenant-RGR-prod', '200000000002', ['Core-Network']),
        node('Core-Network', '100000000004', ['Core-LogArchive']),
        node('Core-LogArchive', '100000000002'),
        node('Core-Organization', '100000000001'),
        node('Tenant-RGR-nonprod', '200000000001'),
        node('Delivery-Pipeline', '100000000007'),
      ],
      WAVE_OF,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.waves.map((w) => [w.id, w.stacks])).toEqual([
      ['Organization', ['Core-Organization']],
      // The deployment account's baseline deploys in a wave; its pipeline (same account) never does.
      ['LogArchiveAndSecurity', ['Core-DeploymentBaseline', 'Core-LogArchive']],
      ['NetworkHub', ['Core-Network']],
      ['TenantsNonprod', ['Tenant-RGR-nonprod']],
      ['TenantsProd', ['Tenant-RGR-prod']],
      ['NetworkShards', []],
    ]);
  });

  test('moves a core stack to the wave of what it needs: a baseline after the log archive', () => {
    const plan = planWaves(
      [
        node('Core-ManagementBaseline', '100000000001', ['Core-LogArchive']),
        node('Core-LogArchive', '100000000002'),
      ],
      WAVE_OF,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.waves.find((w) => w.id === 'LogArchiveAndSecurity')!.stacks).toEqual([
      'Core-ManagementBaseline',
      'Core-LogArchive',
    ]);
  });

  test('moves a core stack that needs tenant stacks (a hub shard) to the wave after them', () => {
    const plan = planWaves(
      [
        node('Core-Network', '100000000004'),
        node('Core-Network-Shard-001', '100000000004', ['Core-Network', 'Tenant-A-prod', 'Tenant-A-nonprod']),
        node('Tenant-A-prod', '200000000002', ['Core-Network']),
        node('Tenant-A-nonprod', '200000000001', ['Core-Network']),
      ],
      WAVE_OF,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.waves.find((w) => w.id === 'NetworkHub')!.stacks).toEqual(['Core-Network']);
    expect(plan.waves.find((w) => w.id === 'NetworkShards')!.stacks).toEqual(['Core-Network-Shard-001']);
  });

  test('reports a dependency on a later wave, a tenant-to-tenant dependency and an unknown account', () => {
    const plan = planWaves(
      [
        node('Tenant-A-prod', '200000000002', ['Core-Network-Shard-001']),
        node('Core-Network-Shard-001', '100000000004', ['Tenant-A-nonprod']),
        node('Tenant-A-nonprod', '200000000001'),
        node('Tenant-B-prod', '200000000003', ['Tenant-A-prod']),
        node('Stray', '999999999999'),
      ],
      WAVE_OF,
    );
    expect(plan.problems).toEqual([
      "Stray: account 999999999999 is neither a core account nor a tenant environment's",
      'Tenant-A-prod (wave TenantsProd) depends on Core-Network-Shard-001, which deploys later (wave NetworkShards)',
      'Tenant-B-prod depends on Tenant-A-prod: tenant stacks of different accounts must not depend on each other',
    ]);
  });

  test('allows a dependency between two stacks of one tenant account, and keeps them in one shard', () => {
    const stacks = [
      node('Tenant-A-prod', '200000000002', ['Baseline-A-prod']),
      node('Baseline-A-prod', '200000000002'),
      node('Tenant-B-prod', '200000000003'),
    ];
    const plan = planWaves(stacks, WAVE_OF, 2);
    expect(plan.problems).toEqual([]);
    const prod = plan.waves.find((w) => w.id === 'TenantsProd')!;
    expect(prod.shards).toHaveLength(2);
    const shardOfA = prod.shards.findIndex((s) => s.includes('Tenant-A-prod'));
    expect(prod.shards[shardOfA]).toContain('Baseline-A-prod');
    expect(prod.shards.flat().sort()).toEqual(['Baseline-A-prod', 'Tenant-A-prod', 'Tenant-B-prod']);
    // Core waves are never split.
    expect(plan.waves.find((w) => w.id === 'Organization')!.shards).toHaveLength(1);
  });

  test('maps a generated estate: core accounts by role, tenant accounts by tier', () => {
    const { model } = generatedModel({ tenants: 3, seed: 'waves' });
    const waves = accountWaves(model);
    expect(waves.get('100000000001')).toBe('Organization');
    expect(waves.get('100000000006')).toBe('LogArchiveAndSecurity'); // backup
    expect(waves.get('100000000005')).toBe('NetworkHub'); // shared services
    expect(waves.get('100000000007')).toBe('LogArchiveAndSecurity'); // deployment: its baseline
    const rgr = model.tenants[0].environments;
    expect(waves.get(rgr.prod.accountId!)).toBe('TenantsProd');
    expect(waves.get(rgr.nonprod.accountId!)).toBe('TenantsNonprod');
  });
});

describe('stack graph', () => {
  test('reads stacks and their stack dependencies from a manifest, dropping asset manifests', () => {
    const stacks = stacksFromManifest({
      artifacts: {
        'A.assets': { type: 'cdk:asset-manifest' },
        A: { type: 'aws:cloudformation:stack', environment: 'aws://1/eu-west-2', dependencies: ['A.assets'] },
        B: {
          type: 'aws:cloudformation:stack',
          environment: 'aws://2/eu-west-2',
          dependencies: ['A', 'B.assets'],
        },
        Tree: { type: 'cdk:tree' },
      },
    });
    expect(stacks.map((s) => [s.name, s.dependencies])).toEqual([
      ['A', []],
      ['B', ['A']],
    ]);
  });

  test.each([
    [[], 0],
    [[node('A', '1')], 1],
    [[node('A', '1'), node('B', '1', ['A']), node('C', '1', ['B']), node('D', '1', ['A'])], 3],
  ])('dependencyDepth %#', (stacks, depth) => {
    expect(dependencyDepth(stacks)).toBe(depth);
  });

  test('names a dependency cycle', () => {
    expect(() => dependencyDepth([node('A', '1', ['B']), node('B', '1', ['A'])])).toThrow(
      'stack dependency cycle through A',
    );
  });
});

test('a wave step reads its shard from the plan and deploys only those stacks', () => {
  const commands = waveDeployCommands({ wave: 'TenantsProd', shard: 2, concurrency: 20 });
  expect(commands[0]).toBe(
    `node -e "const w=require(require('path').resolve('.','waves.json')).waves.find(w=>w.id==='TenantsProd');process.stdout.write((w?w.shards[2]||[]:[]).join('\\n'))" > TenantsProd-2.stacks.txt`,
  );
  expect(commands[2]).toBe(
    'if [ -s TenantsProd-2.stacks.txt ]; then cdk deploy --app . --exclusively --require-approval never --concurrency 20 --progress events $(cat TenantsProd-2.stacks.txt); fi',
  );
});
