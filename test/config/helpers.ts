import { ConfigText, validateEstate, ValidationResult } from '../../lib/config/validate-estate';
import { formatConfigError, sortConfigErrors } from '../../lib/config/config-error';
import { formatCidr, parseCidr } from '../../lib/net/cidr';

/**
 * Small, valid config texts for tests to mutate one line at a time, so each test shows only
 * what it breaks. Layouts are fixed so error positions can be asserted as literal numbers.
 */

const POOL_BASE = parseCidr('10.64.0.0/10').base;

/** A fixed date so residency-expiry checks never depend on the clock. */
export const TODAY = '2025-06-01';

/**
 * A minimal valid estate.yaml. Line numbers (asserted by tests):
 *   1 name, 2 homeRegion, 3 allowedRegions, 4 residencyExceptions, 5-6 availabilityZones,
 *   7-13 organization.accounts (8 management .. 13 sharedServices),
 *   14-19 network (15 tenantSupernet, 17 inspection, 18 egress, 19 sharedServices),
 *   20-21 security.logRetention, 22-23 segmentation.rules.
 */
export const ESTATE = `name: test-estate
homeRegion: eu-west-2
allowedRegions: [eu-west-2]
residencyExceptions: []
availabilityZones:
  eu-west-2: [euw2-az1, euw2-az2, euw2-az3]
organization:
  accounts:
    management: '100000000001'
    logArchive: '100000000002'
    security: '100000000003'
    network: '100000000004'
    sharedServices: '100000000005'
network:
  tenantSupernet: 10.64.0.0/10
  hub:
    inspection: 10.0.0.0/22
    egress: 10.0.4.0/22
    sharedServices: 10.0.8.0/21
security:
  logRetention: 2922
segmentation:
  rules: []
`;

/**
 * A minimal valid tenant file. `index` keeps account IDs and CIDRs unique between tenants:
 * prod is the (2i)th /21 of 10.64.0.0/10 (10.64.16.0/21 for i = 1) with account 2i+1
 * ('200000000003'); nonprod the next /21 and account.
 *
 * Trust layout (ICB and national files lack line 4, so later lines move up one):
 *   1 odsCode, 2 name, 3 scope, 4 icb, 5 dataClassification, 6 patientData,
 *   7-9 contacts (8 owner, 9 security), 10-11 network.currentPeakMbps,
 *   12-18 environments (13 prod, 14 prod.accountId, 15 prod.cidr, 16 nonprod, 17, 18),
 *   19-20 budget.monthlyGbp.
 */
export function tenantText(odsCode: string, index = 0, icb = 'QAA'): string {
  const kind = odsCode[0];
  const account = (n: number) => `'2${String(n).padStart(11, '0')}'`;
  const cidr = (n: number) => formatCidr({ base: POOL_BASE + n * 2048, prefix: 21 });
  return [
    `odsCode: ${odsCode}`,
    `name: Test organisation ${odsCode}`,
    `scope: ${kind === 'X' ? 'national' : 'local'}`,
    ...(kind === 'R' ? [`icb: ${icb}`] : []),
    'dataClassification: OFFICIAL',
    'patientData: true',
    'contacts:',
    `  owner: it@${odsCode.toLowerCase()}.nhs.uk`,
    `  security: cyber@${odsCode.toLowerCase()}.nhs.uk`,
    'network:',
    '  currentPeakMbps: 100',
    'environments:',
    '  prod:',
    `    accountId: ${account(2 * index + 1)}`,
    `    cidr: ${cidr(2 * index)}`,
    '  nonprod:',
    `    accountId: ${account(2 * index + 2)}`,
    `    cidr: ${cidr(2 * index + 1)}`,
    'budget:',
    '  monthlyGbp: 1000',
    '',
  ].join('\n');
}

/**
 * Replaces exactly one occurrence of `from`; throws when it is missing or ambiguous so a
 * test can never pass because its mutation silently did nothing.
 */
export function edit(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first < 0) throw new Error(`edit: ${JSON.stringify(from)} not found in:\n${text}`);
  if (text.indexOf(from, first + 1) >= 0) throw new Error(`edit: ${JSON.stringify(from)} occurs twice`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

export const ESTATE_PATH = 'config/estate.yaml';
export const tenantPath = (stem: string) => `config/tenants/${stem}.yaml`;

/** The default tenant set: an ICB (QAA) and one of its trusts (RAA). */
export function defaultTenants(): Record<string, string> {
  return { QAA: tenantText('QAA', 0), RAA: tenantText('RAA', 1) };
}

/** Tenant texts keyed by file stem, in the same shape the loader produces. */
export function tenantTexts(tenants: Record<string, string>): ConfigText[] {
  return Object.entries(tenants).map(([stem, text]) => ({ displayPath: tenantPath(stem), text }));
}

export function run(
  estate = ESTATE,
  tenants: Record<string, string> = defaultTenants(),
  today = TODAY,
): ValidationResult {
  return validateEstate({ displayPath: ESTATE_PATH, text: estate }, tenantTexts(tenants), today);
}

/** Every error as the user sees it (sorted, formatted, hint included); [] when valid. */
export function errorsOf(
  estate = ESTATE,
  tenants: Record<string, string> = defaultTenants(),
  today = TODAY,
): string[] {
  const result = run(estate, tenants, today);
  return result.ok ? [] : sortConfigErrors(result.errors).map(formatConfigError);
}

/** Errors for one mutated tenant file, with the default ICB and trust around it. */
export function tenantErrors(stem: string, text: string): string[] {
  return errorsOf(ESTATE, { ...defaultTenants(), [stem]: text });
}

/**
 * Adds an onPremises block after currentPeakMbps (tenant lines 12-15: onPremises, connection,
 * cidrs, asn); environments then start on line 16 of a trust file.
 */
export function withOnPremises(text: string, cidrs: string, asn = 65010): string {
  return edit(
    text,
    '  currentPeakMbps: 100\n',
    `  currentPeakMbps: 100\n  onPremises:\n    connection: directConnect\n    cidrs: [${cidrs}]\n    asn: ${asn}\n`,
  );
}

/** One segmentation rule as five estate lines: name, from, to, ports, reason. */
export function rule(name: string, from: string, to: string): string {
  return [
    `    - name: ${name}`,
    `      from: ${from}`,
    `      to: ${to}`,
    '      ports: [443]',
    '      reason: Shared EPR integration over HTTPS.',
  ].join('\n');
}

/** Replaces the empty rule list; rule i then starts on estate line 24 + 5i. */
export function withRules(estate: string, ...rules: string[]): string {
  return edit(estate, '  rules: []', `  rules:\n${rules.join('\n')}`);
}
