import { sourceFromTrace } from '../../lib/security-review/source-location';

describe('sourceFromTrace', () => {
  const root = '/repo';

  it('takes the first frame of our code, skipping elided and dependency frames', () => {
    const frames = [
      '...new Vpc2 in aws-cdk-lib...',
      'Function.x (/repo/node_modules/aws-cdk-lib/aws-ec2/lib/vpc.js:1:295)',
      'new SpokeVpc (/repo/constructs/spoke-vpc/spoke-vpc.ts:24:16)',
      'new TenantEnvironmentStack (/repo/lib/stacks/tenant-environment-stack.ts:17:18)',
    ];
    expect(sourceFromTrace(frames, root)).toEqual({
      file: 'constructs/spoke-vpc/spoke-vpc.ts',
      line: 24,
      column: 16,
    });
  });

  it('reads frames joined into one string, as the CDK report stores them', () => {
    expect(
      sourceFromTrace(
        ['...aws-cdk-lib...\n    at new LogBucket (/repo/constructs/log-bucket.ts:44:19)'],
        root,
      ),
    ).toEqual({
      file: 'constructs/log-bucket.ts',
      line: 44,
      column: 19,
    });
  });

  it('finds nothing when no frame is inside the repository', () => {
    expect(sourceFromTrace(['Array.forEach (:)', 'm (/tmp/probe.ts:3:17)'], root)).toBeUndefined();
  });
});
