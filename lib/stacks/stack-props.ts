import { UserInputError } from '../errors/user-input-error';
import { EstateConfig } from '../config/schema/estate-schema';
import { landingZoneOf } from '../config/schema/landing-zone-schema';
import { TenantEnvironment } from '../config/model';
import { CoreStackRole } from '../planners/naming';
import { EstateStackProps, EstateTags } from './estate-stack';

const CORE_ACCOUNT_OF: Record<CoreStackRole, keyof EstateConfig['organization']['accounts']> = {
  organization: 'management',
  logArchive: 'logArchive',
  security: 'security',
  network: 'network',
  sharedServices: 'sharedServices',
};

const CORE_DESCRIPTIONS: Record<CoreStackRole, string> = {
  organization: 'NHS national cloud: organization, OUs and guardrails (management account)',
  logArchive: 'NHS national cloud: central immutable log archive',
  security: 'NHS national cloud: security tooling (delegated administrator)',
  network: 'NHS national cloud: network hub (Transit Gateway, inspection, egress)',
  sharedServices: 'NHS national cloud: shared services (DNS, endpoints)',
};

/** Props for a core stack: its account and home region, termination protection, platform tags. */
export function coreStackProps(estate: EstateConfig, role: CoreStackRole): EstateStackProps {
  const tags: EstateTags = {
    'ods-code': 'platform',
    environment: 'core',
    'data-classification': 'OFFICIAL-SENSITIVE',
    'patient-data': 'false',
    'nhs-cloud:stack-kind': 'core',
  };
  return {
    env: { account: estate.organization.accounts[CORE_ACCOUNT_OF[role]]!, region: estate.homeRegion },
    availabilityZones: estate.availabilityZones[estate.homeRegion],
    estateTags: tags,
    cdkQualifier: landingZoneOf(estate).cdkQualifier,
    terminationProtection: true,
    description: CORE_DESCRIPTIONS[role],
  };
}

/** Props for a tenant environment stack: the tenant's account, region, zones and tags. */
export function tenantStackProps(estate: EstateConfig, env: TenantEnvironment): EstateStackProps {
  const { tenant } = env;
  if (!env.accountId) {
    throw UserInputError.at(
      { file: tenant.file, field: `environments.${env.name}` },
      'has no accountId yet',
      { hint: 'run account vending first (sync-accounts writes the ID into config)' },
    );
  }
  return {
    env: { account: env.accountId, region: env.region },
    availabilityZones: estate.availabilityZones[env.region],
    cdkQualifier: landingZoneOf(estate).cdkQualifier,
    estateTags: {
      'ods-code': tenant.odsCode,
      environment: env.name,
      'data-classification': tenant.dataClassification,
      'patient-data': tenant.patientData ? 'true' : 'false',
      icb: tenant.icb,
      'cost-centre': tenant.costCentre,
      'nhs-cloud:stack-kind': 'tenant',
    },
    description: `NHS national cloud: ${tenant.name} (${tenant.odsCode}) ${env.name} environment`,
  };
}
