import { z } from 'zod';
import {
  contactEmail,
  monthlyGbp,
  organisationName,
  peakMbps,
  publicIpv4Address,
  tagValue,
  vendingEmail,
} from './aws-values';
import { accountId, asn, cidr, odsCode, region } from './primitives';

export const ENVIRONMENT_NAME = /^[a-z][a-z0-9]{1,11}$/;

const onPremises = z
  .strictObject({
    connection: z.enum(['vpn', 'directConnect'], { error: 'expected vpn or directConnect' }),
    cidrs: z.array(cidr).min(1, { error: 'expected at least one on-premises CIDR' }),
    asn,
    customerGatewayIps: z
      .array(publicIpv4Address)
      .min(1, { error: 'expected one or two customer gateway addresses' })
      .max(2, { error: 'expected one or two customer gateway addresses' })
      .refine((ips) => new Set(ips).size === ips.length, {
        error: 'expected two different addresses: the same device twice gives no resilience',
      })
      .optional()
      .describe('Public IPv4 addresses of the VPN devices on premises (one or two, for resilience).'),
  })
  .refine((o) => o.connection !== 'vpn' || (o.customerGatewayIps?.length ?? 0) > 0, {
    error: 'expected customerGatewayIps (the public addresses of your VPN devices) for a vpn connection',
    path: ['customerGatewayIps'],
  })
  // Ignored for Direct Connect, so a reviewer would read a VPN device that is never built.
  .refine((o) => o.connection !== 'directConnect' || o.customerGatewayIps === undefined, {
    error: 'expected no customerGatewayIps for a directConnect connection: they are for vpn only',
    path: ['customerGatewayIps'],
  });

const environment = z
  .strictObject({
    accountId: accountId.optional(),
    email: vendingEmail
      .optional()
      .describe('Root e-mail for a new account (account vending) when there is no accountId yet.'),
    cidr: cidr.describe('The spoke VPC CIDR, /16 to /24, inside the estate’s tenantSupernet.'),
    region: region.optional().describe('Defaults to the estate’s homeRegion.'),
    tier: z
      .enum(['prod', 'nonprod'], { error: 'expected prod or nonprod' })
      .optional()
      .describe('Segment tier; defaults to prod for an environment named prod, else nonprod.'),
  })
  .refine((e) => e.accountId !== undefined || e.email !== undefined, {
    error: 'expected an accountId, or an email for a new account to be vended, found neither',
  });

export const tenantSchema = z
  .strictObject({
    odsCode,
    name: organisationName.describe('The organisation’s registered name.'),
    scope: z.enum(['local', 'national'], { error: 'expected local or national' }),
    icb: odsCode.optional().describe('For a local trust: the ODS code of its ICB tenant.'),
    dataClassification: z.enum(['OFFICIAL', 'OFFICIAL-SENSITIVE'], {
      error: 'expected OFFICIAL or OFFICIAL-SENSITIVE',
    }),
    patientData: z.boolean({ error: 'expected true or false' }),
    costCentre: tagValue('a cost centre code')
      .optional()
      .describe('Cost centre code, applied as the cost-centre tag.'),
    contacts: z.strictObject({
      owner: contactEmail,
      security: contactEmail,
      finance: contactEmail.optional(),
    }),
    network: z.strictObject({
      currentPeakMbps: peakMbps.describe(
        'Measured peak bandwidth today; the network is sized for growthFactor x this.',
      ),
      onPremises: onPremises.optional(),
      lane: z
        .number({ error: 'expected a lane number (1 for the first)' })
        .int({ error: 'expected a whole lane number' })
        .min(1, { error: 'expected a lane number of at least 1' })
        .optional()
        .describe(
          'The hub lane (inspection and egress path) the tenant is pinned to; `nhs-cloud capacity` proposes it. Pinned tenants never move unless their lane is full.',
        ),
    }),
    environments: z
      .record(
        z
          .string()
          .regex(ENVIRONMENT_NAME, { error: 'expected a short lower-case environment name such as prod' }),
        environment,
      )
      .refine((envs) => Object.keys(envs).length > 0, { error: 'expected at least one environment' }),
    budget: z.strictObject({
      monthlyGbp,
    }),
  })
  .describe('One NHS organisation (trust, ICB or national body) in the national cloud.');

export type TenantConfig = z.infer<typeof tenantSchema>;
export type TenantEnvironmentConfig = TenantConfig['environments'][string];
