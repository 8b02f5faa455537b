import { Tags } from 'aws-cdk-lib';
import { CfnBackupVault } from 'aws-cdk-lib/aws-backup';
import { CfnSecurityGroupIngress } from 'aws-cdk-lib/aws-ec2';
import { CfnFileSystem } from 'aws-cdk-lib/aws-efs';
import { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { CfnParameter } from 'aws-cdk-lib/aws-ssm';
import { NagRuleCompliance } from 'cdk-nag';
import { MandatoryTags } from '../../../lib/nag/rules/tagging';
import { newStack, validate, verdict } from '../helpers';

describe('MandatoryTags', () => {
  test('flags each missing tag as its own finding', () => {
    const stack = newStack();
    new CfnBucket(stack, 'Bucket', { tags: [{ key: 'environment', value: 'prod' }] });
    expect(validate(MandatoryTags, stack)).toEqual([
      { id: 'NhsCloud-MandatoryTags[data-classification]', path: 'Stack/Bucket' },
      { id: 'NhsCloud-MandatoryTags[ods-code]', path: 'Stack/Bucket' },
    ]);
  });

  test('treats an empty or blank value as missing', () => {
    const stack = newStack();
    new CfnParameter(stack, 'Parameter', {
      type: 'String',
      value: 'x',
      tags: { 'ods-code': ' ', environment: 'prod', 'data-classification': '' },
    });
    expect(validate(MandatoryTags, stack)).toEqual([
      { id: 'NhsCloud-MandatoryTags[data-classification]', path: 'Stack/Parameter' },
      { id: 'NhsCloud-MandatoryTags[ods-code]', path: 'Stack/Parameter' },
    ]);
  });

  test('checks resources whose tags live in a differently named property or a V2 tag manager', () => {
    const stack = newStack();
    new CfnBackupVault(stack, 'Vault', {
      backupVaultName: 'vault',
      backupVaultTags: { environment: 'prod' },
    });
    new CfnFileSystem(stack, 'FileSystem', { fileSystemTags: [{ key: 'ods-code', value: 'RGR' }] });
    expect(validate(MandatoryTags, stack)).toEqual([
      { id: 'NhsCloud-MandatoryTags[data-classification]', path: 'Stack/FileSystem' },
      { id: 'NhsCloud-MandatoryTags[data-classification]', path: 'Stack/Vault' },
      { id: 'NhsCloud-MandatoryTags[environment]', path: 'Stack/FileSystem' },
      { id: 'NhsCloud-MandatoryTags[ods-code]', path: 'Stack/Vault' },
    ]);
  });

  test('does not count CloudFormation stack tags, which not every resource inherits', () => {
    const stack = newStack({
      tags: { 'ods-code': 'RGR', environment: 'prod', 'data-classification': 'OFFICIAL' },
    });
    const bucket = new CfnBucket(stack, 'Bucket');
    expect(verdict(MandatoryTags, bucket)).toEqual(['ods-code', 'environment', 'data-classification']);
  });

  test('passes a resource tagged through Tags.of() on its stack', () => {
    const stack = newStack();
    const bucket = new CfnBucket(stack, 'Bucket');
    const vault = new CfnBackupVault(stack, 'Vault', { backupVaultName: 'vault' });
    Tags.of(stack).add('ods-code', 'RGR');
    Tags.of(stack).add('environment', 'prod');
    Tags.of(stack).add('data-classification', 'OFFICIAL');
    expect(validate(MandatoryTags, stack)).toEqual([]);
    expect(verdict(MandatoryTags, bucket)).toBe(NagRuleCompliance.COMPLIANT);
    expect(verdict(MandatoryTags, vault)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('does not apply to resources that take no tags', () => {
    const stack = newStack();
    const ingress = new CfnSecurityGroupIngress(stack, 'Ingress', { ipProtocol: 'tcp', groupId: 'sg-1' });
    expect(verdict(MandatoryTags, ingress)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
