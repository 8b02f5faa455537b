import { aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { sdkCall } from './sdk-call';

export interface PlacedAccountProps {
  /** An account that already exists: a core account, or a tenant account adopted with its ID. */
  readonly accountId: string;
  /** The OU it belongs in (a token from an OU resource or an SSM parameter). */
  readonly parentId: string;
  /** Stable key of that OU, so a new placement re-reads where the account is now. */
  readonly parentKey: string;
  readonly logGroup: logs.ILogGroup;
}

/**
 * Moves an existing account into its OU, from the management account. SCPs, and the bootstrap
 * StackSet on the tenant OUs, reach only the accounts inside the OUs they are attached to
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html),
 * and an account created outside CloudFormation (the core accounts, adopted tenant accounts)
 * cannot be declared as `AWS::Organizations::Account` without a manual resource import. So:
 * read its parent (`ListParents`), then `MoveAccount` from there; an account already in the
 * OU answers `DuplicateAccountException`, which counts as done
 * (https://docs.aws.amazon.com/organizations/latest/APIReference/API_MoveAccount.html).
 */
export class PlacedAccount extends Construct {
  constructor(scope: Construct, id: string, props: PlacedAccountProps) {
    super(scope, id);
    const current = sdkCall(
      this,
      'CurrentParent',
      {
        service: 'Organizations',
        action: 'listParents',
        parameters: { ChildId: props.accountId },
        iamActions: ['organizations:ListParents'],
        physicalId: `parent-of-${props.accountId}-for-${props.parentKey}`,
        outputPaths: ['Parents.0.Id'],
      },
      props.logGroup,
    );
    const move = sdkCall(
      this,
      'Move',
      {
        service: 'Organizations',
        action: 'moveAccount',
        parameters: {
          AccountId: props.accountId,
          SourceParentId: current.getResponseField('Parents.0.Id'),
          DestinationParentId: props.parentId,
        },
        iamActions: ['organizations:MoveAccount'],
        alreadyDone: 'DuplicateAccountException',
        physicalId: `place-${props.accountId}-in-${props.parentKey}`,
      },
      props.logGroup,
    );
    move.node.addDependency(current);
  }
}
