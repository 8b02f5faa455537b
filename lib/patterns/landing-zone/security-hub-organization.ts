import { Annotations, Stack, aws_securityhub as securityhub } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface SecurityHubOrganizationProps {
  /** Prefix of the configuration policy name (the estate name). */
  readonly namePrefix: string;
  /** Organization root, where the configuration policy is associated; without it, nothing is associated. */
  readonly rootId?: string;
  /** Controls switched off everywhere, each with its reason in docs/landing-zone.md. */
  readonly disabledControls: readonly string[];
}

/** Standards every account runs: AWS FSBP, CIS AWS Foundations v3.0.0 and NIST SP 800-53 rev 5. */
export function securityStandards(region: string): string[] {
  return [
    `arn:aws:securityhub:${region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
    `arn:aws:securityhub:${region}::standards/cis-aws-foundations-benchmark/v/3.0.0`,
    `arn:aws:securityhub:${region}::standards/nist-800-53/v/5.0.0`,
  ];
}

/**
 * Security Hub under central configuration, from the delegated administrator (designating it
 * already enabled Security Hub there, so no hub is declared): a finding aggregator pulling
 * every region into the home region, and one configuration policy (service on, three
 * standards) associated with the organization root, so every account, present and future,
 * runs the same standards and cannot switch them off.
 */
export class SecurityHubOrganization extends Construct {
  constructor(scope: Construct, id: string, props: SecurityHubOrganizationProps) {
    super(scope, id);
    const { region } = Stack.of(this);
    const aggregator = new securityhub.CfnFindingAggregator(this, 'Aggregator', {
      regionLinkingMode: 'ALL_REGIONS',
    });
    const organization = new securityhub.CfnOrganizationConfiguration(this, 'Organization', {
      autoEnable: false,
      autoEnableStandards: 'NONE',
      configurationType: 'CENTRAL',
    });
    organization.addResourceDependency(aggregator);
    const policy = new securityhub.CfnConfigurationPolicy(this, 'Policy', {
      name: `${props.namePrefix}-standards`,
      description: 'Security Hub on in every account with FSBP, CIS v3.0.0 and NIST 800-53 r5',
      configurationPolicy: {
        securityHub: {
          serviceEnabled: true,
          enabledStandardIdentifiers: securityStandards(region),
          securityControlsConfiguration: { disabledSecurityControlIdentifiers: [...props.disabledControls] },
        },
      },
    });
    policy.addResourceDependency(organization);
    if (props.rootId) {
      const association = new securityhub.CfnPolicyAssociation(this, 'RootAssociation', {
        configurationPolicyId: policy.attrId,
        targetType: 'ROOT',
        targetId: props.rootId,
      });
      association.addResourceDependency(policy);
    } else {
      Annotations.of(this).addWarningV2(
        '@nhs-cloud/landing-zone:no-root-id',
        'landingZone.organizationRootId is not set: the Security Hub configuration policy is not associated with the organization',
      );
    }
  }
}
