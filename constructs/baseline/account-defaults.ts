import {
  CustomResource,
  Duration,
  RemovalPolicy,
  aws_iam as iam,
  aws_kms as kms,
  aws_lambda as lambda,
  aws_logs as logs,
  custom_resources as cr,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ACCOUNT_DEFAULTS_ENTRY, bundledHandlerCode, HANDLER_RUNTIME } from './handler-code';

export interface AccountDefaultsProps {
  /** Customer-managed key new EBS volumes are encrypted with by default. */
  readonly ebsKey: kms.IKey;
  /** Key for the custom resource's log groups. */
  readonly logsKey: kms.IKey;
  /** Days the custom resource's logs are kept (the estate's log retention). */
  readonly logRetentionDays: number;
  /** Name of the execution role; it matches the platform role pattern the SCPs exempt. */
  readonly roleName: string;
  /**
   * Handler entry point.
   * @default lib/handlers/account-defaults/index.ts
   */
  readonly entry?: string;
}

/**
 * Turns on EC2 account defaults CloudFormation has no resource for: EBS encryption by default
 * with the account's EBS key, and IMDSv2 (tokens required) for new instances. A custom resource
 * runs the account-defaults handler through a Provider. The handler's role carries the platform
 * role prefix, because the guardrail SCPs deny everyone else these EC2 calls.
 */
export class AccountDefaults extends Construct {
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: AccountDefaultsProps) {
    super(scope, id);
    const role = new iam.Role(this, 'Role', {
      roleName: props.roleName,
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Runs the account-defaults custom resource (EBS encryption, IMDSv2)',
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
        ],
        // These are account-level settings with no resource ARN.
        resources: ['*'],
      }),
    );
    props.ebsKey.grant(role, 'kms:DescribeKey');
    const logGroup = (name: string) =>
      new logs.LogGroup(this, name, {
        encryptionKey: props.logsKey,
        retention: props.logRetentionDays as logs.RetentionDays,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    const handlerLogs = logGroup('HandlerLogs');
    // The handler runs as `role`, which CDK does not give the basic execution policy.
    handlerLogs.grantWrite(role);
    const handler = new lambda.Function(this, 'Handler', {
      runtime: HANDLER_RUNTIME,
      handler: 'index.handler',
      code: bundledHandlerCode(props.entry ?? ACCOUNT_DEFAULTS_ENTRY),
      role,
      timeout: Duration.minutes(2),
      logGroup: handlerLogs,
      description: 'Sets EC2 account defaults: EBS encryption by default and IMDSv2',
    });
    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: handler,
      logGroup: logGroup('ProviderLogs'),
    });
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::AccountDefaults',
      properties: { KmsKeyArn: props.ebsKey.keyArn },
    });
  }
}
