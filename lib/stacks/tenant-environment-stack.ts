import { Construct } from 'constructs';
import { AccountBaseline, BASELINE_ID } from '../patterns/baseline/account-baseline';
import { parameterArn, readSharedParameter } from '../patterns/network/shared-parameters';
import { SpokeDns } from '../patterns/network/spoke-dns';
import { SpokeVpc } from '../patterns/spoke-vpc/spoke-vpc';
import { TenantEnvironment } from '../config/model';
import { EstateConfig } from '../config/schema/estate-schema';
import { LandingZoneConfig } from '../config/schema/landing-zone-schema';
import { networkNames } from '../planners/hub/network-names';
import { planTenantBaseline } from '../planners/landing-zone/baseline-plan';
import { logBucketArn, spokeAttachmentName } from '../planners/naming';
import { planSpokeSubnets } from '../planners/spoke-subnets';
import { EstateStack } from './estate-stack';
import { tenantStackProps } from './stack-props';

export interface TenantEnvironmentStackProps {
  readonly estate: EstateConfig;
  readonly landingZone: LandingZoneConfig;
  /** A vended environment (it has an accountId). */
  readonly environment: TenantEnvironment;
}

/**
 * Tenant-<ODS>-<env>, one tenant environment in its own account: the spoke VPC, joined to the
 * hub (Transit Gateway attachment and default routes, the estate's DNS through the Route 53
 * Profile, central query logging), and the account baseline, whose handler also closes the
 * spoke's default security group (one Lambda per stack instead of the CDK's extra per-VPC one).
 * Every hub ID comes from a parameter the hub's accounts share with the organization, read at
 * deploy time, so the stack references no other stack (docs/adr/0005).
 */
export class TenantEnvironmentStack extends EstateStack {
  readonly tenantEnvironment: TenantEnvironment;
  readonly spoke: SpokeVpc;
  readonly baseline: AccountBaseline;

  constructor(scope: Construct, id: string, props: TenantEnvironmentStackProps) {
    const { estate, environment: env } = props;
    super(scope, id, tenantStackProps(estate, env));
    this.tenantEnvironment = env;
    this.spoke = new SpokeVpc(this, 'Spoke', {
      plan: planSpokeSubnets(env.cidr, estate.availabilityZones[env.region]),
      flowLogBucketArn: logBucketArn(estate, 'vpc-flow-logs'),
    });
    this.baseline = new AccountBaseline(this, BASELINE_ID, {
      plan: planTenantBaseline(env, estate, props.landingZone),
      defaultSecurityGroupIds: [this.spoke.defaultSecurityGroupId],
    });

    const names = networkNames(estate);
    const { network, sharedServices } = estate.organization.accounts;
    const read = (readId: string, account: string, name: string) =>
      readSharedParameter(this, readId, parameterArn(estate.homeRegion, account, name));
    this.spoke.attachToTransitGateway({
      transitGatewayId: read('TransitGatewayId', network, names.parameters.transitGatewayId),
      name: spokeAttachmentName(env.tenant.odsCode, env.name),
    });
    new SpokeDns(this, 'Dns', {
      vpcId: this.spoke.vpcId,
      profileId: read('DnsProfileId', sharedServices, names.parameters.dnsProfileId),
      queryLogConfigId: read('QueryLogConfigId', sharedServices, names.parameters.queryLogConfigId),
      name: `${env.tenant.odsCode}-${env.name}`,
    });
  }
}
