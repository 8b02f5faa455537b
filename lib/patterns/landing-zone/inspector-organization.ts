import { aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { sdkCall } from './sdk-call';

export interface InspectorOrganizationProps {
  /** Every account in config (core and tenant), enabled explicitly: auto-enable covers only new ones. */
  readonly memberAccounts: readonly string[];
  readonly logGroup: logs.ILogGroup;
}

/** What Inspector scans: EC2 instances (vulnerabilities and reachability), ECR images, Lambda. */
export const INSPECTOR_RESOURCE_TYPES = ['EC2', 'ECR', 'LAMBDA', 'LAMBDA_CODE'] as const;
/** Inspector's Enable API takes at most this many accounts per call. */
export const INSPECTOR_BATCH = 100;

/**
 * Amazon Inspector from the delegated administrator: scanning on for new accounts
 * automatically, and switched on for every account config knows about, 100 per call. Findings
 * flow to Security Hub, which is how an unpatched instance shows up there.
 */
export class InspectorOrganization extends Construct {
  constructor(scope: Construct, id: string, props: InspectorOrganizationProps) {
    super(scope, id);
    const iamActions = [
      'inspector2:Enable',
      'inspector2:BatchGetAccountStatus',
      'iam:CreateServiceLinkedRole',
    ];
    const autoEnable = sdkCall(
      this,
      'AutoEnable',
      {
        service: 'Inspector2',
        action: 'updateOrganizationConfiguration',
        parameters: { autoEnable: { ec2: true, ecr: true, lambda: true, lambdaCode: true } },
        iamActions: ['inspector2:UpdateOrganizationConfiguration'],
        physicalId: 'inspector-organization-configuration',
      },
      props.logGroup,
    );
    const accounts = [...new Set(props.memberAccounts)].sort();
    for (let i = 0; i < accounts.length; i += INSPECTOR_BATCH) {
      const batch = accounts.slice(i, i + INSPECTOR_BATCH);
      const enable = sdkCall(
        this,
        `EnableMembers${i / INSPECTOR_BATCH}`,
        {
          service: 'Inspector2',
          action: 'enable',
          parameters: { accountIds: batch, resourceTypes: [...INSPECTOR_RESOURCE_TYPES] },
          iamActions,
          physicalId: `inspector-members-${i / INSPECTOR_BATCH}`,
        },
        props.logGroup,
      );
      enable.node.addDependency(autoEnable);
    }
  }
}
