import { PolicyStatement } from './policy-document';

/**
 * Statement builders for the guardrail SCPs. Each denies something to every principal except
 * the platform's (an ArnNotLike on aws:PrincipalArn), so the pipeline can still manage what
 * tenants cannot touch. Action lists are kept to what the control needs, because every SCP
 * must stay under 5,120 characters.
 */

/** Deny unless the caller is one of the platform principals. */
function exceptPlatform(platform: readonly string[]): Record<string, Record<string, readonly string[]>> {
  return { ArnNotLike: { 'aws:PrincipalArn': platform } };
}

/**
 * Actions a region deny must leave alone: global services whose single endpoint is in
 * us-east-1 (or us-west-2), and the few regional calls the console and global services make
 * from there. This is the list AWS publishes in its region-deny example SCP, in its order
 * ("Deny access to AWS based on the requested AWS Region",
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html);
 * a shorter list denies calls such as `ec2:DescribeRegions`, Config's global recording or
 * the account's Security Hub findings in us-east-1 that the platform itself needs.
 */
export const GLOBAL_SERVICE_ACTIONS = [
  'a4b:*',
  'access-analyzer:*',
  'account:*',
  'acm:*',
  'activate:*',
  'artifact:*',
  'aws-marketplace-management:*',
  'aws-marketplace:*',
  'aws-portal:*',
  'billing:*',
  'billingconductor:*',
  'budgets:*',
  'ce:*',
  'chatbot:*',
  'chime:*',
  'cloudfront:*',
  'cloudtrail:LookupEvents',
  'compute-optimizer:*',
  'config:*',
  'consoleapp:*',
  'consolidatedbilling:*',
  'cur:*',
  'datapipeline:GetAccountLimits',
  'devicefarm:*',
  'directconnect:*',
  'ec2:DescribeRegions',
  'ec2:DescribeTransitGateways',
  'ec2:DescribeVpnGateways',
  'ecr-public:*',
  'fms:*',
  'freetier:*',
  'globalaccelerator:*',
  'health:*',
  'iam:*',
  'importexport:*',
  'invoicing:*',
  'iq:*',
  'kms:*',
  'license-manager:ListReceivedLicenses',
  'lightsail:Get*',
  'mobileanalytics:*',
  'networkmanager:*',
  'notifications-contacts:*',
  'notifications:*',
  'organizations:*',
  'payments:*',
  'pricing:*',
  'quicksight:DescribeAccountSubscription',
  'resource-explorer-2:*',
  'route53-recovery-cluster:*',
  'route53-recovery-control-config:*',
  'route53-recovery-readiness:*',
  'route53:*',
  'route53domains:*',
  's3:CreateMultiRegionAccessPoint',
  's3:DeleteMultiRegionAccessPoint',
  's3:DescribeMultiRegionAccessPointOperation',
  's3:GetAccountPublicAccessBlock',
  's3:GetBucketLocation',
  's3:GetBucketPolicyStatus',
  's3:GetBucketPublicAccessBlock',
  's3:GetMultiRegionAccessPoint',
  's3:GetMultiRegionAccessPointPolicy',
  's3:GetMultiRegionAccessPointPolicyStatus',
  's3:GetStorageLensConfiguration',
  's3:GetStorageLensDashboard',
  's3:ListAllMyBuckets',
  's3:ListMultiRegionAccessPoints',
  's3:ListStorageLensConfigurations',
  's3:PutAccountPublicAccessBlock',
  's3:PutMultiRegionAccessPointPolicy',
  'savingsplans:*',
  'shield:*',
  'sso:*',
  'sts:*',
  'support:*',
  'supportapp:*',
  'supportplans:*',
  'sustainability:*',
  'tag:GetResources',
  'tax:*',
  'trustedadvisor:*',
  'vendor-insights:ListEntitledSecurityProfiles',
  'waf-regional:*',
  'waf:*',
  'wafv2:*',
] as const;

/** Deny regional API calls outside the allowed regions (UK residency). */
export function denyOutsideRegions(
  allowedRegions: readonly string[],
  platform: readonly string[],
): PolicyStatement {
  return {
    Sid: 'DenyOutsideAllowedRegions',
    Effect: 'Deny',
    NotAction: GLOBAL_SERVICE_ACTIONS,
    Resource: '*',
    Condition: {
      StringNotEquals: { 'aws:RequestedRegion': allowedRegions },
      ...exceptPlatform(platform),
    },
  };
}

export function denyLeavingOrganization(): PolicyStatement {
  return {
    Sid: 'DenyLeavingOrganization',
    Effect: 'Deny',
    Action: 'organizations:LeaveOrganization',
    Resource: '*',
  };
}

