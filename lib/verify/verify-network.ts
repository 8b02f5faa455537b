import { EstateModel } from '../config/model';
import { AssemblyStack } from './assembly/types';
import { checkInternet } from './checks/internet';
import { checkIsolation } from './checks/isolation';
import { checkOnPremises } from './checks/on-premises';
import { checkPlanDepartures } from './checks/plan-departures';
import { checkPolicyFlows } from './checks/policy-flows';
import { checkRoutingIsolation } from './checks/routing-isolation';
import { checkSingleInspection } from './checks/single-inspection';
import { ReachIndex } from './checks/reach-index';
import { checkSymmetry } from './checks/symmetry';
import { CheckContext, CheckId, CHECKS, Violation } from './checks/types';
import { ModelHints } from './model/context';
import { buildNetworkModel } from './model/build-model';
import { NetworkModel } from './model/types';
import { computeReachability } from './paths/reachability';
import { allowedFlows } from './policy/allowed';
import { ownersOf } from './policy/owners';
import { buildMatrix, Matrix } from './report/matrix';

export interface VerifyNetworkResult {
  readonly network: NetworkModel;
  readonly matrix: Matrix;
  readonly violations: readonly Violation[];
  readonly stats: {
    readonly stacks: number;
    readonly vpcs: number;
    readonly attachments: number;
    readonly walks: number;
    readonly reaches: number;
    readonly milliseconds: { readonly model: number; readonly reachability: number; readonly checks: number };
  };
}

/** Facts about on-premises links that only config states (BGP carries them, not templates). */
export function hintsFromConfig(estate: EstateModel): ModelHints {
  const vpnByAsn = new Map<number, { tenant: string; cidrs: string[] }>();
  const directConnectCidrs: string[] = [];
  for (const tenant of estate.tenants) {
    const site = tenant.network.onPremises;
    if (site?.connection === 'vpn') vpnByAsn.set(site.asn, { tenant: tenant.odsCode, cidrs: site.cidrs });
    if (site?.connection === 'directConnect') directConnectCidrs.push(...site.cidrs);
  }
  return { vpnByAsn, directConnectCidrs };
}

/**
 * Proves the estate's network properties from synthesized templates: builds the network
 * model from the stacks, walks every flow that can start in it, and checks the reaches
 * against the segmentation policy in config. Pure over its inputs.
 */
export function verifyNetwork(
  stacks: readonly AssemblyStack[],
  estate: EstateModel,
  options: { readonly partialTenant?: string } = {},
): VerifyNetworkResult {
  const t0 = performance.now();
  const network = buildNetworkModel(stacks, {
    ...hintsFromConfig(estate),
    partialTenant: options.partialTenant,
  });
  const t1 = performance.now();
  const owners = ownersOf(estate);
  const reachability = computeReachability(network, owners);
  // Routing alone: the walks from the tenants with every firewall passing everything, keeping
  // only what crosses tiers (everything else is the policy's business, checked above).
  const routingOnly = computeReachability(network, owners, {
    passAll: true,
    keep: (from, to) => from.kind === 'tenant' && to.kind === 'tenant' && from.tier !== to.tier,
  });
  const t2 = performance.now();
  const ctx: CheckContext = { estate, network, owners, flows: allowedFlows(estate), reachability };
  const index = new ReachIndex(ctx);
  const violations = [
    ...network.gaps.map((gap): Violation => ({
      check: 'model',
      from: gap.resource,
      to: '',
      message: `${gap.resource}: ${gap.problem}`,
      witness: [],
      alsoSeen: 0,
    })),
    ...checkIsolation(ctx),
    ...checkInternet(ctx),
    ...checkOnPremises(ctx, index),
    ...checkPolicyFlows(ctx, index),
    ...checkSymmetry(ctx),
    ...checkSingleInspection(ctx),
    ...checkRoutingIsolation(routingOnly),
    ...checkPlanDepartures(ctx),
  ].sort((a, b) => checkOrder(a.check) - checkOrder(b.check));
  const t3 = performance.now();
  return {
    network,
    matrix: buildMatrix(reachability.reaches),
    violations,
    stats: {
      stacks: stacks.length,
      vpcs: network.vpcs.length,
      attachments: network.transitGateways.reduce((n, t) => n + t.attachments.length, 0),
      walks: reachability.walks,
      reaches: reachability.reaches.length,
      milliseconds: {
        model: Math.round(t1 - t0),
        reachability: Math.round(t2 - t1),
        checks: Math.round(t3 - t2),
      },
    },
  };
}

function checkOrder(id: CheckId): number {
  return Object.keys(CHECKS).indexOf(id);
}
