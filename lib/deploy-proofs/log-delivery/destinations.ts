import { allResources, renderPolicy, renderText, targetOf, where } from '../template-values';
import { DeployStack, TemplateResource } from '../types';

/** A log bucket in the assembly, with the policies a writer must get past. */
export interface LogBucket {
  readonly name: string;
  readonly account: string;
  readonly source: string;
  /** The bucket policy, rendered; undefined when the bucket has none. */
  readonly policy?: unknown;
  readonly policySource?: string;
  /** The bucket's default encryption key, when it is a key in the assembly. */
  readonly key?: LogKey;
}

export interface LogKey {
  readonly arn: string;
  readonly source: string;
  readonly policy: unknown;
}

/** Every bucket with a literal name, its policy and its default KMS key, by name. */
export function readBuckets(stacks: readonly DeployStack[]): Map<string, LogBucket> {
  const policies = new Map<string, { policy: unknown; source: string }>();
  for (const { stack, id, resource } of allResources(stacks)) {
    if (resource.Type !== 'AWS::S3::BucketPolicy') continue;
    const name = renderText(stack, resource.Properties?.Bucket);
    if (name)
      policies.set(name, {
        policy: renderPolicy(stack, resource.Properties?.PolicyDocument),
        source: where(stack, id),
      });
  }
  const buckets = new Map<string, LogBucket>();
  for (const { stack, id, resource } of allResources(stacks)) {
    if (resource.Type !== 'AWS::S3::Bucket') continue;
    const name = renderText(stack, resource.Properties?.BucketName);
    if (!name) continue;
    const found = policies.get(name);
    buckets.set(name, {
      name,
      account: stack.account,
      source: where(stack, id),
      policy: found?.policy,
      policySource: found?.source,
      key: defaultKey(stack, resource),
    });
  }
  return buckets;
}

function defaultKey(stack: DeployStack, bucket: TemplateResource): LogKey | undefined {
  const rules = (
    bucket.Properties?.BucketEncryption as { ServerSideEncryptionConfiguration?: unknown[] } | undefined
  )?.ServerSideEncryptionConfiguration;
  const byDefault = (
    rules?.[0] as { ServerSideEncryptionByDefault?: { KMSMasterKeyID?: unknown } } | undefined
  )?.ServerSideEncryptionByDefault;
  return keyOf(stack, byDefault?.KMSMasterKeyID);
}

/** A KMS key the value points at in the same template, with its policy. */
export function keyOf(stack: DeployStack, value: unknown): LogKey | undefined {
  const target = targetOf(stack, value);
  if (!target || target[1].Type !== 'AWS::KMS::Key') return undefined;
  return {
    arn: `arn:aws:kms:${stack.region}:${stack.account}:key/${target[0]}`,
    source: where(stack, target[0]),
    policy: renderPolicy(stack, target[1].Properties?.KeyPolicy),
  };
}

/** `arn:aws:s3:::bucket/prefix` as bucket and prefix (without slashes at the ends). */
export function splitBucketArn(arn: string): { bucket: string; prefix: string } | undefined {
  const m = /^arn:aws:s3:::([^/]+)\/?(.*)$/.exec(arn);
  return m ? { bucket: m[1]!, prefix: m[2]!.replace(/\/+$/, '') } : undefined;
}
