import { zoneIdPrefix } from '../zone-ids';
import { ConfigError } from '../config-error';
import { ConfigCheck } from './check-context';

/** AWS regions in the UK. Anything else needs a recorded residency exception. */
export const UK_REGIONS: readonly string[] = ['eu-west-2'];

/**
 * Data stays in the UK unless a SIRO/DPO-approved exception says otherwise; every region
 * in use is allowed and has its availability zones in config (synthesis never looks them up).
 */
export const checkRegions: ConfigCheck = ({ estate, estateSource, tenants, today }) => {
  const errors: ConfigError[] = [];
  const allowed = new Set(estate.allowedRegions);
  if (!allowed.has(estate.homeRegion)) {
    errors.push(
      estateSource.errorAt(
        ['homeRegion'],
        `expected homeRegion to be one of allowedRegions (${estate.allowedRegions.join(', ')}), got "${estate.homeRegion}"`,
        'add it to allowedRegions or choose an allowed region',
      ),
    );
  }
  estate.allowedRegions.forEach((region, i) => {
    if (UK_REGIONS.includes(region)) return;
    const exception = estate.residencyExceptions.find((e) => e.region === region);
    if (!exception) {
      errors.push(
        estateSource.errorAt(
          ['allowedRegions', i],
          `expected a UK region or one with a residency exception, got "${region}"`,
          'add a residencyExceptions entry with region, reason and approver (SIRO/DPO/Caldicott sign-off)',
        ),
      );
    }
  });
  estate.residencyExceptions.forEach((exception, i) => {
    if (exception.approver.toLowerCase() === exception.author.toLowerCase()) {
      errors.push(
        estateSource.errorAt(
          ['residencyExceptions', i, 'approver'],
          `expected an approver other than the author (${exception.author}), got the same`,
          'a residency exception is approved by someone who did not ask for it (the SIRO, DPO or Caldicott Guardian)',
        ),
      );
    }
    if (exception.expires && exception.expires < today) {
      errors.push(
        estateSource.errorAt(
          ['residencyExceptions', i, 'expires'],
          `residency exception for ${exception.region} expired on ${exception.expires} (today is ${today})`,
          'renew the approval with a new expiry date, or remove the region',
        ),
      );
    }
  });
  const needsZones = new Set(allowed.has(estate.homeRegion) ? [estate.homeRegion] : []);
  for (const { tenant, source } of tenants) {
    for (const [envName, env] of Object.entries(tenant.environments)) {
      if (!env.region) continue;
      // A region that is not allowed is reported once, here, rather than also as missing zones.
      if (allowed.has(env.region)) needsZones.add(env.region);
      else {
        errors.push(
          source.errorAt(
            ['environments', envName, 'region'],
            `expected one of allowedRegions (${estate.allowedRegions.join(', ')}), got "${env.region}"`,
            'the estate only deploys to allowed regions; remove the field to use the home region',
          ),
        );
      }
    }
  }
  for (const region of needsZones) {
    const zones = estate.availabilityZones[region];
    const prefix = zoneIdPrefix(region);
    const example = prefix ? `[${prefix}-az1, ${prefix}-az2, ${prefix}-az3]` : '[...]';
    if (!zones) {
      errors.push({
        ...estateSource.errorAt(
          ['availabilityZones'],
          `expected availability zones for region ${region}, found none`,
          `add availabilityZones.${region}: ${example} (zone IDs: aws ec2 describe-availability-zones --region ${region})`,
        ),
        ...estateSource.keyPositionOf(['availabilityZones']),
      });
      continue;
    }
    zones.forEach((zone, i) => {
      if (prefix && !zone.startsWith(`${prefix}-`)) {
        errors.push(
          estateSource.errorAt(
            ['availabilityZones', region, i],
            `expected a zone ID of ${region}, got "${zone}"`,
            `${region}'s zone IDs start with ${prefix}-, e.g. ${prefix}-az1`,
          ),
        );
      }
    });
  }
  return errors;
};
