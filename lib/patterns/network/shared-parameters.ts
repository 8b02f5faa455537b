import { aws_ssm as ssm } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * A value another account's stack needs: an advanced-tier SSM parameter (only those can be
 * shared through RAM). Consumers read it by ARN with `readSharedParameter`.
 */
export function publishParameter(
  scope: Construct,
  id: string,
  name: string,
  value: string,
): ssm.StringParameter {
  return new ssm.StringParameter(scope, id, {
    parameterName: name,
    stringValue: value,
    tier: ssm.ParameterTier.ADVANCED,
    description: 'Shared through RAM with the organization; read by ARN at deploy time',
  });
}

/**
 * Reads a parameter shared from another account. CloudFormation resolves shared parameters
 * only as template parameters (not dynamic references), so this adds one per value; synthesis
 * needs no credentials and the value is read when the stack deploys.
 */
export function readSharedParameter(scope: Construct, id: string, parameterArn: string): string {
  return ssm.StringParameter.fromStringParameterArn(scope, id, parameterArn).stringValue;
}

/** ARN of a parameter by name, in a known account and region. */
export function parameterArn(region: string, account: string, name: string): string {
  return `arn:aws:ssm:${region}:${account}:parameter${name}`;
}
