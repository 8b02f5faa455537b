import { App } from 'aws-cdk-lib';
import { coreStackProps, tenantStackProps } from '../../../lib/stacks/stack-props';
import type { EstateStacks } from '../../../lib/stacks/estate-stacks';
import { allEnvironments, EstateModel } from '../../../lib/config/model';
import { CORE_STACKS, CoreStackRole, logBucketArn, tenantStackName } from '../../../lib/planners/naming';
import { planSpokeSubnets } from '../../../lib/planners/spoke-subnets';
import { EstateStack } from '../../../lib/stacks/estate-stack';
import { buildNetwork, NetworkStacks } from '../../../lib/stacks/network/build-network';
import { TenantEnvironmentStack } from '../../../lib/stacks/tenant-environment-stack';
import { networkModel } from '../../planners/segmentation/network-model';

/**
 * The network on its own: the core and tenant stacks as build-estate makes them (without the
 * landing zone), then `buildNetwork`. `onlyTenant` mimics `-c tenant=ODS`.
 */
export function buildNetworkApp(model: EstateModel, onlyTenant?: string) {
  // Same-account references as cdk.json makes them (Fn::GetStackOutput, no exports to pin).
  const app = new App({
    analyticsReporting: false,
    context: { '@aws-cdk/core:defaultCrossStackReferences': 'weak' },
  });
  const core = {} as Record<CoreStackRole, EstateStack>;
  for (const role of Object.keys(CORE_STACKS) as CoreStackRole[]) {
    core[role] = new EstateStack(app, CORE_STACKS[role], coreStackProps(model.estate, role));
  }
  const tenants = allEnvironments(model)
    .filter((env) => env.accountId && (!onlyTenant || env.tenant.odsCode === onlyTenant))
    .map(
      (env) =>
        new TenantEnvironmentStack(app, tenantStackName(env.tenant.odsCode, env.name), {
          ...tenantStackProps(model.estate, env),
          subnets: planSpokeSubnets(env.cidr, model.estate.availabilityZones[env.region]),
          flowLogBucketArn: logBucketArn(model.estate, 'vpc-flow-logs'),
        }),
    );
  const stacks: EstateStacks = { core, tenants };
  const network: NetworkStacks = buildNetwork(app, model, stacks);
  return { app, stacks, network };
}

/**
 * RGR (VPN, two devices), RDE (Direct Connect), X24 (national), QHM (nonprod not vended).
 * Direct Connect at two coded locations; one rule between RGR and RDE prod.
 */
export function exampleModel(): EstateModel {
  return networkModel(
    [
      {
        ods: 'RGR',
        peakMbps: 800,
        onPremises: {
          connection: 'vpn',
          cidrs: ['172.20.0.0/16'],
          asn: 65010,
          customerGatewayIps: ['203.0.113.10', '203.0.113.11'],
        },
      },
      {
        ods: 'RDE',
        peakMbps: 1500,
        onPremises: { connection: 'directConnect', cidrs: ['172.21.0.0/16'], asn: 65011 },
      },
      { ods: 'X24', scope: 'national' },
      { ods: 'QHM', unvended: ['nonprod'] },
    ],
    {
      dxLocations: ['EqLD5', 'TCSH'],
      egressDomains: ['.nhs.uk'],
      rules: [
        {
          name: 'tenants-to-national',
          from: { segment: 'tenants-prod' },
          to: { segment: 'national-services' },
          protocol: 'tcp',
          ports: [443],
          reason: 'national APIs over TLS',
        },
        {
          name: 'rgr-to-rde',
          from: { tenant: 'RGR', environment: 'prod' },
          to: { tenant: 'RDE', environment: 'prod' },
          protocol: 'tcp',
          ports: [443, 2575],
          reason: 'EPR integration',
        },
      ],
    },
  );
}
