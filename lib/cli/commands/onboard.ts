import { Command, Option } from 'commander';
import { planOnboarding, writeOnboarding } from '../../onboarding/onboard-tenant';
import { parseEnvironmentOptions, TenantRequest } from '../../onboarding/tenant-request';
import { UserInputError } from '../../errors/user-input-error';
import { cidrProblem } from '../../net/cidr';
import { CliIo, processIo } from '../io';

interface OnboardOptions {
  config: string;
  ods: string;
  name: string;
  scope: 'local' | 'national';
  icb?: string;
  env: string[];
  peakMbps: string;
  owner: string;
  securityContact: string;
  prefix: string;
  dataClassification: 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
  patientData: boolean;
  budgetGbp: string;
  onPrem?: 'vpn' | 'directConnect';
  onPremCidr: string[];
  onPremAsn?: string;
  onPremGatewayIp: string[];
  dryRun?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function onboardCommand(io: CliIo = processIo): Command {
  return new Command('onboard')
    .description('Write config/tenants/<ODS>.yaml for a new tenant, allocating each environment a free CIDR')
    .requiredOption('--ods <code>', 'ODS code: R.. trust, Q.. ICB, X.. national body')
    .requiredOption('--name <name>', "the organisation's registered name")
    .addOption(
      new Option('--scope <scope>', 'local or national').choices(['local', 'national']).default('local'),
    )
    .option('--icb <code>', "for a trust: its ICB's ODS code")
    .requiredOption(
      '--env <name=account>',
      'an environment and its account ID (or e-mail for a new account); repeat',
      collect,
      [],
    )
    .requiredOption('--peak-mbps <n>', 'measured peak bandwidth today, in Mbps')
    .requiredOption('--owner <email>', 'owner contact (IT director or equivalent)')
    .requiredOption('--security-contact <email>', 'security contact (cyber team mailbox)')
    .requiredOption('--budget-gbp <n>', 'monthly budget in pounds, for budget alerts')
    .addOption(
      new Option('--data-classification <class>', 'OFFICIAL or OFFICIAL-SENSITIVE')
        .choices(['OFFICIAL', 'OFFICIAL-SENSITIVE'])
        .default('OFFICIAL-SENSITIVE'),
    )
    .option('--no-patient-data', 'the tenant holds no patient data (default: it does)')
    .option('--prefix <len>', 'VPC prefix length per environment, /16 to /24', '/21')
    .addOption(new Option('--on-prem <type>', 'on-premises link').choices(['vpn', 'directConnect']))
    .option('--on-prem-cidr <cidr>', 'on-premises CIDR reachable over the link; repeat', collect, [])
    .option('--on-prem-asn <asn>', 'BGP ASN of the on-premises router')
    .option(
      '--on-prem-gateway-ip <ip>',
      'public address of an on-premises VPN device (vpn); repeat for two',
      collect,
      [],
    )
    .option('--config <dir>', 'config directory', 'config')
    .option('--dry-run', 'print the file instead of writing it')
    .action((options: OnboardOptions) => {
      const result = planOnboarding(options.config, toRequest(options));
      if (options.dryRun) {
        io.out(result.text);
        return;
      }
      writeOnboarding(result);
      io.out(`wrote ${result.file} (${result.cidrs.join(', ')}); commit it and open a pull request`);
    });
}

function toRequest(options: OnboardOptions): TenantRequest {
  const environments = parseEnvironmentOptions(options.env);
  if (typeof environments === 'string') throw new UserInputError(environments);
  const prefix = Number(options.prefix.replace(/^\//, ''));
  if (!Number.isInteger(prefix) || prefix < 16 || prefix > 24) {
    throw new UserInputError(
      `--prefix ${options.prefix}: expected a prefix length from /16 to /24, e.g. /21`,
    );
  }
  if (options.onPrem && (options.onPremCidr.length === 0 || !options.onPremAsn)) {
    throw new UserInputError('--on-prem needs --on-prem-cidr (one or more) and --on-prem-asn');
  }
  // Checked here: the allocator treats its inputs as already valid.
  for (const cidr of options.onPremCidr) {
    const problem = cidrProblem(cidr);
    if (problem) throw UserInputError.at({ flag: '--on-prem-cidr' }, problem);
  }
  return {
    odsCode: options.ods,
    name: options.name,
    scope: options.scope,
    icb: options.icb,
    dataClassification: options.dataClassification,
    patientData: options.patientData,
    owner: options.owner,
    securityContact: options.securityContact,
    peakMbps: number('--peak-mbps', options.peakMbps),
    monthlyBudgetGbp: number('--budget-gbp', options.budgetGbp),
    environments,
    prefix,
    onPremises: options.onPrem
      ? {
          connection: options.onPrem,
          cidrs: options.onPremCidr,
          asn: number('--on-prem-asn', options.onPremAsn!),
          customerGatewayIps: options.onPremGatewayIp,
        }
      : undefined,
  };
}

function number(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UserInputError(`${flag} ${value}: expected a number`);
  return n;
}
