import { GeneratedEstate } from './generate-estate';
import { OrganisationKind } from './organisation-kinds';

export interface EstateSummary {
  readonly tenants: number;
  readonly environments: number;
  readonly byKind: Readonly<Partial<Record<OrganisationKind, number>>>;
  readonly directConnect: number;
  readonly vpn: number;
  readonly peakMbps: { readonly min: number; readonly median: number; readonly max: number };
}

/** What a generated estate holds, for the command's output and for tests of the mix. */
export function summariseEstate(estate: GeneratedEstate): EstateSummary {
  const byKind: Partial<Record<OrganisationKind, number>> = {};
  let environments = 0;
  for (const t of estate.tenants) {
    byKind[t.kind] = (byKind[t.kind] ?? 0) + 1;
    environments += Object.keys(t.config.environments).length;
  }
  const links = estate.tenants.map((t) => t.config.network.onPremises?.connection);
  const peaks = estate.tenants.map((t) => t.config.network.currentPeakMbps).sort((a, b) => a - b);
  return {
    tenants: estate.tenants.length,
    environments,
    byKind,
    directConnect: links.filter((c) => c === 'directConnect').length,
    vpn: links.filter((c) => c === 'vpn').length,
    peakMbps: {
      min: peaks[0] ?? 0,
      median: peaks[Math.floor(peaks.length / 2)] ?? 0,
      max: peaks.at(-1) ?? 0,
    },
  };
}

/** One line: `50 tenants, 100 environments: 1 national, 8 icb, 24 acute, ...; 10 Direct Connect, 20 VPN; peaks 20-10,000 Mbps (median 300)`. */
export function formatSummary(s: EstateSummary): string {
  const kinds = Object.entries(s.byKind)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  const n = (v: number) => v.toLocaleString('en-GB');
  return (
    `${n(s.tenants)} tenants, ${n(s.environments)} environments: ${kinds}; ` +
    `${n(s.directConnect)} Direct Connect, ${n(s.vpn)} VPN; ` +
    `peaks ${n(s.peakMbps.min)}-${n(s.peakMbps.max)} Mbps (median ${n(s.peakMbps.median)})`
  );
}
