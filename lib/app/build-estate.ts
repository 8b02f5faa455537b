import { App } from 'aws-cdk-lib';
import { allEnvironments, EstateModel, TenantEnvironment } from '../config/model';
import { didYouMean } from '../config/did-you-mean';
import { landingZoneOf } from '../config/schema/landing-zone-schema';
import { UserInputError } from '../errors/user-input-error';
import { assertCapacity } from '../planners/capacity/assert-capacity';
import { planCapacity } from '../planners/capacity/plan-capacity';
import { hubStackInputs, slicesOfKind } from '../planners/hub/hub-stack-inputs';
import { planNetwork } from '../planners/hub/network-plan';
import { EstateSlices, oneTenantHubScope } from '../planners/hub/one-tenant-scope';
import { tenantOrganizationStackName } from '../planners/landing-zone/account-vending';
import { CORE_STACKS, PLATFORM_STACKS, tenantStackName } from '../planners/naming';
import { assertQuotas } from '../planners/hub/assert-quotas';
import { buildDelivery } from '../stacks/delivery/build-delivery';
import { EstateScope } from '../stacks/estate-scope';
import { EstateStacks } from '../stacks/estate-stacks';
import { CentralBackupStack } from '../stacks/landing-zone/central-backup-stack';
import { LogArchiveStack } from '../stacks/landing-zone/log-archive-stack';
import { ManagementBaselineStack } from '../stacks/landing-zone/management-baseline-stack';
import { OrganizationStack } from '../stacks/landing-zone/organization-stack';
import { SecurityStack } from '../stacks/landing-zone/security-stack';
import { DeploymentBaselineStack } from '../stacks/landing-zone/deployment-baseline-stack';
import { TenantOrganizationStack } from '../stacks/landing-zone/tenant-organization-stack';
import { FirewallRulesStack } from '../stacks/network/firewall-rules-stack';
import { HubReturnsStack } from '../stacks/network/hub-returns-stack';
import { HubShardStack } from '../stacks/network/hub-shard-stack';
import { hubReferences } from '../stacks/network/hub-references';
import { NetworkHubStack } from '../stacks/network/network-hub-stack';
import { NetworkLaneStack } from '../stacks/network/network-lane-stack';
import { NetworkLinksStack } from '../stacks/network/network-links-stack';
import { SharedServicesStack } from '../stacks/network/shared-services-stack';
import { TenantEnvironmentStack } from '../stacks/tenant-environment-stack';

/** The scope (`onlyTenant`, `delivery`) plus how an unmet capacity need is treated. */
export interface BuildEstateOptions extends EstateScope {
  /**
   * What an unmet capacity need does. `fail` (the default) stops synthesis; `warn` records a
   * warning on Core-Network instead, for benchmarks of estates larger than the hub can carry
   * (`-c capacityGate=warn`). Deployable builds always fail.
   * @default 'fail'
   */
  readonly capacityGate?: 'fail' | 'warn';
  /**
   * The estate a one-tenant build's change is made against (`-c base=DIR`): lane, shard and
   * returns stacks that render the same from both are left out (docs/adr/0027).
   */
  readonly base?: EstateModel;
}

export type { EstateStacks };

/**
 * The composition root: turns a validated estate into its stacks, one class per stack kind
 * (lib/stacks), and orders their deployment. The plans cover the whole estate even when
 * `onlyTenant` narrows the build, so one tenant's build renders the same hub as a full one.
 *
 * Deploy order (docs/adr/0005): Core-Organization -> Core-LogArchive -> everything that
 * delivers logs to it; Core-Network-FirewallRules -> Core-Network -> Core-SharedServices ->
 * Core-Network-Links; tenant stacks after the hub; each shard after its tenants' stacks.
 */
