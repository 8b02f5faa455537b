/**
 * IPv4 CIDR arithmetic with no CDK imports: the one place the project does address maths.
 *
 * A block is held as two integers, its first address and its prefix length, so that
 * containment and overlap are integer comparisons:
 *
 *   parseCidr('10.64.8.0/21') -> { base: 171_968_512, prefix: 21 }  (10.64.8.0 .. 10.64.15.255)
 */
export interface Cidr {
  /** First address of the block as an unsigned 32-bit integer. */
  readonly base: number;
  /** Prefix length, 0 to 32. */
  readonly prefix: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Why a string is not a usable CIDR, or undefined when it is one. */
export function cidrProblem(text: string): string | undefined {
  const match = CIDR_PATTERN.exec(text);
  if (!match) return 'expected an IPv4 CIDR such as 10.64.0.0/21';
  // "010" reads as 8 to some tools and 10 to others, so leading zeros are refused outright.
  if (match.slice(1, 6).some((part) => part.length > 1 && part.startsWith('0'))) {
    return `expected numbers without leading zeros, got ${text}`;
  }
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255)) return 'expected each address octet to be 0-255';
  if (prefix > 32) return 'expected a prefix length of 0-32';
  const address = toInt(octets);
  if ((address & ~maskOf(prefix)) >>> 0 !== 0) {
    const network = formatCidr({ base: (address & maskOf(prefix)) >>> 0, prefix });
    return `expected a network address with no host bits set, got ${text} (did you mean ${network}?)`;
  }
  return undefined;
}

export function isCidr(text: string): boolean {
  return cidrProblem(text) === undefined;
}

/** Parses a CIDR; throws on malformed input (validate with `cidrProblem` first). */
export function parseCidr(text: string): Cidr {
  const problem = cidrProblem(text);
  if (problem) throw new Error(`${text}: ${problem}`);
  const match = CIDR_PATTERN.exec(text)!;
  return { base: toInt(match.slice(1, 5).map(Number)), prefix: Number(match[5]) };
}

export function formatCidr(cidr: Cidr): string {
  return `${formatAddress(cidr.base)}/${cidr.prefix}`;
}

export function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join('.');
}

export function blockSize(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

/** Last address of the block. */
export function lastAddress(cidr: Cidr): number {
  return cidr.base + blockSize(cidr) - 1;
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return outer.prefix <= inner.prefix && inner.base >= outer.base && lastAddress(inner) <= lastAddress(outer);
}

export function containsAddress(cidr: Cidr, address: number): boolean {
  return address >= cidr.base && address <= lastAddress(cidr);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base <= lastAddress(b) && b.base <= lastAddress(a);
}

/**
 * Splits a block into `count` equal sub-blocks of the given prefix, in address order.
 * splitCidr(10.64.0.0/21, 24, 3) -> 10.64.0.0/24, 10.64.1.0/24, 10.64.2.0/24
 */
export function splitCidr(cidr: Cidr, prefix: number, count: number): Cidr[] {
  const size = 2 ** (32 - prefix);
  const fits = Number.isInteger(count) && count >= 0 && size * count <= blockSize(cidr);
  if (prefix < cidr.prefix || prefix > 32 || !fits) {
    throw new Error(`${formatCidr(cidr)} cannot hold ${count} blocks of /${prefix}`);
  }
  return Array.from({ length: count }, (_, i) => ({ base: cidr.base + i * size, prefix }));
}

function toInt(octets: number[]): number {
  return ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
}
