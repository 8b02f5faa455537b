import { z } from 'zod';
import { quoteValue } from '../config/config-error';
import { ENVIRONMENT_NAME } from '../config/schema/tenant-schema';
import {
  contactEmail,
  monthlyGbp,
  organisationName,
  peakMbps,
  publicIpv4Address,
  vendingEmail,
} from '../config/schema/aws-values';
import { asn } from '../config/schema/primitives';
import { cidrProblem } from '../net/cidr';
import { FlagProblem } from './flag-problems';

/** What `nhs-cloud onboard` asks for: the fields a trust knows before it has any CIDRs. */
export interface TenantRequest {
  readonly odsCode: string;
  readonly name: string;
  readonly scope: 'local' | 'national';
  readonly icb?: string;
  readonly dataClassification: 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
  readonly patientData: boolean;
  readonly owner: string;
  readonly securityContact: string;
  readonly peakMbps: number;
  readonly monthlyBudgetGbp: number;
  /** Environment name -> 12-digit account ID, or an e-mail for a new (vended) account. */
  readonly environments: ReadonlyArray<TenantRequestEnvironment>;
  /** Prefix length of each environment's VPC, e.g. 21. */
  readonly prefix: number;
  readonly onPremises?: {
    readonly connection: 'vpn' | 'directConnect';
    readonly cidrs: readonly string[];
    readonly asn: number;
    /** Public addresses of the VPN devices (vpn only). */
    readonly customerGatewayIps: readonly string[];
  };
}

export type TenantRequestEnvironment =
  { readonly name: string; readonly accountId: string } | { readonly name: string; readonly email: string };

/** The flags of `onboard` as commander hands them over: text, not yet checked. */
export interface OnboardFlags {
  readonly tenant: string;
  readonly name: string;
  readonly scope: string;
  readonly icb?: string;
  readonly env: readonly string[];
  readonly peakMbps: string;
  readonly owner: string;
  readonly securityContact: string;
  readonly budgetGbp: string;
  readonly dataClassification: string;
  readonly patientData: boolean;
  readonly prefix: string;
  readonly onPrem?: string;
  readonly onPremCidr: readonly string[];
  readonly onPremAsn?: string;
  readonly onPremGatewayIp: readonly string[];
}

const ODS_CODE = /^[RQX][A-Z0-9]{2}$/;
const ODS_HINT = 'R.. for a trust, Q.. for an ICB, X.. for a national body, e.g. RGR';
const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Checks every flag and returns the request, or every problem at once, each naming its flag.
 * Values are checked against the same rules as the tenant file, so a problem is reported at
 * the flag the user typed rather than at a line of a file that was never written.
 */
export function parseTenantRequest(
  flags: OnboardFlags,
): { request: TenantRequest } | { problems: FlagProblem[] } {
  const problems: FlagProblem[] = [];
  const problem = (flag: string, message: string, hint?: string) => problems.push({ flag, message, hint });
  const check = <T>(flag: string, schema: z.ZodType<T>, value: unknown, hint?: string): T | undefined => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const message = result.error.issues[0].message;
    problem(flag, /, got /.test(message) ? message : `${message}, got ${quoteValue(String(value))}`, hint);
    return undefined;
  };

  const odsCode = flags.tenant.trim().toUpperCase();
  if (!ODS_CODE.test(odsCode))
    problem('--tenant', `expected a 3-character ODS code, got ${quoteValue(flags.tenant)}`, ODS_HINT);
  const icb = flags.icb?.trim().toUpperCase();
  if (icb !== undefined && !ODS_CODE.test(icb))
    problem(
      '--icb',
      `expected the 3-character ODS code of an ICB, got ${quoteValue(flags.icb!)}`,
      'an ICB code starts with Q, e.g. QJG',
    );
  const name = check('--name', organisationName, flags.name);
  const owner = check('--owner', contactEmail, flags.owner.trim(), 'a monitored team mailbox');
  const security = check(
    '--security-contact',
    contactEmail,
    flags.securityContact.trim(),
    'the cyber team mailbox',
  );
  const peak = decimal('--peak-mbps', flags.peakMbps, problem, 'the measured peak in Mbps, e.g. 600');
  const peakChecked = peak === undefined ? undefined : check('--peak-mbps', peakMbps, peak);
  const budget = decimal(
    '--budget-gbp',
    flags.budgetGbp,
    problem,
    'pounds per month without commas or £, e.g. 15000',
  );
  const budgetChecked = budget === undefined ? undefined : check('--budget-gbp', monthlyGbp, budget);
  const prefix = prefixOf(flags.prefix, problem);
  const environments = parseEnvironments(flags.env, problem);
  const onPremises = parseOnPremises(flags, problem, check);

  if (problems.length > 0) return { problems };
  return {
    request: {
      odsCode,
      name: name!,
      scope: flags.scope as TenantRequest['scope'],
      ...(icb !== undefined && { icb }),
      dataClassification: flags.dataClassification as TenantRequest['dataClassification'],
      patientData: flags.patientData,
      owner: owner!,
      securityContact: security!,
      peakMbps: peakChecked!,
      monthlyBudgetGbp: budgetChecked!,
      environments,
      prefix: prefix!,
      ...(onPremises && { onPremises }),
    },
  };
}

