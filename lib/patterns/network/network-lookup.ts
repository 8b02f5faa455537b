import {
  aws_iam as iam,
  aws_lambda as lambda,
  aws_logs as logs,
  CustomResource,
  Duration,
  RemovalPolicy,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { bundledHandlerCode, HANDLER_RUNTIME } from '../baseline/handler-code';
import { NETWORK_LOOKUP_ENTRY } from './network-lookup-code';

/** The function's own limit; the handler answers FAILED shortly before it (its deadline margin). */
export const LOOKUP_FUNCTION_TIMEOUT = Duration.minutes(15);

/**
 * How long CloudFormation waits for the lookup's answer before it fails the resource, instead
 * of the default hour (ServiceTimeout, 1 to 3600 s:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-customresource.html).
 * A minute past the function's timeout, so an answer sent at the function's deadline still counts.
 */
export const LOOKUP_SERVICE_TIMEOUT = LOOKUP_FUNCTION_TIMEOUT.plus(Duration.minutes(1));

export interface NetworkLookupFunctionProps {
  /** Fixed, so stacks elsewhere in the account can name it as a service token. */
  readonly functionName: string;
  /** Days to keep the function's logs. */
  readonly logRetentionDays: number;
}

/**
 * One function per network account answers every deploy-time lookup of the hub (see
 * `NetworkLookup`). Shards name it by ARN, so they add no function, role or asset of their own.
 */
export class NetworkLookupFunction extends Construct {
  readonly function: lambda.Function;

  constructor(scope: Construct, id: string, props: NetworkLookupFunctionProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.function = new lambda.Function(this, 'Resource', {
      functionName: props.functionName,
      description:
        'Deploy-time lookups for the network hub: attachment IDs, firewall endpoints, organization ARN',
      runtime: HANDLER_RUNTIME,
      handler: 'index.handler',
      code: bundledHandlerCode(NETWORK_LOOKUP_ENTRY),
      timeout: LOOKUP_FUNCTION_TIMEOUT,
      memorySize: 256,
      logGroup,
    });
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        // Describe calls have no resource-level permissions.
        actions: [
          'ec2:DescribeTransitGatewayAttachments',
          'network-firewall:DescribeFirewall',
          'organizations:DescribeOrganization',
        ],
        resources: ['*'],
      }),
    );
  }
}

/** How the lookup recognises one attachment on the Transit Gateway. */
export interface AttachmentQuery {
  readonly type: 'vpc' | 'vpn' | 'direct-connect-gateway';
  /** The owning account (a VPC attachment made by another account). */
  readonly owner?: string;
  /** The attached resource (a VPN connection or Direct Connect gateway ID). */
  readonly resourceId?: string;
}

export interface NetworkLookupProps {
  /** ARN of the account's `NetworkLookupFunction`. */
  readonly serviceToken: string;
  readonly transitGatewayId?: string;
  /** Attachment queries by key; each key becomes an attribute of the same name. */
  readonly attachments?: Readonly<Record<string, AttachmentQuery>>;
  readonly firewallArn?: string;
  /**
   * The firewall subnet of each zone whose endpoint is wanted, by zone ID. DescribeFirewall
   * names each endpoint's zone by the account's zone name, which differs from account to
   * account, and its subnet, which does not: the lookup matches by subnet. @default none
   */
  readonly firewallSubnets?: Readonly<Record<string, string>>;
  /** Also return the organization's ARN. @default false */
  readonly organization?: boolean;
  /**
   * Anything whose change should re-run the lookup (for example the CIDRs of the spokes
   * looked up, since a new CIDR means a new VPC and attachment). @default none
   */
  readonly revision?: string;
}

/** One custom resource: a set of values the hub reads at deploy time, with no credentials at synth. */
export class NetworkLookup extends Construct {
  private readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: NetworkLookupProps) {
    super(scope, id);
    const attachments = props.attachments
      ? Object.fromEntries(
          Object.entries(props.attachments).map(([key, q]) => [
            key,
            {
              Type: q.type,
              ...(q.owner ? { Owner: q.owner } : {}),
              ...(q.resourceId ? { ResourceId: q.resourceId } : {}),
            },
          ]),
        )
      : undefined;
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: props.serviceToken,
      serviceTimeout: LOOKUP_SERVICE_TIMEOUT,
      resourceType: 'Custom::NetworkLookup',
      properties: {
        ...(props.transitGatewayId ? { TransitGatewayId: props.transitGatewayId } : {}),
        ...(attachments ? { Attachments: attachments } : {}),
        ...(props.firewallArn
          ? { FirewallArn: props.firewallArn, FirewallSubnets: props.firewallSubnets ?? {} }
          : {}),
        ...(props.organization ? { Organization: 'true' } : {}),
        ...(props.revision ? { Revision: props.revision } : {}),
      },
    });
  }

  attachmentId(key: string): string {
    return this.resource.getAttString(key);
  }

  firewallEndpointId(availabilityZone: string): string {
    return this.resource.getAttString(`Endpoint${availabilityZone.replace(/[^A-Za-z0-9]/g, '')}`);
  }

  get organizationArn(): string {
    return this.resource.getAttString('OrganizationArn');
  }
}

/** The lookup function's ARN, for stacks in the same account that do not own it. */
export function lookupFunctionArn(region: string, account: string, functionName: string): string {
  return `arn:aws:lambda:${region}:${account}:function:${functionName}`;
}
