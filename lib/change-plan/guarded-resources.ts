import { statefulTypes } from './stateful-types';
import { TemplateResource } from './types';

/**
 * Why deleting or replacing a resource of a stateful type loses data, for the types this
 * estate uses most; a reviewer sees it next to a blocked change. Any other stateful type
 * (stateful-types.ts) gets a generic reason.
 */
const STATEFUL_REASONS: Readonly<Record<string, string>> = {
  'AWS::S3::Bucket': 'bucket: holds logs or backups',
  'AWS::KMS::Key': 'KMS key: data encrypted under it becomes unreadable',
  'AWS::Backup::BackupVault': 'backup vault: holds recovery points',
  'AWS::Logs::LogGroup': 'log group: holds audit and network logs',
  'AWS::Organizations::Account': 'account: closing it removes every resource in it',
  'AWS::SQS::Queue': 'queue: holds messages not yet delivered',
  'AWS::SecretsManager::Secret': 'secret: its value cannot be recovered',
  'AWS::DynamoDB::Table': 'table: holds data',
  'AWS::DynamoDB::GlobalTable': 'table: holds data',
  'AWS::RDS::DBInstance': 'database: holds data',
  'AWS::RDS::DBCluster': 'database: holds data',
  'AWS::EFS::FileSystem': 'file system: holds data',
};

/**
 * The project's own additions: not data stores, but deleting or replacing them cuts every
 * tenant behind them off (the hub), or takes a tenant's workloads with them.
 */
const SHARED_TYPES: Readonly<Record<string, string>> = {
  'AWS::EC2::VPC': 'VPC: every workload in it goes with it',
  'AWS::EC2::TransitGateway': 'Transit Gateway: the hub every tenant routes through',
  'AWS::EC2::TransitGatewayRouteTable': 'Transit Gateway route table: a segment shared by many tenants',
  'AWS::EC2::TransitGatewayAttachment': 'Transit Gateway attachment: cuts the VPC off the hub',
  'AWS::EC2::TransitGatewayVpcAttachment': 'Transit Gateway attachment: cuts the VPC off the hub',
  'AWS::EC2::TransitGatewayPeeringAttachment': 'Transit Gateway attachment: cuts the peer off the hub',
  'AWS::EC2::TransitGatewayConnect': 'Transit Gateway attachment: cuts the peer off the hub',
  'AWS::EC2::VPNConnection': 'VPN connection: an HSCN or on-premises link',
  'AWS::NetworkFirewall::Firewall': 'Network Firewall: all inspected traffic stops while it is replaced',
};

/** Subnets named like this only hold attachment or firewall endpoints, which AWS recreates. */
const ENDPOINT_SUBNET = /^(transit|tgw|attachment)/i;

/**
 * Why a resource counts as stateful or shared, or undefined. Anything retained on deletion
 * is stateful by the project's own rule (stateful resources get RemovalPolicy.RETAIN).
 *
 *   AWS::S3::Bucket                                  -> 'bucket: holds logs or backups'
 *   AWS::ElastiCache::ReplicationGroup               -> 'AWS::ElastiCache::ReplicationGroup: holds data (...)'
 *   AWS::EC2::Subnet tagged aws-cdk:subnet-name=workload -> 'subnet with workloads: ...'
 *   AWS::EC2::Subnet tagged aws-cdk:subnet-name=transit  -> undefined
 *   AWS::IAM::Role                                   -> undefined
 */
export function guardedReason(resource: TemplateResource): string | undefined {
  const byType = STATEFUL_REASONS[resource.Type] ?? SHARED_TYPES[resource.Type];
  if (byType) return byType;
  if (statefulTypes().has(resource.Type)) {
    return `${resource.Type}: holds data (AWS's resource specification marks the type stateful)`;
  }
  if (resource.Type === 'AWS::EC2::Subnet') {
    const name = subnetName(resource);
    return name !== undefined && ENDPOINT_SUBNET.test(name)
      ? undefined
      : 'subnet with workloads: its instances and interfaces go with it';
  }
  const policy = resource.DeletionPolicy;
  if (policy === 'Retain' || policy === 'RetainExceptOnCreate' || policy === 'Snapshot') {
    return `retained resource (DeletionPolicy ${policy}): treated as stateful`;
  }
  return undefined;
}

function subnetName(resource: TemplateResource): string | undefined {
  const tags = resource.Properties?.Tags;
  if (!Array.isArray(tags)) return undefined;
  const tag = tags.find(
    (t): t is { Key: string; Value: unknown } =>
      typeof t === 'object' && t !== null && (t as { Key?: unknown }).Key === 'aws-cdk:subnet-name',
  );
  return typeof tag?.Value === 'string' ? tag.Value : undefined;
}
