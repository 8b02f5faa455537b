import { EC2Client } from '@aws-sdk/client-ec2';
import { compareTgw, describeDrift, Drift } from './tgw-drift';
import { TgwExpected } from './tgw-expected';
import { describeSource, ExpectedSource } from './tgw-expected-source';
import { readLiveTgw } from './tgw-live';

export { compareTgw, describeDrift } from './tgw-drift';
export type { Drift, DriftKind, DriftSubject } from './tgw-drift';
export { BLACKHOLE, DIRECT_CONNECT_ATTACHMENT, parseTgwExpected } from './tgw-expected';
export type { ExpectedRouteTable, ExpectedStaticRoute, TgwExpected } from './tgw-expected';
export { LiveTgwError, readLiveTgw } from './tgw-live';
export type { LiveRoute, LiveRouteTable, LiveTgw } from './tgw-live';

export interface VerifyLiveReport {
  /** Where the expected model came from. */
  readonly source?: ExpectedSource;
  readonly transitGatewayId: string;
  readonly ownerId?: string;
  /** Items read, so an empty answer shows as "0 read", never as "no differences" alone. */
  readonly attachments: number;
  readonly routeTables: number;
  readonly drift: readonly Drift[];
}

export interface VerifyLiveOptions {
  /** @default the only transit gateway in the account and region */
  readonly transitGatewayId?: string;
  readonly source?: ExpectedSource;
}

/** Reads the deployed gateway (run in the network account) and compares it with the expected model. */
export async function runVerifyLive(
  ec2: EC2Client,
  expected: TgwExpected,
  options: VerifyLiveOptions = {},
): Promise<VerifyLiveReport> {
  const live = await readLiveTgw(ec2, options.transitGatewayId);
  return {
    ...(options.source && { source: options.source }),
    transitGatewayId: live.transitGatewayId,
    ownerId: live.ownerId,
    attachments: live.attachmentsRead,
    routeTables: live.routeTables.length,
    drift: compareTgw(expected, live),
  };
}

/**
 *   expected model: synthesized assembly cdk.out
 *   tgw-0abc: 40 attachments and 3 route tables read, 2 differences from the expected model
 *     missing  spokes-prod: RGR-prod is not associated
 *     changed  inspection: static route 0.0.0.0/0 goes to blackhole, expected egress
 */
export function formatVerifyLiveText(report: VerifyLiveReport): string {
  const n = report.drift.length;
  const source = report.source ? [`expected model: ${describeSource(report.source)}`] : [];
  const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const head = `${report.transitGatewayId}: ${plural(report.attachments, 'attachment')} and ${plural(report.routeTables, 'route table')} read, `;
  if (n === 0) return [...source, `${head}no differences from the expected model`].join('\n');
  return [
    ...source,
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
