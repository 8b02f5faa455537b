import { classifyStack, classifyStacks } from '../../lib/change-plan/classify-diff';
import { SynthesizedStack, Template, TemplateResource } from '../../lib/change-plan/types';

const vpc = (cidr: string, extra: Partial<TemplateResource['Properties']> = {}): TemplateResource => ({
  Type: 'AWS::EC2::VPC',
  Properties: { CidrBlock: cidr, ...extra },
});
const bucket = (name: string): TemplateResource => ({
  Type: 'AWS::S3::Bucket',
  Properties: { BucketName: name },
  DeletionPolicy: 'Retain',
  UpdateReplacePolicy: 'Retain',
});
const role: TemplateResource = { Type: 'AWS::IAM::Role', Properties: { RoleName: 'r' } };
const stack = (resources: Record<string, TemplateResource>, name = 'Tenant-RGR-prod'): SynthesizedStack => ({
  name,
  tenant: 'RGR',
  template: { Resources: resources } as Template,
});

interface Case {
  readonly name: string;
  readonly before: Record<string, TemplateResource>;
  readonly after: Record<string, TemplateResource>;
  readonly expected: readonly object[];
}

describe('classifyStack', () => {
  test.each<Case>([
    {
      name: 'a new resource is added',
      before: {},
      after: { Role: role },
      expected: [{ logicalId: 'Role', type: 'AWS::IAM::Role', kind: 'add' }],
    },
    {
      name: 'a new CIDR replaces the VPC and names the property',
      before: { Vpc: vpc('10.64.0.0/21') },
      after: { Vpc: vpc('10.66.0.0/21') },
      expected: [
        {
          logicalId: 'Vpc',
          type: 'AWS::EC2::VPC',
          kind: 'replace',
          properties: ['CidrBlock'],
          guarded: 'VPC: every workload in it goes with it',
        },
      ],
    },
    {
      name: 'a property that replaces only sometimes is a conditional replacement',
      before: { Vpc: vpc('10.64.0.0/21', { InstanceTenancy: 'default' }) },
      after: { Vpc: vpc('10.64.0.0/21', { InstanceTenancy: 'dedicated' }) },
      expected: [
        {
          logicalId: 'Vpc',
          type: 'AWS::EC2::VPC',
          kind: 'replace',
          conditional: true,
          properties: ['InstanceTenancy'],
          guarded: 'VPC: every workload in it goes with it',
        },
      ],
    },
    {
      name: 'new tags update the VPC in place, so it is not guarded',
      before: { Vpc: vpc('10.64.0.0/21') },
      after: { Vpc: vpc('10.64.0.0/21', { Tags: [{ Key: 'a', Value: 'b' }] }) },
      expected: [{ logicalId: 'Vpc', type: 'AWS::EC2::VPC', kind: 'update', properties: ['Tags'] }],
    },
    {
      name: 'a removed retained bucket is a guarded delete that CloudFormation orphans',
      before: { Logs: bucket('logs'), Role: role },
      after: { Role: role },
      expected: [
        {
          logicalId: 'Logs',
          type: 'AWS::S3::Bucket',
          kind: 'delete',
          retained: true,
          orphaned: true,
          guarded: 'bucket: holds logs or backups',
        },
      ],
    },
    {
      name: 'a removed bucket that is not retained is deleted, not orphaned',
      before: { Logs: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'logs' } } },
      after: {},
      expected: [
        {
          logicalId: 'Logs',
          type: 'AWS::S3::Bucket',
          kind: 'delete',
          guarded: 'bucket: holds logs or backups',
        },
      ],
    },
    {
      name: 'a removed retained bucket is not orphaned when the stack adds another bucket',
      before: { LogsA: bucket('logs') },
      after: { LogsB: bucket('logs-v2') },
      expected: [
        {
          logicalId: 'LogsA',
          type: 'AWS::S3::Bucket',
          kind: 'delete',
          retained: true,
          guarded: 'bucket: holds logs or backups',
        },
        { logicalId: 'LogsB', type: 'AWS::S3::Bucket', kind: 'add' },
      ],
    },
    {
      name: 'a renamed logical ID is a delete of the old and an add of the new',
      before: { LogsA: bucket('logs') },
      after: { LogsB: bucket('logs') },
      expected: [
        {
          logicalId: 'LogsA',
          type: 'AWS::S3::Bucket',
          kind: 'delete',
          retained: true,
          renamedTo: 'LogsB',
          guarded: 'bucket: holds logs or backups',
        },
        { logicalId: 'LogsB', type: 'AWS::S3::Bucket', kind: 'add' },
      ],
    },
    {
      name: 'a changed type replaces the resource',
      before: { Thing: role },
      after: { Thing: bucket('b') },
      expected: [
        {
          logicalId: 'Thing',
          type: 'AWS::IAM::Role -> AWS::S3::Bucket',
          kind: 'replace',
          properties: [],
          guarded: 'bucket: holds logs or backups',
        },
      ],
    },
  ])('$name', ({ before, after, expected }) => {
    const change = classifyStack(stack(before), stack(after));
    expect(change).toEqual({ stack: 'Tenant-RGR-prod', tenant: 'RGR', status: 'changed', changes: expected });
  });

  test('identical templates have no change', () => {
    expect(
      classifyStack(stack({ Vpc: vpc('10.64.0.0/21') }), stack({ Vpc: vpc('10.64.0.0/21') })),
    ).toBeUndefined();
  });

  test('sorts deletes, then replacements, updates and additions', () => {
    const change = classifyStack(
      stack({ A: role, B: vpc('10.64.0.0/21'), C: vpc('10.65.0.0/21') }),
      stack({ B: vpc('10.64.0.0/21', { Tags: [] }), C: vpc('10.66.0.0/21'), D: role }),
    );
    expect(change?.changes.map((c) => `${c.kind} ${c.logicalId}`)).toEqual([
      'delete A',
      'replace C',
      'update B',
      'add D',
    ]);
  });
});

describe('classifyStacks', () => {
  test('pairs stacks by name: one only in the base is removed, one only in the head added', () => {
    const changes = classifyStacks(
      [stack({ Vpc: vpc('10.64.0.0/21') }, 'Tenant-RGR-test')],
      [stack({ Role: role }, 'Tenant-RGR-dev')],
    );
    expect(changes.map((c) => [c.stack, c.status, c.changes.map((r) => r.kind)])).toEqual([
      ['Tenant-RGR-dev', 'added', ['add']],
      ['Tenant-RGR-test', 'removed', ['delete']],
    ]);
    expect(changes[1]!.changes[0]).toMatchObject({ guarded: 'VPC: every workload in it goes with it' });
    expect(changes[1]!.changes[0]!.retained).toBeUndefined();
  });
});
