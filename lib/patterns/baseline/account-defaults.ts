import {
  CustomResource,
  Duration,
  RemovalPolicy,
  Stack,
  aws_iam as iam,
  aws_kms as kms,
  aws_lambda as lambda,
  aws_logs as logs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ACCOUNT_DEFAULTS_ENTRY, bundledHandlerCode, HANDLER_RUNTIME } from './handler-code';

export interface AccountDefaultsProps {
  /** Customer-managed key new EBS volumes are encrypted with by default. */
  readonly ebsKey: kms.IKey;
  /** Key for the handler's log group. */
  readonly logsKey: kms.IKey;
  /** Days the handler's logs are kept (the estate's log retention). */
  readonly logRetentionDays: number;
  /** Name of the execution role; it matches the platform role pattern the SCPs exempt. */
  readonly roleName: string;
  /**
   * Default security groups to close (every rule revoked): the spoke VPC's in a tenant account,
   * instead of the CDK's per-VPC `restrictDefaultSecurityGroup` Lambda.
   * @default none
   */
  readonly defaultSecurityGroupIds?: readonly string[];
  /**
   * Handler entry point.
   * @default lib/handlers/account-defaults/index.ts
   */
  readonly entry?: string;
}

/**
 * Turns on EC2 account defaults CloudFormation has no resource for: EBS encryption by default
 * with the account's EBS key, and IMDSv2 (tokens required) for new instances; and closes the
 * default security groups it is given. The handler Lambda is the custom resource's service
 * token and answers CloudFormation itself (no cr.Provider framework: one function, role and
 * log group per account instead of two). Its role carries the platform role prefix, because
 * the guardrail SCPs deny everyone else these EC2 calls.
 */
export class AccountDefaults extends Construct {
  readonly resource: CustomResource;
  readonly handler: lambda.Function;

  constructor(scope: Construct, id: string, props: AccountDefaultsProps) {
    super(scope, id);
    const securityGroupIds = props.defaultSecurityGroupIds ?? [];
    const role = new iam.Role(this, 'Role', {
      roleName: props.roleName,
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description:
        'Runs the account-defaults custom resource (EBS encryption, IMDSv2, default security groups)',
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'Ec2AccountDefaults',
        actions: [
          'ec2:EnableEbsEncryptionByDefault',
          'ec2:GetEbsDefaultKmsKeyId',
          'ec2:GetEbsEncryptionByDefault',
          'ec2:GetInstanceMetadataDefaults',
          'ec2:ModifyEbsDefaultKmsKeyId',
          'ec2:ModifyInstanceMetadataDefaults',
          // Describe calls take no resource ARN either; only read with groups to close.
          ...(securityGroupIds.length > 0 ? ['ec2:DescribeSecurityGroups'] : []),
        ],
        // These are account-level settings with no resource ARN.
        resources: ['*'],
      }),
    );
    if (securityGroupIds.length > 0) {
      const stack = Stack.of(this);
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'CloseDefaultSecurityGroups',
          actions: ['ec2:RevokeSecurityGroupEgress', 'ec2:RevokeSecurityGroupIngress'],
          resources: securityGroupIds.map((sg) =>
            stack.formatArn({ service: 'ec2', resource: 'security-group', resourceName: sg }),
          ),
        }),
      );
    }
    props.ebsKey.grant(role, 'kms:DescribeKey');
    const logGroup = new logs.LogGroup(this, 'HandlerLogs', {
      encryptionKey: props.logsKey,
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The handler runs as `role`, which CDK does not give the basic execution policy.
    logGroup.grantWrite(role);
    this.handler = new lambda.Function(this, 'Handler', {
      runtime: HANDLER_RUNTIME,
      handler: 'index.handler',
      code: bundledHandlerCode(props.entry ?? ACCOUNT_DEFAULTS_ENTRY),
      role,
      timeout: Duration.minutes(2),
      logGroup,
      description: 'Sets EC2 account defaults (EBS encryption, IMDSv2) and closes default security groups',
    });
    // A new logical ID, not 'Resource': CloudFormation cannot change a custom resource's
    // ServiceToken in place, and stacks deployed with the Provider framework point at it.
    this.resource = new CustomResource(this, 'Defaults', {
      serviceToken: this.handler.functionArn,
      resourceType: 'Custom::AccountDefaults',
      properties: {
        KmsKeyArn: props.ebsKey.keyArn,
        ...(securityGroupIds.length > 0 && { DefaultSecurityGroupIds: securityGroupIds }),
      },
    });
  }
}