type Report = (flag: string, message: string, hint?: string) => void;

/** Numbers are typed in decimal digits: `0x10`, `1e3`, `Infinity` and `20,000` are refused. */
function decimal(flag: string, text: string, problem: Report, hint: string): number | undefined {
  if (DECIMAL.test(text.trim())) return Number(text.trim());
  problem(flag, `expected a number in decimal digits, got ${quoteValue(text)}`, hint);
  return undefined;
}

function prefixOf(text: string, problem: Report): number | undefined {
  const match = /^\/?(\d{1,2})$/.exec(text.trim());
  const prefix = match ? Number(match[1]) : NaN;
  if (prefix >= 16 && prefix <= 24) return prefix;
  problem(
    '--prefix',
    `expected a prefix length from /16 to /24, got ${quoteValue(text)}`,
    'a /21 (2,048 addresses) suits most environments',
  );
  return undefined;
}

/**
 * `--env prod=123456789012` or `--env dev=aws-rgr-dev@wsh.nhs.uk` (an account to vend). An ID
 * typed with dashes or spaces, as the console shows it, is named as an account ID, not
 * mistaken for a malformed e-mail.
 */
function parseEnvironments(values: readonly string[], problem: Report): TenantRequestEnvironment[] {
  const out: TenantRequestEnvironment[] = [];
  for (const value of values) {
    const match = /^([^=]*)=(.*)$/.exec(value);
    if (!match) {
      problem(
        '--env',
        `expected NAME=ACCOUNT_ID or NAME=e-mail, got ${quoteValue(value)}`,
        'e.g. --env prod=123456789012, or --env dev=aws-dev@trust.nhs.uk for a new account',
      );
      continue;
    }
    const [, name, account] = [match[0], match[1].trim(), match[2].trim()];
    const flag = `--env ${name.slice(0, 40)}`;
    if (!ENVIRONMENT_NAME.test(name)) {
      problem(
        '--env',
        `expected an environment name of 2-12 lower-case letters or digits, got ${quoteValue(name)}`,
        'e.g. prod, nonprod, test',
      );
      continue;
    }
    if (out.some((e) => e.name === name)) {
      problem(flag, `expected each environment once, got ${name} twice`);
      continue;
    }
    const digits = account.replace(/[\s-]/g, '');
    if (/^\d+$/.test(digits)) {
      if (digits.length !== 12)
        problem(
          flag,
          `expected a 12-digit AWS account ID, got ${quoteValue(account)} (${digits.length} digits)`,
          'copy the ID from the AWS console account menu',
        );
      else if (digits !== account)
        problem(
          flag,
          `expected a 12-digit AWS account ID, got ${quoteValue(account)}`,
          `write it without dashes or spaces: ${name}=${digits}`,
        );
      else out.push({ name, accountId: account });
    } else if (account.includes('@')) {
      const parsed = vendingEmail.safeParse(account);
      if (!parsed.success)
        problem(
          flag,
          `${parsed.error.issues[0].message}, got ${quoteValue(account)}`,
          'the root e-mail of the account to vend',
        );
      else out.push({ name, email: account });
    } else {
      problem(
        flag,
        `expected a 12-digit AWS account ID, or an e-mail for a new account, got ${quoteValue(account)}`,
      );
    }
  }
  if (values.length === 0) problem('--env', 'expected at least one --env NAME=ACCOUNT_ID');
  const emails = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const env of out) {
    const [key, seen, what] =
      'email' in env ? [env.email.toLowerCase(), emails, 'root e-mail'] : [env.accountId, ids, 'account'];
    const other = seen.get(key);
    if (other)
      problem(
        `--env ${env.name}`,
        `expected an ${what} of its own, got the one --env ${other} has`,
        'every environment is a separate AWS account',
      );
    else seen.set(key, env.name);
  }
  return out;
}

