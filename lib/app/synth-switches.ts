import { CFN_VALIDATE_ENV } from '../stacks/delivery/delivery-settings';

// The pipeline's synth step sets it too, so the name lives beside the pipeline's settings.
export { CFN_VALIDATE_ENV };

/**
 * Whether synthesis runs CDK's built-in "CloudFormation Validate" plugin, for
 * `new App({ builtinCloudFormationValidation })`: on in CI and in the pipeline's synth step,
 * off for local and benchmark synths, where its fixed engine start-up and per-template cost
 * buy nothing the CI run does not (docs/adr/0015-cfn-validate-plugin.md). An explicit
 * NHS_CLOUD_CFN_VALIDATE=true|false wins; CDK_VALIDATION=false (`cdk synth --no-validation`)
 * still turns it off inside aws-cdk-lib whatever this returns.
 */
export function builtinCfnValidation(env: Readonly<Record<string, string | undefined>>): boolean {
  const explicit = env[CFN_VALIDATE_ENV]?.toLowerCase();
  if (explicit === 'true' || explicit === '1') return true;
  if (explicit === 'false' || explicit === '0') return false;
  return env.CI === 'true' || env.CI === '1';
}

/** Environment variable that turns creation stack traces (finding source lines) on or off. */
export const SOURCE_LINES_ENV = 'NHS_CLOUD_SOURCE_LINES';

/** The aws-cdk-lib context key that stops every construct recording where it was created. */
export const DISABLE_CREATION_STACK_TRACES = 'aws:cdk:disable-creation-stack-traces';

/**
 * Whether constructs record their creation stack traces, which the security report turns into
 * the source line of each finding (SARIF annotations in the PR). Capturing and source-mapping a
 * trace for every construct is about a twelfth of a large synth, so, like the CloudFormation
 * Validate plugin, it is on in CI and the pipeline and off locally (docs/adr/0017-synth-diagnostics.md).
 * NHS_CLOUD_SOURCE_LINES=true|false wins; `cdk synth --debug` (CDK_DEBUG) records them anyway.
 */
export function creationStackTraces(env: Readonly<Record<string, string | undefined>>): boolean {
  const explicit = env[SOURCE_LINES_ENV]?.toLowerCase();
  if (explicit === 'true' || explicit === '1') return true;
  if (explicit === 'false' || explicit === '0') return false;
  return env.CI === 'true' || env.CI === '1';
}

/** Environment variable that makes synthesis write tree.json. */
export const TREE_METADATA_ENV = 'NHS_CLOUD_TREE_METADATA';

/**
 * Whether synthesis writes `tree.json`, the construct tree with every resource's properties
 * rendered once more (for construct explorers such as the AWS Toolkit's). Nothing in the
 * deploy, review or proof path reads it, and rendering it was 8% of a 250-tenant synth, so it
 * is opt-in: NHS_CLOUD_TREE_METADATA=true (docs/adr/0017-synth-diagnostics.md).
 */
export function treeMetadata(env: Readonly<Record<string, string | undefined>>): boolean {
  const explicit = env[TREE_METADATA_ENV]?.toLowerCase();
  return explicit === 'true' || explicit === '1';
}
