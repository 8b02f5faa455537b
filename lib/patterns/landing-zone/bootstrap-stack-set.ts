import { RemovalPolicy, aws_cloudformation as cfn } from 'aws-cdk-lib';
import { Construct, IDependable } from 'constructs';
import { BootstrapPlan } from '../../planners/landing-zone/bootstrap-plan';
import {
  BOOTSTRAP_VERSION,
  CDK_BOOTSTRAP_TEMPLATE,
  TemplateJson,
} from '../../planners/landing-zone/cdk-bootstrap';

export { BOOTSTRAP_VERSION };
export type { TemplateJson };

/** Logical ID of the execution policy added to the template. */
export const EXECUTION_POLICY_ID = 'CloudFormationExecutionPolicy';

/** Strings with `${...}` become Fn::Sub, so the target account fills in its own values. */
function substituted(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('${') ? { 'Fn::Sub': value } : value;
  if (Array.isArray(value)) return value.map(substituted);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituted(v)]));
  return value;
}

/**
 * The CDK bootstrap template with the execution policy inside it: CloudFormation's execution
 * role gets a managed policy the template creates, instead of a policy ARN passed in (which
 * would have to exist first, in every account, from a StackSet with no order to this one).
 */
export function bootstrapTemplate(plan: BootstrapPlan): TemplateJson {
  const template = structuredClone(CDK_BOOTSTRAP_TEMPLATE);
  // The StackSet passes the qualifier too; the default keeps a hand-deployed copy on the same one.
  template.Parameters!.Qualifier!.Default = plan.qualifier;
  template.Description = `NHS national cloud: CDK bootstrap (version ${BOOTSTRAP_VERSION}) of a tenant account, with the tenant execution policy`;
  template.Resources[EXECUTION_POLICY_ID] = {
    Type: 'AWS::IAM::ManagedPolicy',
    Properties: {
      ManagedPolicyName: { 'Fn::Sub': 'cdk-${Qualifier}-cfn-exec-policy-${AWS::Region}' },
      Description: "What CloudFormation may do when it deploys the platform's tenant stacks",
      PolicyDocument: substituted(plan.executionPolicy),
    },
  };
  const role = template.Resources.CloudFormationExecutionRole!;
  role.Properties = { ...role.Properties, ManagedPolicyArns: [{ Ref: EXECUTION_POLICY_ID }] };
  return template;
}

export interface BootstrapStackSetProps {
  readonly plan: BootstrapPlan;
  /** IDs of the target OUs (tokens), in the plan's order. */
  readonly organizationalUnitIds: readonly string[];
  /** What must exist first: trusted access for service-managed StackSets. */
  readonly after: readonly IDependable[];
}

/**
 * The bootstrap as a service-managed StackSet on the tenant OUs, deployed from the management
 * account with auto-deployment: nobody runs `cdk bootstrap` in a tenant account, and a new
 * account is ready for its first deploy when it lands in its OU
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-manage-auto-deployment.html).
 * Retained: removing the construct must never strip the bootstrap from every tenant account.
 */
export class BootstrapStackSet extends Construct {
  readonly resource: cfn.CfnStackSet;

  constructor(scope: Construct, id: string, props: BootstrapStackSetProps) {
    super(scope, id);
    const { plan } = props;
    this.resource = new cfn.CfnStackSet(this, 'Resource', {
      stackSetName: plan.stackSetName,
      description: `CDK bootstrap (qualifier ${plan.qualifier}) of every tenant account`,
      permissionModel: 'SERVICE_MANAGED',
      autoDeployment: { enabled: true, retainStacksOnAccountRemoval: true },
      capabilities: ['CAPABILITY_NAMED_IAM'],
      managedExecution: { Active: true },
      operationPreferences: {
        maxConcurrentPercentage: 25,
        failureTolerancePercentage: 10,
        regionConcurrencyType: 'PARALLEL',
      },
      parameters: [
        { parameterKey: 'Qualifier', parameterValue: plan.qualifier },
        { parameterKey: 'TrustedAccounts', parameterValue: plan.trustedAccount },
        { parameterKey: 'TrustedAccountsForLookup', parameterValue: plan.trustedAccount },
      ],
      stackInstancesGroup: [
        {
          deploymentTargets: { organizationalUnitIds: [...props.organizationalUnitIds] },
          regions: [...plan.regions],
        },
      ],
      templateBody: JSON.stringify(bootstrapTemplate(plan)),
    });
    this.resource.applyRemovalPolicy(RemovalPolicy.RETAIN);
    for (const first of props.after) this.resource.node.addDependency(first);
  }
}
