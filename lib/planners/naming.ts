import { EstateConfig } from '../config/schema/estate-schema';
import { SegmentName } from '../config/schema/segmentation-schema';

/**
 * Names that more than one stack or account must agree on. Deterministic from config, so a
 * tenant stack can point at the log archive without a cross-account reference.
 */
export const CORE_STACKS = {
  organization: 'Core-Organization',
  logArchive: 'Core-LogArchive',
  security: 'Core-Security',
  network: 'Core-Network',
  sharedServices: 'Core-SharedServices',
} as const;

export type CoreStackRole = keyof typeof CORE_STACKS;

/** The other platform stacks of fixed name (hub shards are named in lib/planners/shards.ts). */
export const PLATFORM_STACKS = {
  /** The management account's own baseline, deployed after the log archive exists. */
  managementBaseline: 'Core-ManagementBaseline',
  /** The central backup vault, in the backup account. */
  backup: 'Core-Backup',
  /** The deployment account's own baseline; the pipeline stack there deploys outside the waves. */
  deploymentBaseline: 'Core-DeploymentBaseline',
  /** The inspection firewall's rule groups, in the network account. */
  firewallRules: 'Core-Network-FirewallRules',
  /** Hub associations of attachments other core accounts make. */
  links: 'Core-Network-Links',
} as const;

/** The delivery pipeline's stack, in the deployment account (`-c pipeline=true`). */
export const DELIVERY_PIPELINE_STACK = 'Delivery-Pipeline';

/** `Tenant-RGR-prod`: stable and readable, never derived from anything that can move (e.g. the ICB). */
export function tenantStackName(odsCode: string, environment: string): string {
  return `Tenant-${odsCode}-${environment}`;
}

export type LogPurpose =
  'cloudtrail' | 'vpc-flow-logs' | 'dns-query-logs' | 'network-firewall' | 'access-logs';

/** Central log bucket for one purpose, in the log-archive account and home region. */
export function logBucketName(estate: EstateConfig, purpose: LogPurpose): string {
  return `${estate.name}-${purpose}-${estate.organization.accounts.logArchive}-${estate.homeRegion}`;
}

export function logBucketArn(estate: EstateConfig, purpose: LogPurpose): string {
  return `arn:aws:s3:::${logBucketName(estate, purpose)}`;
}

// Name tags of the Transit Gateway's route tables and attachments. verify-live matches the
// deployed gateway to its expected model by these tags; the planned model takes them from here,
// and test/aws/tgw-expected-assembly.test.ts holds the tags the constructs set equal to them.

/** `nhs-cloud-tenants-prod`: one route table per segment, prefixed with the estate's name. */
export function tgwRouteTableName(estate: EstateConfig, segment: SegmentName): string {
  return `${estate.name}-${segment}`;
}

/** The hub VPCs' attachments (the Direct Connect gateway's cannot be tagged by CloudFormation). */
export const HUB_ATTACHMENT_NAMES = {
  inspection: 'inspection',
  egress: 'egress',
  'shared-services': 'shared-services',
} as const;

/** `RGR-prod`: a tenant environment's spoke attachment, tagged from the tenant's own account. */
export function spokeAttachmentName(odsCode: string, environment: string): string {
  return `${odsCode}-${environment}`;
}

/**
 * `/nhs-cloud/vpn-tunnels`: the network account's log group for every Site-to-Site VPN tunnel,
 * named so each hub shard can point its tunnels at it without a reference to Core-Network.
 */
export function vpnTunnelLogGroupName(estate: EstateConfig): string {
  return `/${estate.name}/vpn-tunnels`;
}

/** `RGR-vpn-1`: a tenant's VPN connection (the attachment AWS makes for it carries no tags). */
export function vpnConnectionName(odsCode: string, index: number): string {
  return `${odsCode}-vpn-${index}`;
}

/** `tenants-prod` -> `TenantsProd`: construct and output IDs from plan names. */
export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}
