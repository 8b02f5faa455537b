import { formatPlan, planJson } from '../../lib/change-plan/format-plan';
import { MAX_RESOURCE_ROWS } from '../../lib/change-plan/format-markdown';
import { guardChanges } from '../../lib/change-plan/guard';
import { ChangePlan, ResourceChange, StackChange } from '../../lib/change-plan/types';

const vpc: ResourceChange = {
  logicalId: 'SpokeVpc',
  type: 'AWS::EC2::VPC',
  kind: 'replace',
  properties: ['CidrBlock'],
  guarded: 'VPC: every workload in it goes with it',
};
const bucket: ResourceChange = {
  logicalId: 'FlowLogs',
  type: 'AWS::S3::Bucket',
  kind: 'delete',
  retained: true,
  renamedTo: 'FlowLogs2',
  guarded: 'bucket: holds logs or backups',
};
const stacks: StackChange[] = [
  {
    stack: 'Core-LogArchive',
    status: 'changed',
    changes: [bucket, { logicalId: 'FlowLogs2', type: 'AWS::S3::Bucket', kind: 'add' }],
  },
  {
    stack: 'Tenant-RGR-prod',
    tenant: 'RGR',
    status: 'changed',
    changes: [vpc, { logicalId: 'Role', type: 'AWS::IAM::Role', kind: 'update', properties: ['Tags'] }],
  },
];
const allowBucket = {
  stack: 'Core-LogArchive',
  logicalId: 'FlowLogs',
  change: 'delete' as const,
  reason: 'Bucket renamed; the old one is kept and emptied by lifecycle.',
  approver: 'cyber@england.nhs.uk',
  expires: '2026-07-01',
};
const plan: ChangePlan = {
  base: { ref: 'origin/main', commit: '0123456789abcdef0123' },
  scope: { kind: 'tenants', tenants: ['RGR'] },
  exceptionsFile: 'config/exceptions.yaml',
  stacksCompared: 9,
  stacks,
  guard: guardChanges(stacks, [allowBucket], '2026-06-01'),
};

describe('--format md', () => {
  const md = formatPlan(plan, 'md');

  test('leads with the verdict and what was compared', () => {
    expect(md).toContain(
      'Compared with `origin/main` (`0123456789ab`): tenant RGR and the platform stacks (only tenant files changed: -c tenant=RGR); 9 stacks compared.',
    );
    expect(md).toContain(
      '> [!CAUTION]\n> **Blocked: 1 delete or replacement of stateful or shared resources without an allowDestructive entry in config/exceptions.yaml.**',
    );
  });

  test('lists the blocked change with why it is guarded, and the entry that would allow it', () => {
    expect(md).toContain(
      '| Tenant-RGR-prod | `SpokeVpc` | AWS::EC2::VPC | replace (CidrBlock) | VPC: every workload in it goes with it |',
    );
    expect(md).toContain(
      '```yaml\nallowDestructive:\n  - stack: Tenant-RGR-prod\n    logicalId: SpokeVpc\n    change: replace\n',
    );
  });

  test('lists the allowed change with its reason and approver', () => {
    expect(md).toContain('### Allowed destructive changes (1)');
    expect(md).toContain(
      '| Core-LogArchive | `FlowLogs` | AWS::S3::Bucket | delete (retained, so orphaned; renamed to FlowLogs2?) | Bucket renamed; the old one is kept and emptied by lifecycle. (cyber@england.nhs.uk, until 2026-07-01) |',
    );
  });

  test('summarises per tenant and stack, then details each stack', () => {
    expect(md).toContain('| platform | Core-LogArchive | 1 | 0 | 0 | 1 | 0 |');
    expect(md).toContain('| RGR | Tenant-RGR-prod | 0 | 1 | 1 | 0 | 0 |');
    expect(md).toContain('<details><summary><b>Tenant-RGR-prod</b>: 1 changed, 1 replaced</summary>');
    expect(md).toContain('| replaced | `SpokeVpc` | AWS::EC2::VPC | replace (CidrBlock) **guarded** |');
  });

  test(`stops listing resources after ${MAX_RESOURCE_ROWS} rows`, () => {
    const many: ResourceChange[] = Array.from({ length: MAX_RESOURCE_ROWS + 5 }, (_, i) => ({
      logicalId: `Route${i}`,
      type: 'AWS::EC2::Route',
      kind: 'add',
    }));
    const big = formatPlan(
      {
        ...plan,
        guard: [],
        stacks: [
          { stack: 'Core-Network', status: 'changed', changes: many },
          { stack: 'Tenant-RGR-prod', tenant: 'RGR', status: 'added', changes: many.slice(0, 1) },
        ],
      },
      'md',
    );
    expect(big).toContain('| … | 5 more | | |');
    expect(big).toContain('_1 more stack not shown: run `nhs-cloud plan --format json`._');
    expect(big).toContain('| RGR | Tenant-RGR-prod (stack added) | 1 | 0 | 0 | 0 | 0 |');
    expect(big).toContain('**2 stacks change.**');
  });
});

