import { aws_logs as logs, aws_sso as sso } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AssignmentPlan, PermissionSetName } from '../../planners/landing-zone/identity';
import { sdkCall } from './sdk-call';

export interface AccountAssignmentsProps {
  readonly instanceArn: string;
  readonly identityStoreId: string;
  readonly assignments: readonly AssignmentPlan[];
  /** The permission set ARN for a name (a token). */
  readonly permissionSetArn: (name: PermissionSetName) => string;
  /** Group IDs known in config, by group name; the rest are looked up at deploy time. */
  readonly groupIds: Readonly<Record<string, string>>;
  /** Needed only when some group is looked up. */
  readonly logGroup: () => logs.ILogGroup;
}

/**
 * Gives directory groups (synchronised from Entra ID by SCIM) permission sets on accounts.
 * A group without a configured ID is found by display name when the stack deploys, so a group
 * missing from the directory fails the deployment rather than granting nothing silently.
 */
export class AccountAssignments extends Construct {
  private readonly principalIds = new Map<string, string>();

  constructor(
    scope: Construct,
    id: string,
    private readonly props: AccountAssignmentsProps,
  ) {
    super(scope, id);
    for (const assignment of props.assignments) {
      new sso.CfnAssignment(this, assignment.id, {
        instanceArn: props.instanceArn,
        permissionSetArn: props.permissionSetArn(assignment.permissionSet),
        principalType: 'GROUP',
        principalId: this.groupId(assignment.group),
        targetType: 'AWS_ACCOUNT',
        targetId: assignment.accountId,
      });
    }
  }

  /** A group's ID: from config when known, otherwise looked up by display name (once per group). */
  groupId(group: string): string {
    let principalId = this.principalIds.get(group) ?? this.props.groupIds[group];
    if (principalId === undefined) {
      const lookup = sdkCall(
        this,
        `Group-${group.replaceAll('/', '-')}`,
        {
          service: 'IdentityStore',
          action: 'getGroupId',
          parameters: {
            IdentityStoreId: this.props.identityStoreId,
            AlternateIdentifier: { UniqueAttribute: { AttributePath: 'DisplayName', AttributeValue: group } },
          },
          iamActions: ['identitystore:GetGroupId'],
          physicalId: group,
          physicalIdFromResponse: 'GroupId',
          outputPaths: ['GroupId'],
        },
        this.props.logGroup(),
      );
      principalId = lookup.getResponseField('GroupId');
    }
    this.principalIds.set(group, principalId);
    return principalId;
  }
}
