import { aws_iam as iam, aws_ssm as ssm } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { EndpointProtectionPlan } from '../../planners/landing-zone/baseline-plan';
import { PatchingPlan } from '../../planners/landing-zone/patching-plan';

export interface InstanceManagementProps {
  readonly estateName: string;
  /** Instance role of Default Host Management (platform role prefix). */
  readonly managedInstanceRoleName: string;
  readonly patching: PatchingPlan;
  /**
   * The endpoint-protection agent every instance runs.
   * @default no agent association (the baseline warns)
   */
  readonly endpointProtection?: EndpointProtectionPlan;
}

/** Every instance in the account, for State Manager associations. */
const ALL_INSTANCES = [{ key: 'InstanceIds', values: ['*'] }];
const SETTING_DEFAULT_HOST_MANAGEMENT = '/ssm/managed-instance/default-ec2-instance-management-role';

/**
 * The standard software on every instance, without tenants doing anything: Default Host
 * Management makes each instance an SSM managed node (no instance profile needed), State
 * Manager keeps the endpoint-protection agent installed and scans patch compliance daily, and
 * a maintenance window installs approved patches. Non-compliance reaches Security Hub through
 * its SSM.1-SSM.3 controls (see docs/landing-zone.md).
 */
export class InstanceManagement extends Construct {
  constructor(scope: Construct, id: string, props: InstanceManagementProps) {
    super(scope, id);
    const role = new iam.Role(this, 'ManagedInstanceRole', {
      roleName: props.managedInstanceRoleName,
      assumedBy: new iam.ServicePrincipal('ssm.amazonaws.com'),
      description: 'SSM Default Host Management: makes every EC2 instance a managed node',
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedEC2InstanceDefaultPolicy'),
      ],
    });
    new ssm.CfnServiceSetting(this, 'DefaultHostManagement', {
      settingId: SETTING_DEFAULT_HOST_MANAGEMENT,
      settingValue: role.roleName,
    });
    if (props.endpointProtection) {
      const ep = props.endpointProtection;
      new ssm.CfnAssociation(this, 'EndpointProtection', {
        associationName: ep.associationName,
        name: 'AWS-ConfigureAWSPackage',
        targets: ALL_INSTANCES,
        parameters: ep.parameters,
        scheduleExpression: ep.schedule,
        complianceSeverity: 'CRITICAL',
        maxConcurrency: '10%',
        maxErrors: '10%',
      });
    }
    new ssm.CfnAssociation(this, 'PatchScan', {
      associationName: `${props.estateName}-patch-scan`,
      name: 'AWS-RunPatchBaseline',
      targets: ALL_INSTANCES,
      parameters: { Operation: ['Scan'] },
      scheduleExpression: 'rate(1 day)',
      complianceSeverity: 'HIGH',
      maxConcurrency: '10%',
      maxErrors: '10%',
    });
    this.addPatching(props.estateName, props.patching);
  }

  private addPatching(estateName: string, plan: PatchingPlan): void {
    for (const baseline of plan.baselines) {
      new ssm.CfnPatchBaseline(this, `Baseline${baseline.operatingSystem}`, {
        name: `${estateName}-${baseline.operatingSystem.toLowerCase().replaceAll('_', '-')}`,
        description: 'Platform baseline: security updates rated critical or important',
        operatingSystem: baseline.operatingSystem,
        defaultBaseline: true,
        approvalRules: {
          patchRules: [
            {
              patchFilterGroup: {
                patchFilters: baseline.filters.map((f) => ({ key: f.key, values: [...f.values] })),
              },
              approveAfterDays: baseline.approveAfterDays,
              complianceLevel: 'CRITICAL',
            },
          ],
        },
      });
    }
    const window = new ssm.CfnMaintenanceWindow(this, 'PatchWindow', {
      name: `${estateName}-patching`,
      schedule: plan.window.schedule,
      scheduleTimezone: plan.window.timezone,
      duration: plan.window.durationHours,
      cutoff: plan.window.cutoffHours,
      allowUnassociatedTargets: false,
    });
    const target = new ssm.CfnMaintenanceWindowTarget(this, 'PatchTargets', {
      windowId: window.ref,
      resourceType: 'INSTANCE',
      targets: [{ key: 'tag-key', values: [plan.targetTagKey] }],
    });
    new ssm.CfnMaintenanceWindowTask(this, 'PatchInstall', {
      windowId: window.ref,
      taskArn: 'AWS-RunPatchBaseline',
      taskType: 'RUN_COMMAND',
      priority: 1,
      maxConcurrency: '25%',
      maxErrors: '10%',
      cutoffBehavior: 'CONTINUE_TASK',
      targets: [{ key: 'WindowTargetIds', values: [target.ref] }],
      taskInvocationParameters: {
        maintenanceWindowRunCommandParameters: {
          parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] },
        },
      },
    });
  }
}
