/** Environment variable that turns CDK's built-in CloudFormation Validate plugin on or off. */
export const CFN_VALIDATE_ENV = 'NHS_CLOUD_CFN_VALIDATE';

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
