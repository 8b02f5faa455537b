import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { statefulTypes } from '../lib/change-plan/stateful-types';
import { HANDLER_RUNTIME } from '../lib/patterns/baseline/handler-code';
import { buildModel, landingZoneModel } from './stacks/landing-zone/example-landing-zone';

/**
 * Data protection, shown rather than claimed: the whole example estate (with a landing-zone
 * block, the CSOC endpoint and one account to vend) is synthesized once, and every resource of
 * a type AWS's resource specification marks stateful (lib/change-plan/stateful-types.ts) must
 * survive both deletion and replacement: retained, or snapshotted where the type allows it.
 */
const KEEPS_DATA = ['Retain', 'RetainExceptOnCreate', 'Snapshot'];

const { app } = buildModel(landingZoneModel());
const stacks = app.node.children.filter((c): c is Stack => c instanceof Stack);
const resources = stacks.flatMap((stack) =>
  Object.entries(
    Template.fromStack(stack).toJSON().Resources as Record<
      string,
      {
        Type: string;
        DeletionPolicy?: string;
        UpdateReplacePolicy?: string;
        Properties?: { Runtime?: unknown };
      }
    >,
  ).map(([id, resource]) => ({ stack: stack.stackName, where: `${stack.stackName}/${id}`, ...resource })),
);
const stateful = resources.filter((r) => statefulTypes().has(r.Type));

describe('data protection across the example estate', () => {
  it('keeps every resource of a stateful type on delete and on replacement', () => {
    const exposed = stateful
      .filter(
        (r) =>
          !KEEPS_DATA.includes(r.DeletionPolicy ?? '') || !KEEPS_DATA.includes(r.UpdateReplacePolicy ?? ''),
      )
      .map(
        (r) =>
          `${r.where} ${r.Type} (DeletionPolicy ${r.DeletionPolicy ?? 'none'}, UpdateReplacePolicy ${r.UpdateReplacePolicy ?? 'none'})`,
      );
    expect(exposed).toEqual([]);
  });

  it('checked the stateful types the estate holds, the CSOC dead-letter queue among them', () => {
    // A type that never appears would make the check above pass vacuously for it.
    expect([...new Set(stateful.map((r) => r.Type))].sort()).toEqual([
      'AWS::Backup::BackupVault',
      'AWS::KMS::Key',
      'AWS::Logs::LogGroup',
      'AWS::Organizations::Account',
      'AWS::S3::Bucket',
      'AWS::SQS::Queue',
    ]);
    expect(stateful.filter((r) => r.Type === 'AWS::SQS::Queue').map((r) => r.stack)).toEqual([
      'Core-Security',
    ]);
  });

  it('protects every core stack from termination', () => {
    const core = stacks.filter((s) => s.stackName.startsWith('Core-'));
    expect(core.length).toBeGreaterThanOrEqual(7);
    expect(core.filter((s) => !s.terminationProtection).map((s) => s.stackName)).toEqual([]);
  });

  it('found the estate it meant to check', () => {
    expect(stacks.some((s) => s.stackName.startsWith('Tenant-'))).toBe(true);
    expect(stacks.some((s) => s.stackName.startsWith('Org-'))).toBe(true);
  });
});

// Shares this file's synth of the example estate (one synth per file keeps the suite fast).
describe('one Lambda runtime across the example estate', () => {
  it('runs every function, ours and the CDK-provided ones, on the handlers runtime (Node 24)', () => {
    const functions = resources.filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThan(10);
    expect(HANDLER_RUNTIME.name).toBe('nodejs24.x');
    const others = functions
      .filter((f) => f.Properties?.Runtime !== HANDLER_RUNTIME.name)
      .map((f) => `${f.where}: ${JSON.stringify(f.Properties?.Runtime)}`);
    expect(others).toEqual([]);
  });
});
