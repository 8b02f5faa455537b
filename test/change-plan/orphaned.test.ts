import { classifyStacks } from '../../lib/change-plan/classify-diff';
import { formatPlan } from '../../lib/change-plan/format-plan';
import { MAX_ORPHAN_STACKS } from '../../lib/change-plan/format-markdown';
import { guardChanges } from '../../lib/change-plan/guard';
import {
  blockedDecisions,
  ChangePlan,
  SynthesizedStack,
  TemplateResource,
} from '../../lib/change-plan/types';

/**
 * Removing a retained resource only orphans it: CloudFormation forgets it, the resource and its
 * data stay in the account. Template pairs through classify, guard and the formats; no synth.
 */
const TODAY = '2026-06-01';
const PROVIDER_LOGS = 'BaselineAccountDefaultsProviderLogs1F2E3D4C';

const logGroup = (name: string, policy?: string): TemplateResource => ({
  Type: 'AWS::Logs::LogGroup',
  Properties: { LogGroupName: name, RetentionInDays: 365 },
  ...(policy && { DeletionPolicy: policy, UpdateReplacePolicy: policy }),
});
const role: TemplateResource = { Type: 'AWS::IAM::Role', Properties: { RoleName: 'r' } };
const account = (name: string, resources: Record<string, TemplateResource>): SynthesizedStack => ({
  name,
  tenant: 'RGR',
  template: { Resources: resources },
});

/** The plan for base and head stacks, with no allowDestructive entries. */
function planOf(base: SynthesizedStack[], head: SynthesizedStack[]): ChangePlan {
  const stacks = classifyStacks(base, head);
  return {
    base: { ref: 'origin/main', commit: '0123456789abcdef0123' },
    scope: { kind: 'full', reason: 'lib/patterns/baseline/account-defaults.ts changed' },
    exceptionsFile: 'config/exceptions.yaml',
    stacksCompared: head.length,
    stacks,
    guard: guardChanges(stacks, [], TODAY),
  };
}

/** Each account stack drops the Provider's retained log group and keeps the handler's. */
function dropProviderLogs(names: readonly string[], policy = 'Retain'): ChangePlan {
  const handlerLogs = logGroup('/nhs-cloud/account-defaults', 'Retain');
  return planOf(
    names.map((n) =>
      account(n, { HandlerLogs: handlerLogs, [PROVIDER_LOGS]: logGroup('/provider', policy), Role: role }),
    ),
    names.map((n) => account(n, { HandlerLogs: handlerLogs, Role: role })),
  );
}

describe('a deleted retained log group', () => {
  const plan = dropProviderLogs(['Tenant-RGR-prod', 'Tenant-RGR-nonprod']);

  test('is orphaned, not blocked', () => {
    expect(plan.stacks.map((s) => [s.stack, s.changes])).toEqual(
      ['Tenant-RGR-nonprod', 'Tenant-RGR-prod'].map((stack) => [
        stack,
        [
          {
            logicalId: PROVIDER_LOGS,
            type: 'AWS::Logs::LogGroup',
            kind: 'delete',
            retained: true,
            orphaned: true,
            guarded: 'log group: holds audit and network logs',
          },
        ],
      ]),
    );
    expect(plan.guard).toEqual([]);
  });

  test('RetainExceptOnCreate orphans it too', () => {
    const other = dropProviderLogs(['Tenant-RGR-prod'], 'RetainExceptOnCreate');
    expect(other.stacks[0]!.changes[0]).toMatchObject({ retained: true, orphaned: true });
    expect(other.guard).toEqual([]);
  });

  test('--format md passes, and lists it once with the stacks it leaves', () => {
    const md = formatPlan(plan, 'md');
    expect(md).toContain(
      '**2 stacks change; 2 resources removed from their stacks but retained in the account (orphaned).**',
    );
    expect(md).not.toContain('[!CAUTION]');
    expect(md).toContain(
      '### Removed from the stack, retained in the account (2 orphaned)\n\n' +
        'CloudFormation only forgets these resources (DeletionPolicy Retain or RetainExceptOnCreate in the base): they and their data stay in the account, so the guard does not block them. Delete them by hand once no longer needed.\n\n' +
        '| Resource | Type | Stacks | In |\n| --- | --- | ---: | --- |\n' +
        `| \`${PROVIDER_LOGS}\` | AWS::Logs::LogGroup | 2 | Tenant-RGR-nonprod, Tenant-RGR-prod |\n`,
    );
    expect(md).toContain('| RGR | Tenant-RGR-prod | 0 | 0 | 0 | 0 | 1 |');
    expect(md).toContain('<details><summary><b>Tenant-RGR-prod</b>: 1 orphaned</summary>');
    expect(md).toContain(
      `| orphaned | \`${PROVIDER_LOGS}\` | AWS::Logs::LogGroup | delete (retained, so orphaned) |`,
    );
  });

  test(`--format md names ${MAX_ORPHAN_STACKS} stacks per resource, then counts the rest`, () => {
    const names = Array.from({ length: MAX_ORPHAN_STACKS + 2 }, (_, i) => `Tenant-R${i}A-prod`);
    expect(formatPlan(dropProviderLogs(names), 'md')).toContain(
      `| \`${PROVIDER_LOGS}\` | AWS::Logs::LogGroup | 7 | Tenant-R0A-prod, Tenant-R1A-prod, Tenant-R2A-prod, Tenant-R3A-prod, Tenant-R4A-prod and 2 more |`,
    );
  });

  test('--format text lists it per stack, marked, before the verdict', () => {
    const text = formatPlan(plan, 'text');
    expect(text).toContain(
      `Tenant-RGR-prod: 1 orphaned\n  - ${PROVIDER_LOGS} AWS::Logs::LogGroup: delete (retained, so orphaned)  <- orphaned\n`,
    );
    expect(text).toContain(
      'Removed from the stack, retained in the account (2 orphaned; not blocked, delete by hand once no longer needed):\n' +
        `  Tenant-RGR-nonprod/${PROVIDER_LOGS} (AWS::Logs::LogGroup)\n` +
        `  Tenant-RGR-prod/${PROVIDER_LOGS} (AWS::Logs::LogGroup)\n\n` +
        '2 stacks change; 2 resources removed from their stacks but retained in the account (orphaned).\n',
    );
    expect(text).not.toContain('BLOCKED');
  });

  test('--format json passes, with the count, the list and per-stack counts', () => {
    const json = JSON.parse(formatPlan(plan, 'json'));
    expect(json).toMatchObject({ ok: true, blocked: 0, orphaned: 2, guard: [] });
    expect(json.orphanedResources).toEqual([
      { stack: 'Tenant-RGR-nonprod', tenant: 'RGR', logicalId: PROVIDER_LOGS, type: 'AWS::Logs::LogGroup' },
      { stack: 'Tenant-RGR-prod', tenant: 'RGR', logicalId: PROVIDER_LOGS, type: 'AWS::Logs::LogGroup' },
    ]);
    expect(json.stacks[1].counts).toEqual({ add: 0, update: 0, replace: 0, delete: 0, orphan: 1 });
  });
});

