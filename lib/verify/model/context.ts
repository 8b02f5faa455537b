import { Resolver, ResourceRecord } from '../assembly/resolver';
import { OutsidePartialAssembly, Unresolvable } from '../assembly/unresolvable';
import { labelOf } from './labels';
import {
  Firewall,
  FirewallEndpoint,
  InternetGateway,
  Nacl,
  NatGateway,
  NetworkModel,
  Peering,
  RouteTable,
  Subnet,
  TgwAttachment,
  TgwRouteTable,
  TransitGateway,
  Vpc,
} from './types';

/** Facts no template states, supplied from config by the caller. */
export interface ModelHints {
  /** The on-premises network behind a VPN connection, by the customer gateway's BGP ASN. */
  readonly vpnByAsn?: ReadonlyMap<number, { readonly tenant: string; readonly cidrs: readonly string[] }>;
  /** Prefixes learned over Direct Connect (every Direct Connect tenant's on-premises CIDRs). */
  readonly directConnectCidrs?: readonly string[];
  /**
   * The assembly holds only this tenant's stacks (`-c tenant=ODS`, from its stamp): a lookup of
   * an attachment in an account with no stack in the assembly is left out, not a gap.
   */
  readonly partialTenant?: string;
}

/** Indexes shared by the steps that build the model, and the model they fill in. */
export class BuildContext {
  readonly model: NetworkModel = {
    vpcs: [],
    transitGateways: [],
    firewalls: [],
    peerings: [],
    gaps: [],
    outside: [],
  };
  readonly vpcs = new Map<string, Vpc>();
  readonly subnets = new Map<string, Subnet>();
  readonly routeTables = new Map<string, RouteTable>();
  readonly internetGateways = new Map<string, InternetGateway>();
  readonly natGateways = new Map<string, NatGateway>();
  readonly nacls = new Map<string, Nacl>();
  readonly peerings = new Map<string, Peering>();
  readonly transitGateways = new Map<string, TransitGateway>();
  readonly attachments = new Map<string, TgwAttachment>();
  readonly tgwRouteTables = new Map<string, TgwRouteTable>();
  readonly firewalls = new Map<string, Firewall>();
  /** Accounts with at least one stack in the assembly. */
  readonly accounts = new Set<string>();
  readonly firewallEndpoints = new Map<string, FirewallEndpoint>();
  private readonly byType = new Map<string, ResourceRecord[]>();

  constructor(
    readonly resolver: Resolver,
    readonly hints: ModelHints,
  ) {
    for (const record of resolver.all()) {
      this.accounts.add(record.stack.account);
      const list = this.byType.get(record.type);
      if (list) list.push(record);
      else this.byType.set(record.type, [record]);
    }
  }

  resources(type: string): readonly ResourceRecord[] {
    return this.byType.get(type) ?? [];
  }

  /** A resolved property; throws Unresolvable. */
  prop(record: ResourceRecord, name: string): unknown {
    return this.resolver.prop(record, name);
  }

  /** A resolved property that must be a string. */
  text(record: ResourceRecord, name: string): string | undefined {
    const value = this.prop(record, name);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Unresolvable(`${name} is ${JSON.stringify(value)}, expected text`);
    }
    return String(value);
  }

  /** Runs one step for one resource; what cannot be resolved becomes a gap, not a guess. */
  attempt(record: ResourceRecord, step: () => void): void {
    try {
      step();
    } catch (error) {
      if (!(error instanceof Unresolvable)) throw error;
      if (error instanceof OutsidePartialAssembly)
        this.model.outside.push({ resource: labelOf(record), problem: error.message });
      else this.gap(labelOf(record), error.message);
    }
  }

  gap(resource: string, problem: string): void {
    this.model.gaps.push({ resource, problem });
  }
}
