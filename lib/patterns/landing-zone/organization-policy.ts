import { aws_organizations as organizations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { policyCharacters, POLICY_SIZE_LIMITS } from '../../planners/landing-zone/policy-document';

export type OrganizationPolicyType = keyof typeof POLICY_SIZE_LIMITS;

export interface OrganizationPolicyProps {
  readonly name: string;
  readonly description: string;
  readonly type: OrganizationPolicyType;
  /** The policy document, as plain JSON (so drift detection works). */
  readonly content: object;
  /** Root, OU or account IDs it is attached to. */
  readonly targetIds: readonly string[];
}

/** One Organizations policy (SCP, tag, S3 or backup) with its attachments; refuses an oversized document. */
export class OrganizationPolicy extends Construct {
  readonly resource: organizations.CfnPolicy;

  constructor(scope: Construct, id: string, props: OrganizationPolicyProps) {
    super(scope, id);
    const size = policyCharacters(props.content);
    const limit = POLICY_SIZE_LIMITS[props.type];
    if (size > limit) {
      throw new Error(
        `OrganizationPolicy ${props.name}: content is ${size} characters, over the ${limit} limit for ${props.type}`,
      );
    }
    this.resource = new organizations.CfnPolicy(this, 'Resource', {
      name: props.name,
      description: props.description,
      type: props.type,
      content: props.content,
      targetIds: [...props.targetIds],
    });
  }
}
