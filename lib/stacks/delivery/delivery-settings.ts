import { UserInputError } from '../../errors/user-input-error';

/** Context keys until estate.yaml has a `delivery` block (see docs/adr/0016-delivery-waves.md). */
export const DELIVERY_CONTEXT = {
  enabled: 'pipeline',
  repository: 'pipelineRepo',
  branch: 'pipelineBranch',
  connectionArn: 'pipelineConnectionArn',
  tenantShards: 'pipelineTenantShards',
  concurrency: 'pipelineConcurrency',
} as const;

export interface DeliverySettings {
  /** `owner/name` of the repository the pipeline builds. */
  readonly repository: string;
  readonly branch: string;
  /** ARN of the CodeConnections (CodeStar Connections) connection to the repository host. */
  readonly connectionArn: string;
  /** Parallel deploy steps per tenant wave. */
  readonly tenantShards: number;
  /** Stacks each deploy step deploys at once. */
  readonly concurrency: number;
}

export const DELIVERY_DEFAULTS = {
  repository: 'nhs-england/nhs-national-cloud',
  branch: 'main',
  tenantShards: 4,
  concurrency: 20,
} as const;

/** Environment variable that turns CDK's built-in CloudFormation Validate plugin on or off. */
export const CFN_VALIDATE_ENV = 'NHS_CLOUD_CFN_VALIDATE';

/**
 * The delivery pipeline's settings from CDK context values (lib/app reads them), or undefined
 * unless `-c pipeline=true`: the plain app never builds the pipeline, so `cdk deploy --all` by
 * hand cannot touch it.
 */
export function deliverySettings(
  context: (key: string) => string | number | boolean | undefined,
): DeliverySettings | undefined {
  const get = context;
  const enabled = get(DELIVERY_CONTEXT.enabled);
  if (enabled !== true && enabled !== 'true') return undefined;
  const connectionArn = get(DELIVERY_CONTEXT.connectionArn);
  if (
    typeof connectionArn !== 'string' ||
    !/^arn:aws[a-z-]*:(codeconnections|codestar-connections):/.test(connectionArn)
  ) {
    throw new UserInputError(
      `-c ${DELIVERY_CONTEXT.enabled}=true needs -c ${DELIVERY_CONTEXT.connectionArn}=arn:aws:codeconnections:REGION:ACCOUNT:connection/ID ` +
        `(the connection to the repository host), got ${connectionArn === undefined ? 'nothing' : `"${String(connectionArn)}"`}`,
    );
  }
  return {
    repository: String(get(DELIVERY_CONTEXT.repository) ?? DELIVERY_DEFAULTS.repository),
    branch: String(get(DELIVERY_CONTEXT.branch) ?? DELIVERY_DEFAULTS.branch),
    connectionArn,
    tenantShards: positive(
      get(DELIVERY_CONTEXT.tenantShards),
      DELIVERY_CONTEXT.tenantShards,
      DELIVERY_DEFAULTS.tenantShards,
    ),
    concurrency: positive(
      get(DELIVERY_CONTEXT.concurrency),
      DELIVERY_CONTEXT.concurrency,
      DELIVERY_DEFAULTS.concurrency,
    ),
  };
}

function positive(value: unknown, key: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw UserInputError.at(
      { flag: `-c ${key}` },
      `expected a whole number of at least 1, got "${String(value)}"`,
    );
  return n;
}
