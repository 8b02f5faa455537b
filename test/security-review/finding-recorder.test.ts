import { aws_sqs as sqs, CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { FindingRecorder, recordingPack } from '../../lib/security-review/finding-recorder';
import { newStack } from '../nag/helpers';

/** A pack of two rules: one that flags every queue, one that cannot evaluate queues. */
class QueuePack extends NagPack {
  public readonly name = 'AwsSolutions';
  constructor() {
    super();
    this.packName = 'AwsSolutions';
  }
  protected checkResource(node: CfnResource): void {
    const flagged = (n: CfnResource): NagRuleResult =>
      n.cfnResourceType === 'AWS::SQS::Queue'
        ? NagRuleCompliance.NON_COMPLIANT
        : NagRuleCompliance.NOT_APPLICABLE;
    const broken = (n: CfnResource): NagRuleResult => {
      if (n.cfnResourceType === 'AWS::SQS::Queue') throw new Error('an intrinsic it cannot read');
      return NagRuleCompliance.NOT_APPLICABLE;
    };
    for (const [rule, suffix] of [
      [flagged, 'SQS3'],
      [broken, 'SQS4'],
    ] as const)
      this.applyRule({
        rule,
        ruleSuffixOverride: suffix,
        level: NagMessageLevel.ERROR,
        info: 'i',
        explanation: 'e',
        node,
      });
  }
}

describe('recordingPack with exceptions', () => {
  const stack = newStack();
  const covered = new sqs.Queue(stack, 'Covered');
  new sqs.Queue(stack, 'Open');

  function run(): { recorder: FindingRecorder; violations: string[] } {
    const recorder = new FindingRecorder();
    recorder.useExceptions(
      ['AwsSolutions-SQS3', 'AwsSolutions-SQS4'].map((rule, exception) => ({
        exception,
        rule,
        pattern: new RegExp(`^${rule}$`),
        constructs: new Set([covered]),
      })),
    );
    const report = recordingPack(QueuePack, recorder).validateScope(stack);
    const violations = report.violations.flatMap((v) =>
      v.violatingResources.map((r) => `${v.ruleName} ${(r.constructPath ?? '').replace(/^\//, '')}`),
    );
    return { recorder, violations: violations.sort() };
  }

  test('withholds covered findings and rule errors from cdk-nag, recording the exception', () => {
    const { recorder, violations } = run();
    expect(violations).toEqual([
      'AwsSolutions-SQS3 Stack/Open/Resource',
      'AwsSolutions-SQS4 Stack/Open/Resource',
    ]);
    expect(
      recorder.findings.map((f) => [f.id, f.node.node.path, f.exception, f.ruleError !== undefined]).sort(),
    ).toEqual([
      ['AwsSolutions-SQS3', 'Stack/Covered/Resource', 0, false],
      ['AwsSolutions-SQS3', 'Stack/Open/Resource', undefined, false],
      ['AwsSolutions-SQS4', 'Stack/Covered/Resource', 1, true],
      ['AwsSolutions-SQS4', 'Stack/Open/Resource', undefined, true],
    ]);
  });
});
