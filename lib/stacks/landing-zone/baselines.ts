import { App } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AccountBaseline } from '../../patterns/baseline/account-baseline';
import { allEnvironments, EstateModel } from '../../config/model';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { planCoreBaseline, planTenantBaseline } from '../../planners/landing-zone/baseline-plan';
import { LANDING_ZONE_STACKS } from '../../planners/landing-zone/parameter-names';
import { tenantStackName } from '../../planners/naming';
import { coreStackProps } from '../stack-props';
import type { EstateStacks } from '../estate-stacks';
import { EstateStack } from '../estate-stack';

export interface Baselines {
  /** The management account's baseline, in its own stack (it must follow the log archive). */
  readonly management: AccountBaseline;
  readonly logArchive: AccountBaseline;
  readonly security: AccountBaseline;
}

/** Construct ID of the baseline in every stack that carries one. */
export const BASELINE_ID = 'Baseline';

/**
 * Adds the account baseline to every tenant environment stack and every core account. The
 * management account's baseline gets its own stack, because AWS Config there must deliver to
 * the log archive, which is deployed after the organization stack.
 */
export function addBaselines(
  app: App,
  model: EstateModel,
  lz: LandingZoneConfig,
  stacks: EstateStacks,
): Baselines {
  const { estate } = model;
  const core = (scope: Construct) =>
    new AccountBaseline(scope, BASELINE_ID, { plan: planCoreBaseline(estate.homeRegion, estate, lz) });
  const managementStack = new EstateStack(app, LANDING_ZONE_STACKS.managementBaseline, {
    ...coreStackProps(estate, 'organization'),
    description: 'NHS national cloud: security baseline of the management account',
  });
  const baselines: Baselines = {
    management: core(managementStack),
    logArchive: core(stacks.core.logArchive),
    security: core(stacks.core.security),
  };
  core(stacks.core.network);
  core(stacks.core.sharedServices);
  managementStack.addStackDependency(stacks.core.logArchive);

  const byName = new Map(stacks.tenants.map((stack) => [stack.stackName, stack]));
  for (const env of allEnvironments(model)) {
    const stack = byName.get(tenantStackName(env.tenant.odsCode, env.name));
    if (!stack) continue;
    new AccountBaseline(stack, BASELINE_ID, {
      plan: planTenantBaseline(env, estate, lz),
      // The spoke VPC leaves its default security group to the baseline's handler.
      defaultSecurityGroupIds: [stack.spoke.defaultSecurityGroupId],
    });
    stack.addStackDependency(stacks.core.logArchive);
  }
  return baselines;
}
