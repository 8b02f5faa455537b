import { OrganisationKind } from './organisation-kinds';
import { Random } from './prng';

export const MIN_PEAK_MBPS = 20;
export const MAX_PEAK_MBPS = 10_000;

/**
 * Median measured peak and spread (sigma of the natural log) per kind. A large acute trust
 * today is of the order of 1 Gbps, small community sites tens of Mbps, and the national body
 * runs national services at the top of the range (see shared reference: NHS context).
 */
const PEAK_PROFILE: Readonly<Record<OrganisationKind, { medianMbps: number; sigma: number }>> = {
  national: { medianMbps: MAX_PEAK_MBPS, sigma: 0 },
  icb: { medianMbps: 120, sigma: 0.6 },
  acute: { medianMbps: 700, sigma: 0.75 },
  'mental-health': { medianMbps: 150, sigma: 0.6 },
  community: { medianMbps: 100, sigma: 0.7 },
  ambulance: { medianMbps: 300, sigma: 0.5 },
  specialist: { medianMbps: 400, sigma: 0.6 },
};

/**
 * A log-normal draw of a tenant's current peak, clamped to 20 Mbps..10 Gbps and rounded to
 * two significant figures, as a person filling in a form would.
 *
 *   acute, normal draw +1.0 -> 700 x e^0.75 = 1,482 -> 1,500 Mbps
 */
export function drawPeakMbps(kind: OrganisationKind, random: Random): number {
  const { medianMbps, sigma } = PEAK_PROFILE[kind];
  const raw = medianMbps * Math.exp(sigma * random.normal());
  return roundToTwoFigures(Math.min(MAX_PEAK_MBPS, Math.max(MIN_PEAK_MBPS, raw)));
}

export function roundToTwoFigures(value: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
  return Math.round(value / unit) * unit;
}
