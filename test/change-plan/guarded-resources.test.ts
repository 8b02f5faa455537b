import { guardedReason } from '../../lib/change-plan/guarded-resources';
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
    ['IAM role', { Type: 'AWS::IAM::Role' }, undefined],
    ['route table', { Type: 'AWS::EC2::RouteTable' }, undefined],
  ])('%s', (_name, resource, expected) => {
    expect(guardedReason(resource)).toBe(expected);
  });
});
