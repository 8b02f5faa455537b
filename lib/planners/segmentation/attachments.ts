import { allEnvironments, EstateModel } from '../../config/model';
import { VpnLinkPlan, vpnAttachmentKey } from '../hub/vpn-links';
import { segmentOf } from './segments';
import { AttachmentPlan } from './types';

/** Lookup attribute names and construct IDs of the hub's own attachments. */
export const HUB_ATTACHMENT_KEYS = {
  inspection: 'Inspection',
  egress: 'Egress',
  'shared-services': 'SharedServices',
  'direct-connect': 'DirectConnect',
} as const;

export function spokeAttachmentKey(tenant: string, environment: string): string {
  return `Spoke${tenant}${environment}`;
}

/**
 * Which route table each attachment associates with and which tables learn its routes.
 * Every source segment sends everything to inspection, so only post-inspection learns
 * routes (by propagation); it is the one table that knows where each CIDR lives.
 *
 * - inspection VPC: associated with post-inspection, propagates nowhere.
 * - egress VPC: joins shared-services (its return traffic goes back through inspection),
 *   and is reached only by post-inspection's static default route, so it propagates nowhere.
 * - shared-services VPC, Direct Connect gateway, every spoke and VPN: propagate to post-inspection.
 */
export function planAttachments(
  model: EstateModel,
  vpnLinks: readonly VpnLinkPlan[],
  withDirectConnect: boolean,
): AttachmentPlan[] {
  const hub: AttachmentPlan[] = [
    hubAttachment('inspection', 'post-inspection', false),
    hubAttachment('egress', 'shared-services', false),
    hubAttachment('shared-services', 'shared-services', true),
    ...(withDirectConnect ? [hubAttachment('direct-connect', 'on-premises', true)] : []),
  ];
  const spokes = allEnvironments(model).flatMap((env): AttachmentPlan[] => {
    if (!env.accountId) return []; // not vended yet: no account, no VPC, nothing to attach
    const tenant = env.tenant.odsCode;
    return [
      {
        key: spokeAttachmentKey(tenant, env.name),
        source: { kind: 'spoke', tenant, environment: env.name, accountId: env.accountId, cidr: env.cidr },
        tenant,
        associateWith: segmentOf(env),
        propagateTo: ['post-inspection'],
      },
    ];
  });
  const vpns = vpnLinks.flatMap((link) =>
    link.connections.map((c): AttachmentPlan => ({
      key: vpnAttachmentKey(link.tenant, c.index),
      source: { kind: 'vpn', tenant: link.tenant, connection: c.index },
      tenant: link.tenant,
      associateWith: 'on-premises',
      propagateTo: ['post-inspection'],
    })),
  );
  return [...hub, ...spokes, ...vpns];
}

function hubAttachment(
  name: keyof typeof HUB_ATTACHMENT_KEYS,
  associateWith: AttachmentPlan['associateWith'],
  propagates: boolean,
): AttachmentPlan {
  return {
    key: HUB_ATTACHMENT_KEYS[name],
    source: { kind: 'hub', name },
    associateWith,
    propagateTo: propagates ? ['post-inspection'] : [],
  };
}
