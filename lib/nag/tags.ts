import { CfnResource, Stack, TagManager } from 'aws-cdk-lib';
import { isIntrinsic, renderedProperties } from './rendered';

/** Tag keys the NHS cloud relies on. The app applies them; the pack checks them. */
export const NhsTagKeys = {
  /** ODS code of the organisation that owns the resource, e.g. RGR. */
  odsCode: 'ods-code',
  environment: 'environment',
  /** UK government classification: OFFICIAL or OFFICIAL-SENSITIVE. */
  dataClassification: 'data-classification',
  /** 'true' when the resource holds patient data. */
  patientData: 'patient-data',
  /** What a resource is for; 'audit-logs' marks an audit-log bucket. */
  purpose: 'nhs-cloud:purpose',
  /** What a stack is; 'tenant' marks a tenant spoke. */
  stackKind: 'nhs-cloud:stack-kind',
} as const;

/** Tag values as rendered: literal strings, or intrinsics where a value is a token. */
export type TagValues = Readonly<Record<string, unknown>>;

/**
 * The tags the resource will carry, read from its rendered template properties (so tags added
 * by Tags.of() aspects count once the app is synthesized), or undefined if it takes no tags.
 * Both TagManager kinds are read: many newer L1s (e.g. CfnBackupVault) expose `cdkTagManager`
 * rather than `tags`, and TagManager.isTaggable alone would skip them.
 */
export function renderedTags(node: CfnResource): TagValues | undefined {
  const manager = TagManager.of(node);
  if (!manager) return undefined;
  const property = manager.tagPropertyName.charAt(0).toUpperCase() + manager.tagPropertyName.slice(1);
  const raw = renderedProperties(node)[property];
  if (raw === undefined) return {};
  if (isIntrinsic(raw) || typeof raw !== 'object' || raw === null) {
    throw new Error(
      `${property} is not a literal tag list (${JSON.stringify(raw)}), so the rule could not be validated.`,
    );
  }
  if (!Array.isArray(raw)) return raw as TagValues;
  const tags: Record<string, unknown> = {};
  for (const tag of raw as Array<Record<string, unknown>>) {
    const key = tag.Key ?? tag.key;
    if (typeof key !== 'string') {
      throw new Error(`${property} has a tag whose key is not literal, so the rule could not be validated.`);
    }
    tags[key] = tag.Value ?? tag.value;
  }
  return tags;
}

/** The tags of the resource's stack (StackProps.tags and Tags.of(stack)), resolved. */
export function stackTags(node: CfnResource): TagValues {
  const stack = Stack.of(node);
  const tags: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stack.tags.tagValues())) tags[key] = stack.resolve(value);
  return tags;
}
