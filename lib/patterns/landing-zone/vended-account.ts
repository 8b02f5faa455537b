import { CfnOutput, RemovalPolicy, Tags, aws_organizations as organizations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { vendedAccountOutputKey } from '../../planners/landing-zone/account-vending';
import { ORGANIZATION_ACCESS_ROLE } from '../../planners/landing-zone/platform-principals';

export interface VendedAccountProps {
  readonly accountName: string;
  /** Root e-mail of the account. Never change it: a new e-mail would vend a second account. */
  readonly email: string;
  /** The environment name, which keys the output `nhs-cloud sync-accounts` reads. */
  readonly environment: string;
  /** The OU the account is placed in (a token from an SSM parameter or an OU resource). */
  readonly parentId: string;
  /** Tags on the account itself, e.g. the ICB (which changes as ICBs merge, unlike the OU). */
  readonly accountTags: Readonly<Record<string, string | undefined>>;
}

/**
 * A tenant environment account in the organization: created when config gives an e-mail and
 * no account ID yet (account vending), and kept in its OU afterwards. Retained: deleting the
 * resource must never close an account. Its ID is a stack output for sync-accounts.
 */
export class VendedAccount extends Construct {
  readonly resource: organizations.CfnAccount;

  constructor(scope: Construct, id: string, props: VendedAccountProps) {
    super(scope, id);
    this.resource = new organizations.CfnAccount(this, 'Resource', {
      accountName: props.accountName,
      email: props.email,
      parentIds: [props.parentId],
      roleName: ORGANIZATION_ACCESS_ROLE,
    });
    this.resource.applyRemovalPolicy(RemovalPolicy.RETAIN);
    // Higher priority than the stack's tags, so the account carries its own environment.
    for (const [key, value] of Object.entries(props.accountTags)) {
      if (value !== undefined) Tags.of(this.resource).add(key, value, { priority: 300 });
    }
    new CfnOutput(this, 'AccountId', {
      key: vendedAccountOutputKey(props.environment),
      value: this.resource.attrAccountId,
      description: `Account ID of ${props.accountName}; run nhs-cloud sync-accounts to write it into config`,
    });
  }
}
