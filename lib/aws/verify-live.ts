import { EC2Client } from '@aws-sdk/client-ec2';
import { compareTgw, describeDrift, Drift } from './tgw-drift';
import { TgwExpected } from './tgw-expected';
import { readLiveTgw } from './tgw-live';

export { compareTgw, describeDrift } from './tgw-drift';
export type { Drift, DriftKind, DriftSubject } from './tgw-drift';
export { BLACKHOLE, parseTgwExpected } from './tgw-expected';
export type { ExpectedRouteTable, ExpectedStaticRoute, TgwExpected } from './tgw-expected';
export { LiveTgwError, readLiveTgw } from './tgw-live';
export type { LiveRoute, LiveRouteTable, LiveTgw } from './tgw-live';

export interface VerifyLiveReport {
  readonly transitGatewayId: string;
  readonly ownerId?: string;
  readonly routeTables: number;
  readonly drift: readonly Drift[];
}

/** Reads the deployed gateway (run in the network account) and compares it with the expected model. */
export async function runVerifyLive(
  ec2: EC2Client,
  expected: TgwExpected,
  tgwId?: string,
): Promise<VerifyLiveReport> {
  const live = await readLiveTgw(ec2, tgwId);
  return {
    transitGatewayId: live.transitGatewayId,
    ownerId: live.ownerId,
    routeTables: live.routeTables.length,
    drift: compareTgw(expected, live),
  };
}

/**
 *   tgw-0abc: 3 route tables read, 2 differences from the expected model
 *     missing  spokes-prod: RGR-prod is not associated
 *     changed  inspection: static route 0.0.0.0/0 goes to blackhole, expected egress
 */
export function formatVerifyLiveText(report: VerifyLiveReport): string {
  const n = report.drift.length;
  const head = `${report.transitGatewayId}: ${report.routeTables} route table${report.routeTables === 1 ? '' : 's'} read, `;
  if (n === 0) return `${head}no differences from the expected model`;
  return [
    `${head}${n} difference${n === 1 ? '' : 's'} from the expected model`,
    ...report.drift.map((d) => `  ${d.kind.padEnd(7)}  ${describeDrift(d)}`),
  ].join('\n');
}

export function formatVerifyLiveJson(report: VerifyLiveReport): string {
  return JSON.stringify(
    { ...report, drift: report.drift.map((d) => ({ ...d, message: describeDrift(d) })) },
    null,
    2,
  );
}
