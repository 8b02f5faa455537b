import { CfnResource } from 'aws-cdk-lib';
import { NagRules } from 'cdk-nag';
import { NhsTagKeys, TagValues, renderedTags, stackTags } from './tags';

/**
 * Whether a tag has the expected value, ignoring case and surrounding spaces. A value that is a
 * token cannot be compared, so it throws (reported as a rule error) rather than pass unseen.
 */
export function tagIs(node: CfnResource, tags: TagValues, key: string, expected: string): boolean {
  const value = tags[key];
  if (value === undefined) return false;
  return String(NagRules.resolveIfPrimitive(node, value)).trim().toLowerCase() === expected.toLowerCase();
}

/**
 * Whether the resource holds OFFICIAL-SENSITIVE or patient data: its stack or the resource itself
 * is tagged data-classification=OFFICIAL-SENSITIVE or patient-data=true. Either source is enough,
 * so a resource cannot opt out of a sensitive stack by re-tagging itself (that needs an
 * acknowledged exception instead).
 */
export function isSensitive(node: CfnResource): boolean {
  return [stackTags(node), renderedTags(node) ?? {}].some(
    (tags) =>
      tagIs(node, tags, NhsTagKeys.dataClassification, 'OFFICIAL-SENSITIVE') ||
      tagIs(node, tags, NhsTagKeys.patientData, 'true'),
  );
}