/** The root user of a member account does nothing: accounts are run through roles. */
export function denyRootUser(): PolicyStatement {
  return {
    Sid: 'DenyRootUser',
    Effect: 'Deny',
    Action: '*',
    Resource: '*',
    Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' } },
  };
}

/** Instances must require IMDSv2 tokens; credentials delivered over IMDSv1 stop working. */
export function requireImdsV2(platform: readonly string[]): PolicyStatement[] {
  return [
    {
      Sid: 'DenyLaunchWithoutImdsV2',
      Effect: 'Deny',
      Action: 'ec2:RunInstances',
      Resource: 'arn:aws:ec2:*:*:instance/*',
      Condition: { StringNotEquals: { 'ec2:MetadataHttpTokens': 'required' } },
    },
    {
      Sid: 'DenyImdsV1Credentials',
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { NumericLessThan: { 'ec2:RoleDelivery': '2.0' } },
    },
    {
      Sid: 'DenyWeakeningImdsDefaults',
      Effect: 'Deny',
      Action: ['ec2:ModifyInstanceMetadataOptions', 'ec2:ModifyInstanceMetadataDefaults'],
      Resource: '*',
      Condition: exceptPlatform(platform),
    },
  ];
}

/**
 * No IAM user gets a console password: people sign in through Identity Center, so the account
 * password policy has nothing to govern (CloudFormation cannot set one; see ADR 0012).
 */
export function denyConsolePasswords(platform: readonly string[]): PolicyStatement {
  return {
    Sid: 'DenyIamUserPasswords',
    Effect: 'Deny',
    Action: ['iam:CreateLoginProfile', 'iam:UpdateLoginProfile'],
    Resource: '*',
    Condition: exceptPlatform(platform),
  };
}

/** Actions that would switch off or blind a detective control. */
export const SECURITY_SERVICE_ACTIONS = [
  'access-analyzer:DeleteAnalyzer',
  'backup:DeleteBackupPlan',
  'backup:DeleteBackupSelection',
  'backup:DeleteBackupVault*',
  'backup:PutBackupVaultAccessPolicy',
  'backup:UpdateBackupPlan',
  'cloudtrail:DeleteTrail',
  'cloudtrail:PutEventSelectors',
  'cloudtrail:StopLogging',
  'cloudtrail:UpdateTrail',
  'config:Delete*',
  'config:PutConfigurationRecorder',
  'config:PutDeliveryChannel',
  'config:StopConfigurationRecorder',
  'ec2:DeleteFlowLogs',
  'ec2:DisableEbsEncryptionByDefault',
  'ec2:ModifyEbsDefaultKmsKeyId',
  'ec2:ResetEbsDefaultKmsKeyId',
  'guardduty:CreateFilter',
  'guardduty:Delete*',
  'guardduty:Disassociate*',
  'guardduty:StopMonitoringMembers',
  'guardduty:UpdateDetector',
  'inspector2:Disable*',
  'macie2:DisableMacie',
  'macie2:UpdateMacieSession',
  'route53resolver:DeleteResolverQueryLogConfig',
  'route53resolver:DisassociateResolverQueryLogConfig',
  'securityhub:Delete*',
  'securityhub:Disable*',
  'securityhub:Disassociate*',
  'ssm:UpdateServiceSetting',
] as const;

export function protectSecurityServices(platform: readonly string[]): PolicyStatement {
  return {
    Sid: 'ProtectSecurityServices',
    Effect: 'Deny',
    Action: SECURITY_SERVICE_ACTIONS,
    Resource: '*',
    Condition: exceptPlatform(platform),
  };
}

/** Protects the central log buckets' configuration and every KMS key's lifecycle and policy. */
export function protectLogDestinations(
  logBucketPattern: string,
  platform: readonly string[],
): PolicyStatement[] {
  return [
    {
      Sid: 'ProtectLogBuckets',
      Effect: 'Deny',
      Action: [
        's3:DeleteBucket*',
        's3:PutBucketAcl',
        's3:PutBucketLogging',
        's3:PutBucketObjectLockConfiguration',
        's3:PutBucketOwnershipControls',
        's3:PutBucketPolicy',
        's3:PutBucketPublicAccessBlock',
        's3:PutBucketVersioning',
        's3:PutEncryptionConfiguration',
        's3:PutLifecycleConfiguration',
      ],
      Resource: logBucketPattern,
      Condition: exceptPlatform(platform),
    },
    {
      Sid: 'ProtectPlatformKeys',
      Effect: 'Deny',
      Action: ['kms:DisableKey', 'kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion'],
      Resource: '*',
      Condition: { ...exceptPlatform(platform), StringLike: { 'aws:ResourceTag/nhs-cloud:stack-kind': '*' } },
    },
    {
      // Without this, removing the tag above would unprotect a key.
      Sid: 'ProtectPlatformTagKeys',
      Effect: 'Deny',
      Action: ['kms:TagResource', 'kms:UntagResource'],
      Resource: '*',
      Condition: { ...exceptPlatform(platform), 'ForAnyValue:StringLike': { 'aws:TagKeys': 'nhs-cloud:*' } },
    },
  ];
}

