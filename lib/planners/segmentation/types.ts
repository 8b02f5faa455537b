import { SegmentName } from '../../config/schema/segmentation-schema';

/**
 * The segmentation plan: plain data that both the Transit Gateway route tables and the
 * Network Firewall rules are rendered from, so the policy in estate.yaml is stated once.
 */

/** Hub attachments: an inspection and an egress VPC per lane, shared services, a Direct Connect gateway per group. */
export type HubAttachmentName = 'inspection' | 'egress' | 'shared-services' | 'direct-connect';

/**
 * A Transit Gateway route table: a segment in a lane. Lane 1's keys are the segment names the
 * single-lane hub always had (`tenants-prod`); lane k's are `tenants-prod@k`. The shared tables
 * (`shared-services`, `on-premises`) exist once, in lane 1 (docs/adr/0024-hub-lanes.md).
 */
export type TableKey = string;

export interface RouteTablePlan {
  readonly key: TableKey;
  readonly segment: SegmentName;
  readonly lane: number;
}

/**
 * The stack a resource of the plan lives in: the hub (Core-Network), the links stack, a lane
 * stack (Core-Network-Lane-NN), a tenant's shard or its shard's returns stack.
 */
export type PlanHome =
  | { readonly stack: 'hub' }
  | { readonly stack: 'links' }
  | { readonly stack: 'lane'; readonly lane: number }
  | { readonly stack: 'shard'; readonly tenant: string }
  | { readonly stack: 'returns'; readonly tenant: string };

/** Where an attachment comes from, which is also how the hub finds its ID at deploy time. */
export type AttachmentSource =
  | {
      readonly kind: 'hub';
      readonly name: HubAttachmentName;
      /** Inspection and egress: the lane. Direct Connect: the gateway number. @default 1 */
      readonly index?: number;
    }
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
  /** The lane the attachment belongs to (shared attachments: none). */
  readonly lane?: number;
  readonly associateWith: TableKey;
  readonly propagateTo: readonly TableKey[];
}

/** Where an attachment's association or one of its propagations is declared. */
export interface BindingPlan {
  readonly attachment: string;
  readonly table: TableKey;
  readonly home: PlanHome;
}

export type RouteTarget = { readonly attachment: string } | 'blackhole';

export interface StaticRoutePlan {
  /** The route table (a segment in a lane). */
  readonly segment: TableKey;
  readonly destination: string;
  readonly target: RouteTarget;
  /** Set on per-tenant routes (tier blackholes, return routes). */
  readonly tenant?: string;
  readonly home: PlanHome;
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
  /** Every route table: lane 1's six, then each further lane's. */
  readonly tables: readonly RouteTablePlan[];
  readonly attachments: readonly AttachmentPlan[];
  /** The attachments' associations and propagations, each with the stack it lives in. */
  readonly associations: readonly BindingPlan[];
  readonly propagations: readonly BindingPlan[];
  readonly routes: readonly StaticRoutePlan[];
  readonly firewall: FirewallPlan;
}
