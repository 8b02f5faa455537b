import { POLICY_SIZE_LIMITS, policyCharacters } from './policy-document';

/** Tag keys of the estate's tag policy, in the case every resource must use. */
export const TAG_POLICY_KEYS = [
  'ods-code',
  'environment',
  'data-classification',
  'icb',
  'cost-centre',
] as const;

/** The only values data-classification may take (UK government classification, NHS usage). */
export const DATA_CLASSIFICATIONS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;

/**
 * Resource types on which a non-compliant data-classification value is refused outright (the
 * types that hold data); everywhere else non-compliance is reported, not blocked.
 */
export const CLASSIFICATION_ENFORCED_FOR = [
  'dynamodb:table',
  'ec2:instance',
  'ec2:volume',
  'elasticfilesystem:file-system',
  'rds:db',
  'rds:cluster',
  's3:bucket',
] as const;

/**
 * The organization tag policy (attached to the root): fixes the case of each key, so that
 * `ODS-Code` cannot split cost reports, and the allowed data-classification values:
 *
 *   { tags: { 'ods-code': { tag_key: { '@@assign': 'ods-code' } }, ...,
 *             'data-classification': { tag_key: ..., tag_value: { '@@assign': [OFFICIAL, ...] },
 *                                      enforced_for: { '@@assign': ['s3:bucket', ...] } } } }
 *
 * The ICB stays a tag, not an OU: ICBs merge, and a tag can change without moving accounts.
 */
export function tagPolicyDocument(): object {
  const tags: Record<string, object> = {};
  for (const key of TAG_POLICY_KEYS) tags[key] = { tag_key: { '@@assign': key } };
  tags['data-classification'] = {
    tag_key: { '@@assign': 'data-classification' },
    tag_value: { '@@assign': [...DATA_CLASSIFICATIONS] },
    enforced_for: { '@@assign': [...CLASSIFICATION_ENFORCED_FOR] },
  };
  return checked('tag policy', { tags }, POLICY_SIZE_LIMITS.TAG_POLICY);
}

/**
 * The organization S3 policy (attached to the root): all four S3 Block Public Access settings
 * on in every account, and no account can switch them off. CloudFormation has no resource for
 * account-level Block Public Access; this policy does it for every account at once.
 */
export function s3PolicyDocument(): object {
  return checked(
    'S3 policy',
    { s3_attributes: { public_access_block_configuration: { '@@assign': 'all' } } },
    POLICY_SIZE_LIMITS.S3_POLICY,
  );
}

function checked<T>(what: string, document: T, limit: number): T {
  const size = policyCharacters(document);
  if (size > limit) throw new Error(`The ${what} is ${size} characters, over the ${limit}-character limit`);
  return document;
}
