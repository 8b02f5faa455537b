import { SpokeDns } from '../../patterns/network/spoke-dns';
import { parameterArn, readSharedParameter } from '../../patterns/network/shared-parameters';
import { EstateModel, TenantEnvironment } from '../../config/model';
import { TenantEnvironmentStack } from '../tenant-environment-stack';
import { networkNames } from './shared-values';
import { spokeAttachmentName } from '../../planners/naming';

/**
 * Joins a tenant environment to the hub from its own account: the Transit Gateway attachment
 * and default routes, the estate's DNS (Route 53 Profile) and central query logging. Every ID
 * comes from a parameter the hub's accounts share with the organization, read at deploy time.
 */
export function linkSpoke(stack: TenantEnvironmentStack, model: EstateModel, env: TenantEnvironment): void {
  const { estate } = model;
  const names = networkNames(estate);
  const { network, sharedServices } = estate.organization.accounts;
  const read = (id: string, account: string, name: string) =>
    readSharedParameter(stack, id, parameterArn(estate.homeRegion, account, name));

  stack.spoke.attachToTransitGateway({
    transitGatewayId: read('TransitGatewayId', network, names.parameters.transitGatewayId),
    name: spokeAttachmentName(env.tenant.odsCode, env.name),
  });
  new SpokeDns(stack, 'Dns', {
    vpcId: stack.spoke.vpcId,
    profileId: read('DnsProfileId', sharedServices, names.parameters.dnsProfileId),
    queryLogConfigId: read('QueryLogConfigId', sharedServices, names.parameters.queryLogConfigId),
    name: `${env.tenant.odsCode}-${env.name}`,
  });
}
