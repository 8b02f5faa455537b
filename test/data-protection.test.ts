import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildModel, landingZoneModel } from './stacks/landing-zone/example-landing-zone';

/**
 * Data protection, shown rather than claimed: the whole example estate (with a landing-zone
 * block and one account to vend) is synthesized once, and every stateful resource in every
 * template must survive both deletion and replacement.
 */
const STATEFUL = [
  'AWS::S3::Bucket',
  'AWS::KMS::Key',
  'AWS::Logs::LogGroup',
  'AWS::Backup::BackupVault',
  'AWS::Organizations::Account',
] as const;

const { app } = buildModel(landingZoneModel());
const stacks = app.node.children.filter((c): c is Stack => c instanceof Stack);
const resources = stacks.flatMap((stack) =>
  Object.entries(
    Template.fromStack(stack).toJSON().Resources as Record<
      string,
      { Type: string; DeletionPolicy?: string; UpdateReplacePolicy?: string }
    >,
  ).map(([id, resource]) => ({ where: `${stack.stackName}/${id}`, ...resource })),
);

describe('data protection across the example estate', () => {
  it.each(STATEFUL)('every %s is retained on delete and on replacement', (type) => {
    const found = resources.filter((r) => r.Type === type);
    // A type that never appears would make this test pass vacuously.
    expect(found.length).toBeGreaterThan(0);
    const exposed = found
      .filter((r) => r.DeletionPolicy !== 'Retain' || r.UpdateReplacePolicy !== 'Retain')
      .map(
        (r) =>
          `${r.where} (DeletionPolicy ${r.DeletionPolicy ?? 'none'}, UpdateReplacePolicy ${r.UpdateReplacePolicy ?? 'none'})`,
      );
    expect(exposed).toEqual([]);
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
