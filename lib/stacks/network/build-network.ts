import { App, Stack } from 'aws-cdk-lib';
import { FirewallRuleGroups } from '../../patterns/network/firewall-rule-groups';
import { coreStackProps } from '../stack-props';
import { allEnvironments, EstateModel } from '../../config/model';
import { CapacityPlan } from '../../planners/capacity/types';
import { planCapacity } from '../../planners/capacity/plan-capacity';
import { NetworkPlan, planNetwork } from '../../planners/hub/network-plan';
import { shardOf } from '../../planners/shards';
import { tenantStackName } from '../../planners/naming';
import type { EstateStacks } from '../estate-stacks';
import { EstateStack } from '../estate-stack';
import { buildHubNetwork } from './hub-network';
import { buildHubShard } from './hub-shard';
import { buildNetworkLinks } from './network-links';
import { buildSharedServicesNetwork } from './shared-services-network';
import { linkSpoke } from './spoke-network';
import { NETWORK_STACKS } from './shared-values';

/** The network stacks added beside the core and tenant stacks. */
export interface NetworkStacks {
  readonly plan: NetworkPlan;
  readonly firewallRules: Stack;
  readonly links: Stack;
  /** Only the shards of the tenants being built (all of them in a full build). */
  readonly shards: readonly Stack[];
}

/**
 * Adds the hub-and-spoke network to the estate. Deploy order (docs/adr/0005):
 * FirewallRules -> Core-Network -> Core-SharedServices -> Links; tenant stacks after the core;
 * each shard after its tenants' stacks. The plan always covers the whole estate, so building
 * one tenant renders the same hub and the same shard as a full build.
 */
export function buildNetwork(
  app: App,
  model: EstateModel,
  stacks: EstateStacks,
  capacity: CapacityPlan = planCapacity(model),
): NetworkStacks {
  const { estate } = model;
  const plan = planNetwork(model, capacity.hub);
  const network = stacks.core.network;
  const sharedServices = stacks.core.sharedServices;
  const networkProps = (description: string) => ({ ...coreStackProps(estate, 'network'), description });

  const firewallRules = new EstateStack(
    app,
    NETWORK_STACKS.firewallRules,
    networkProps(
      'NHS national cloud: inspection firewall rule groups, generated from the segmentation policy',
    ),
  );
  new FirewallRuleGroups(firewallRules, 'RuleGroups', { groups: plan.ruleGroups });
  network.addStackDependency(firewallRules, 'the firewall policy names the rule groups by ARN');

  const hub = buildHubNetwork(network, model, plan);
  buildSharedServicesNetwork(sharedServices, model, plan);
  sharedServices.addStackDependency(network, 'reads the Transit Gateway ID and organization ARN parameters');

  const links = new EstateStack(
    app,
    NETWORK_STACKS.links,
    networkProps('NHS national cloud: hub associations of attachments made by other core accounts'),
  );
  buildNetworkLinks(links, model, plan, hub);
  links.addStackDependency(sharedServices, 'the shared-services VPC must be attached first');

  const environments = new Map(
    allEnvironments(model).map((e) => [tenantStackName(e.tenant.odsCode, e.name), e]),
  );
  for (const stack of stacks.tenants) {
    const env = environments.get(stack.stackName);
    if (!env) throw new Error(`no tenant environment for stack ${stack.stackName}`);
    linkSpoke(stack, model, env);
    stack.addStackDependency(network, 'attaches to the shared Transit Gateway');
    stack.addStackDependency(sharedServices, 'associates the shared DNS profile');
  }

  // Only the shards of the tenants being built; their content still comes from the whole estate.
  const built = new Set(stacks.tenants.map((s) => s.stackName));
  const wanted = new Set(stacks.tenants.map((s) => shardOf(environments.get(s.stackName)!.tenant.odsCode)));
  const isFullBuild = stacks.tenants.length === allEnvironments(model).filter((e) => e.accountId).length;
  const shards = plan.shards
    .filter((shard) => isFullBuild || wanted.has(shard.index))
    .map((shard) => {
      const stack = new EstateStack(
        app,
        shard.stackName,
        networkProps(`NHS national cloud: hub shard ${shard.index} (${shard.tenants.join(', ')})`),
      );
      buildHubShard(stack, model, plan, shard, hub);
      stack.addStackDependency(network, 'uses the Transit Gateway, its route tables and IPAM');
      for (const tenant of stacks.tenants) {
        if (
          shard.tenants.includes(environments.get(tenant.stackName)!.tenant.odsCode) &&
          built.has(tenant.stackName)
        ) {
          stack.addStackDependency(tenant, 'looks up the spoke attachment');
        }
      }
      return stack;
    });
  return { plan, firewallRules, links, shards };
}
