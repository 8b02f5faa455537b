import { EstateConfig } from '../../config/schema/estate-schema';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { OuKey } from './organization-units';
import {
  denyNetworkBackDoors,
  denyPeopleOutsideIdentityCenter,
  denyReplicationOutside,
  protectDnsAndAgents,
  protectPlatformArtefacts,
  protectPlatformStacks,
  resourcePerimeter,
} from './boundary-statements';
import { platformPrincipalPatterns } from './platform-principals';
import { policyCharacters, PolicyDocument, policyDocument, POLICY_SIZE_LIMITS } from './policy-document';
import {
  denyConsolePasswords,
  denyEverything,
  denyLeavingOrganization,
  denyOutsideRegions,
  denyRootUser,
  protectLogDestinations,
  protectPlatformNetwork,
  protectPlatformRoles,
  protectSecurityServices,
  requireImdsV2,
} from './scp-statements';

/** An OU by key, or the organization root. */
export type ScpTarget = OuKey | 'root';

export interface ServiceControlPolicyPlan {
  /** Stable construct ID. */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  /**
   * Where the policy is attached: OUs by key, or `root` for the organization root (every
   * member account); children inherit it (Trusts covers Prod and NonProd).
   */
  readonly targets: readonly ScpTarget[];
  readonly document: PolicyDocument;
  /** @default 'SERVICE_CONTROL_POLICY' */
  readonly type?: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';
}

/** Every OU that holds working accounts; Suspended gets its own deny-all instead. */
const ACTIVE_OUS: readonly OuKey[] = ['security', 'infrastructure', 'national', 'trusts', 'sandbox'];

/**
 * The guardrail SCPs and where they attach. The region lock on the root (AWS's published list
 * of global services alone is about 2,000 characters); three policies on every active OU (each
 * target may hold five, one of which is AWS's FullAWSAccess), split by theme to keep each under
 * 5,120 characters:
 *
 *   region-lock        regions (root: every member account)
 *   guardrails         leaving the organization, root user, IMDSv2, IAM user passwords
 *   security-services  CloudTrail, Config, GuardDuty, Security Hub, Access Analyzer, Macie,
 *                      Inspector, flow logs, backups, EBS defaults; the log buckets and KMS keys
 *   platform           the spoke network and Transit Gateway, the platform's roles
 *   tenant-boundary    acting as the platform (its stacks, policies, assets), users, keys and
 *                      identity providers (root)
 *   perimeter          network back doors, estate DNS and agents, replication outside (root)
 *   suspended          everything (Suspended OU only)
 *   data-perimeter     a resource control policy: no principal outside the organization
 *                      (root; only with landingZone.organizationId)
 *
 * Throws if a policy outgrows the Organizations limit, naming the policy and its size.
 */
export function planServiceControlPolicies(
  estate: EstateConfig,
  lz: LandingZoneConfig,
): ServiceControlPolicyPlan[] {
  const platform = platformPrincipalPatterns(estate.name, lz);
  const logBuckets = `arn:aws:s3:::${estate.name}-*-${estate.organization.accounts.logArchive}-*`;
  const names = { estateName: estate.name, qualifier: lz.cdkQualifier, organizationId: lz.organizationId };
  const plans: ServiceControlPolicyPlan[] = [
    {
      key: 'regionLock',
      name: `${estate.name}-region-lock`,
      description: 'Allowed regions only, except global services and the platform',
      targets: ['root'],
      document: policyDocument(denyOutsideRegions(estate.allowedRegions, platform)),
    },
    {
      key: 'guardrails',
      name: `${estate.name}-guardrails`,
      description: 'No leaving the organization, no root user, IMDSv2 only, no IAM user passwords',
      targets: ACTIVE_OUS,
      document: policyDocument(
        denyLeavingOrganization(),
        denyRootUser(),
        ...requireImdsV2(platform),
        denyConsolePasswords(platform),
      ),
    },
    {
      key: 'securityServices',
      name: `${estate.name}-protect-security-services`,
      description:
        'Detective controls, backups, central log buckets and platform keys cannot be switched off',
      targets: ACTIVE_OUS,
      document: policyDocument(
        protectSecurityServices(platform),
        ...protectLogDestinations(logBuckets, platform),
      ),
    },
    {
      key: 'platform',
      name: `${estate.name}-protect-platform`,
      description:
        'Only the platform changes the network (spoke VPC, routes, Transit Gateway) and its own roles',
      targets: ACTIVE_OUS,
      document: policyDocument(
        protectPlatformNetwork(platform),
        // Every exempt pattern, so what escapes the guardrails is only what the platform makes.
        protectPlatformRoles(platform, platform),
      ),
    },
    {
      key: 'tenantBoundary',
      name: `${estate.name}-tenant-boundary`,
      description:
        'No acting as the platform (its stacks, policies, assets), no IAM users, keys or identity providers',
      targets: ['root'],
      document: policyDocument(
        protectPlatformStacks(names, platform),
        ...protectPlatformArtefacts(names, platform),
        denyPeopleOutsideIdentityCenter(platform),
      ),
    },
    {
      key: 'perimeter',
      name: `${estate.name}-perimeter`,
      description:
        'No network back doors around the hub, estate DNS and agents kept, no data replicated outside',
      targets: ['root'],
      document: policyDocument(
        ...denyNetworkBackDoors(platform),
        ...protectDnsAndAgents(platform),
        ...denyReplicationOutside(names),
      ),
    },
    {
      key: 'suspended',
      name: `${estate.name}-suspended`,
      description: 'Suspended accounts: everything is denied except to the platform',
      targets: ['suspended'],
      document: policyDocument(denyEverything(platform)),
    },
  ];
  if (lz.organizationId) {
    plans.push({
      key: 'dataPerimeter',
      name: `${estate.name}-data-perimeter`,
      description:
        'Only principals of the organization (and AWS services) use its roles, buckets, keys, secrets and queues',
      targets: ['root'],
      document: policyDocument(resourcePerimeter(lz.organizationId)),
      type: 'RESOURCE_CONTROL_POLICY',
    });
  }
  for (const plan of plans) {
    const size = policyCharacters(plan.document);
    if (size > POLICY_SIZE_LIMITS.SERVICE_CONTROL_POLICY) {
      throw new Error(
        `SCP ${plan.name} is ${size} characters, over the ${POLICY_SIZE_LIMITS.SERVICE_CONTROL_POLICY}-character limit; ` +
          'shorten landingZone.platformPrincipals or split the policy',
      );
    }
  }
  return plans;
}