export function buildEstate(app: App, model: EstateModel, options: BuildEstateOptions = {}): EstateStacks {
  const { estate } = model;
  const only = options.onlyTenant?.toUpperCase();
  if (only !== undefined) assertKnownTenant(model, only);
  // Sized for growthFactor x peak before anything is built: never silently under-size.
  const capacity =
    options.capacityGate === 'warn' ? planCapacity(model) : assertCapacity(planCapacity(model));
  const plan = planNetwork(model, capacity.hub);
  // A quota AWS does not raise stops synthesis; adjustable ones are listed by `nhs-cloud capacity`.
  assertQuotas(plan.quotas);
  const landingZone = landingZoneOf(estate);
  const inputs = hubStackInputs(model, plan);
  const hubScope =
    only === undefined ? undefined : oneTenantHubScope(only, { model, plan, inputs }, slicesOf(options.base));
  const inScope = (env: TenantEnvironment) => only === undefined || env.tenant.odsCode === only;

  const core = {
    organization: new OrganizationStack(app, CORE_STACKS.organization, { model, landingZone }),
    logArchive: new LogArchiveStack(app, CORE_STACKS.logArchive, { model, landingZone }),
    security: new SecurityStack(app, CORE_STACKS.security, { model, landingZone }),
    network: new NetworkHubStack(app, CORE_STACKS.network, { model, landingZone, plan, capacity }),
    sharedServices: new SharedServicesStack(app, CORE_STACKS.sharedServices, { model, landingZone, plan }),
  };
  const tenants = allEnvironments(model)
    .filter((env) => inScope(env) && env.accountId)
    .map(
      (environment) =>
        new TenantEnvironmentStack(app, tenantStackName(environment.tenant.odsCode, environment.name), {
          estate,
          landingZone,
          environment,
        }),
    );
  const managementBaseline = new ManagementBaselineStack(app, PLATFORM_STACKS.managementBaseline, {
    estate,
    landingZone,
  });
  const backupAccount = estate.organization.accounts.backup;
  const backup = backupAccount
    ? new CentralBackupStack(app, PLATFORM_STACKS.backup, { model, landingZone, account: backupAccount })
    : undefined;
  const deploymentAccount = estate.organization.accounts.deployment;
  const deploymentBaseline = deploymentAccount
    ? new DeploymentBaselineStack(app, PLATFORM_STACKS.deploymentBaseline, {
        estate,
        landingZone,
        account: deploymentAccount,
      })
    : undefined;
  const tenantOrganizations = [...environmentsByTenant(model, inScope)]
    .filter(([, environments]) => TenantOrganizationStack.hasContent(environments, landingZone))
    .map(
      ([odsCode, environments]) =>
        new TenantOrganizationStack(app, tenantOrganizationStackName(odsCode), {
          estate,
          landingZone,
          environments,
        }),
    );
  const firewallRules = new FirewallRulesStack(app, PLATFORM_STACKS.firewallRules, { estate, plan });
  // Core-Network's and the lanes' values, read by output name (lib/stacks/network/hub-references.ts).
  const hub = hubReferences(estate, plan);
  const { routeTableIds, attachmentIds } = hub;
  // Lanes 2 and up (docs/adr/0024-hub-lanes.md); lane 1 is in Core-Network. The other hub
  // stacks read lane tables and attachments by output name, so a lane can be left out.
  const wanted = new Map([...inputs].filter(([name]) => hubScope === undefined || hubScope.build.has(name)));
  const lanes = slicesOfKind(wanted, 'lane').map(
    (slice) => new NetworkLaneStack(app, slice.lane.stackName, { estate, inputs: slice, hub }),
  );
  const links = new NetworkLinksStack(app, PLATFORM_STACKS.links, { estate, plan, hub, routeTableIds });
  // Content from the whole estate's plan; a one-tenant build makes its own and the changed ones.
  const shards = slicesOfKind(wanted, 'shard').map(
    (slice) => new HubShardStack(app, slice.shard.stackName, { estate, inputs: slice, hub, routeTableIds }),
  );
  const returns = slicesOfKind(wanted, 'returns').map(
    (slice) =>
      new HubReturnsStack(app, slice.returns.stackName, {
        estate,
        inputs: slice,
        routeTableIds,
        attachmentIds,
      }),
  );

  // Landing zone: the organization, then the log archive every account delivers to.
  core.logArchive.addStackDependency(core.organization);
  core.security.addStackDependency(core.organization);
  for (const stack of [
    core.security,
    core.network,
    core.sharedServices,
    backup,
    managementBaseline,
    deploymentBaseline,
  ])
    stack?.addStackDependency(core.logArchive);
  for (const stack of tenantOrganizations) stack.addStackDependency(core.organization);
  // Network.
  core.network.addStackDependency(firewallRules, 'the firewall policy names the rule groups by ARN');
  core.sharedServices.addStackDependency(
    core.network,
    'reads the Transit Gateway ID and organization ARN parameters',
  );
  links.addStackDependency(core.sharedServices, 'the shared-services VPC must be attached first');
  links.addStackDependency(core.network, 'reads the Transit Gateway and its route tables by output name');
  for (const stack of tenants) {
    stack.addStackDependency(core.logArchive);
    stack.addStackDependency(core.network, 'attaches to the shared Transit Gateway');
    stack.addStackDependency(core.sharedServices, 'associates the shared DNS profile');
  }
  for (const lane of lanes) {
    lane.addStackDependency(
      core.network,
      'uses the Transit Gateway, the firewall policy and the shared tables',
    );
    for (const tenant of tenants)
      if (lane.plan.lookups.some((k) => k.startsWith(`Spoke${tenant.tenantEnvironment.tenant.odsCode}`)))
        lane.addStackDependency(tenant, 'looks up the national service attachment');
  }
  for (const lane of lanes) links.addStackDependency(lane, 'propagates shared services into every lane');
  for (const shard of shards) {
    shard.addStackDependency(core.network, 'uses the Transit Gateway, its route tables and IPAM');
    for (const lane of lanes) shard.addStackDependency(lane, "associates tenants with their lane's tables");
    for (const tenant of tenants)
      if (shard.shard.tenants.includes(tenant.tenantEnvironment.tenant.odsCode))
        shard.addStackDependency(tenant, 'looks up the spoke attachment');
  }
  for (const r of returns) {
    r.addStackDependency(core.network, 'routes in the shared tables');
    for (const lane of lanes) r.addStackDependency(lane, "routes to each lane's inspection");
  }

  const delivery = buildDelivery(app, model, options);
  return {
    core,
    tenants,
    landingZone: { managementBaseline, backup, deploymentBaseline, tenantOrganizations },
    network: { plan, firewallRules, links, lanes, shards, returns, scope: hubScope },
    delivery,
  };
}

