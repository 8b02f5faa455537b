import { EstateModel } from '../../config/model';
import { DeployStack, ProofResult, Violation } from '../types';
import { DependencyGraph } from './dependency-graph';
import { organizationEvents } from './organization-events';

/**
 * Organization order: every delegated-administrator registration and organization-wide
 * configuration depends, directly or through its stack's dependencies, on its trusted access
 * and its other prerequisites. CloudFormation creates what does not depend on each other in
 * parallel, so an order that is not written down is not an order.
 */
export function proveOrganizationOrder(stacks: readonly DeployStack[], model: EstateModel): ProofResult {
  const events = organizationEvents(stacks, model.estate.organization.accounts.management);
  const graph = new DependencyGraph(stacks);
  const providers = new Map<string, string[]>();
  for (const event of events)
    for (const p of event.provides) providers.set(p, [...(providers.get(p) ?? []), event.node]);
  const violations: Violation[] = [];
  let checked = 0;
  for (const event of events) {
    for (const requirement of event.requires) {
      checked++;
      const candidates = providers.get(requirement) ?? [];
      if (candidates.length === 0) {
        violations.push({
          proof: 'organization-order',
          where: event.node,
          message: `${event.what} needs ${requirement}, which nothing in the assembly provides`,
          witness: `requires ${requirement}`,
        });
      } else if (!candidates.some((c) => graph.after(event.node, c))) {
        violations.push({
          proof: 'organization-order',
          where: event.node,
          message: `${event.what} needs ${requirement} first, but does not depend on it: CloudFormation may create them in either order`,
          witness: `${event.node} does not depend on ${candidates.join(' or ')}`,
        });
      }
    }
  }
  return {
    proof: 'organization-order',
    title: 'Organization order: trusted access and administrators before what needs them',
    checked,
    violations,
    notModelled: {},
  };
}
