import { Random } from './prng';

/**
 * The kinds of organisation a generated estate holds, and how common each kind of trust is.
 * Weights follow England's provider mix (about 209 trusts: most acute, then mental health,
 * then community, specialist and ambulance; NHS Providers, 2024).
 */
export const TRUST_KINDS = ['acute', 'mental-health', 'community', 'ambulance', 'specialist'] as const;
export type TrustKind = (typeof TRUST_KINDS)[number];
export type OrganisationKind = 'national' | 'icb' | TrustKind;

export const TRUST_KIND_WEIGHTS: Readonly<Record<TrustKind, number>> = {
  acute: 0.58,
  'mental-health': 0.23,
  community: 0.07,
  ambulance: 0.05,
  specialist: 0.07,
};

/** About one ICB per five trusts (42 ICBs to about 209 trusts in England). */
export const TRUSTS_PER_ICB = 5;

/** How many of each tier an estate of `tenants` holds: one national body, then ICBs and trusts 1:5. */
export function tierCounts(tenants: number): { national: number; icbs: number; trusts: number } {
  if (!Number.isInteger(tenants) || tenants < 1) {
    throw new Error(`expected a whole number of tenants of at least 1, got ${tenants}`);
  }
  if (tenants === 1) return { national: 1, icbs: 0, trusts: 0 };
  const icbs = Math.max(1, Math.round((tenants - 1) / (TRUSTS_PER_ICB + 1)));
  return { national: 1, icbs, trusts: tenants - 1 - icbs };
}

/**
 * Kinds for `count` trusts: the first five cover every kind (so even a small estate exercises
 * each), the rest are drawn by weight.
 */
export function drawTrustKinds(count: number, random: Random): TrustKind[] {
  const kinds: TrustKind[] = TRUST_KINDS.slice(0, count);
  while (kinds.length < count) {
    let roll = random.next();
    const kind = TRUST_KINDS.find((k) => (roll -= TRUST_KIND_WEIGHTS[k]) < 0) ?? 'acute';
    kinds.push(kind);
  }
  return kinds;
}