/** The base estate's plan and slices, planned as the head's is (capacity never gates a base). */
function slicesOf(base: EstateModel | undefined): EstateSlices | undefined {
  if (!base) return undefined;
  const plan = planNetwork(base, planCapacity(base).hub);
  return { model: base, plan, inputs: hubStackInputs(base, plan) };
}

/** Every tenant's environments (vended or still to vend), for its Org-<ODS> stack. */
function environmentsByTenant(
  model: EstateModel,
  inScope: (env: TenantEnvironment) => boolean,
): Map<string, TenantEnvironment[]> {
  const byTenant = new Map<string, TenantEnvironment[]>();
  for (const env of allEnvironments(model).filter(inScope))
    byTenant.set(env.tenant.odsCode, [...(byTenant.get(env.tenant.odsCode) ?? []), env]);
  return byTenant;
}

/**
 * `-c tenant=` must name a tenant of the config: never an empty build. Case does not matter
 * (lib/app/estate-context.ts passes the code upper-cased), as on every CLI command.
 */
function assertKnownTenant(model: EstateModel, odsCode: string): void {
  const codes = model.tenants.map((t) => t.odsCode);
  if (codes.includes(odsCode.toUpperCase())) return;
  const guess = didYouMean(odsCode, codes);
  throw UserInputError.at(
    { flag: '-c tenant' },
    `expected the ODS code of a tenant in the config's tenants folder, got ${JSON.stringify(odsCode.slice(0, 200))}`,
    {
      hint: guess
        ? `did you mean -c tenant=${guess}?`
        : 'each tenant is a file tenants/<ODS code>.yaml in the config folder',
    },
  );
}
