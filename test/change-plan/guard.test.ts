import { AllowDestructive, guardChanges } from '../../lib/change-plan/guard';
import { ResourceChange, StackChange } from '../../lib/change-plan/types';

const TODAY = '2026-06-01';
const vpcReplace: ResourceChange = {
  logicalId: 'SpokeVpc',
  type: 'AWS::EC2::VPC',
  kind: 'replace',
  properties: ['CidrBlock'],
  guarded: 'VPC: every workload in it goes with it',
};
const stacks = (...changes: ResourceChange[]): StackChange[] => [
  { stack: 'Tenant-RGR-prod', tenant: 'RGR', status: 'changed', changes },
];
const entry = (over: Partial<AllowDestructive> = {}): AllowDestructive => ({
  stack: 'Tenant-RGR-prod',
  logicalId: 'SpokeVpc',
  change: 'replace',
  reason: 'Re-addressing RGR prod before go-live; no workloads yet.',
  approver: 'cyber@england.nhs.uk',
  expires: '2026-07-01',
  ...over,
});

describe('guardChanges', () => {
  test.each<[string, AllowDestructive[], { allowed: boolean; expiredEntry?: string }]>([
    ['no entry: blocked', [], { allowed: false }],
    ['a matching entry: allowed', [entry()], { allowed: true }],
    ['an entry that expires today: allowed', [entry({ expires: TODAY })], { allowed: true }],
    [
      'an expired entry: blocked, and says so',
      [entry({ expires: '2026-05-31' })],
      { allowed: false, expiredEntry: 'expired on 2026-05-31' },
    ],
    ['an entry for delete does not allow a replace', [entry({ change: 'delete' })], { allowed: false }],
    [
      'an entry for another stack does not match',
      [entry({ stack: 'Tenant-RGR-nonprod' })],
      { allowed: false },
    ],
    ['an entry for another resource does not match', [entry({ logicalId: 'Other' })], { allowed: false }],
  ])('%s', (_name, allowed, expected) => {
    const [decision, ...rest] = guardChanges(stacks(vpcReplace), allowed, TODAY);
    expect(rest).toEqual([]);
    expect(decision).toMatchObject({
      stack: 'Tenant-RGR-prod',
      tenant: 'RGR',
      needs: 'replace',
      change: vpcReplace,
    });
    expect(decision!.allowedBy !== undefined).toBe(expected.allowed);
    expect(decision!.expiredEntry).toBe(expected.expiredEntry);
  });

  test('an allowed change carries the reason, approver and expiry', () => {
    expect(guardChanges(stacks(vpcReplace), [entry()], TODAY)[0]!.allowedBy).toEqual({
      reason: 'Re-addressing RGR prod before go-live; no workloads yet.',
      approver: 'cyber@england.nhs.uk',
      expires: '2026-07-01',
    });
  });

  test('only deletes and replacements of guarded resources are decided', () => {
    const changes: ResourceChange[] = [
      { logicalId: 'Role', type: 'AWS::IAM::Role', kind: 'replace', properties: ['RoleName'] },
      { logicalId: 'Vpc2', type: 'AWS::EC2::VPC', kind: 'update', properties: ['Tags'], guarded: 'VPC' },
      { logicalId: 'Key', type: 'AWS::KMS::Key', kind: 'add' },
      { logicalId: 'Logs', type: 'AWS::S3::Bucket', kind: 'delete', retained: true, guarded: 'bucket' },
    ];
    expect(guardChanges(stacks(...changes), [], TODAY).map((d) => [d.needs, d.change.logicalId])).toEqual([
      ['delete', 'Logs'],
    ]);
  });

  test('an orphaned delete (retained, nothing of its type added) is not decided', () => {
    const logs: ResourceChange = {
      logicalId: 'ProviderLogs',
      type: 'AWS::Logs::LogGroup',
      kind: 'delete',
      retained: true,
      guarded: 'log group',
    };
    const decided = (change: ResourceChange) => guardChanges(stacks(change), [], TODAY).length;
    expect(decided({ ...logs, orphaned: true })).toBe(0);
    expect(decided(logs)).toBe(1);
  });
});
