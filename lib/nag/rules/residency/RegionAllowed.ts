import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import { NagRuleCompliance } from 'cdk-nag';
import { literalStrings, renderedProperties } from '../../rendered';
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

/** The regions a resource lives in or points at: its stack's region and any literal region in its properties. */
export function regionsOf(node: CfnResource): Set<string> {
  const stackRegion = Stack.of(node).region;
  if (Token.isUnresolved(stackRegion)) {
    throw new Error(
      'The stack has no literal region (it is environment-agnostic), so residency cannot be checked.',
    );
  }
  const regions = new Set([stackRegion]);
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
 * Resources stay in allowed regions: the stack's region and every region named in an ARN or
 * endpoint in the resource's properties. One finding per region outside the list, so an
 * approved exception can acknowledge `NhsCloud-RegionAllowed[us-east-1]` and nothing wider.
 *
 * NCSC Cloud Security Principle 2, Asset protection and resilience (physical location and legal
 * jurisdiction); NHS off-shoring guidance: UK regions unless SIRO/DPO/Caldicott sign-off.
 */
export default function RegionAllowed(allowedRegions: readonly string[]): NagRule {
  return namedRule(__filename, (node) => {
    const outside = [...regionsOf(node)].filter((region) => !allowedRegions.includes(region));
    return outside.length > 0 ? outside.sort() : NagRuleCompliance.COMPLIANT;
  });
}
