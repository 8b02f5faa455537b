import { CfnResource, IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, NagPackProps } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { withRenderCache } from './rendered';
import { NagRule } from './rule';
import { EstateConfig } from '../config/schema/estate-schema';
import { landingZoneOf } from '../config/schema/landing-zone-schema';
import { platformPrincipalPatterns } from '../planners/landing-zone/platform-principals';
import { planGuardrailAlarms } from '../planners/landing-zone/guardrail-alarms';
import { planServiceControlPolicies } from '../planners/landing-zone/service-control-policies';
import { BackupVaultLocked } from './rules/backup';
import { KmsKeyOrganizationOnly, SensitiveDataCustomerKey, Tls12Minimum } from './rules/encryption';
import { NoIamUsers, RoleTrustInEstate, ServiceTrustScoped } from './rules/identity';
import {
  AuditLogObjectLock,
  GuardrailAlarmsIntact,
  LogRetentionMinimum,
  VpcFlowLogEnabled,
} from './rules/logging';
import {
  NoOpenIngress,
  NoSplitOpenIngress,
  TenantNoInternetPath,
  VpcDefaultSecurityGroupClosed,
} from './rules/network';
import { GuardrailsIntact } from './rules/organization';
import { RegionAllowed } from './rules/residency';
import { MandatoryTags } from './rules/tagging';

export interface NhsCloudChecksProps extends NagPackProps {
  /** Regions resources may be in or point at (the estate's allowedRegions). */
  readonly allowedRegions: readonly string[];
  /** The shortest CloudWatch Logs retention allowed, in days (the estate's security.logRetention). */
  readonly minLogRetentionDays: number;
  /**
   * Every account of the estate (core and tenant), which roles may trust.
   * @default none: RoleTrustInEstate checks only `*` and federated trust
   */
  readonly estateAccounts?: readonly string[];
  /**
   * The estate, whose planned guardrail SCPs the templates' SCPs are compared with.
   * @default none: GuardrailsIntact has no baseline and checks nothing
   */
  readonly estate?: EstateConfig;
}

/** Used when the pack is built without props: London only, and the estate's default 8-year retention. */
export const DEFAULT_NHS_CLOUD_CHECKS_PROPS: NhsCloudChecksProps = {
  allowedRegions: ['eu-west-2'],
  minLogRetentionDays: 2922,
};

/** One rule as the pack applies it: the pack, not the rule, owns the wording and level. */
export interface NhsCloudRule {
  /** The rule ID, e.g. NhsCloud-RegionAllowed. */
  readonly id: string;
  readonly rule: NagRule;
  readonly level: NagMessageLevel;
  readonly info: string;
  readonly explanation: string;
}

/**
 * The NHS national cloud's own checks, run beside AwsSolutions:
 * `Validations.of(app).addPlugins(new NhsCloudChecks(app, props))`. Rule IDs read
 * `NhsCloud-<RuleName>`; findings-based rules add the finding, e.g. `NhsCloud-MandatoryTags[ods-code]`.
 * Every rule is an error: cdk-nag 3 fails synthesis on warnings too, so a warning level would
 * only mislabel a blocking finding.
 */
export class NhsCloudChecks extends NagPack {
  public readonly name = 'NhsCloud';
  /** Every rule the pack applies, in order. */
  public readonly rules: readonly NhsCloudRule[];
  /** Every rule ID the pack applies, in order (reported to CDK for analytics). */
  public readonly ruleIds: string[];

  constructor(scope?: IConstruct, props: NhsCloudChecksProps = DEFAULT_NHS_CLOUD_CHECKS_PROPS) {
    super(scope, props);
    this.packName = 'NhsCloud';
    validateProps(props);
    this.rules = packRules(props).map((r) => ({ id: `${this.packName}-${r.rule.name}`, ...r }));
    this.ruleIds = this.rules.map(({ id }) => id);
  }

  /** As NagPack's, rendering each resource's properties once for all the rules. */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    return withRenderCache(() => super.validateScope(scope));
  }

  /**
   * As a synthesis's validation plugin: the templates are already written, so rules read each
   * resource's properties from them rather than resolving the whole tree again (about a tenth
   * of a large synth).
   */
  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    return withRenderCache(() => super.validate(context), context.templatePaths);
  }

  protected checkResource(node: CfnResource): void {
    for (const { rule, level, info, explanation } of this.rules) {
      this.applyRule({ rule, level, info, explanation, node });
    }
  }
}

