import {
  Stack,
  aws_accessanalyzer as accessanalyzer,
  aws_config as config,
  aws_iam as iam,
  aws_logs as logs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { sdkCall } from './sdk-call';

export interface OrganizationAnalyzersProps {
  readonly namePrefix: string;
  readonly logGroup: logs.ILogGroup;
}

/**
 * The delegated administrator's organization-wide views: IAM Access Analyzer over every account
 * (resources shared outside the organization), an AWS Config aggregator of every account and
 * region, and Macie in the administrator (an SDK call that tolerates Macie being on already,
 * because designating the administrator may have enabled it; patient-data accounts run their own).
 */
export class OrganizationAnalyzers extends Construct {
  constructor(scope: Construct, id: string, props: OrganizationAnalyzersProps) {
    super(scope, id);
    new accessanalyzer.CfnAnalyzer(this, 'AccessAnalyzer', {
      analyzerName: `${props.namePrefix}-organization`,
      type: 'ORGANIZATION',
    });
    const role = new iam.Role(this, 'AggregatorRole', {
      // AWS Config assumes it for this account only (the confused-deputy condition).
      assumedBy: new iam.ServicePrincipal('config.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
      }),
      description: 'AWS Config organization aggregator',
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSConfigRoleForOrganizations'),
      ],
    });
    new config.CfnConfigurationAggregator(this, 'ConfigAggregator', {
      configurationAggregatorName: `${props.namePrefix}-organization`,
      organizationAggregationSource: { roleArn: role.roleArn, allAwsRegions: true },
    });
    sdkCall(
      this,
      'Macie',
      {
        service: 'Macie2',
        action: 'enableMacie',
        parameters: { status: 'ENABLED', findingPublishingFrequency: 'FIFTEEN_MINUTES' },
        iamActions: ['macie2:EnableMacie', 'iam:CreateServiceLinkedRole'],
        alreadyDone: 'ConflictException',
        physicalId: 'macie-administrator',
      },
      props.logGroup,
    );
  }
}
