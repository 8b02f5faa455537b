import { policyCharacters } from '../../../lib/planners/landing-zone/policy-document';
import { s3PolicyDocument, tagPolicyDocument } from '../../../lib/planners/landing-zone/management-policies';

describe('tagPolicyDocument', () => {
  const policy = tagPolicyDocument() as { tags: Record<string, Record<string, { '@@assign': unknown }>> };

  it('fixes the case of the five estate tag keys', () => {
    expect(Object.keys(policy.tags)).toEqual([
      'ods-code',
      'environment',
      'data-classification',
      'icb',
      'cost-centre',
    ]);
    for (const [key, rule] of Object.entries(policy.tags)) expect(rule.tag_key).toEqual({ '@@assign': key });
  });

  it('allows only OFFICIAL and OFFICIAL-SENSITIVE, enforced on data stores', () => {
    expect(policy.tags['data-classification']!.tag_value).toEqual({
      '@@assign': ['OFFICIAL', 'OFFICIAL-SENSITIVE'],
    });
    expect(policy.tags['data-classification']!.enforced_for!['@@assign']).toEqual(
      expect.arrayContaining(['s3:bucket', 'ec2:volume', 'rds:db']),
    );
  });

  it('fits the tag-policy size limit', () => {
    expect(policyCharacters(policy)).toBeLessThan(10000);
  });
});

describe('s3PolicyDocument', () => {
  it('turns on all four S3 Block Public Access settings in every account', () => {
    expect(s3PolicyDocument()).toEqual({
      s3_attributes: { public_access_block_configuration: { '@@assign': 'all' } },
    });
  });
});
