/**
 * The IAM actions CloudFormation calls, as the stack's execution role, to create, tag, update
 * and delete each resource type the estate deploys: the handlers' permissions from the
 * CloudFormation resource type schemas (`handlers.create.permissions` and the like,
 * https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html),
 * which `@aws-cdk/aws-service-spec` does not carry. Kept to the calls that change something:
 * the guardrail SCPs deny writes, never reads. A type deployed without an entry here fails the
 * guardrails proof, so a new type cannot slip past unchecked; test/deploy-proofs holds every
 * action against the service authorization reference. Log deliveries to S3 (flow logs, Network
 * Firewall, Resolver query logs) list no bucket-policy calls: those are made only for a bucket
 * in the same account, and every estate log bucket is in the log archive.
 */
export const CLOUDFORMATION_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  'AWS::AccessAnalyzer::Analyzer': [
    'access-analyzer:CreateAnalyzer',
    'access-analyzer:TagResource',
    'access-analyzer:DeleteAnalyzer',
    'iam:CreateServiceLinkedRole',
    'organizations:ListAWSServiceAccessForOrganization',
  ],
  'AWS::Backup::BackupPlan': [
    'backup:CreateBackupPlan',
    'backup:UpdateBackupPlan',
    'backup:DeleteBackupPlan',
    'backup:TagResource',
  ],
  'AWS::Backup::BackupSelection': [
    'backup:CreateBackupSelection',
    'backup:DeleteBackupSelection',
    'iam:PassRole',
  ],
  'AWS::Backup::BackupVault': [
    'backup:CreateBackupVault',
    'backup:PutBackupVaultAccessPolicy',
    'backup:PutBackupVaultLockConfiguration',
    'backup:TagResource',
    'backup-storage:MountCapsule',
    'kms:CreateGrant',
    'kms:DescribeKey',
  ],
  'AWS::Budgets::Budget': ['budgets:ModifyBudget', 'budgets:TagResource'],
  'AWS::CloudFormation::StackSet': [
    'cloudformation:CreateStackSet',
    'cloudformation:CreateStackInstances',
    'cloudformation:UpdateStackSet',
    'cloudformation:TagResource',
    'organizations:ListDelegatedAdministrators',
  ],
  'AWS::CloudTrail::Trail': [
    'cloudtrail:CreateTrail',
    'cloudtrail:StartLogging',
    'cloudtrail:PutEventSelectors',
    'cloudtrail:AddTags',
    'cloudtrail:UpdateTrail',
    'iam:CreateServiceLinkedRole',
    'iam:PassRole',
    'organizations:ListAWSServiceAccessForOrganization',
  ],
  'AWS::CloudWatch::Alarm': [
    'cloudwatch:PutMetricAlarm',
    'cloudwatch:TagResource',
    'cloudwatch:DeleteAlarms',
  ],
  'AWS::Config::ConfigurationAggregator': [
    'config:PutConfigurationAggregator',
    'config:TagResource',
    'iam:PassRole',
    'organizations:EnableAWSServiceAccess',
    'organizations:ListDelegatedAdministrators',
  ],
  'AWS::Config::ConfigurationRecorder': [
    'config:PutConfigurationRecorder',
    'config:StartConfigurationRecorder',
    'iam:PassRole',
  ],
  'AWS::Config::DeliveryChannel': ['config:PutDeliveryChannel'],
  'AWS::DirectConnect::Connection': ['directconnect:CreateConnection', 'directconnect:TagResource'],
  'AWS::DirectConnect::DirectConnectGateway': ['directconnect:CreateDirectConnectGateway'],
  'AWS::DirectConnect::DirectConnectGatewayAssociation': [
    'directconnect:CreateDirectConnectGatewayAssociation',
    'ec2:AssociateTransitGatewayRouteTable',
  ],
  'AWS::DirectConnect::Lag': ['directconnect:CreateLag', 'directconnect:TagResource'],
  'AWS::DirectConnect::TransitVirtualInterface': [
    'directconnect:CreateTransitVirtualInterface',
    'directconnect:UpdateVirtualInterfaceAttributes',
    'directconnect:DeleteVirtualInterface',
    'directconnect:TagResource',
  ],
  'AWS::EC2::CustomerGateway': ['ec2:CreateCustomerGateway', 'ec2:CreateTags'],
  'AWS::EC2::EIP': ['ec2:AllocateAddress', 'ec2:CreateTags'],
  'AWS::EC2::FlowLog': ['ec2:CreateFlowLogs', 'ec2:CreateTags', 'logs:CreateLogDelivery'],
  'AWS::EC2::IPAM': ['ec2:CreateIpam', 'ec2:CreateTags', 'iam:CreateServiceLinkedRole'],
  'AWS::EC2::IPAMAllocation': ['ec2:AllocateIpamPoolCidr'],
  'AWS::EC2::IPAMPool': ['ec2:CreateIpamPool', 'ec2:CreateTags'],
  'AWS::EC2::IPAMPoolCidr': ['ec2:ProvisionIpamPoolCidr'],
  'AWS::EC2::InternetGateway': ['ec2:CreateInternetGateway', 'ec2:CreateTags'],
  'AWS::EC2::NatGateway': ['ec2:CreateNatGateway', 'ec2:CreateTags'],
  'AWS::EC2::Route': ['ec2:CreateRoute', 'ec2:ReplaceRoute'],
  'AWS::EC2::RouteTable': ['ec2:CreateRouteTable', 'ec2:CreateTags'],
  'AWS::EC2::SecurityGroup': [
    'ec2:CreateSecurityGroup',
    'ec2:AuthorizeSecurityGroupIngress',
    'ec2:AuthorizeSecurityGroupEgress',
    'ec2:RevokeSecurityGroupEgress',
    'ec2:CreateTags',
  ],
  'AWS::EC2::Subnet': ['ec2:CreateSubnet', 'ec2:ModifySubnetAttribute', 'ec2:CreateTags'],
  'AWS::EC2::SubnetRouteTableAssociation': ['ec2:AssociateRouteTable', 'ec2:ReplaceRouteTableAssociation'],
  'AWS::EC2::TransitGateway': ['ec2:CreateTransitGateway', 'ec2:ModifyTransitGateway', 'ec2:CreateTags'],
  'AWS::EC2::TransitGatewayRoute': ['ec2:CreateTransitGatewayRoute'],
  'AWS::EC2::TransitGatewayRouteTable': ['ec2:CreateTransitGatewayRouteTable', 'ec2:CreateTags'],
  'AWS::EC2::TransitGatewayRouteTableAssociation': ['ec2:AssociateTransitGatewayRouteTable'],
  'AWS::EC2::TransitGatewayRouteTablePropagation': ['ec2:EnableTransitGatewayRouteTablePropagation'],
  'AWS::EC2::TransitGatewayVpcAttachment': [
    'ec2:CreateTransitGatewayVpcAttachment',
    'ec2:ModifyTransitGatewayVpcAttachment',
    'ec2:CreateTags',
  ],
  'AWS::EC2::VPC': ['ec2:CreateVpc', 'ec2:ModifyVpcAttribute', 'ec2:CreateTags'],
  'AWS::EC2::VPCEndpoint': [
    'ec2:CreateVpcEndpoint',
    'ec2:ModifyVpcEndpoint',
    'ec2:CreateTags',
    'route53:AssociateVPCWithHostedZone',
  ],
  'AWS::EC2::VPCGatewayAttachment': ['ec2:AttachInternetGateway'],
  'AWS::EC2::VPNConnection': [
    'ec2:CreateVpnConnection',
    'ec2:ModifyVpnTunnelOptions',
    'ec2:CreateTags',
    'logs:CreateLogDelivery',
  ],
  'AWS::Events::ApiDestination': ['events:CreateApiDestination'],
  'AWS::Events::Connection': [
    'events:CreateConnection',
    'secretsmanager:CreateSecret',
    'secretsmanager:GetSecretValue',
  ],
  'AWS::Events::EventBusPolicy': ['events:PutPermission', 'events:RemovePermission'],
  'AWS::Events::Rule': ['events:PutRule', 'events:PutTargets', 'events:TagResource', 'iam:PassRole'],
  'AWS::IAM::Policy': ['iam:PutRolePolicy', 'iam:DeleteRolePolicy'],
  'AWS::IAM::Role': [
    'iam:CreateRole',
    'iam:PutRolePolicy',
    'iam:AttachRolePolicy',
    'iam:TagRole',
    'iam:UpdateAssumeRolePolicy',
    'iam:DeleteRole',
  ],
  'AWS::KMS::Alias': ['kms:CreateAlias', 'kms:UpdateAlias'],
  'AWS::KMS::Key': [
    'kms:CreateKey',
    'kms:PutKeyPolicy',
    'kms:EnableKeyRotation',
    'kms:TagResource',
    'kms:ScheduleKeyDeletion',
  ],
  'AWS::Lambda::Function': [
    'lambda:CreateFunction',
    'lambda:UpdateFunctionCode',
    'lambda:UpdateFunctionConfiguration',
    'lambda:TagResource',
    'iam:PassRole',
    's3:GetObject',
  ],
  'AWS::Logs::LogGroup': [
    'logs:CreateLogGroup',
    'logs:PutRetentionPolicy',
    'logs:AssociateKmsKey',
    'logs:TagResource',
  ],
  'AWS::Logs::MetricFilter': ['logs:PutMetricFilter', 'logs:DeleteMetricFilter'],
  'AWS::Macie::Session': ['macie2:EnableMacie', 'macie2:UpdateMacieSession', 'iam:CreateServiceLinkedRole'],
  'AWS::NetworkFirewall::Firewall': [
    'network-firewall:CreateFirewall',
    'network-firewall:TagResource',
    'network-firewall:UpdateFirewallDeleteProtection',
    'iam:CreateServiceLinkedRole',
    'ec2:CreateVpcEndpoint',
  ],
  'AWS::NetworkFirewall::FirewallPolicy': [
    'network-firewall:CreateFirewallPolicy',
    'network-firewall:UpdateFirewallPolicy',
    'network-firewall:TagResource',
  ],
  'AWS::NetworkFirewall::LoggingConfiguration': [
    'network-firewall:UpdateLoggingConfiguration',
    'logs:CreateLogDelivery',
  ],
  'AWS::NetworkFirewall::RuleGroup': [
    'network-firewall:CreateRuleGroup',
    'network-firewall:UpdateRuleGroup',
    'network-firewall:TagResource',
  ],
  'AWS::Organizations::Account': [
    'organizations:CreateAccount',
    'organizations:MoveAccount',
    'organizations:TagResource',
    'iam:CreateServiceLinkedRole',
  ],
  'AWS::Organizations::OrganizationalUnit': [
    'organizations:CreateOrganizationalUnit',
    'organizations:TagResource',
  ],
  'AWS::Organizations::Policy': [
    'organizations:CreatePolicy',
    'organizations:AttachPolicy',
    'organizations:UpdatePolicy',
    'organizations:TagResource',
  ],
  'AWS::RAM::ResourceShare': ['ram:CreateResourceShare', 'ram:AssociateResourceShare', 'ram:TagResource'],
  'AWS::Route53::HostedZone': [
    'route53:CreateHostedZone',
    'route53:AssociateVPCWithHostedZone',
    'route53:ChangeTagsForResource',
  ],
  'AWS::Route53::RecordSet': ['route53:ChangeResourceRecordSets'],
  'AWS::Route53Profiles::Profile': ['route53profiles:CreateProfile', 'route53profiles:TagResource'],
  'AWS::Route53Profiles::ProfileAssociation': ['route53profiles:AssociateProfile', 'ec2:DescribeVpcs'],
  'AWS::Route53Profiles::ProfileResourceAssociation': [
    'route53profiles:AssociateResourceToProfile',
    'route53resolver:GetResolverRule',
  ],
  'AWS::Route53Resolver::FirewallDomainList': [
    'route53resolver:CreateFirewallDomainList',
    'route53resolver:UpdateFirewallDomains',
    'route53resolver:TagResource',
  ],
  'AWS::Route53Resolver::FirewallRuleGroup': [
    'route53resolver:CreateFirewallRuleGroup',
    'route53resolver:CreateFirewallRule',
    'route53resolver:TagResource',
  ],
  'AWS::Route53Resolver::FirewallRuleGroupAssociation': ['route53resolver:AssociateFirewallRuleGroup'],
  'AWS::Route53Resolver::ResolverEndpoint': [
    'route53resolver:CreateResolverEndpoint',
    'route53resolver:TagResource',
    'ec2:CreateNetworkInterface',
  ],
  'AWS::Route53Resolver::ResolverQueryLoggingConfig': [
    'route53resolver:CreateResolverQueryLogConfig',
    'route53resolver:TagResource',
    'logs:CreateLogDelivery',
  ],
  'AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation': [
    'route53resolver:AssociateResolverQueryLogConfig',
  ],
  'AWS::Route53Resolver::ResolverRule': ['route53resolver:CreateResolverRule', 'route53resolver:TagResource'],
  'AWS::Route53Resolver::ResolverRuleAssociation': ['route53resolver:AssociateResolverRule'],
  'AWS::S3::Bucket': [
    's3:CreateBucket',
    's3:PutBucketVersioning',
    's3:PutEncryptionConfiguration',
    's3:PutBucketPublicAccessBlock',
    's3:PutBucketOwnershipControls',
    's3:PutBucketObjectLockConfiguration',
    's3:PutLifecycleConfiguration',
    's3:PutBucketLogging',
    's3:PutBucketTagging',
  ],
  'AWS::S3::BucketPolicy': ['s3:PutBucketPolicy', 's3:GetBucketPolicy'],
  'AWS::SNS::Subscription': ['sns:Subscribe'],
  'AWS::SNS::Topic': ['sns:CreateTopic', 'sns:SetTopicAttributes', 'sns:TagResource'],
  'AWS::SNS::TopicPolicy': ['sns:SetTopicAttributes'],
  'AWS::SQS::Queue': ['sqs:CreateQueue', 'sqs:SetQueueAttributes', 'sqs:TagQueue'],
  'AWS::SQS::QueuePolicy': ['sqs:SetQueueAttributes'],
  'AWS::SSM::Association': ['ssm:CreateAssociation', 'ssm:UpdateAssociation'],
  'AWS::SSM::MaintenanceWindow': ['ssm:CreateMaintenanceWindow', 'ssm:AddTagsToResource'],
  'AWS::SSM::MaintenanceWindowTarget': ['ssm:RegisterTargetWithMaintenanceWindow'],
  'AWS::SSM::MaintenanceWindowTask': ['ssm:RegisterTaskWithMaintenanceWindow'],
  'AWS::SSM::Parameter': ['ssm:PutParameter', 'ssm:AddTagsToResource'],
  'AWS::SSM::PatchBaseline': [
    'ssm:CreatePatchBaseline',
    'ssm:RegisterDefaultPatchBaseline',
    'ssm:AddTagsToResource',
  ],
  'AWS::SSM::ServiceSetting': ['ssm:UpdateServiceSetting', 'iam:PassRole'],
  'AWS::SSO::Assignment': ['sso:CreateAccountAssignment', 'iam:CreateRole', 'iam:AttachRolePolicy'],
  'AWS::SSO::PermissionSet': [
    'sso:CreatePermissionSet',
    'sso:PutInlinePolicyToPermissionSet',
    'sso:AttachManagedPolicyToPermissionSet',
    'sso:ProvisionPermissionSet',
  ],
  'AWS::SecurityHub::ConfigurationPolicy': [
    'securityhub:CreateConfigurationPolicy',
    'securityhub:TagResource',
  ],
  'AWS::SecurityHub::DelegatedAdmin': [
    'securityhub:EnableOrganizationAdminAccount',
    'organizations:RegisterDelegatedAdministrator',
    'organizations:EnableAWSServiceAccess',
  ],
  'AWS::SecurityHub::FindingAggregator': ['securityhub:CreateFindingAggregator'],
  'AWS::SecurityHub::OrganizationConfiguration': ['securityhub:UpdateOrganizationConfiguration'],
  'AWS::SecurityHub::PolicyAssociation': ['securityhub:StartConfigurationPolicyAssociation'],
};

/** CloudFormation sends a custom resource's events to its service token as the execution role. */
export const CUSTOM_RESOURCE_ACTIONS: readonly string[] = ['lambda:InvokeFunction'];

/** Actions CloudFormation needs for one type, or undefined when the table has no entry. */
export function cloudFormationActions(type: string): readonly string[] | undefined {
  if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource')
    return CUSTOM_RESOURCE_ACTIONS;
  if (type === 'AWS::CDK::Metadata') return [];
  return CLOUDFORMATION_ACTIONS[type];
}
