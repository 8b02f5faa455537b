import { Duration, RemovalPolicy, aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface RetainedKeyProps {
  readonly alias: string;
  readonly description: string;
  /**
   * The only principal (an ARN pattern: CloudFormation's execution role) that may change the
   * key policy. Nobody may disable the key or schedule its deletion, the account's own
   * administrators included: what it encrypts must stay readable for its whole retention.
   * @default the account's administrators keep full control
   */
  readonly policyChangedOnlyBy?: string;
}

/**
 * A customer-managed key for a core account: rotated yearly, 30 days' pending deletion, and
 * retained when the stack or the resource goes, so encrypted logs and backups stay readable.
 */
export function retainedKey(scope: Construct, id: string, props: RetainedKeyProps): kms.Key {
  const key = new kms.Key(scope, id, {
    alias: props.alias,
    description: props.description,
    enableKeyRotation: true,
    pendingWindow: Duration.days(30),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  if (props.policyChangedOnlyBy) {
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'NobodyDeletesOrDisables',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:DisableKey', 'kms:ScheduleKeyDeletion'],
        resources: ['*'],
      }),
    );
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'OnlyTheDeploymentChangesThePolicy',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:PutKeyPolicy'],
        resources: ['*'],
        conditions: { ArnNotLike: { 'aws:PrincipalArn': props.policyChangedOnlyBy } },
      }),
    );
  }
  return key;
}

/** CloudFormation's execution role in the stack's account, by the bootstrap qualifier. */
export function executionRolePattern(account: string, qualifier: string): string {
  return `arn:aws:iam::${account}:role/cdk-${qualifier}-cfn-exec-role-${account}-*`;
}
