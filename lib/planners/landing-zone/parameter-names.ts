/**
 * SSM parameters the Core-Organization stack publishes in the management account, read at
 * deploy time by the tenant organization stacks (no CloudFormation exports, which would pin
 * the values and couple every tenant stack to one stack).
 *
 *   ouParameterPrefix('nhs-cloud')            -> '/nhs-cloud/organization/ou'   (+ '/trustsProd')
 *   permissionSetParameterPrefix('nhs-cloud') -> '/nhs-cloud/identity/permission-set' (+ '/TenantAdmin')
 *   groupIdParameter('nhs-cloud', 'nhs-cloud-platform-admin') -> '/nhs-cloud/identity/group-id/nhs-cloud-platform-admin'
 */
export function ouParameterPrefix(estateName: string): string {
  return `/${estateName}/organization/ou`;
}

export function permissionSetParameterPrefix(estateName: string): string {
  return `/${estateName}/identity/permission-set`;
}

/** A directory group's ID; characters SSM names do not allow become '-'. */
export function groupIdParameter(estateName: string, group: string): string {
  return `/${estateName}/identity/group-id/${group.replace(/[^A-Za-z0-9_.-]/g, '-')}`;
}

/** ARN of the management account's baseline key for logs, for log groups in other stacks there. */
export function managementLogsKeyParameter(estateName: string): string {
  return `/${estateName}/organization/logs-key-arn`;
}