describe('still blocked', () => {
  test('a deleted log group that is not retained', () => {
    const plan = planOf(
      [account('Tenant-RGR-prod', { Logs: logGroup('/flow'), Role: role })],
      [account('Tenant-RGR-prod', { Role: role })],
    );
    expect(blockedDecisions(plan)).toEqual([
      {
        stack: 'Tenant-RGR-prod',
        tenant: 'RGR',
        needs: 'delete',
        change: {
          logicalId: 'Logs',
          type: 'AWS::Logs::LogGroup',
          kind: 'delete',
          guarded: 'log group: holds audit and network logs',
        },
      },
    ]);
    const md = formatPlan(plan, 'md');
    expect(md).toContain(
      '| Tenant-RGR-prod | `Logs` | AWS::Logs::LogGroup | delete | log group: holds audit and network logs |',
    );
    expect(md).not.toContain('Removed from the stack, retained in the account');
    expect(JSON.parse(formatPlan(plan, 'json'))).toMatchObject({ ok: false, blocked: 1, orphaned: 0 });
  });

  test('a replaced retained log group: the stack would use a new, empty one', () => {
    const plan = planOf(
      [account('Tenant-RGR-prod', { Logs: logGroup('/flow', 'Retain') })],
      [account('Tenant-RGR-prod', { Logs: logGroup('/flow-v2', 'Retain') })],
    );
    expect(blockedDecisions(plan)).toEqual([
      {
        stack: 'Tenant-RGR-prod',
        tenant: 'RGR',
        needs: 'replace',
        change: {
          logicalId: 'Logs',
          type: 'AWS::Logs::LogGroup',
          kind: 'replace',
          properties: ['LogGroupName'],
          guarded: 'log group: holds audit and network logs',
        },
      },
    ]);
  });

  test('a deleted retained log group when the stack adds another log group: maybe moved', () => {
    const plan = planOf(
      [account('Tenant-RGR-prod', { Logs: logGroup('/flow', 'Retain') })],
      [account('Tenant-RGR-prod', { FlowLogs: logGroup('/flow-v2', 'Retain') })],
    );
    expect(blockedDecisions(plan).map((d) => [d.needs, d.change.logicalId, d.change.orphaned])).toEqual([
      ['delete', 'Logs', undefined],
    ]);
    expect(formatPlan(plan, 'md')).toContain(
      '| Tenant-RGR-prod | `Logs` | AWS::Logs::LogGroup | delete (retained, so orphaned; the stack adds another of its type: moved?) | log group: holds audit and network logs |',
    );
  });
});
