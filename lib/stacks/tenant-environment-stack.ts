import { Construct } from 'constructs';
import { SpokeVpc } from '../patterns/spoke-vpc/spoke-vpc';
import { SpokeSubnetPlan } from '../planners/spoke-subnets';
import { EstateStack, EstateStackProps } from './estate-stack';

export interface TenantEnvironmentStackProps extends EstateStackProps {
  readonly subnets: SpokeSubnetPlan;
  readonly flowLogBucketArn: string;
}

/**
 * One tenant environment in its own account: its spoke VPC; the landing zone adds the account
 * baseline, whose handler closes the spoke's default security group (one Lambda per stack
 * instead of the CDK's extra per-VPC one).
 */
export class TenantEnvironmentStack extends EstateStack {
  readonly spoke: SpokeVpc;

  constructor(scope: Construct, id: string, props: TenantEnvironmentStackProps) {
    super(scope, id, props);
    this.spoke = new SpokeVpc(this, 'Spoke', {
      plan: props.subnets,
      flowLogBucketArn: props.flowLogBucketArn,
    });
  }
}
