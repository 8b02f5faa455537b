import { guardedReason } from '../../lib/change-plan/guarded-resources';
import { statefulTypes } from '../../lib/change-plan/stateful-types';
import { TemplateResource } from '../../lib/change-plan/types';

const subnet = (name?: string): TemplateResource => ({
  Type: 'AWS::EC2::Subnet',
  Properties: {
    Tags: name
      ? [
          { Key: 'Name', Value: 'x' },
          { Key: 'aws-cdk:subnet-name', Value: name },
        ]
      : [],
  },
});

describe('guardedReason', () => {
  test.each<[string, TemplateResource, string | undefined]>([
    ['log bucket', { Type: 'AWS::S3::Bucket' }, 'bucket: holds logs or backups'],
    ['KMS key', { Type: 'AWS::KMS::Key' }, 'KMS key: data encrypted under it becomes unreadable'],
    ['backup vault', { Type: 'AWS::Backup::BackupVault' }, 'backup vault: holds recovery points'],
    ['log group', { Type: 'AWS::Logs::LogGroup' }, 'log group: holds audit and network logs'],
    ['VPC', { Type: 'AWS::EC2::VPC' }, 'VPC: every workload in it goes with it'],
    ['TGW', { Type: 'AWS::EC2::TransitGateway' }, 'Transit Gateway: the hub every tenant routes through'],
    [
      'TGW attachment',
      { Type: 'AWS::EC2::TransitGatewayAttachment' },
      'Transit Gateway attachment: cuts the VPC off the hub',
    ],
    ['account', { Type: 'AWS::Organizations::Account' }, 'account: closing it removes every resource in it'],
    ['workload subnet', subnet('workload'), 'subnet with workloads: its instances and interfaces go with it'],
    ['untagged subnet', subnet(), 'subnet with workloads: its instances and interfaces go with it'],
    ['transit subnet', subnet('transit'), undefined],
    [
      'any retained resource',
      { Type: 'AWS::SNS::Topic', DeletionPolicy: 'Retain' },
      'retained resource (DeletionPolicy Retain): treated as stateful',
    ],
    [
      'a resource retained except on create',
      { Type: 'AWS::SNS::Topic', DeletionPolicy: 'RetainExceptOnCreate' },
      'retained resource (DeletionPolicy RetainExceptOnCreate): treated as stateful',
    ],
    ['queue', { Type: 'AWS::SQS::Queue' }, 'queue: holds messages not yet delivered'],
    ['secret', { Type: 'AWS::SecretsManager::Secret' }, 'secret: its value cannot be recovered'],
    [
      'EBS volume, stateful by the resource specification',
      { Type: 'AWS::EC2::Volume' },
      "AWS::EC2::Volume: holds data (AWS's resource specification marks the type stateful)",
    ],
    [
      'OpenSearch domain',
      { Type: 'AWS::OpenSearchService::Domain' },
      "AWS::OpenSearchService::Domain: holds data (AWS's resource specification marks the type stateful)",
    ],
    ['IAM role', { Type: 'AWS::IAM::Role' }, undefined],
    ['route table', { Type: 'AWS::EC2::RouteTable' }, undefined],
  ])('%s', (_name, resource, expected) => {
    expect(guardedReason(resource)).toBe(expected);
  });
});

describe('the stateful set', () => {
  // The types the hand-kept list of the guard's first version missed (issue 18).
  const MISSED = [
    'AWS::SQS::Queue',
    'AWS::SecretsManager::Secret',
    'AWS::EC2::Volume',
    'AWS::ElastiCache::CacheCluster',
    'AWS::ElastiCache::ReplicationGroup',
    'AWS::OpenSearchService::Domain',
    'AWS::Elasticsearch::Domain',
    'AWS::Redshift::Cluster',
    'AWS::FSx::FileSystem',
    'AWS::Kinesis::Stream',
    'AWS::DocDB::DBCluster',
    'AWS::DocDB::DBInstance',
    'AWS::Neptune::DBCluster',
    'AWS::Neptune::DBInstance',
    'AWS::Cognito::UserPool',
    'AWS::EMR::Cluster',
    'AWS::QLDB::Ledger',
    'AWS::SDB::Domain',
    'AWS::CloudFormation::Stack',
  ];

  test('is every type @aws-cdk/aws-service-spec marks isStateful (29 in the pinned version)', () => {
    const types = statefulTypes();
    expect(types.size).toBe(29);
    expect(MISSED.filter((t) => !types.has(t))).toEqual([]);
    expect(['AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::Logs::LogGroup'].every((t) => types.has(t))).toBe(true);
  });

  test('the guard covers every stateful type, and nothing stateless by type alone', () => {
    const unguarded = [...statefulTypes()].filter((Type) => guardedReason({ Type }) === undefined);
    expect(unguarded).toEqual([]);
    expect(guardedReason({ Type: 'AWS::Lambda::Function' })).toBeUndefined();
  });
});
