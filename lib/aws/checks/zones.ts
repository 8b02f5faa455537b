import { DescribeAvailabilityZonesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { call } from '../aws-errors';
import { CheckResult } from './check-result';

/** One availability zone as this account sees it: its own name for the zone, and the zone's ID. */
export interface AccountZone {
  readonly id: string;
  readonly name: string;
  readonly state: string;
}

/** The region's availability zones (not Local or Wavelength zones) as this account sees them. */
export async function readZones(ec2: EC2Client, region: string): Promise<AccountZone[]> {
  const out = await call('ec2:DescribeAvailabilityZones', () =>
    ec2.send(
      new DescribeAvailabilityZonesCommand({
        Filters: [
          { Name: 'region-name', Values: [region] },
          { Name: 'zone-type', Values: ['availability-zone'] },
        ],
      }),
    ),
  );
  return (out.AvailabilityZones ?? []).map((z) => ({
    id: z.ZoneId ?? '',
    name: z.ZoneName ?? '',
    state: z.State ?? '',
  }));
}

/**
 * Every zone ID config places subnets in is one this account has, and available. Not every
 * account has every zone ID of a region, and the names it gives them are its own: the message
 * shows them, so an engineer reading the console knows which is which.
 */
export function checkZones(
  region: string,
  wanted: readonly string[],
  zones: readonly AccountZone[],
): CheckResult {
  const available = zones.filter((z) => z.state === 'available');
  const missing = wanted.filter((id) => !available.some((z) => z.id === id));
  const seen = zones
    .map((z) => `${z.id} (${z.name}${z.state === 'available' ? '' : `, ${z.state}`})`)
    .join(', ');
  if (missing.length === 0) {
    const names = wanted.map((id) => `${id} is ${available.find((z) => z.id === id)!.name}`).join(', ');
    return {
      id: 'zones',
      verdict: 'pass',
      message: `every zone config uses in ${region} is available here: ${names}`,
    };
  }
  return {
    id: 'zones',
    verdict: 'fail',
    message: `${region}: this account has no available zone ${missing.join(', ')}; it has ${seen || 'none'}`,
    fix: `subnets are placed by the zone IDs in estate.yaml availabilityZones.${region}: choose IDs every account in the estate has, or ask AWS Support about the missing one`,
  };
}
