import { Duration, RemovalPolicy, aws_kms as kms } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface RetainedKeyProps {
  readonly alias: string;
  readonly description: string;
}

/**
 * A customer-managed key for a core account: rotated yearly, 30 days' pending deletion, and
 * retained when the stack or the resource goes, so encrypted logs and backups stay readable.
 */
export function retainedKey(scope: Construct, id: string, props: RetainedKeyProps): kms.Key {
  return new kms.Key(scope, id, {
    alias: props.alias,
    description: props.description,
    enableKeyRotation: true,
    pendingWindow: Duration.days(30),
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
