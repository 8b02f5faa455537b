import { aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { sdkCall } from './sdk-call';

export interface GuardDutyOrganizationProps {
  readonly logGroup: logs.ILogGroup;
}

/** Protection plans switched on for the administrator and, automatically, every member account. */
export const GUARDDUTY_FEATURES = ['S3_DATA_EVENTS', 'EBS_MALWARE_PROTECTION', 'RUNTIME_MONITORING'] as const;
/** Runtime Monitoring deploys and manages its agent on EC2, ECS Fargate and EKS by itself. */
export const RUNTIME_AGENT_MANAGEMENT = [
  'EC2_AGENT_MANAGEMENT',
  'ECS_FARGATE_AGENT_MANAGEMENT',
  'EKS_ADDON_MANAGEMENT',
] as const;

const GUARDDUTY_IAM = ['guardduty:ListDetectors', 'guardduty:UpdateDetector', 'iam:CreateServiceLinkedRole'];

/**
 * GuardDuty from the delegated administrator (the security account). Designating the
 * administrator already created its detector, so this configures that detector rather than
 * declaring a new one (which would fail): S3 protection, EBS malware scanning and runtime
 * monitoring, and auto-enable for ALL member accounts, existing and new.
 */
export class GuardDutyOrganization extends Construct {
  /** The administrator's detector ID, read at deploy time. */
  readonly detectorId: string;

  constructor(scope: Construct, id: string, props: GuardDutyOrganizationProps) {
    super(scope, id);
    const detector = sdkCall(
      this,
      'Detector',
      {
        service: 'GuardDuty',
        action: 'listDetectors',
        parameters: {},
        iamActions: ['guardduty:ListDetectors'],
        physicalId: 'guardduty-detector',
        physicalIdFromResponse: 'DetectorIds.0',
        outputPaths: ['DetectorIds.0'],
      },
      props.logGroup,
    );
    this.detectorId = detector.getResponseField('DetectorIds.0');
    const protections = sdkCall(
      this,
      'Protections',
      {
        service: 'GuardDuty',
        action: 'updateDetector',
        parameters: {
          DetectorId: this.detectorId,
          Enable: true,
          FindingPublishingFrequency: 'FIFTEEN_MINUTES',
          Features: GUARDDUTY_FEATURES.map((Name) => ({
            Name,
            Status: 'ENABLED',
            AdditionalConfiguration:
              Name === 'RUNTIME_MONITORING'
                ? RUNTIME_AGENT_MANAGEMENT.map((AddOn) => ({ Name: AddOn, Status: 'ENABLED' }))
                : undefined,
          })),
        },
        iamActions: GUARDDUTY_IAM,
        physicalId: 'guardduty-protections',
      },
      props.logGroup,
    );
    const organization = sdkCall(
      this,
      'AutoEnable',
      {
        service: 'GuardDuty',
        action: 'updateOrganizationConfiguration',
        parameters: {
          DetectorId: this.detectorId,
          AutoEnableOrganizationMembers: 'ALL',
          Features: GUARDDUTY_FEATURES.map((Name) => ({
            Name,
            AutoEnable: 'ALL',
            AdditionalConfiguration:
              Name === 'RUNTIME_MONITORING'
                ? RUNTIME_AGENT_MANAGEMENT.map((AddOn) => ({ Name: AddOn, AutoEnable: 'ALL' }))
                : undefined,
          })),
        },
        iamActions: [
          'guardduty:UpdateOrganizationConfiguration',
          'organizations:DescribeOrganization',
          'organizations:ListAccounts',
        ],
        physicalId: 'guardduty-organization-configuration',
      },
      props.logGroup,
    );
    organization.node.addDependency(protections);
  }
}
