import type { Stack } from 'aws-cdk-lib';
import type { NetworkPlan } from '../planners/hub/network-plan';
import type { HubBuildScope } from '../planners/hub/one-tenant-scope';
import type { CentralBackupStack } from './landing-zone/central-backup-stack';
import type { DeploymentBaselineStack } from './landing-zone/deployment-baseline-stack';
import type { LogArchiveStack } from './landing-zone/log-archive-stack';
import type { ManagementBaselineStack } from './landing-zone/management-baseline-stack';
import type { OrganizationStack } from './landing-zone/organization-stack';
import type { SecurityStack } from './landing-zone/security-stack';
import type { TenantOrganizationStack } from './landing-zone/tenant-organization-stack';
import type { FirewallRulesStack } from './network/firewall-rules-stack';
import type { HubReturnsStack } from './network/hub-returns-stack';
import type { HubShardStack } from './network/hub-shard-stack';
import type { NetworkHubStack } from './network/network-hub-stack';
import type { NetworkLaneStack } from './network/network-lane-stack';
import type { NetworkLinksStack } from './network/network-links-stack';
import type { SharedServicesStack } from './network/shared-services-stack';
import type { TenantEnvironmentStack } from './tenant-environment-stack';

/** The five core account stacks, by role (lib/planners/naming.ts CORE_STACKS). */
export interface CoreStacks {
  readonly organization: OrganizationStack;
  readonly logArchive: LogArchiveStack;
  readonly security: SecurityStack;
  readonly network: NetworkHubStack;
  readonly sharedServices: SharedServicesStack;
}

/** Every stack one synth builds, by kind: what lib/app/build-estate.ts returns. */
export interface EstateStacks {
  readonly core: CoreStacks;
  /** One per vended tenant environment (only the `-c tenant` tenant's in a single-tenant build). */
  readonly tenants: readonly TenantEnvironmentStack[];
  readonly landingZone: {
    readonly managementBaseline: ManagementBaselineStack;
    /** Only when estate.yaml names a backup account. */
    readonly backup?: CentralBackupStack;
    /** Only when estate.yaml names a deployment account. */
    readonly deploymentBaseline?: DeploymentBaselineStack;
    /** Org-<ODS>, for tenants with accounts to vend or access to assign. */
    readonly tenantOrganizations: readonly TenantOrganizationStack[];
  };
  readonly network: {
    /** The network plan of the whole estate. */
    readonly plan: NetworkPlan;
    readonly firewallRules: FirewallRulesStack;
    readonly links: NetworkLinksStack;
    /** Core-Network-Lane-NN: lanes 2 and up (docs/adr/0024-hub-lanes.md); in a one-tenant build, those `scope` names. */
    readonly lanes: readonly NetworkLaneStack[];
    /** Every shard in a full build; in a one-tenant build, those `scope` names. */
    readonly shards: readonly HubShardStack[];
    /** Core-Network-Returns-NNN beside the shards, where their tenants are outside lane 1. */
    readonly returns: readonly HubReturnsStack[];
    /** A one-tenant build's choice of lanes, shards and returns, and why; undefined in a full build. */
    readonly scope?: HubBuildScope;
  };
  /** Delivery-Pipeline, with `-c pipeline=true` only. */
  readonly delivery?: Stack;
}
