import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRules } from 'cdk-nag';
import { isSensitive } from '../../classification';
import { isCustomerManagedKey } from '../../kms';
import { entries, field, isTrue, renderedProperties } from '../../rendered';
import { namedRule } from '../../rule';

type Props = Record<string, unknown>;

/** Per store type: whether it is encrypted with a customer-managed key, or undefined if not applicable. */
const KEY_CHECKS: Readonly<Record<string, (node: CfnResource, props: Props) => boolean | undefined>> = {
  'AWS::S3::Bucket': (node, props) => {
    const rules = entries(
      field(props, 'BucketEncryption', 'ServerSideEncryptionConfiguration'),
      'BucketEncryption',
    );
    return (
      rules.length > 0 &&
      rules.every((rule) => {
        const byDefault = field(rule, 'ServerSideEncryptionByDefault');
        const algorithm = NagRules.resolveIfPrimitive(node, field(byDefault, 'SSEAlgorithm'));
        return (
          ['aws:kms', 'aws:kms:dsse'].includes(algorithm) &&
          isCustomerManagedKey(field(byDefault, 'KMSMasterKeyID'))
        );
      })
    );
  },
  'AWS::EC2::Volume': (node, props) => isTrue(node, props.Encrypted) && isCustomerManagedKey(props.KmsKeyId),
  // An instance in an Aurora cluster is encrypted by its cluster, which is checked instead.
  'AWS::RDS::DBInstance': (node, props) =>
    props.DBClusterIdentifier !== undefined
      ? undefined
      : isTrue(node, props.StorageEncrypted) && isCustomerManagedKey(props.KmsKeyId),
  'AWS::RDS::DBCluster': (node, props) =>
    isTrue(node, props.StorageEncrypted) && isCustomerManagedKey(props.KmsKeyId),
  'AWS::DynamoDB::Table': (node, props) =>
    dynamoKms(node, props) && isCustomerManagedKey(field(props, 'SSESpecification', 'KMSMasterKeyId')),
  'AWS::DynamoDB::GlobalTable': (node, props) => {
    const replicas = entries(props.Replicas, 'Replicas');
    return (
      dynamoKms(node, props) &&
      replicas.length > 0 &&
      replicas.every((replica) => isCustomerManagedKey(field(replica, 'SSESpecification', 'KMSMasterKeyId')))
    );
  },
  'AWS::EFS::FileSystem': (node, props) =>
    isTrue(node, props.Encrypted) && isCustomerManagedKey(props.KmsKeyId),
  'AWS::Backup::BackupVault': (_node, props) => isCustomerManagedKey(props.EncryptionKeyArn),
  'AWS::Logs::LogGroup': (_node, props) => isCustomerManagedKey(props.KmsKeyId),
  'AWS::SNS::Topic': (_node, props) => isCustomerManagedKey(props.KmsMasterKeyId),
  'AWS::SQS::Queue': (_node, props) => isCustomerManagedKey(props.KmsMasterKeyId),
};

function dynamoKms(node: CfnResource, props: Props): boolean {
  const sse = field(props, 'SSESpecification');
  const type = field(sse, 'SSEType');
  return (
    isTrue(node, field(sse, 'SSEEnabled')) &&
    (type === undefined || NagRules.resolveIfPrimitive(node, type) === 'KMS')
  );
}

/**
 * Stores holding OFFICIAL-SENSITIVE or patient data (stack or resource tagged
 * data-classification=OFFICIAL-SENSITIVE or patient-data=true) are encrypted with a
 * customer-managed KMS key: not unencrypted, not SSE-S3/AES256 or SSE-SQS, and not an AWS-managed
 * key (alias/aws/...), whose key policy the NHS cannot restrict or audit. Covers S3 buckets, EBS
 * volumes, RDS instances and clusters, DynamoDB tables, EFS, Backup vaults, log groups, SNS
 * topics and SQS queues.
 *
 * NCSC Cloud Security Principle 2, Asset protection and resilience (data at rest protection).
 */
export default namedRule(__filename, (node) => {
  const check = KEY_CHECKS[node.cfnResourceType];
  if (!check || !isSensitive(node)) return NagRuleCompliance.NOT_APPLICABLE;
  const verdict = check(node, renderedProperties(node));
  if (verdict === undefined) return NagRuleCompliance.NOT_APPLICABLE;
  return verdict ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
});