/**
 * Every Transit Gateway call that changes something, by verb. Not `ec2:*TransitGateway*`: that
 * also denies `DescribeTransitGatewayAttachments`, `GetTransitGatewayRouteTable*` and
 * `SearchTransitGatewayRoutes`, which the network lookup function and verify-live's read-only
 * role call; SCPs apply to those roles as to any other
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html).
 * test/planners/landing-zone/scp-statements.test.ts holds this list against every write
 * action of the service authorization reference.
 */
export const TRANSIT_GATEWAY_CHANGES = [
  'ec2:AcceptTransitGateway*',
  'ec2:AssociateTransitGateway*',
  'ec2:CreateTransitGateway*',
  'ec2:DeleteTransitGateway*',
  'ec2:DeregisterTransitGateway*',
  'ec2:DisableTransitGateway*',
  'ec2:DisassociateTransitGateway*',
  'ec2:EnableTransitGateway*',
  'ec2:ModifyTransitGateway*',
  'ec2:RegisterTransitGateway*',
  'ec2:RejectTransitGateway*',
  'ec2:ReplaceTransitGateway*',
] as const;

/**
 * The network belongs to the platform: tenants may not build a path around inspection (internet
 * and NAT gateways, peering, VPN) or change the spoke VPC, its routes or its Transit Gateway
 * attachment. Security groups and endpoints stay with the tenant.
 */
export const NETWORK_ACTIONS = [
  'directconnect:Create*',
  ...TRANSIT_GATEWAY_CHANGES,
  'ec2:AcceptVpcPeeringConnection',
  'ec2:AssociateDhcpOptions',
  'ec2:AssociateRouteTable',
  'ec2:AssociateVpcCidrBlock',
  'ec2:AttachInternetGateway',
  'ec2:AttachVpnGateway',
  'ec2:CreateCarrierGateway',
  'ec2:CreateCustomerGateway',
  'ec2:CreateDefaultSubnet',
  'ec2:CreateDefaultVpc',
  'ec2:CreateEgressOnlyInternetGateway',
  'ec2:CreateInternetGateway',
  'ec2:CreateNatGateway',
  'ec2:CreateRoute',
  'ec2:CreateRouteTable',
  'ec2:CreateSubnet',
  'ec2:CreateVpc',
  'ec2:CreateVpcPeeringConnection',
  'ec2:CreateVpnConnection',
  'ec2:CreateVpnGateway',
  'ec2:DeleteRoute',
  'ec2:DeleteRouteTable',
  'ec2:DeleteSubnet',
  'ec2:DeleteVpc',
  'ec2:DisassociateRouteTable',
  'ec2:DisassociateVpcCidrBlock',
  'ec2:ModifySubnetAttribute',
  'ec2:ModifyVpcAttribute',
  'ec2:ReplaceRoute',
  'ec2:ReplaceRouteTableAssociation',
  'route53resolver:AssociateResolverRule',
  'route53resolver:DisassociateResolverRule',
] as const;

export function protectPlatformNetwork(platform: readonly string[]): PolicyStatement {
  return {
    Sid: 'ProtectPlatformNetwork',
    Effect: 'Deny',
    Action: NETWORK_ACTIONS,
    Resource: '*',
    Condition: exceptPlatform(platform),
  };
}

/**
 * Tenants cannot create, edit, re-trust, delete, pass or assume a role with a name the
 * guardrails exempt: every exempt pattern is here, so a role that escapes the guardrails is
 * one only the platform can make or use (ADR 0010). `iam:Update*Role*` covers
 * `UpdateAssumeRolePolicy`, the trust policy.
 */
export function protectPlatformRoles(
  platformRoleArns: readonly string[],
  platform: readonly string[],
): PolicyStatement {
  return {
    Sid: 'ProtectPlatformRoles',
    Effect: 'Deny',
    Action: [
      'iam:AttachRolePolicy',
      'iam:CreateRole',
      'iam:DeleteRole*',
      'iam:DetachRolePolicy',
      'iam:PassRole',
      'iam:PutRole*',
      'iam:TagRole',
      'iam:UntagRole',
      'iam:Update*Role*',
      'sts:AssumeRole',
    ],
    Resource: platformRoleArns,
    Condition: exceptPlatform(platform),
  };
}

/** A suspended account can do nothing except what the platform needs to close it. */
export function denyEverything(platform: readonly string[]): PolicyStatement {
  return {
    Sid: 'DenyAllWhileSuspended',
    Effect: 'Deny',
    Action: '*',
    Resource: '*',
    Condition: exceptPlatform(platform),
  };
}
