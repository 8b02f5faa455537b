import { allResources, renderText, rolePolicies, targetOf, where } from '../template-values';
import { DeployStack } from '../types';
import { keyOf, LogKey, splitBucketArn } from './destinations';

/** One log writer and what it must be able to do to its destination. */
export interface LogWriter {
  readonly kind:
    'organization trail' | 'Config' | 'VPC flow logs' | 'Network Firewall' | 'Resolver query logs';
  readonly source: string;
  /** Account whose logs these are. */
  readonly account: string;
  readonly region: string;
  readonly bucket: string;
  /** The object key a write lands on (up to the first variable part). */
  readonly objectKey: string;
  /** Who writes: a service principal, or a role ARN that delivers as itself. */
  readonly principal: string;
  /** The writer's own identity policies (a role's), for a cross-account write. */
  readonly identityPolicies: readonly unknown[];
  /** Request context the service sends (aws:SourceArn, aws:SourceAccount ...). */
  readonly context: Readonly<Record<string, string>>;
  /** A key the writer encrypts with itself (CloudTrail's KMSKeyId), besides the bucket's default. */
  readonly ownKey?: LogKey;
  readonly keyContext?: Readonly<Record<string, string>>;
}

const DELIVERY = 'delivery.logs.amazonaws.com';

/**
 * Every log writer in the assembly with where and as whom it writes, by the services' own
 * documented layouts: the organization trail (owned by the management account), each
 * account's Config delivery channel, flow logs, Network Firewall and Resolver query logs to S3.
 */
export function findWriters(
  stacks: readonly DeployStack[],
  options: { management: string; organizationId: string },
): LogWriter[] {
  const writers: LogWriter[] = [];
  const orgSource = { 'aws:SourceOrgID': options.organizationId };
  for (const { stack, id, resource } of allResources(stacks)) {
    const props = resource.Properties ?? {};
    const base = { source: where(stack, id), account: stack.account, region: stack.region };
    switch (resource.Type) {
      case 'AWS::CloudTrail::Trail': {
        const owner =
          props.IsOrganizationTrail === true || props.IsOrganizationTrail === 'true'
            ? options.management
            : stack.account;
        const trailArn = `arn:aws:cloudtrail:${stack.region}:${owner}:trail/${renderText(stack, props.TrailName) ?? id}`;
        const context = { 'aws:SourceArn': trailArn, 'aws:SourceAccount': owner };
        const prefix = renderText(stack, props.S3KeyPrefix);
        writers.push({
          ...base,
          kind: 'organization trail',
          account: owner,
          bucket: renderText(stack, props.S3BucketName) ?? 'UNRESOLVED',
          objectKey: `${prefix ? `${prefix}/` : ''}AWSLogs/${options.organizationId}/${stack.account}/CloudTrail/${stack.region}/`,
          principal: 'cloudtrail.amazonaws.com',
          identityPolicies: [],
          context,
          ownKey: keyOf(stack, props.KMSKeyId),
          keyContext: { ...context, 'kms:EncryptionContext:aws:cloudtrail:arn': trailArn },
        });
        break;
      }
      case 'AWS::Config::DeliveryChannel': {
        const recorder = Object.values(stack.template.Resources ?? {}).find(
          (r) => r.Type === 'AWS::Config::ConfigurationRecorder',
        );
        const role = targetOf(stack, recorder?.Properties?.RoleARN);
        const roleArn = role ? renderText(stack, { 'Fn::GetAtt': [role[0], 'Arn'] }) : undefined;
        const prefix = renderText(stack, props.S3KeyPrefix);
        writers.push({
          ...base,
          kind: 'Config',
          bucket: renderText(stack, props.S3BucketName) ?? 'UNRESOLVED',
          objectKey: `${prefix ? `${prefix}/` : ''}AWSLogs/${stack.account}/Config/${stack.region}/`,
          principal: roleArn ?? 'config.amazonaws.com',
          identityPolicies: role ? rolePolicies(stack, role[0]) : [],
          context: roleArn
            ? {
                'aws:PrincipalArn': roleArn,
                'aws:PrincipalAccount': stack.account,
                'aws:PrincipalOrgID': options.organizationId,
              }
            : { 'aws:SourceAccount': stack.account, ...orgSource },
        });
        break;
      }
      case 'AWS::EC2::FlowLog': {
        if (String(props.LogDestinationType).toLowerCase() !== 's3') break;
        const destination = splitBucketArn(renderText(stack, props.LogDestination) ?? '');
        const hive =
          (props.DestinationOptions as { HiveCompatiblePartitions?: unknown } | undefined)
            ?.HiveCompatiblePartitions === true;
        const layout = hive
          ? `AWSLogs/aws-account-id=${stack.account}/aws-service=vpcflowlogs/aws-region=${stack.region}/`
          : `AWSLogs/${stack.account}/vpcflowlogs/${stack.region}/`;
        writers.push(delivered(base, 'VPC flow logs', destination, layout, orgSource));
        break;
      }
      case 'AWS::NetworkFirewall::LoggingConfiguration': {
        const configs =
          (props.LoggingConfiguration as { LogDestinationConfigs?: Record<string, unknown>[] } | undefined)
            ?.LogDestinationConfigs ?? [];
        for (const config of configs.filter((c) => c.LogDestinationType === 'S3')) {
          const destination = config.LogDestination as { bucketName?: unknown; prefix?: unknown };
          const bucket = renderText(stack, destination.bucketName);
          const prefix = renderText(stack, destination.prefix) ?? '';
          const type = String(config.LogType).toLowerCase();
          writers.push(
            delivered(
              base,
              'Network Firewall',
              bucket ? { bucket, prefix } : undefined,
              `AWSLogs/${stack.account}/network-firewall/${type}/${stack.region}/`,
              orgSource,
            ),
          );
        }
        break;
      }
      case 'AWS::Route53Resolver::ResolverQueryLoggingConfig': {
        const destination = splitBucketArn(renderText(stack, props.DestinationArn) ?? '');
        if (!String(renderText(stack, props.DestinationArn) ?? '').startsWith('arn:aws:s3:')) break;
        writers.push(
          delivered(
            base,
            'Resolver query logs',
            destination,
            `AWSLogs/${stack.account}/vpcdnsquerylogs/`,
            orgSource,
          ),
        );
        break;
      }
    }
  }
  return writers;
}

function delivered(
  base: { source: string; account: string; region: string },
  kind: LogWriter['kind'],
  destination: { bucket: string; prefix: string } | undefined,
  layout: string,
  orgSource: Record<string, string>,
): LogWriter {
  return {
    ...base,
    kind,
    bucket: destination?.bucket ?? 'UNRESOLVED',
    objectKey: `${destination?.prefix ? `${destination.prefix}/` : ''}${layout}`,
    principal: DELIVERY,
    identityPolicies: [],
    context: {
      'aws:SourceAccount': base.account,
      'aws:SourceArn': `arn:aws:logs:${base.region}:${base.account}:*`,
      ...orgSource,
    },
  };
}
