/** IAM policy JSON as Organizations stores it: plain data, so planners can build and measure it. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  /** Resource control policies only: always `*`. */
  readonly Principal?: '*';
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

export function policyDocument(...statements: PolicyStatement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/**
 * Characters the policy takes against the Organizations quota: the JSON without insignificant
 * whitespace, which is how Organizations stores (and counts) a policy sent as JSON.
 */
export function policyCharacters(document: unknown): number {
  return JSON.stringify(document).length;
}

/** Organizations quotas on policy size, in characters. */
export const POLICY_SIZE_LIMITS = {
  SERVICE_CONTROL_POLICY: 5120,
  TAG_POLICY: 10000,
  S3_POLICY: 10000,
  RESOURCE_CONTROL_POLICY: 5120,
  BACKUP_POLICY: 10000,
} as const;
