import {
  RemovalPolicy,
  Stack,
  aws_iam as iam,
  aws_kms as kms,
  aws_logs as logs,
  custom_resources as cr,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface SdkCallProps {
  /** SDK v3 client name, e.g. 'Organizations'. */
  readonly service: string;
  readonly action: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly iamActions: readonly string[];
  /**
   * Resources the IAM actions apply to.
   * @default ['*'] (these organization-level APIs have no resource ARN)
   */
  readonly resources?: readonly string[];
  /** Error codes that mean the work is already done. @default none */
  readonly alreadyDone?: string;
  /** Stable physical ID; a new value re-runs the call. */
  readonly physicalId: string;
  /**
   * Response field to use as the physical ID instead, so its value can be read with getResponseField.
   * @default physicalId
   */
  readonly physicalIdFromResponse?: string;
  /** Response fields to keep (all others are dropped, to stay under the 4 KB response limit). @default none */
  readonly outputPaths?: readonly string[];
}

export interface SdkCallLogsProps {
  readonly retentionDays: number;
  /** Customer-managed key for the log group. */
  readonly encryptionKey: kms.IKey;
  /**
   * Name of the execution role the stack's SDK calls share. Give one with the platform role
   * prefix in a member account: the guardrail SCPs apply to every role there, a Lambda's
   * included, and exempt only the platform's names
   * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html).
   * @default a generated name (fine in the management account, where SCPs do not apply)
   */
  readonly roleName?: string;
}

const LOGS_ID = 'SdkCallLogs';
const ROLE_ID = 'SdkCallRole';

/**
 * The log group every deploy-time SDK call in a stack shares (they run in one singleton
 * function). Created once per stack, encrypted and retained like every other log group.
 */
export function sdkCallLogs(scope: Construct, props: SdkCallLogsProps): logs.ILogGroup {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(LOGS_ID) as logs.LogGroup | undefined;
  if (existing) return existing;
  const logGroup = new logs.LogGroup(stack, LOGS_ID, {
    retention: props.retentionDays as logs.RetentionDays,
    encryptionKey: props.encryptionKey,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  if (props.roleName) {
    const role = new iam.Role(stack, ROLE_ID, {
      roleName: props.roleName,
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: "Runs this stack's deploy-time SDK calls (each adds its own policy)",
    });
    logGroup.grantWrite(role);
  }
  return logGroup;
}

/**
 * One AWS API call made when the resource is created or updated (never on delete: switching a
 * control off must be deliberate). Runs at deploy time in the target account; synthesis makes
 * no call. Uses the Lambda runtime's SDK, never a download.
 */
export function sdkCall(
  scope: Construct,
  id: string,
  props: SdkCallProps,
  logGroup: logs.ILogGroup,
): cr.AwsCustomResource {
  const call: cr.AwsSdkCall = {
    service: props.service,
    action: props.action,
    parameters: props.parameters,
    physicalResourceId: props.physicalIdFromResponse
      ? cr.PhysicalResourceId.fromResponse(props.physicalIdFromResponse)
      : cr.PhysicalResourceId.of(props.physicalId),
    ignoreErrorCodesMatching: props.alreadyDone,
    outputPaths: props.outputPaths ? [...props.outputPaths] : [],
  };
  return new cr.AwsCustomResource(scope, id, {
    onCreate: call,
    onUpdate: call,
    installLatestAwsSdk: false,
    logGroup,
    role: Stack.of(scope).node.tryFindChild(ROLE_ID) as iam.IRole | undefined,
    policy: cr.AwsCustomResourcePolicy.fromStatements([
      new iam.PolicyStatement({ actions: [...props.iamActions], resources: [...(props.resources ?? ['*'])] }),
    ]),
  });
}
