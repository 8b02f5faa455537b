import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { SpokeSubnetPlan } from '../../lib/planners/spoke-subnets';

/** Subnet group names; also the construct IDs of the subnets' parents. */
export const WORKLOAD_SUBNETS = 'workload';
export const TRANSIT_SUBNETS = 'transit';

/**
 * An `IIpAddresses` strategy that hands the VPC the planner's subnets verbatim, so the
 * planner stays the single source of every CIDR and CDK does no address maths of its own.
 */
export class PlannedIpAddresses implements ec2.IIpAddresses {
  constructor(private readonly plan: SpokeSubnetPlan) {}

  allocateVpcCidr(): ec2.VpcIpamOptions {
    return { cidrBlock: this.plan.vpcCidr };
  }

  allocateSubnetsCidr(input: ec2.AllocateCidrRequest): ec2.SubnetIpamOptions {
    return {
      allocatedSubnets: input.requestedSubnets.map((request) => {
        const group = request.configuration.name === TRANSIT_SUBNETS ? this.plan.transit : this.plan.workload;
        const planned = group.find((s) => s.availabilityZone === request.availabilityZone);
        if (!planned) {
          throw new Error(`no planned ${request.configuration.name} subnet for ${request.availabilityZone}`);
        }
        return { cidr: planned.cidr };
      }),
    };
  }
}
