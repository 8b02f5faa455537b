import { aws_logs as logs, aws_sso as sso } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AssignmentPlan, groupsOf, PermissionSetName } from '../../lib/planners/landing-zone/identity';
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
  constructor(scope: Construct, id: string, props: AccountAssignmentsProps) {
    super(scope, id);
    const principalIds = new Map<string, string>();
    for (const group of groupsOf(props.assignments)) {
      const known = props.groupIds[group];
      if (known) {
        principalIds.set(group, known);
        continue;
      }
      const lookup = sdkCall(
        this,
        `Group-${group.replaceAll('/', '-')}`,
        {
          service: 'IdentityStore',
          action: 'getGroupId',
          parameters: {
            IdentityStoreId: props.identityStoreId,
            AlternateIdentifier: { UniqueAttribute: { AttributePath: 'DisplayName', AttributeValue: group } },
          },
          iamActions: ['identitystore:GetGroupId'],
          physicalId: group,
          physicalIdFromResponse: 'GroupId',
          outputPaths: ['GroupId'],
        },
        props.logGroup(),
      );
      principalIds.set(group, lookup.getResponseField('GroupId'));
    }
    for (const assignment of props.assignments) {
      new sso.CfnAssignment(this, assignment.id, {
        instanceArn: props.instanceArn,
        permissionSetArn: props.permissionSetArn(assignment.permissionSet),
        principalType: 'GROUP',
        principalId: principalIds.get(assignment.group)!,
        targetType: 'AWS_ACCOUNT',
        targetId: assignment.accountId,
      });
    }
  }
}
