import { custom_resources as cr, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { OrganizationServiceCall } from '../../planners/landing-zone/organization-services';
import { sdkCall } from './sdk-call';

export interface OrganizationServicesProps {
  /** From `planOrganizationServices`. */
  readonly calls: readonly OrganizationServiceCall[];
  readonly logGroup: logs.ILogGroup;
}

/**
 * Trusted access, delegated administrators and organization-wide settings, each a one-off
 * SDK call made at deploy time from the management account, in dependency order.
 */
export class OrganizationServices extends Construct {
  private readonly byId = new Map<string, cr.AwsCustomResource>();

  constructor(scope: Construct, id: string, props: OrganizationServicesProps) {
    super(scope, id);
    for (const call of props.calls) {
      const resource = sdkCall(
        this,
        call.id,
        {
          service: call.service,
          action: call.action,
          parameters: call.parameters,
          iamActions: call.iamActions,
          alreadyDone: call.alreadyDone,
          physicalId: call.id,
        },
        props.logGroup,
      );
      for (const before of call.after ?? []) {
        const first = this.byId.get(before);
        if (!first)
          throw new Error(
            `OrganizationServices: ${call.id} must run after ${before}, which is not planned before it`,
          );
        resource.node.addDependency(first);
      }
      this.byId.set(call.id, resource);
    }
  }

  /** The call's resource, for other resources that must wait for it. */
  call(id: string): cr.AwsCustomResource {
    const resource = this.byId.get(id);
    if (!resource) throw new Error(`OrganizationServices: no call '${id}'`);
    return resource;
  }
}
