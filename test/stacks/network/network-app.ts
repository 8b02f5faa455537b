import { App } from 'aws-cdk-lib';
import { buildEstate } from '../../../lib/app/build-estate';
import { EstateModel } from '../../../lib/config/model';
import { networkModel } from '../../planners/segmentation/network-model';

/**
 * The estate as the app builds it, with the network stacks to hand. `onlyTenant` mimics
 * `-c tenant=ODS`.
 */
export function buildNetworkApp(model: EstateModel, onlyTenant?: string) {
  // Same-account references as cdk.json makes them (Fn::GetStackOutput, no exports to pin).
  const app = new App({
    analyticsReporting: false,
    builtinCloudFormationValidation: false,
    context: { '@aws-cdk/core:defaultCrossStackReferences': 'weak' },
  });
  const stacks = buildEstate(app, model, { onlyTenant });
  return { app, stacks, network: stacks.network };
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
