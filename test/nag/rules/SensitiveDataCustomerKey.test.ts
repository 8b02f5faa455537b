import { CfnParameter, Stack, Tags } from 'aws-cdk-lib';
import { CfnBackupVault } from 'aws-cdk-lib/aws-backup';
import { CfnGlobalTable, CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import { CfnVolume } from 'aws-cdk-lib/aws-ec2';
import { CfnFileSystem } from 'aws-cdk-lib/aws-efs';
import { CfnKey } from 'aws-cdk-lib/aws-kms';
import { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnDBCluster, CfnDBInstance } from 'aws-cdk-lib/aws-rds';
import { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { CfnTopic } from 'aws-cdk-lib/aws-sns';
import { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { NagRuleCompliance } from 'cdk-nag';
import { SensitiveDataCustomerKey as rule } from '../../../lib/nag/rules/encryption';
import { newStack, validate, verdict } from '../helpers';

/** A fresh stack classified OFFICIAL-SENSITIVE, with a customer-managed key. */
function sensitiveStack(): { stack: Stack; key: string } {
  const stack = newStack();
  Tags.of(stack).add('data-classification', 'OFFICIAL-SENSITIVE');
  const key = new CfnKey(stack, 'Key', { keyPolicy: {} });
  return { stack, key: key.attrArn };
}

const bucketWith = (stack: Stack, sseAlgorithm: string, kmsMasterKeyId?: string) =>
  new CfnBucket(stack, 'Store', {
    bucketEncryption: {
      serverSideEncryptionConfiguration: [
        { serverSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyId } },
      ],
    },
  });

describe('SensitiveDataCustomerKey', () => {
  test.each<[string, (stack: Stack, key: string) => void]>([
    ['an unencrypted-by-KMS bucket (S3 default SSE-S3)', (stack) => new CfnBucket(stack, 'Store')],
    ['a bucket with AES256', (stack) => bucketWith(stack, 'AES256')],
    ['a bucket with the AWS-managed S3 key', (stack) => bucketWith(stack, 'aws:kms')],
    ['a bucket naming alias/aws/s3', (stack) => bucketWith(stack, 'aws:kms', 'alias/aws/s3')],
    [
      'an encrypted EBS volume without a key',
      (stack) => new CfnVolume(stack, 'Store', { availabilityZone: 'eu-west-2a', encrypted: true }),
    ],
    [
      'an unencrypted EBS volume',
      (stack, key) => new CfnVolume(stack, 'Store', { availabilityZone: 'eu-west-2a', kmsKeyId: key }),
    ],
    [
      'an RDS instance without a key',
      (stack) => new CfnDBInstance(stack, 'Store', { storageEncrypted: true }),
    ],
    [
      'an RDS cluster that is not encrypted',
      (stack, key) => new CfnDBCluster(stack, 'Store', { engine: 'aurora-postgresql', kmsKeyId: key }),
    ],
    ['a DynamoDB table on the AWS-owned key', (stack) => new CfnTable(stack, 'Store', { keySchema: [] })],
    [
      'a DynamoDB table on the AWS-managed key',
      (stack) => new CfnTable(stack, 'Store', { keySchema: [], sseSpecification: { sseEnabled: true } }),
    ],
    [
      'a global table with a replica on the AWS-managed key',
      (stack, key) =>
        new CfnGlobalTable(stack, 'Store', {
          keySchema: [],
          attributeDefinitions: [],
          sseSpecification: { sseEnabled: true, sseType: 'KMS' },
          replicas: [
            { region: 'eu-west-2', sseSpecification: { kmsMasterKeyId: key } },
            { region: 'eu-west-2' },
          ],
        }),
    ],
    ['an EFS file system without a key', (stack) => new CfnFileSystem(stack, 'Store', { encrypted: true })],
    [
      'a backup vault on the AWS-managed key',
      (stack) => new CfnBackupVault(stack, 'Store', { backupVaultName: 'vault' }),
    ],
    ['a log group without a key', (stack) => new CfnLogGroup(stack, 'Store')],
    [
      'a topic on alias/aws/sns',
      (stack) => new CfnTopic(stack, 'Store', { kmsMasterKeyId: 'alias/aws/sns' }),
    ],
    [
      'a queue on the alias ARN of alias/aws/sqs',
      (stack) =>
        new CfnQueue(stack, 'Store', { kmsMasterKeyId: 'arn:aws:kms:eu-west-2:111111111111:alias/aws/sqs' }),
    ],
    ['a queue on SSE-SQS', (stack) => new CfnQueue(stack, 'Store', { sqsManagedSseEnabled: true })],
  ])('flags %s', (_name, build) => {
    const { stack, key } = sensitiveStack();
    build(stack, key);
    expect(validate(rule, stack)).toEqual([{ id: 'NhsCloud-SensitiveDataCustomerKey', path: 'Stack/Store' }]);
  });

  test('treats a resource tagged patient-data=true as sensitive in an OFFICIAL stack', () => {
    const stack = newStack({ tags: { 'data-classification': 'OFFICIAL' } });
    new CfnQueue(stack, 'Patients', { tags: [{ key: 'patient-data', value: 'TRUE' }] });
    new CfnQueue(stack, 'Other');
    expect(validate(rule, stack)).toEqual([
      { id: 'NhsCloud-SensitiveDataCustomerKey', path: 'Stack/Patients' },
    ]);
  });

  test('reports a rule error when a setting is a token', () => {
    const { stack, key } = sensitiveStack();
    const encrypted = new CfnParameter(stack, 'Encrypted', { type: 'String' });
    new CfnVolume(stack, 'Store', {
      availabilityZone: 'eu-west-2a',
      encrypted: encrypted.value,
      kmsKeyId: key,
    });
    expect(validate(rule, stack)).toEqual([
      expect.objectContaining({
        id: 'NhsCloud-SensitiveDataCustomerKey',
        path: 'Stack/Store',
        error: expect.stringContaining('non-primitive value'),
      }),
    ]);
  });

  test('passes every store type on a customer-managed key', () => {
    const { stack, key } = sensitiveStack();
    const stores = [
      bucketWith(stack, 'aws:kms', key),
      new CfnVolume(stack, 'Volume', { availabilityZone: 'eu-west-2a', encrypted: true, kmsKeyId: key }),
      new CfnDBInstance(stack, 'Instance', { storageEncrypted: true, kmsKeyId: key }),
      new CfnDBCluster(stack, 'Cluster', {
        engine: 'aurora-postgresql',
        storageEncrypted: true,
        kmsKeyId: key,
      }),
      new CfnTable(stack, 'Table', {
        keySchema: [],
        sseSpecification: { sseEnabled: true, sseType: 'KMS', kmsMasterKeyId: key },
      }),
      new CfnGlobalTable(stack, 'GlobalTable', {
        keySchema: [],
        attributeDefinitions: [],
        sseSpecification: { sseEnabled: true, sseType: 'KMS' },
        replicas: [{ region: 'eu-west-2', sseSpecification: { kmsMasterKeyId: key } }],
      }),
      new CfnFileSystem(stack, 'FileSystem', { encrypted: true, kmsKeyId: key }),
      new CfnBackupVault(stack, 'Vault', { backupVaultName: 'vault', encryptionKeyArn: key }),
      new CfnLogGroup(stack, 'LogGroup', { kmsKeyId: key }),
      new CfnTopic(stack, 'Topic', { kmsMasterKeyId: key }),
      new CfnQueue(stack, 'Queue', { kmsMasterKeyId: 'arn:aws:kms:eu-west-2:111111111111:key/1234' }),
    ];
    expect(validate(rule, stack)).toEqual([]);
    for (const store of stores) expect(verdict(rule, store)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('does not apply outside sensitive stacks, to Aurora members or to other resource types', () => {
    const plain = newStack({ tags: { 'data-classification': 'OFFICIAL' } });
    const { stack } = sensitiveStack();
    expect(verdict(rule, new CfnBucket(plain, 'Bucket'))).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(verdict(rule, new CfnDBInstance(stack, 'Member', { dbClusterIdentifier: 'c' }))).toBe(
      NagRuleCompliance.NOT_APPLICABLE,
    );
    expect(verdict(rule, stack.node.findChild('Key') as CfnKey)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
