import { z } from 'zod';
import { accountId, asn, availabilityZoneId, cidr, date, email, ipv4Address, region } from './primitives';
import { landingZoneSchema } from './landing-zone-schema';
import { segmentationSchema } from './segmentation-schema';

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const residencyException = z.strictObject({
  region,
  reason: z.string().min(30, { error: 'expected a reason of at least 30 characters' }),
  approver: email.describe('The SIRO, DPO or Caldicott Guardian who signed off the region.'),
  author: email.describe('Who asked for the exception; the approver must be someone else.'),
  expires: date.optional(),
});

const hubRanges = z
  .strictObject({
    inspection: cidr.describe('Inspection VPC (Network Firewall and its TGW attachment subnets).'),
    egress: cidr.describe('Egress VPC (NAT gateways).'),
    sharedServices: cidr.describe('Shared-services VPC (DNS resolvers, interface endpoints).'),
    lanes: cidr
      .optional()
      .describe(
        'Inspection and egress VPCs of lanes 2 and up, a /22 per lane (docs/adr/0024-hub-lanes.md); needed once the estate needs a second lane.',
      ),
  })
  .describe('Address ranges of the hub VPCs in the network and shared-services accounts.');

const dns = z.strictObject({
  onPremisesResolvers: z.array(ipv4Address).default([]),
  forwardedDomains: z
    .array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, { error: 'expected a domain name' }))
    .default([]),
});

const transitVif = z
  .strictObject({
    gateway: z
      .number({ error: 'expected a Direct Connect gateway number (1 for the first)' })
      .int({ error: 'expected a whole Direct Connect gateway number' })
      .min(1, { error: 'expected a Direct Connect gateway number of at least 1' })
      .describe(
        'The Direct Connect gateway (1, 2, ...) the interface connects to, as `nhs-cloud capacity` numbers them.',
      ),
    location: z
      .string()
      .regex(/^[A-Za-z0-9-]{3,16}$/, { error: 'expected one of network.directConnect.locations' })
      .describe('The location code whose LAG carries the interface.'),
    vlan: z
      .number({ error: 'expected a VLAN ID' })
      .int({ error: 'expected a whole-number VLAN ID' })
      .min(1, { error: 'expected a VLAN ID from 1 to 4094' })
      .max(4094, { error: 'expected a VLAN ID from 1 to 4094' })
      .describe('The VLAN the CN-SP assigned.'),
    asn: z
      .number({ error: 'expected the CN-SP router’s BGP ASN' })
      .int({ error: 'expected a whole-number BGP ASN' })
      .min(1, { error: 'expected a BGP ASN from 1 to 4294967294' })
      .max(4294967294, { error: 'expected a BGP ASN from 1 to 4294967294' })
      .describe('The BGP ASN of the CN-SP’s router (public or private).'),
  })
  .describe('A transit virtual interface the HSCN CN-SP hands over.');

const directConnect = z.strictObject({
  transitVifs: z
    .array(transitVif)
    .default([])
    .describe('Transit VIFs from the CN-SP: each Direct Connect gateway needs one at two locations or more.'),
  locations: z
    .array(
      z.string().regex(/^[A-Za-z0-9-]{3,16}$/, {
        error: 'expected a Direct Connect location code such as EqLD5 (aws directconnect describe-locations)',
      }),
    )
    .min(2, { error: 'expected at least two Direct Connect locations for resilience' })
    .describe('Direct Connect location codes (e.g. EqLD5) where the HSCN CN-SP meets AWS; two or more.'),
});

export const estateSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{2,30}$/, { error: 'expected a short kebab-case name' })
      .default('nhs-cloud')
      .describe('Short name used as a prefix for resource names.'),
    homeRegion: region.default('eu-west-2'),
    allowedRegions: z.array(region).min(1).default(['eu-west-2']),
    residencyExceptions: z.array(residencyException).default([]),
    availabilityZones: z
      .record(region, z.array(availabilityZoneId).min(3, { error: 'expected three availability zones' }))
      .default({ 'eu-west-2': ['euw2-az1', 'euw2-az2', 'euw2-az3'] })
      .describe(
        'Availability zone IDs per region (euw2-az1, not eu-west-2a), so synthesis never looks them up and every account places subnets in the same physical zones.',
      ),
    organization: z.strictObject({
      accounts: z.strictObject({
        management: accountId,
        logArchive: accountId,
        security: accountId,
        network: accountId,
        sharedServices: accountId,
        backup: accountId.optional().describe('Central backup account for immutable copies (3-2-1).'),
        deployment: accountId.optional().describe('Account that runs the delivery pipeline.'),
      }),
    }),
    network: z.strictObject({
      tenantSupernet: cidr.describe('The pool every tenant environment CIDR is allocated from.'),
      hub: hubRanges,
      growthFactor: z
        .number()
        .min(1, { error: 'expected a growth factor of at least 1' })
        .max(100, { error: 'expected a growth factor of at most 100' })
        .default(10)
        .describe('The network is sized for growthFactor x each tenant’s current peak.'),
      averagePacketBytes: z
        .number({ error: 'expected an average packet size in bytes' })
        .int({ error: 'expected a whole number of bytes' })
        .min(64, { error: 'expected an average packet size from 64 to 8500 bytes' })
        .max(8500, { error: 'expected an average packet size from 64 to 8500 bytes' })
        .default(1000)
        .describe(
          'Average packet size at peak, both directions together: Transit Gateway attachments carry 7.5 Mpps per AZ, so smaller packets mean fewer bits per lane. Default 1000 (bulk TCP at a 1,500-byte MTU with one ACK per two segments); measure it from VPC flow logs (bytes / packets).',
        ),
      transitGatewayAsn: asn.default(64512),
      dns: dns.default({ onPremisesResolvers: [], forwardedDomains: [] }),
      directConnect: directConnect.optional(),
    }),
    segmentation: segmentationSchema.default({ defaultAction: 'deny', rules: [], egressDomains: [] }),
    security: z
      .strictObject({
        logRetention: z
          .number()
          .refine((n) => (LOG_RETENTION_DAYS as readonly number[]).includes(n), {
            error: `expected a retention in days that CloudWatch Logs accepts (${LOG_RETENTION_DAYS.join(', ')})`,
          })
          .default(2922)
          .describe('Retention of audit and network logs, in days. Default 2922 (8 years).'),
      })
      .default({ logRetention: 2922 }),
    landingZone: landingZoneSchema.optional(),
  })
  .describe('Estate-wide settings of the NHS national cloud.');

export type EstateConfig = z.infer<typeof estateSchema>;
