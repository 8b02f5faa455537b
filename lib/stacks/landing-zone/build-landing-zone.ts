import { Annotations, App } from 'aws-cdk-lib';
import { allEnvironments, EstateModel, TenantEnvironment } from '../../config/model';
import { landingZoneOf } from '../../config/schema/landing-zone-schema';
import { tenantOrganizationStackName } from '../../planners/landing-zone/account-vending';
import type { EstateScope } from '../estate-scope';
import type { EstateStacks } from '../estate-stacks';
import { coreStackProps } from '../stack-props';
import { addBaselines } from './baselines';
import { addCentralBackup } from './central-backup-stack';
import { addLogArchive } from './log-archive';
import { addOrganization } from './organization';
import { addSecurityTooling } from './security-tooling';
import { TenantOrganizationStack } from './tenant-organization-stack';

/**
 * Adds the landing zone to the estate: the organization (management account), the log archive,
 * the security tooling, the central backup vault, a baseline in every account, and one
 * organization stack per tenant for its accounts and access. Deployment order follows what each
 * needs to exist: organization, then log archive, then everything that delivers logs to it.
 */
export function buildLandingZone(
  app: App,
  model: EstateModel,
  stacks: EstateStacks,
  scope: EstateScope = {},
): void {
  const { estate } = model;
  const lz = landingZoneOf(estate);
  const { core } = stacks;
  const baselines = addBaselines(app, model, lz, stacks);
  addOrganization(core.organization, model, lz);
  addLogArchive(core.logArchive, model, lz, baselines.logArchive);
  addSecurityTooling(core.security, model, lz, baselines.security);
  const backup = addCentralBackup(app, model, lz);

  core.logArchive.addStackDependency(core.organization);
  core.security.addStackDependency(core.organization);
  for (const stack of [core.security, core.network, core.sharedServices, backup])
    stack?.addStackDependency(core.logArchive);
  if (!lz.endpointProtection) {
    Annotations.of(core.organization).addWarningV2(
      '@nhs-cloud/landing-zone:no-endpoint-protection',
      'landingZone.endpointProtection is not set: instances get no endpoint-protection agent',
    );
  }

  // `-c tenant=ODS` narrows the estate to one tenant; its organization stack follows suit.
  const only = scope.onlyTenant;
  const byTenant = new Map<string, TenantEnvironment[]>();
  for (const env of allEnvironments(model)) {
    if (only && env.tenant.odsCode !== only) continue;
    byTenant.set(env.tenant.odsCode, [...(byTenant.get(env.tenant.odsCode) ?? []), env]);
  }
  for (const [odsCode, environments] of byTenant) {
    if (!TenantOrganizationStack.hasContent(environments, lz)) continue;
    const tenant = environments[0]!.tenant;
    const stack = new TenantOrganizationStack(app, tenantOrganizationStackName(odsCode), {
      ...coreStackProps(estate, 'organization'),
      estateTags: {
        'ods-code': odsCode,
        environment: 'organization',
        'data-classification': tenant.dataClassification,
        'patient-data': tenant.patientData ? 'true' : 'false',
        icb: tenant.icb,
        'cost-centre': tenant.costCentre,
        'nhs-cloud:stack-kind': 'core',
      },
      description: `NHS national cloud: ${tenant.name} (${odsCode}) accounts and access`,
      estate,
      landingZone: lz,
      environments,
    });
    stack.addStackDependency(core.organization);
  }
}
