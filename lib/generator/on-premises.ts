import { UserInputError } from '../errors/user-input-error';
import { Random } from './prng';
import { UsedRanges } from './used-ranges';

export type Connection = 'vpn' | 'directConnect';

export interface OnPremisesLink {
  readonly connection: Connection;
  readonly cidrs: readonly string[];
  readonly asn: number;
  /** Public IPs of a VPN site's two devices (one customer gateway each); none for Direct Connect. */
  readonly customerGatewayIps: readonly string[];
}

/**
 * VPN devices' public addresses come from 198.18.0.0/15, the range RFC 2544 sets aside for
 * benchmarking: never a real device, and 131,072 addresses leave room for any estate size.
 */
export const CUSTOMER_GATEWAY_POOL = '198.18.0.0/15';
const DEVICES_PER_VPN_SITE = 2;

/** Shares of tenants with each kind of on-premises link; the rest reach AWS over the internet only. */
export const DIRECT_CONNECT_SHARE = 0.2;
export const VPN_SHARE = 0.4;

/** RFC 1918 space outside 10/8, which the estate keeps for its own VPCs. */
export const ON_PREMISES_POOLS = ['172.16.0.0/12', '192.168.0.0/16'] as const;

/** A Direct Connect site gets a /21, a VPN site a /23; some DX sites add a /24 from 192.168/16. */
const PRIMARY_PREFIX: Readonly<Record<Connection, number>> = { directConnect: 21, vpn: 23 };
const SECOND_RANGE_PREFIX = 24;
const SECOND_RANGE_SHARE = 0.25;

export interface LinkShares {
  readonly directConnect: number;
  readonly vpn: number;
}

export const DEFAULT_LINK_SHARES: LinkShares = { directConnect: DIRECT_CONNECT_SHARE, vpn: VPN_SHARE };

export interface LinkCandidate {
  readonly odsCode: string;
  readonly peakMbps: number;
}

/**
 * Chooses who has which link. Bigger tenants are likelier to have Direct Connect (score:
 * log peak plus noise, top 20%); anyone whose need a VPN cannot carry also gets it, so the
 * generated estate stays buildable. VPN goes to 40% of the tenants, drawn from the rest.
 */
export function assignConnections(
  candidates: readonly LinkCandidate[],
  random: Random,
  vpnCeilingMbps: number,
  shares: LinkShares = DEFAULT_LINK_SHARES,
): Map<string, Connection> {
  const out = new Map<string, Connection>();
  const scored = candidates
    .map((c) => ({ c, score: Math.log(c.peakMbps) + 0.5 * random.normal() }))
    .sort((a, b) => b.score - a.score || a.c.odsCode.localeCompare(b.c.odsCode));
  const directConnect = Math.round(candidates.length * shares.directConnect);
  scored.forEach(({ c }, i) => {
    if (i < directConnect || c.peakMbps > vpnCeilingMbps) out.set(c.odsCode, 'directConnect');
  });
  const rest = candidates.filter((c) => !out.has(c.odsCode));
  for (const c of random.shuffle(rest).slice(0, Math.round(candidates.length * shares.vpn))) {
    out.set(c.odsCode, 'vpn');
  }
  return out;
}

/**
 * Allocates on-premises ranges and BGP ASNs, in call order, with the same allocator that
 * `onboard` uses; every range avoids `used` (hub, tenant pool, DNS resolvers) and each other.
 */
export class OnPremisesAllocator {
  private readonly used: UsedRanges;
  private readonly asns: number[];

  constructor(
    private readonly random: Random,
    used: readonly string[],
    transitGatewayAsn: number,
  ) {
    this.used = new UsedRanges(used);
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    this.asns = [...range(65001, 65534), ...range(64512, 65000)].filter((a) => a !== transitGatewayAsn);
  }

  allocate(connection: Connection): OnPremisesLink {
    const cidrs = [this.take(PRIMARY_PREFIX[connection], ON_PREMISES_POOLS)];
    if (connection === 'directConnect' && this.random.chance(SECOND_RANGE_SHARE)) {
      cidrs.push(this.take(SECOND_RANGE_PREFIX, [...ON_PREMISES_POOLS].reverse()));
    }
    const asn = this.asns.shift();
    if (asn === undefined)
      throw UserInputError.at(
        { flag: '--tenants' },
        'too many on-premises links for the private 2-byte BGP ASNs',
        {
          hint: 'generate fewer tenants',
        },
      );
    const customerGatewayIps =
      connection === 'vpn'
        ? Array.from({ length: DEVICES_PER_VPN_SITE }, () =>
            this.take(32, [CUSTOMER_GATEWAY_POOL]).replace(/\/32$/, ''),
          )
        : [];
    return { connection, cidrs, asn, customerGatewayIps };
  }

  private take(prefix: number, pools: readonly string[]): string {
    const cidr = this.used.allocate(pools, prefix);
    if (cidr) return cidr;
    throw UserInputError.at(
      { flag: '--tenants' },
      `no free /${prefix} left for on-premises ranges in ${pools.join(' or ')}`,
      { hint: 'generate fewer tenants' },
    );
  }
}
