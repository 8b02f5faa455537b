import { Annotations, App, aws_ssm as ssm } from 'aws-cdk-lib';
import { allEnvironments, EstateModel } from '../config/model';
import { assertCapacity, formatShortfalls } from '../planners/capacity/assert-capacity';
import { CapacityPlan } from '../planners/capacity/types';
import { planCapacity } from '../planners/capacity/plan-capacity';
import { CORE_STACKS, CoreStackRole, logBucketArn, tenantStackName } from '../planners/naming';
import { planSpokeSubnets } from '../planners/spoke-subnets';
import { EstateStack } from '../stacks/estate-stack';
import { TenantEnvironmentStack } from '../stacks/tenant-environment-stack';
import { buildLandingZone } from '../stacks/landing-zone/build-landing-zone';
import { buildNetwork } from '../stacks/network/build-network';
import { buildDelivery } from '../stacks/delivery/build-delivery';
import { coreStackProps, tenantStackProps } from '../stacks/stack-props';

export interface BuildEstateOptions {
  /** Synthesize only this tenant's environment stacks (plus the core stacks): `-c tenant=RGR`. */
  readonly onlyTenant?: string;
  /**
   * What an unmet capacity need does. `fail` (the default) stops synthesis; `warn` records a
   * warning on Core-Network instead, for benchmarks of estates larger than the hub can carry
   * (`-c capacityGate=warn`). Deployable builds always fail.
   * @default 'fail'
   */
  readonly capacityGate?: 'fail' | 'warn';
}

export interface EstateStacks {
  readonly core: Readonly<Record<CoreStackRole, EstateStack>>;
  readonly tenants: readonly TenantEnvironmentStack[];
}

/** Turns a validated estate into stacks: one per core account and one per tenant environment. */
export function buildEstate(app: App, model: EstateModel, options: BuildEstateOptions = {}): EstateStacks {
  const { estate } = model;
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
  if (options.onlyTenant && environments.length === 0) {
    throw new Error(`-c tenant=${options.onlyTenant}: no tenant with that ODS code in config/tenants`);
  }
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
  buildLandingZone(app, model, stacks);
  buildNetwork(app, model, stacks, capacity);
  warnAboutCapacity(core.network, capacity);
  buildDelivery(app, model, stacks);
  return stacks;
}

function warnAboutCapacity(network: EstateStack, capacity: CapacityPlan): void {
  if (capacity.errors.length === 0) return;
  Annotations.of(network).addWarningV2(
    '@nhs-cloud/capacity:unmet',
    `${formatShortfalls(capacity.errors)}\n(capacityGate=warn: this assembly must not be deployed)`,
  );
}
