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
 * GuardDuty from the delegated administrator (the security account). GuardDuty must be on in
 * the administrator's own account before it manages the organization ("Managing accounts with
 * AWS Organizations", https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html),
 * so it is switched on first, tolerating a detector that already exists (designation may have
 * made one; a declared `AWS::GuardDuty::Detector` would then fail). Then that detector gets S3
 * protection, EBS malware scanning and runtime monitoring, and auto-enable for ALL member
 * accounts, existing and new.
 */
export class GuardDutyOrganization extends Construct {
  /** The administrator's detector ID, read at deploy time. */
  readonly detectorId: string;

  constructor(scope: Construct, id: string, props: GuardDutyOrganizationProps) {
    super(scope, id);
    const enable = sdkCall(
      this,
      'Enable',
      {
        service: 'GuardDuty',
        action: 'createDetector',
        parameters: { Enable: true, FindingPublishingFrequency: 'FIFTEEN_MINUTES' },
        iamActions: ['guardduty:CreateDetector', 'iam:CreateServiceLinkedRole'],
        // "a detector already exists for the current account"
        alreadyDone: 'BadRequestException',
        physicalId: 'guardduty-enable',
      },
      props.logGroup,
    );
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
    detector.node.addDependency(enable);
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
