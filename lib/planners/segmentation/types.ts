import { SegmentName } from '../../config/schema/segmentation-schema';

/**
 * The segmentation plan: plain data that both the Transit Gateway route tables and the
 * Network Firewall rules are rendered from, so the policy in estate.yaml is stated once.
 */

/** Hub attachments: one each, owned by the network or shared-services account. */
export type HubAttachmentName = 'inspection' | 'egress' | 'shared-services' | 'direct-connect';

/** Where an attachment comes from, which is also how the hub finds its ID at deploy time. */
export type AttachmentSource =
  | { readonly kind: 'hub'; readonly name: HubAttachmentName }
  | {
      readonly kind: 'spoke';
      readonly tenant: string;
      readonly environment: string;
      /** The VPC owner: the hub finds the attachment by this account. */
      readonly accountId: string;
      readonly cidr: string;
    }
  | { readonly kind: 'vpn'; readonly tenant: string; readonly connection: number };

export interface AttachmentPlan {
  /** Alphanumeric, unique, stable: a construct ID and a lookup attribute name. */
  readonly key: string;
  readonly source: AttachmentSource;
  /** Set on per-tenant attachments, which live in the tenant's hub shard. */
  readonly tenant?: string;
  readonly associateWith: SegmentName;
  readonly propagateTo: readonly SegmentName[];
}

export type RouteTarget = { readonly attachment: string } | 'blackhole';

export interface StaticRoutePlan {
  readonly segment: SegmentName;
  readonly destination: string;
  readonly target: RouteTarget;
  /** Set on per-tenant routes, which live in the tenant's hub shard. */
  readonly tenant?: string;
  readonly reason: string;
}

export type FirewallProtocol = 'tcp' | 'udp' | 'icmp' | 'ip';

/** One stateful pass rule; everything else meets the policy's default drop. */
export interface FirewallRule {
  /** Unique in the plan; shown as the Suricata msg so alerts name the policy rule. */
  readonly name: string;
  readonly protocol: FirewallProtocol;
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  /** Absent: any port. */
  readonly ports?: readonly number[];
  readonly reason: string;
}

/** Internet egress: TLS SNI and HTTP Host allow-list, nothing else leaves. */
export interface EgressPolicy {
  readonly sources: readonly string[];
  /** As in config: a leading dot allows the domain and every subdomain. */
  readonly domains: readonly string[];
}

export interface FirewallPlan {
  /** $HOME_NET: every private range the estate routes, so $EXTERNAL_NET is the internet. */
  readonly homeNet: readonly string[];
  /** In evaluation order (the policy uses strict order). */
  readonly rules: readonly FirewallRule[];
  readonly egress: EgressPolicy;
}

export interface SegmentationPlan {
  readonly segments: readonly SegmentName[];
  readonly attachments: readonly AttachmentPlan[];
  readonly routes: readonly StaticRoutePlan[];
  readonly firewall: FirewallPlan;
}