function parseOnPremises(
  flags: OnboardFlags,
  problem: Report,
  check: <T>(flag: string, schema: z.ZodType<T>, value: unknown, hint?: string) => T | undefined,
): TenantRequest['onPremises'] {
  const connection = flags.onPrem;
  if (connection === undefined) {
    // Given without --on-prem they used to be dropped without a word.
    const stray = [
      ['--on-prem-cidr', flags.onPremCidr.length > 0],
      ['--on-prem-asn', flags.onPremAsn !== undefined],
      ['--on-prem-gateway-ip', flags.onPremGatewayIp.length > 0],
    ] as const;
    for (const [flag, given] of stray)
      if (given)
        problem(
          flag,
          'applies only to an on-premises link, but --on-prem is not given',
          'add --on-prem vpn or --on-prem directConnect, or leave the option out',
        );
    return undefined;
  }
  if (flags.onPremCidr.length === 0)
    problem(
      '--on-prem-cidr',
      `is required with --on-prem ${connection}`,
      'the on-premises ranges reachable over the link, e.g. --on-prem-cidr 172.30.0.0/16',
    );
  for (const cidr of flags.onPremCidr) {
    const bad = cidrProblem(cidr.trim());
    if (bad) problem('--on-prem-cidr', bad.includes(cidr.trim()) ? bad : `${bad}, got ${quoteValue(cidr)}`);
  }
  let asnValue: number | undefined;
  if (flags.onPremAsn === undefined)
    problem(
      '--on-prem-asn',
      `is required with --on-prem ${connection}`,
      'the private BGP ASN of the on-premises router, e.g. 65030',
    );
  else if (!/^\d+$/.test(flags.onPremAsn.trim()))
    problem('--on-prem-asn', `expected a whole number in decimal digits, got ${quoteValue(flags.onPremAsn)}`);
  else asnValue = check('--on-prem-asn', asn, Number(flags.onPremAsn.trim()));
  const ips = flags.onPremGatewayIp.map((ip) => ip.trim());
  if (connection === 'directConnect' && ips.length > 0) {
    problem(
      '--on-prem-gateway-ip',
      'applies only to --on-prem vpn: a Direct Connect link has no VPN devices',
      'leave it out, or use --on-prem vpn',
    );
  } else if (connection === 'vpn') {
    if (ips.length === 0 || ips.length > 2)
      problem(
        '--on-prem-gateway-ip',
        `expected one or two public addresses of the on-premises VPN devices, got ${ips.length}`,
        'repeat the option for a second device, e.g. --on-prem-gateway-ip 198.51.100.40 --on-prem-gateway-ip 198.51.100.41',
      );
    for (const ip of ips) check('--on-prem-gateway-ip', publicIpv4Address, ip);
    if (new Set(ips).size !== ips.length)
      problem('--on-prem-gateway-ip', 'expected two different addresses, got the same one twice');
  }
  return {
    connection: connection as 'vpn' | 'directConnect',
    cidrs: flags.onPremCidr.map((c) => c.trim()),
    asn: asnValue ?? 0,
    customerGatewayIps: connection === 'vpn' ? ips : [],
  };
}
