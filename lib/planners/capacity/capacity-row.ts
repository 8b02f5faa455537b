import { CapacityRow } from './types';

/**
 * The need a path is sized for: growthFactor x current peak, rounded up to a whole Mbps so
 * a fractional peak never shrinks it (10 x 12.34 Mbps -> 124 Mbps).
 */
export function needMbps(growthFactor: number, currentPeakMbps: number): number {
  // Round away float noise first (10 x 0.3 is 3.0000000000000004) so it cannot add a whole Mbps.
  return Math.ceil(Number((growthFactor * currentPeakMbps).toFixed(6)));
}

/** Pairs a need with a capacity. Headroom is rounded down, so 0.9999 never shows as 1. */
export function capacityRow(need: number, capacity: number): CapacityRow {
  return { needMbps: need, capacityMbps: capacity, headroom: Math.floor((capacity / need) * 1000) / 1000 };
}

export function isMet(row: CapacityRow): boolean {
  return row.capacityMbps >= row.needMbps;
}

/** 12345678 -> "12,345,678": fixed grouping, independent of the host's locale. */
export function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function mbps(value: number): string {
  return `${groupDigits(value)} Mbps`;
}
