import { Annotations, App, aws_ssm as ssm } from 'aws-cdk-lib';
import { allEnvironments, EstateModel } from '../config/model';
import { assertCapacity, formatShortfalls } from '../planners/capacity/assert-capacity';
import { CapacityPlan } from '../planners/capacity/types';
import { planCapacity } from '../planners/capacity/plan-capacity';
import { CORE_STACKS, CoreStackRole, logBucketArn, tenantStackName } from '../planners/naming';
import { planSpokeSubnets } from '../planners/spoke-subnets';
import { UserInputError } from '../errors/user-input-error';
import { didYouMean } from '../config/did-you-mean';
import { EstateStack } from '../stacks/estate-stack';
import { EstateScope } from '../stacks/estate-scope';
import { EstateStacks } from '../stacks/estate-stacks';
import { TenantEnvironmentStack } from '../stacks/tenant-environment-stack';
import { buildLandingZone } from '../stacks/landing-zone/build-landing-zone';
import { buildNetwork } from '../stacks/network/build-network';
import { buildDelivery } from '../stacks/delivery/build-delivery';
import { coreStackProps, tenantStackProps } from '../stacks/stack-props';

/** The scope (`onlyTenant`, `delivery`) plus how an unmet capacity need is treated. */
export interface BuildEstateOptions extends EstateScope {
  /**
   * What an unmet capacity need does. `fail` (the default) stops synthesis; `warn` records a
   * warning on Core-Network instead, for benchmarks of estates larger than the hub can carry
   * (`-c capacityGate=warn`). Deployable builds always fail.
   * @default 'fail'
   */
  readonly capacityGate?: 'fail' | 'warn';
}

// Moved to lib/stacks (stacks must not import lib/app); re-exported for existing imports.
export type { EstateStacks };

/** Turns a validated estate into stacks: one per core account and one per tenant environment. */
export function buildEstate(app: App, model: EstateModel, options: BuildEstateOptions = {}): EstateStacks {
  const { estate } = model;
  if (options.onlyTenant !== undefined) assertKnownTenant(model, options.onlyTenant);
  // Sized for growthFactor x peak before anything is built: never silently under-size.
  const capacity =
    options.capacityGate === 'warn' ? planCapacity(model) : assertCapacity(planCapacity(model));
  const core = {} as Record<CoreStackRole, EstateStack>;
  for (const role of Object.keys(CORE_STACKS) as CoreStackRole[]) {
    core[role] = new EstateStack(app, CORE_STACKS[role], coreStackProps(estate, role));
    new ssm.StringParameter(core[role], 'PlatformMarker', {
      parameterName: `/${estate.name}/platform/${role}`,
      stringValue: CORE_STACKS[role],
      description: 'Marks this account as part of the NHS national cloud platform',
    });
  }
  const environments = allEnvironments(model).filter(
    (env) => !options.onlyTenant || env.tenant.odsCode === options.onlyTenant,
  );
  const tenants = environments
    .filter((env) => env.accountId)
    .map(
      (env) =>
        new TenantEnvironmentStack(app, tenantStackName(env.tenant.odsCode, env.name), {
          ...tenantStackProps(estate, env),
          subnets: planSpokeSubnets(env.cidr, estate.availabilityZones[env.region]),
          flowLogBucketArn: logBucketArn(estate, 'vpc-flow-logs'),
        }),
    );
  const stacks = { core, tenants };
  buildLandingZone(app, model, stacks, options);
  buildNetwork(app, model, stacks, capacity);
  warnAboutCapacity(core.network, capacity);
  buildDelivery(app, model, stacks, options);
  return stacks;
}

function warnAboutCapacity(network: EstateStack, capacity: CapacityPlan): void {
  if (capacity.errors.length === 0) return;
  Annotations.of(network).addWarningV2(
    '@nhs-cloud/capacity:unmet',
    `${formatShortfalls(capacity.errors)}\n(capacityGate=warn: this assembly must not be deployed)`,
  );
}

/** `-c tenant=` must name a tenant exactly (ODS codes are upper case): never an empty build. */
function assertKnownTenant(model: EstateModel, odsCode: string): void {
  const codes = model.tenants.map((t) => t.odsCode);
  if (codes.includes(odsCode)) return;
  const upper = odsCode.toUpperCase();
  const guess = codes.includes(upper) ? upper : didYouMean(odsCode, codes);
  throw UserInputError.at(
    { flag: '-c tenant' },
    `expected the ODS code of a tenant in the config's tenants folder, got "${odsCode}"`,
    {
      hint: guess
        ? `did you mean -c tenant=${guess}?${guess === upper ? ' (ODS codes are upper case)' : ''}`
        : 'each tenant is a file tenants/<ODS code>.yaml in the config folder',
    },
  );
}