function validateProps({ allowedRegions, minLogRetentionDays }: NhsCloudChecksProps): void {
  if (allowedRegions.length === 0) {
    throw new Error('NhsCloudChecks: expected allowedRegions to name at least one region, got none');
  }
  if (!Number.isInteger(minLogRetentionDays) || minLogRetentionDays < 1) {
    throw new Error(
      `NhsCloudChecks: expected minLogRetentionDays to be a whole number of days, got ${minLogRetentionDays}`,
    );
  }
}

/** The planner's guardrails and the platform's own names, to hold the templates' SCPs to. */
function guardrailBaseline(estate: EstateConfig | undefined) {
  if (!estate) return { baseline: [], platform: [] };
  const lz = landingZoneOf(estate);
  return {
    baseline: planServiceControlPolicies(estate, lz).map((p) => ({ name: p.name, document: p.document })),
    platform: platformPrincipalPatterns(estate.name, lz),
  };
}

function packRules({
  allowedRegions,
  minLogRetentionDays,
  estateAccounts,
  estate,
}: NhsCloudChecksProps): Omit<NhsCloudRule, 'id'>[] {
  const level = NagMessageLevel.ERROR;
  const guardrails = guardrailBaseline(estate);
  return [
    {
      rule: RegionAllowed(allowedRegions),
      level,
      info: `The resource is in, or points at, a region outside the allowed regions (${allowedRegions.join(', ')}).`,
      explanation:
        'NHS data stays in the UK unless the SIRO, DPO and Caldicott Guardian approve another location. The stack region and any region named in an ARN or endpoint must be allowed. Global services that only run in us-east-1 (CloudFront certificates, WAF for CloudFront) need an acknowledged exception for that finding.',
    },
    {
      rule: MandatoryTags,
      level,
      info: 'The resource is missing a mandatory tag (ods-code, environment or data-classification).',
      explanation:
        'Tags tie every resource to the organisation that owns it, its environment and the classification of the data it handles. Incident response, cost allocation and the classification-driven checks all rely on them.',
    },
    {
      rule: SensitiveDataCustomerKey,
      level,
      info: 'The OFFICIAL-SENSITIVE or patient-data store is not encrypted with a customer-managed KMS key.',
      explanation:
        'Patient-identifiable data must be encrypted at rest under a key whose policy the NHS controls and audits. SSE-S3, SSE-SQS and AWS-managed keys (alias/aws/...) cannot be restricted, shared deliberately or revoked.',
    },
    {
      rule: LogRetentionMinimum(minLogRetentionDays),
      level,
      info: `The log group keeps logs for fewer than ${minLogRetentionDays} days.`,
      explanation:
        'Logs must be kept long enough to investigate an incident and answer an audit. The minimum comes from the estate configuration; a log group without a retention period never expires its logs and passes.',
    },
    {
      rule: AuditLogObjectLock,
      level,
      info: 'The audit-log bucket does not have S3 Object Lock enabled with a COMPLIANCE mode default retention.',
      explanation:
        'Audit records must be immutable. COMPLIANCE mode stops anyone, the root user included, from deleting or overwriting a record before its retention ends; GOVERNANCE mode can be bypassed.',
    },
    {
      rule: Tls12Minimum,
      level,
      info: 'The listener, custom domain or distribution accepts TLS versions older than 1.2.',
      explanation:
        'NHS guidance sets TLS 1.2 as the minimum in transit. ELB listeners need an explicit TLS 1.2+ security policy (the API default allows TLS 1.0), API Gateway domains TLS_1_2 or newer, and CloudFront its own certificate with a TLSv1.2 minimum and TLS 1.2+ origin protocols.',
    },
    {
      rule: TenantNoInternetPath,
      level,
      info: 'The tenant spoke has a direct internet path (internet gateway, public NAT gateway, Elastic IP or public IP address).',
      explanation:
        'Tenant spokes reach the internet and HSCN only through the hub, where traffic is inspected by the firewall and logged. A direct path bypasses inspection and the default-deny policy.',
    },
    {
      rule: VpcFlowLogEnabled,
      level,
      info: 'The VPC has no flow log in its stack.',
      explanation:
        'Flow logs record the traffic in and out of the network and are needed to investigate an incident. The flow log must be defined in the same stack and reference the VPC.',
    },
    {
      rule: BackupVaultLocked,
      level,
      info: 'The backup vault for OFFICIAL-SENSITIVE or patient data has no Vault Lock.',
      explanation:
        'NHS England backup policy keeps an immutable copy. Vault Lock stops recovery points being deleted or their retention shortened, including by a compromised administrator.',
    },
    {
      rule: NoOpenIngress,
      level,
      info: 'The security group allows ingress from 0.0.0.0/0 or ::/0.',
      explanation:
        'Every connection between networks passes a firewall with a default-deny policy. Internet-facing entry points sit in the hub; a workload that must be open needs an acknowledged exception.',
    },
    {
      rule: VpcDefaultSecurityGroupClosed,
      level,
      info: 'The VPC has no custom resource in its stack that closes its default security group.',
      explanation:
        "A resource launched without a security group joins the VPC's default group, which admits all traffic from the group's other members. The default group must have every rule revoked by the CDK's Custom::VpcRestrictDefaultSG (ec2.Vpc restrictDefaultSecurityGroup) or the account baseline's Custom::AccountDefaults, defined in the same stack and naming the group as the VPC's DefaultSecurityGroup attribute.",
    },
    {
      rule: KmsKeyOrganizationOnly,
      level,
      info: 'The KMS key policy allows any principal (Principal: *) without a condition that keeps it in the organization or an account.',
      explanation:
        'A key policy statement for "*" with no aws:PrincipalOrgID, aws:SourceOrgID, aws:PrincipalAccount, aws:SourceAccount or kms:CallerAccount condition lets any AWS account in the world use the key, and with kms:* administer it.',
    },
    {
      rule: NoSplitOpenIngress,
      level,
      info: 'The security group admits the whole IPv4 internet through ranges that add up to 0.0.0.0/0 (e.g. 0.0.0.0/1 and 128.0.0.0/1).',
      explanation:
        'Splitting 0.0.0.0/0 into smaller ranges opens a group to the internet as surely as 0.0.0.0/0, which NoOpenIngress refuses. Ingress rules of the group in its stack, inline or separate, are added up.',
    },
    {
      rule: RoleTrustInEstate(estateAccounts ?? []),
      level,
      info: 'The role trusts a principal outside the estate: an account not in config, "*" without aws:PrincipalOrgID, or a federated identity provider.',
      explanation:
        "A trust policy is a door into the account. Roles trust the estate's own accounts only; a partner account needs an approved, per-account exception. The data-perimeter RCP denies outside principals as well, where the organization ID is configured.",
    },
    {
      rule: NoIamUsers,
      level,
      info: 'The template creates an IAM user or access key.',
      explanation:
        'People sign in through IAM Identity Center and workloads use roles, so no long-lived credential exists to leak (ADR 0012). The tenant-boundary SCP denies creating them by hand too.',
    },
    {
      rule: GuardrailsIntact(guardrails.baseline, guardrails.platform),
      level,
      info: "A guardrail SCP differs from the landing-zone planner's: a statement is missing or widened, or a principal is exempted beyond the platform's names.",
      explanation:
        "The guardrails are planned in lib/planners/landing-zone and reviewed there; an SCP edited in a template, or an exemption wider than the platform's own roles, would weaken them without that review.",
    },
    {
      // Without the estate there is no plan, and the rule checks nothing.
      rule: GuardrailAlarmsIntact(estate ? planGuardrailAlarms(estate.name).alarms : []),
      level,
      info: 'The organization trail lacks a guardrail alarm the planner makes: its CloudWatch Logs copy, a metric filter with the planned pattern, the alarm, or the rule that forwards it.',
      explanation:
        'Root use, the platform administrator and break-glass roles, and organization and SCP changes are what the guardrails exempt or rely on, so an alarm is the only control on them (docs/adr/0026-guardrail-alarms.md). A filter, alarm or forwarding rule removed or changed in a template would silence it without a review of lib/planners/landing-zone/guardrail-alarms.ts.',
    },
    {
      rule: ServiceTrustScoped,
      level,
      info: 'A role trusted by a service that acts for any account (Config, EventBridge, CloudTrail, log delivery, SNS, S3) has no aws:SourceAccount, aws:SourceArn or aws:SourceOrgID condition.',
      explanation:
        "Without the condition another account can point the service at the role (the confused deputy problem). The condition names the estate's own account or resource.",
    },
  ];
}
