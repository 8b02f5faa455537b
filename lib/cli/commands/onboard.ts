import { Command, Option } from 'commander';
import { formatConfigErrors } from '../../config/config-error';
import { UserInputError } from '../../errors/user-input-error';
import { FlagProblemsError } from '../../onboarding/flag-problems';
import { OnboardPlan, planOnboarding, writeOnboarding } from '../../onboarding/onboard-tenant';
import { OnboardFlags, parseTenantRequest } from '../../onboarding/tenant-request';
import { CliIo, processIo } from '../io';
import { failureJson, OUTPUT_FORMATS, OutputFormat } from '../output-format';
import { validateConfigFiles } from '../validate-config-files';

interface OnboardOptions extends OnboardFlags {
  readonly config: string;
  readonly dryRun?: boolean;
  readonly format: OutputFormat;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * `nhs-cloud onboard --tenant RAJ ...`: checks the request the way the pull request will be
 * checked (validate, the allocation register, capacity), then writes the tenant file and its
 * register lines, or nothing. `--format json` reports the CIDRs it allocated.
 */
export function onboardCommand(io: CliIo = processIo): Command {
  const command = new Command('onboard')
    .description(
      'Write config/tenants/<ODS>.yaml for a new tenant, allocating each environment a free CIDR, after the checks CI runs',
    )
    .requiredOption('--tenant <code>', 'ODS code: R.. trust, Q.. ICB, X.. national body (any case)')
    .addOption(new Option('--ods <code>', 'the same as --tenant'))
    .requiredOption('--name <name>', "the organisation's registered name")
    .addOption(
      new Option('--scope <scope>', 'local or national').choices(['local', 'national']).default('local'),
    )
    .option('--icb <code>', "for a trust: its ICB's ODS code")
    .requiredOption(
      '--env <name=account>',
      'an environment and its account ID (or root e-mail for a new account); repeat',
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
    .option('--dry-run', 'check and print the file instead of writing it')
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('text'))
    .action((options: OnboardOptions) => {
      try {
        const plan = onboard(options);
        if (!options.dryRun) writeOnboarding(plan, options.config);
        io.out(
          options.format === 'json' ? successJson(plan, !options.dryRun) : successText(plan, options.dryRun),
        );
      } catch (error) {
        if (options.format === 'json') io.out(failureJson(error));
        throw error;
      }
    });
  // --ods is the older name of --tenant: either satisfies the required option.
  command.on('option:ods', (value: string) => command.setOptionValue('tenant', value));
  return command;
}

function onboard(options: OnboardOptions): OnboardPlan {
  const parsed = parseTenantRequest(options);
  if ('problems' in parsed) throw new FlagProblemsError(parsed.problems);
  const current = validateConfigFiles(options.config);
  if (!current.ok) {
    throw new UserInputError(
      `${options.config} is not valid before ${parsed.request.odsCode} is added, so nothing was written; these are problems of the estate, not of the new tenant:\n\n${formatConfigErrors(current.errors)}`,
    );
  }
  return planOnboarding(options.config, parsed.request);
}

function successText(plan: OnboardPlan, dryRun?: boolean): string {
  if (dryRun) return plan.text;
  const width = Math.max(...plan.environments.map((e) => e.name.length));
  return [
    `wrote ${plan.file} and ${plan.register.created ? 'created' : 'updated'} ${plan.register.file}:`,
    ...plan.environments.map(
      (e) =>
        `  ${e.name.padEnd(width)}  ${e.cidr.padEnd(15)}  ${e.accountId ? `account ${e.accountId}` : `new account for ${e.email}`}`,
    ),
    `next: npx nhs-cloud check --tenant ${plan.odsCode}   (runs what the pull request runs; then commit both files)`,
  ].join('\n');
}

function successJson(plan: OnboardPlan, written: boolean): string {
  return JSON.stringify(
    {
      ok: true,
      tenant: plan.odsCode,
      written,
      files: [plan.file, plan.register.file],
      environments: plan.environments,
      ...(!written && { text: plan.text }),
      next: `npx nhs-cloud check --tenant ${plan.odsCode}`,
    },
    undefined,
    2,
  );
}
