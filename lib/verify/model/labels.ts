import { ResourceRecord } from '../assembly/resolver';
import { Located } from './types';

/**
 * A name people recognise: the CDK construct path without `Resource` steps
 * (`Tenant-RGR-prod/Spoke/workloadSubnet1/Subnet`), else `Stack/LogicalId`.
 */
export function labelOf(record: ResourceRecord): string {
  const path = record.raw.Metadata?.['aws:cdk:path'];
  if (typeof path === 'string')
    return path
      .split('/')
      .filter((part) => part !== 'Resource')
      .join('/');
  return `${record.stack.id}/${record.logicalId}`;
}

export function located(record: ResourceRecord, id = record.physicalId, suffix = ''): Located {
  return {
    id,
    label: `${labelOf(record)}${suffix}`,
    stack: record.stack.id,
    account: record.stack.account,
    region: record.stack.region,
  };
}
