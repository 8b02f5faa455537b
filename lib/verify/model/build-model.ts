import { Resolver, ResolverHooks } from '../assembly/resolver';
import { AssemblyStack } from '../assembly/types';
import { BuildContext, ModelHints } from './context';
import { addFirewalls } from './firewalls';
import { installNetworkLookup } from './network-lookup';
import { addVpcRoutes } from './routes';
import { addAttachments, addTgwRouting, addTransitGateways } from './transit';
import { NetworkModel } from './types';
import { addVpcs } from './vpcs';

export interface BuildModelOptions extends ModelHints {
  readonly resolverHooks?: ResolverHooks;
}

/**
 * Builds the network model from in-memory templates (so tests can tamper with them without
 * touching files). Order matters only for joins: every possible route target exists before
 * routes are read, and attachments exist before the hub's lookups are answered.
 */
export function buildNetworkModel(
  stacks: readonly AssemblyStack[],
  options: BuildModelOptions = {},
): NetworkModel {
  const resolver = new Resolver(stacks, { ...options.resolverHooks, partialTenant: options.partialTenant });
  const ctx = new BuildContext(resolver, options);
  addVpcs(ctx);
  addTransitGateways(ctx);
  addAttachments(ctx);
  addFirewalls(ctx);
  installNetworkLookup(ctx);
  addVpcRoutes(ctx);
  addTgwRouting(ctx);
  return ctx.model;
}
