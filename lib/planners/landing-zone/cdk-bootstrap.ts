/** A CloudFormation template as JSON. */
export interface TemplateJson {
  Description?: string;
  Parameters?: Record<string, { Default?: string; [key: string]: unknown }>;
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
  Outputs?: Record<string, { Value: unknown }>;
  [key: string]: unknown;
}

/**
 * The CDK CLI's own bootstrap template (aws-cdk's `bootstrap-template.yaml` from the pinned
 * devDependency, copied by scripts/vendor-bootstrap-template.ts; a test fails when they differ).
 * Plain data: the bootstrap StackSet deploys it and preflight checks accounts for its version.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const CDK_BOOTSTRAP_TEMPLATE = require('./cdk-bootstrap-template.json') as TemplateJson;

/** The template's version (its `BootstrapVersion` output), the one every account should have. */
export const BOOTSTRAP_VERSION = Number(CDK_BOOTSTRAP_TEMPLATE.Outputs!.BootstrapVersion!.Value);
