import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import { NagRuleCompliance } from 'cdk-nag';
import { field, literalStrings, renderedProperties } from '../../rendered';
import { NagRule, namedRule } from '../../rule';

const REGION = '([a-z]{2,4}(?:-[a-z]+)+-\\d{1,2})';

/** Where a literal region shows in a property: ARNs, endpoint host names, VPC endpoint service names. */
const REGION_PATTERNS: readonly RegExp[] = [
  // arn:aws:logs:us-east-1:..., also arn:${AWS::Partition}:... (Fn::Sub) and arn:{?}:... (Fn::Join)
  new RegExp(`arn:(?:\\$\\{[^}]*\\}|[^:\\s]*):[a-z0-9-]+:${REGION}:`, 'g'),
  // sqs.eu-west-1.amazonaws.com, x.sqs.eu-west-1.vpce.amazonaws.com, s3-website-eu-west-1.amazonaws.com
  new RegExp(`[.-]${REGION}(?:\\.[a-z0-9-]+)?\\.amazonaws\\.com`, 'g'),
  // com.amazonaws.eu-west-1.s3, com.amazonaws.vpce.eu-west-1.vpce-svc-...
  new RegExp(`com\\.amazonaws\\.(?:vpce\\.)?${REGION}\\.`, 'g'),
];

/** Property names whose value is a region (a DynamoDB replica's `Region`, a copy's `DestinationRegion`). */
const REGION_KEYS = /^(Region|RegionName|Regions|DestinationRegion|SourceRegion|TargetRegion|ReplicaRegion)$/;
const REGION_VALUE = new RegExp(`^${REGION}$`);

/** Literal regions held by region-valued properties anywhere in the properties. */
function regionValues(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) regionValues(v, into);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, v] of Object.entries(value)) {
    if (REGION_KEYS.test(key))
      for (const candidate of Array.isArray(v) ? v : [v])
        if (typeof candidate === 'string' && REGION_VALUE.test(candidate)) into.add(candidate);
    regionValues(v, into);
  }
}

/**
 * Places a resource sends data whose region the template cannot show, as findings of their own:
 * CloudFront serves from edge locations worldwide, and S3 replication to another account's
 * bucket (an ARN without a region) goes wherever that bucket is.
 */
function unknownPlaces(node: CfnResource): string[] {
  if (node.cfnResourceType === 'AWS::CloudFront::Distribution') return ['cloudfront-edges'];
  if (node.cfnResourceType !== 'AWS::S3::Bucket') return [];
  const rules = field(renderedProperties(node), 'ReplicationConfiguration', 'Rules');
  return (Array.isArray(rules) ? rules : [])
    .map((rule) => field(rule, 'Destination', 'Account'))
    .filter((account): account is string => typeof account === 'string')
    .map((account) => `replica-in-${account}`);
}

/** The regions a resource lives in or points at: its stack's region and any literal region in its properties. */
export function regionsOf(node: CfnResource): Set<string> {
  const stackRegion = Stack.of(node).region;
  if (Token.isUnresolved(stackRegion)) {
    throw new Error(
      'The stack has no literal region (it is environment-agnostic), so residency cannot be checked.',
    );
  }
  const regions = new Set([stackRegion]);
  regionValues(renderedProperties(node), regions);
  for (const text of literalStrings(renderedProperties(node))) {
    // Every pattern needs one of these; most strings (names, CIDRs, tags) have neither.
    if (!text.includes('arn:') && !text.includes('amazonaws')) continue;
    for (const pattern of REGION_PATTERNS) {
      for (const match of text.matchAll(pattern)) regions.add(match[1]);
    }
  }
  return regions;
}

/**
 * Resources stay in allowed regions: the stack's region, every region named in an ARN or
 * endpoint, and every region-valued property (`Region`, `DestinationRegion`...). Where the
 * template cannot show the region (CloudFront's worldwide edges, S3 replication to another
 * account's bucket) that is a finding too: `[cloudfront-edges]`, `[replica-in-<account>]`, each
 * needing a recorded residency exception. One finding per region outside the list, so an
 * approved exception can acknowledge `NhsCloud-RegionAllowed[us-east-1]` and nothing wider.
 *
 * NCSC Cloud Security Principle 2, Asset protection and resilience (physical location and legal
 * jurisdiction); NHS off-shoring guidance: UK regions unless SIRO/DPO/Caldicott sign-off.
 */
export default function RegionAllowed(allowedRegions: readonly string[]): NagRule {
  return namedRule(__filename, (node) => {
    const outside = [
      ...[...regionsOf(node)].filter((region) => !allowedRegions.includes(region)),
      ...unknownPlaces(node),
    ];
    return outside.length > 0 ? outside.sort() : NagRuleCompliance.COMPLIANT;
  });
}