test('a new stack is summarised by resource type, not listed resource by resource', () => {
  const added: StackChange = {
    stack: 'Tenant-RMC-prod',
    tenant: 'RMC',
    status: 'added',
    changes: [
      { logicalId: 'SubnetA', type: 'AWS::EC2::Subnet', kind: 'add' },
      { logicalId: 'Vpc', type: 'AWS::EC2::VPC', kind: 'add' },
      { logicalId: 'SubnetB', type: 'AWS::EC2::Subnet', kind: 'add' },
    ],
  };
  const md = formatPlan({ ...plan, guard: [], stacks: [added] }, 'md');
  expect(md).toContain(
    '<details><summary><b>Tenant-RMC-prod</b>: 3 added</summary>\n\n| New stack: resource type | Count |\n| --- | ---: |\n| AWS::EC2::Subnet | 2 |\n| AWS::EC2::VPC | 1 |\n',
  );
  expect(md).not.toContain('SubnetA');
});

test('--format text marks guarded changes and ends with the verdict and the YAML to allow them', () => {
  const text = formatPlan(plan, 'text');
  expect(text).toContain(
    'Tenant-RGR-prod: 1 changed, 1 replaced\n  ! SpokeVpc AWS::EC2::VPC: replace (CidrBlock)  <- guarded\n',
  );
  expect(text).toContain(
    'delete Core-LogArchive/FlowLogs (AWS::S3::Bucket): allowed by config/exceptions.yaml (cyber@england.nhs.uk, until 2026-07-01)',
  );
  expect(text).toContain(
    'replace Tenant-RGR-prod/SpokeVpc (AWS::EC2::VPC): BLOCKED: VPC: every workload in it goes with it',
  );
  expect(text).toMatch(
    /Blocked: 1 delete .*\n\nIf intended, a security reviewer adds to config\/exceptions.yaml:\nallowDestructive:\n/,
  );
});

test('--format json carries the verdict and per-stack counts', () => {
  const json = JSON.parse(formatPlan(plan, 'json'));
  expect(json).toMatchObject({ ok: false, blocked: 1, orphaned: 0, stacksCompared: 9 });
  expect(json.stacks[1].counts).toEqual({ add: 0, update: 1, replace: 1, delete: 0, orphan: 0 });
  expect(planJson({ ...plan, guard: [] })).toMatchObject({ ok: true, blocked: 0 });
});

test('a plan with nothing to synthesize says so', () => {
  const none: ChangePlan = {
    ...plan,
    scope: { kind: 'none', reason: 'no file that reaches a template changed' },
    stacksCompared: 0,
    stacks: [],
    guard: [],
  };
  expect(formatPlan(none, 'text')).toBe(
    'Change plan against origin/main (0123456789ab): nothing synthesized: no file that reaches a template changed; 0 stacks compared.\n\nNo resource changes.\n',
  );
});
