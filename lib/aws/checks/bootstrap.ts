import { CloudFormationClient, DescribeStacksCommand, Stack } from '@aws-sdk/client-cloudformation';
import { readAllPages } from '../paging';
import { CheckResult } from './check-result';

/** A CDK bootstrap stack in the account: `CDKToolkit` by hand, `StackSet-...` from the StackSet. */
export interface BootstrapStack {
  readonly stackName: string;
  readonly qualifier: string;
  readonly version: number;
}

/** Every stack in the account (and region), with parameters and outputs. */
export async function describeStacks(cfn: CloudFormationClient): Promise<Stack[]> {
  return readAllPages(
    'cloudformation:DescribeStacks',
    (NextToken) => cfn.send(new DescribeStacksCommand({ NextToken })),
    (page) => page.Stacks,
  );
}

/** The bootstrap stacks among them: a `Qualifier` parameter and a `BootstrapVersion` output. */
export function bootstrapStacks(stacks: readonly Stack[]): BootstrapStack[] {
  return stacks.flatMap((stack) => {
    const qualifier = stack.Parameters?.find((p) => p.ParameterKey === 'Qualifier')?.ParameterValue;
    const version = stack.Outputs?.find((o) => o.OutputKey === 'BootstrapVersion')?.OutputValue;
    return qualifier && version
      ? [{ stackName: stack.StackName ?? '?', qualifier, version: Number(version) }]
      : [];
  });
}

/**
 * The account is bootstrapped with the estate's qualifier (`landingZone.cdkQualifier`) at
 * least at the version of the bootstrap template the estate deploys: otherwise the deploy
 * roles the stacks name do not exist, or the CLI refuses the stack.
 */
export function checkBootstrap(
  qualifier: string,
  version: number,
  found: readonly BootstrapStack[],
): CheckResult {
  const mine = found.find((b) => b.qualifier === qualifier);
  if (!mine) {
    const others = found.map((b) => `${b.qualifier} (${b.stackName})`).join(', ');
    return {
      id: 'bootstrap',
      verdict: 'fail',
      message: `not bootstrapped with qualifier ${qualifier}${others ? `; found only ${others}` : ''}`,
      fix: `tenant accounts are bootstrapped by the StackSet from Core-Organization once they are in a tenant OU: deploy the Organization wave (and Org-<ODS>), wait for the stack instance, then run preflight again`,
    };
  }
  if (mine.version < version) {
    return {
      id: 'bootstrap',
      verdict: 'fail',
      message: `bootstrap ${mine.stackName} (qualifier ${qualifier}) is version ${mine.version}; the estate deploys version ${version}`,
      fix: 'update the bootstrap (redeploy Core-Organization, which updates the StackSet), then run preflight again',
    };
  }
  return {
    id: 'bootstrap',
    verdict: 'pass',
    message: `bootstrapped with qualifier ${qualifier}, version ${mine.version} (${mine.stackName})`,
  };
}
