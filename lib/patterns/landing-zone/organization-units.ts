import { RemovalPolicy, aws_organizations as organizations, aws_ssm as ssm } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { OrganizationalUnitPlan } from '../../planners/landing-zone/organization-units';

export interface OrganizationUnitsProps {
  /** The organization root (r-...). */
  readonly rootId: string;
  /** The OU tree, parents before children. */
  readonly units: readonly OrganizationalUnitPlan[];
  /** SSM parameter path each OU ID is published under, for the tenant organization stacks. */
  readonly parameterPrefix: string;
}

/**
 * The OU tree. Each OU's ID is published as an SSM parameter (`<prefix>/<key>`) so other stacks
 * in the management account read it at deploy time, without an export that would pin the OU.
 * OUs are retained: removing one from the tree must not try to delete it.
 */
export class OrganizationUnits extends Construct {
  private readonly ids = new Map<string, string>();

  constructor(scope: Construct, id: string, props: OrganizationUnitsProps) {
    super(scope, id);
    for (const unit of props.units) {
      const parentId = unit.parent === undefined ? props.rootId : this.idOf(unit.parent);
      const ou = new organizations.CfnOrganizationalUnit(this, unit.key, { name: unit.name, parentId });
      ou.applyRemovalPolicy(RemovalPolicy.RETAIN);
      this.ids.set(unit.key, ou.attrId);
      new ssm.StringParameter(this, `${unit.key}Id`, {
        parameterName: `${props.parameterPrefix}/${unit.key}`,
        stringValue: ou.attrId,
        description: `ID of the ${unit.name} OU`,
      });
    }
  }

  /** The OU's ID (a token). Throws for a key that is not in the tree. */
  idOf(key: string): string {
    const ouId = this.ids.get(key);
    if (!ouId) throw new Error(`OrganizationUnits: no OU '${key}' (parents must come before children)`);
    return ouId;
  }
}
