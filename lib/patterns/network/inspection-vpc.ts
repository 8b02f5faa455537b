import { aws_ec2 as ec2, aws_networkfirewall as nfw, Tags } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { HubSubnetPlan } from '../../planners/hub/hub-subnets';
import { addCentralFlowLog } from './central-flow-log';
import { NetworkLookup } from './network-lookup';
import { PlannedHubIpAddresses } from './planned-hub-ip-addresses';
import { VpcAttachment } from './vpc-attachment';
import { HUB_ATTACHMENT_NAMES } from '../../planners/naming';
import { placeSubnetsByZoneId } from './zone-ids';

export interface InspectionVpcProps {
  /** `firewall` and `transit` subnets per AZ (from `planHubSubnets`). */
  readonly subnets: HubSubnetPlan;
  readonly transitGatewayId: string;
  readonly firewallName: string;
  readonly firewallPolicyArn: string;
  /** Central bucket (name) for the firewall's alert and flow logs. */
  readonly firewallLogBucketName: string;
  readonly flowLogBucketArn: string;
  /** Service token of the account's network lookup function. */
  readonly lookupServiceToken: string;
  /** The lane it inspects (docs/adr/0024-hub-lanes.md). @default 1 */
  readonly lane?: number;
  /** The attachment's Name tag. @default 'inspection' */
  readonly attachmentName?: string;
}

/**
 * The inspection VPC: AWS Network Firewall with one endpoint per AZ, behind a Transit Gateway
 * attachment in appliance mode, so both directions of every flow cross the same endpoint.
 *
 *   TGW -> transit subnet (AZ a) --0.0.0.0/0--> firewall endpoint (AZ a)
 *       -> firewall subnet (AZ a) --0.0.0.0/0--> TGW (post-inspection route table)
 */
export class InspectionVpc extends Construct {
  readonly vpc: ec2.Vpc;
  readonly attachment: VpcAttachment;
  readonly firewall: nfw.CfnFirewall;

  constructor(scope: Construct, id: string, props: InspectionVpcProps) {
    super(scope, id);
    const zones = [...props.subnets.availabilityZones];
    this.vpc = new ec2.Vpc(this, 'Resource', {
      ipAddresses: new PlannedHubIpAddresses(props.subnets),
      availabilityZones: zones,
      natGateways: 0,
      createInternetGateway: false,
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: [
        { name: 'firewall', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        { name: 'transit', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ],
    });
    placeSubnetsByZoneId(this.vpc);
    addCentralFlowLog(this, this.vpc, props.flowLogBucketArn);
    const firewallSubnets = this.vpc.selectSubnets({ subnetGroupName: 'firewall' }).subnets;
    const transitSubnets = this.vpc.selectSubnets({ subnetGroupName: 'transit' }).subnets;

    this.attachment = new VpcAttachment(this, 'Attachment', {
      transitGatewayId: props.transitGatewayId,
      vpc: this.vpc,
      subnets: transitSubnets,
      applianceMode: true,
      name: props.attachmentName ?? HUB_ATTACHMENT_NAMES.inspection,
    });
    laneTags(this.vpc, props.lane ?? 1, 'inspection');
    this.firewall = new nfw.CfnFirewall(this, 'Firewall', {
      firewallName: props.firewallName,
      firewallPolicyArn: props.firewallPolicyArn,
      vpcId: this.vpc.vpcId,
      subnetMappings: firewallSubnets.map((s) => ({ subnetId: s.subnetId })),
      deleteProtection: true,
      subnetChangeProtection: true,
      description: 'Inspects every flow between segments, to on-premises and to the internet',
    });
    new nfw.CfnLoggingConfiguration(this, 'Logging', {
      firewallArn: this.firewall.attrFirewallArn,
      loggingConfiguration: {
        logDestinationConfigs: (['ALERT', 'FLOW'] as const).map((logType) => ({
          logType,
          logDestinationType: 'S3',
          // No prefix: the service writes under AWSLogs/<account>/network-firewall/<type>/, which
          // the log bucket's AWSLogs/* grant covers; a prefix of `alert` would write alert/AWSLogs/...
          // https://docs.aws.amazon.com/network-firewall/latest/developerguide/logging-s3.html
          logDestination: { bucketName: props.firewallLogBucketName },
        })),
      },
    });

    // Return leg: inspected traffic goes back to the Transit Gateway.
    this.attachment.routeFrom(firewallSubnets, ['0.0.0.0/0'], 'Firewall');
    // Forward leg: whatever the gateway hands the VPC goes to the firewall endpoint in the same AZ.
    const endpoints = new NetworkLookup(this, 'Endpoints', {
      serviceToken: props.lookupServiceToken,
      firewallArn: this.firewall.attrFirewallArn,
      firewallSubnets: Object.fromEntries(zones.map((zone, i) => [zone, firewallSubnets[i]!.subnetId])),
    });
    transitSubnets.forEach((subnet, i) => {
      new ec2.CfnRoute(this, `Transit${i + 1}ToFirewall`, {
        routeTableId: subnet.routeTable.routeTableId,
        destinationCidrBlock: '0.0.0.0/0',
        vpcEndpointId: endpoints.firewallEndpointId(zones[i]!),
      });
    });
  }
}

/** Tags a lane VPC (and what it holds) with its lane and role, which the proofs read. */
export function laneTags(vpc: ec2.IVpc, lane: number, role: 'inspection' | 'egress'): void {
  Tags.of(vpc).add('nhs-cloud:lane', String(lane));
  Tags.of(vpc).add('nhs-cloud:role', role);
}
