import { Duration, RemovalPolicy, Stack, aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { KeyPurpose } from '../../planners/landing-zone/baseline-plan';

export interface BaselineKeyProps {
  readonly purpose: KeyPurpose;
  /** Alias prefix, the estate name: the key is `alias/<prefix>/<purpose>`. */
  readonly aliasPrefix: string;
  /**
   * Backup account allowed to use the key, so AWS Backup copies can leave this account: for
   * resource types Backup does not fully manage (EBS, EC2) the copy stays under the source key
   * (https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html).
   * @default no cross-account use
   */
  readonly backupAccount?: string;
}

const DESCRIPTIONS: Record<KeyPurpose, string> = {
  ebs: 'Default encryption of new EBS volumes and snapshots',
  logs: 'CloudWatch Logs log groups of platform functions',
  backup: 'AWS Backup vault for patient data',
  data: "The tenant's patient-data stores (RDS, EFS): copies to the backup account need a customer-managed key",
};

const USE = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'];

/**
 * A customer-managed key for one purpose: rotated yearly, retained when the stack or the
 * resource is removed, and granted only to the service that uses it (EBS through EC2 in this
 * account, CloudWatch Logs for this account's log groups, AWS Backup).
 */
export class BaselineKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: BaselineKeyProps) {
    super(scope, id);
    const { account, region } = Stack.of(this);
    this.key = new kms.Key(this, 'Resource', {
      description: DESCRIPTIONS[props.purpose],
      alias: `alias/${props.aliasPrefix}/${props.purpose}`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const statement of serviceStatements(props, account, region))
      this.key.addToResourcePolicy(statement);
  }
}

function serviceStatements(props: BaselineKeyProps, account: string, region: string): iam.PolicyStatement[] {
  return [...ownStatements(props, account, region), ...backupCopies(props.backupAccount)];
}

function backupCopies(backupAccount: string | undefined): iam.PolicyStatement[] {
  if (!backupAccount) return [];
  return [
    new iam.PolicyStatement({
      sid: 'CopiesToTheBackupAccount',
      principals: [new iam.AccountPrincipal(backupAccount)],
      actions: [...USE, 'kms:CreateGrant'],
      resources: ['*'],
    }),
  ];
}

function ownStatements(props: BaselineKeyProps, account: string, region: string): iam.PolicyStatement[] {
  switch (props.purpose) {
    case 'ebs':
      // Any principal of this account launching through EC2, including the Auto Scaling
      // service-linked role, which a key policy cannot name before it exists.
      return [
        new iam.PolicyStatement({
          sid: 'EbsThroughEc2InThisAccount',
          principals: [new iam.AnyPrincipal()],
          actions: [...USE, 'kms:CreateGrant'],
          resources: ['*'],
          conditions: {
            StringEquals: { 'kms:CallerAccount': account, 'kms:ViaService': `ec2.${region}.amazonaws.com` },
          },
        }),
      ];
    case 'logs':
      return [
        new iam.PolicyStatement({
          sid: 'CloudWatchLogsOfThisAccount',
          principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
          actions: USE,
          resources: ['*'],
          conditions: {
            ArnLike: {
              'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region}:${account}:log-group:*`,
            },
          },
        }),
      ];
    case 'backup':
    case 'data':
      return [];
  }
}
