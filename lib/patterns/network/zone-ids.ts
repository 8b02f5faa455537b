import { Token, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Places an L2 VPC's subnets by availability zone ID. The estate's zones are IDs (`euw2-az1`,
 * lib/config/schema/primitives.ts), which ec2.Vpc writes into `AvailabilityZone`, the property
 * for names; this moves each to `AvailabilityZoneId`, so hub and spoke subnets that share a zone
 * share it physically whatever account they are in.
 */
export function placeSubnetsByZoneId(vpc: IConstruct): void {
  for (const construct of vpc.node.findAll()) {
    if (!(construct instanceof ec2.CfnSubnet)) continue;
    const zone = construct.availabilityZone;
    if (zone === undefined || Token.isUnresolved(zone)) continue;
    construct.availabilityZoneId = zone;
    construct.availabilityZone = undefined;
  }
}
