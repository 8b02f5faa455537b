import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { HubSubnetPlan } from '../../planners/hub/hub-subnets';

/** Hands a hub VPC the planner's subnets verbatim: subnet group names are the plan's group names. */
export class PlannedHubIpAddresses implements ec2.IIpAddresses {
  constructor(private readonly plan: HubSubnetPlan) {}

  allocateVpcCidr(): ec2.VpcIpamOptions {
    return { cidrBlock: this.plan.vpcCidr };
  }

  allocateSubnetsCidr(input: ec2.AllocateCidrRequest): ec2.SubnetIpamOptions {
    return {
      allocatedSubnets: input.requestedSubnets.map((request) => {
        const group = this.plan.groups[request.configuration.name] ?? [];
        const planned = group.find((s) => s.availabilityZone === request.availabilityZone);
        if (!planned) {
          throw new Error(`no planned ${request.configuration.name} subnet for ${request.availabilityZone}`);
        }
        return { cidr: planned.cidr };
      }),
    };
  }
}
