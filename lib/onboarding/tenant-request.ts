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
  readonly environments: ReadonlyArray<{ readonly name: string; readonly account: string }>;
  /** Prefix length of each environment's VPC, e.g. 21. */
  readonly prefix: number;
  readonly onPremises?: {
    readonly connection: 'vpn' | 'directConnect';
    readonly cidrs: readonly string[];
    readonly asn: number;
    /** Public addresses of the VPN devices (required for vpn). */
    readonly customerGatewayIps: readonly string[];
  };
}

/**
 * Parses `--env prod=123456789012` values. Returns the environments or the first problem.
 */
export function parseEnvironmentOptions(values: readonly string[]): TenantRequest['environments'] | string {
  const out: { name: string; account: string }[] = [];
  for (const value of values) {
    const match = /^([^=]+)=(.+)$/.exec(value);
    if (!match)
      return `--env ${value}: expected NAME=ACCOUNT_ID (or NAME=email for a new account), e.g. prod=123456789012`;
    if (out.some((e) => e.name === match[1])) return `--env ${match[1]} is given twice`;
    out.push({ name: match[1], account: match[2] });
  }
  if (out.length === 0) return 'expected at least one --env NAME=ACCOUNT_ID';
  return out;
}
