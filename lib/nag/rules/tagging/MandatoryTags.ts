import { NagRuleCompliance } from 'cdk-nag';
import { namedRule } from '../../rule';
import { NhsTagKeys, renderedTags } from '../../tags';

/** Tags every taggable resource must carry. */
export const MANDATORY_TAGS: readonly string[] = [
  NhsTagKeys.odsCode,
  NhsTagKeys.environment,
  NhsTagKeys.dataClassification,
];

/**
 * Every taggable resource carries ods-code, environment and data-classification, as rendered
 * for that resource (CloudFormation stack tags are not counted: not every resource type
 * inherits them). One finding per missing or empty tag, e.g. `NhsCloud-MandatoryTags[ods-code]`.
 * A tag whose value is a token counts as present.
 *
 * NCSC Cloud Security Principle 4, Governance framework (every asset has a known owner and
 * handling classification), and 5, Operational security (asset and configuration management).
 */
export default namedRule(__filename, (node) => {
  const tags = renderedTags(node);
  if (!tags) return NagRuleCompliance.NOT_APPLICABLE;
  const missing = MANDATORY_TAGS.filter((key) => tags[key] === undefined || `${tags[key]}`.trim() === '');
  return missing.length > 0 ? missing : NagRuleCompliance.COMPLIANT;
});
