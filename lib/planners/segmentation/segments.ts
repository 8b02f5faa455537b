import { TenantEnvironment, Tier } from '../../config/model';
import { SegmentName } from '../../config/schema/segmentation-schema';

/** Segments a tenant environment can join; the rest hold hub attachments only. */
export type TenantSegment = 'national-services' | 'tenants-prod' | 'tenants-nonprod';

/**
 * The route table a tenant environment's attachment associates with: nonprod environments
 * join tenants-nonprod whoever owns them; prod environments of a national-scope tenant join
 * national-services, every other prod environment tenants-prod.
 *
 *   RGR prod -> tenants-prod, RGR nonprod -> tenants-nonprod, X24 prod -> national-services
 */
export function segmentOf(env: TenantEnvironment): TenantSegment {
  if (env.tier === 'nonprod') return 'tenants-nonprod';
  return env.tenant.scope === 'national' ? 'national-services' : 'tenants-prod';
}

/** The tier a segment carries; undefined for segments that serve both tiers. */
export function tierOfSegment(segment: SegmentName): Tier | undefined {
  if (segment === 'tenants-nonprod') return 'nonprod';
  if (segment === 'tenants-prod' || segment === 'national-services') return 'prod';
  return undefined;
}

/** Segments whose route tables must never reach the other tier, even by a mistaken rule. */
export const TIERED_SEGMENTS: readonly TenantSegment[] = [
  'national-services',
  'tenants-prod',
  'tenants-nonprod',
];

/** Segments whose traffic is inspected before it goes anywhere: all of them but post-inspection. */
export const INSPECTED_SEGMENTS: readonly SegmentName[] = [
  'national-services',
  'tenants-prod',
  'tenants-nonprod',
  'shared-services',
  'on-premises',
];
