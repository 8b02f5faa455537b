import { groupDigits, needMbps } from '../planners/capacity/capacity-row';
import { CapacityPlan, CapacityShortfall } from '../planners/capacity/types';

export interface CapacityRefusalInput {
  readonly odsCode: string;
  readonly peakMbps: number;
  /** The estate's plan before the tenant joins, and with it. */
  readonly before: CapacityPlan;
  readonly after: CapacityPlan;
  /** The tenant file onboard would write: planner messages name it, but it was never written. */
  readonly file: string;
}

/**
 * Why the estate cannot carry a new tenant, in the trust's terms: its need at growthFactor x
 * peak, each path it would overload with the headroom that path has left without it (and the
 * planner's own line, naming the tenants that drive the need), then what the trust or the
 * platform team does next. Returns undefined when the tenant fits.
 *
 *   RAJ cannot join yet: at 10x its measured peak it needs 10 x 900 Mbps = 9,000 Mbps, more than these paths carry:
 *   - firewall-endpoints (the inspection firewall every tenant's traffic passes): 7,300 Mbps of headroom is left without RAJ.
 *     Capacity plan: firewall-endpoints: needs 2 inspection lanes per AZ for 201,700 Mbps, ...
 *   Next: if 900 Mbps overstates RAJ's measured peak, run onboard again with the measured
 *   --peak-mbps (up to 730 fits today). Otherwise the platform team adds capacity ... first.
 */
export function capacityRefusal(input: CapacityRefusalInput): string | undefined {
  const { before, after, odsCode, peakMbps } = input;
  const existing = new Set(before.errors.map(keyOf));
  const added = after.errors.filter((s) => !existing.has(keyOf(s)));
  if (added.length === 0) return undefined;
  const growth = after.growthFactor;
  const need = needMbps(growth, peakMbps);
  const lines = [
    `${odsCode} cannot join yet: at ${growth}x its measured peak it needs ${growth} x ${groupDigits(peakMbps)} Mbps = ${groupDigits(need)} Mbps, more than these paths carry:`,
  ];
  const shared: { path: string; left: number }[] = [];
  const own: string[] = [];
  for (const shortfall of added) {
    const left = headroomLeft(before, shortfall);
    const where = `${shortfall.path}${shortfall.environment ? ` of ${shortfall.environment}` : ''}`;
    lines.push(
      `- ${where} (${WHAT[shortfall.path] ?? 'a network path'})` +
        (left === undefined ? '' : `: ${groupDigits(left)} Mbps of headroom is left without ${odsCode}`) +
        '.',
      `  Capacity plan: ${shortfall.message.split(input.file).join(`the file onboard would write for ${odsCode}`)}`,
    );
    if (left === undefined) own.push(ownNextStep(shortfall, odsCode, peakMbps));
    else shared.push({ path: shortfall.path, left });
  }
  const steps = [...new Set(own)];
  if (shared.length) {
    const fits = Math.floor(Math.min(...shared.map((s) => s.left)) / growth);
    const trust =
      fits > 0
        ? `if ${groupDigits(peakMbps)} Mbps overstates ${odsCode}'s measured peak, run onboard again with the measured --peak-mbps (up to ${groupDigits(fits)} fits today). Otherwise `
        : '';
    steps.push(
      `${trust}${trust ? 'the' : 'The'} platform team adds capacity to ${shared.map((s) => s.path).join(' and ')} first, in its own pull request (docs/network.md, "Capacity plan"); then ${odsCode} runs the same onboard command again.`,
    );
  }
  lines.push(...steps.map((step) => `Next: ${step}`));
  lines.push('Nothing was written. `npx nhs-cloud capacity` shows the whole plan.');
  return lines.join('\n');
}

/** What each path carries, in a trust's words. */
const WHAT: Readonly<Record<string, string>> = {
  'firewall-endpoints': 'the inspection firewall every tenant’s traffic passes',
  'nat-gateways': 'internet egress shared by every tenant',
  'dx-ports': 'the shared Direct Connect ports',
  'dx-gateway-attachment': 'the shared Direct Connect gateway attachment',
  'on-premises': 'the tenant’s own on-premises link',
  'spoke-attachment': 'one environment’s attachment to the Transit Gateway',
};

function keyOf(shortfall: CapacityShortfall): string {
  return `${shortfall.path}/${shortfall.tenant ?? ''}/${shortfall.environment ?? ''}`;
}

/** Capacity left on a shared path before the tenant joins; undefined for the tenant's own paths. */
function headroomLeft(before: CapacityPlan, shortfall: CapacityShortfall): number | undefined {
  if (shortfall.tenant !== undefined) return undefined;
  const row = before.national.find((r) => r.path === shortfall.path);
  if (!row) return undefined;
  return Math.max(row.capacityMbps - row.needMbps, 0);
}

function ownNextStep(shortfall: CapacityShortfall, odsCode: string, peak: number): string {
  if (shortfall.path === 'on-premises') {
    return `a Site-to-Site VPN cannot carry ${odsCode}'s need: check --peak-mbps ${groupDigits(peak)} is the measured peak, or onboard with --on-prem directConnect (through your HSCN provider).`;
  }
  return `one VPC attachment cannot carry ${odsCode}'s need: check --peak-mbps ${groupDigits(peak)} is the measured peak, or split the workload over more environments, each its own VPC.`;
}
