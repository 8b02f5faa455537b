import { mergeStackChanges } from '../../lib/change-plan/merge-stacks';
import { StackChange } from '../../lib/change-plan/types';

const change = (stack: string, tenant: string | undefined, ...ids: string[]): StackChange => ({
  stack,
  tenant,
  status: 'changed',
  changes: ids.map((logicalId) => ({ logicalId, type: 'AWS::EC2::Route', kind: 'add' })),
});

test('a platform stack seen in two narrowed comparisons keeps each change once; platform first', () => {
  const merged = mergeStackChanges([
    change('Tenant-RGR-prod', 'RGR', 'A'),
    change('Core-Network-Shard-001', undefined, 'RouteRgr', 'Shared'),
    change('Tenant-RDE-prod', 'RDE', 'B'),
    change('Core-Network-Shard-001', undefined, 'RouteRde', 'Shared'),
  ]);
  expect(merged.map((s) => [s.stack, s.changes.map((c) => c.logicalId)])).toEqual([
    ['Core-Network-Shard-001', ['RouteRgr', 'Shared', 'RouteRde']],
    ['Tenant-RDE-prod', ['B']],
    ['Tenant-RGR-prod', ['A']],
  ]);
});
