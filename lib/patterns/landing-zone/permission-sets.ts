import { Duration, aws_sso as sso, aws_ssm as ssm } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PERMISSION_SETS, PermissionSetName } from '../../planners/landing-zone/identity';

export interface PermissionSetsProps {
  readonly instanceArn: string;
  /** SSM path each permission set ARN is published under, for the tenant organization stacks. */
  readonly parameterPrefix: string;
}

/** The estate's Identity Center permission sets, each ARN published as an SSM parameter. */
export class PermissionSets extends Construct {
  private readonly arns = new Map<PermissionSetName, string>();

  constructor(scope: Construct, id: string, props: PermissionSetsProps) {
    super(scope, id);
    for (const [name, set] of Object.entries(PERMISSION_SETS) as [
      PermissionSetName,
      (typeof PERMISSION_SETS)[PermissionSetName],
    ][]) {
      const resource = new sso.CfnPermissionSet(this, name, {
        instanceArn: props.instanceArn,
        name,
        description: set.description,
        managedPolicies: [...set.managedPolicies],
        sessionDuration: Duration.hours(set.sessionHours).toIsoString(),
      });
      this.arns.set(name, resource.attrPermissionSetArn);
      new ssm.StringParameter(this, `${name}Arn`, {
        parameterName: `${props.parameterPrefix}/${name}`,
        stringValue: resource.attrPermissionSetArn,
        description: `ARN of the ${name} permission set`,
      });
    }
  }

  arnOf(name: PermissionSetName): string {
    return this.arns.get(name)!;
  }
}
