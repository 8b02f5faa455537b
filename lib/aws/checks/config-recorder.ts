import { CloudFormationClient, ListStackResourcesCommand, Stack } from '@aws-sdk/client-cloudformation';
import { readAllPages } from '../paging';
import { CheckResult } from './check-result';

/** A Config recorder some other stack made. */
export interface ForeignRecorder {
  readonly stackName: string;
  readonly recorder: string;
}

/**
 * Config recorders made by CloudFormation in the account, outside the environment's own stack:
 * AWS Config allows one recorder per account and region, so the baseline's would fail.
 */
export async function findConfigRecorders(
  cfn: CloudFormationClient,
  stacks: readonly Stack[],
  ownStackName: string,
): Promise<ForeignRecorder[]> {
  const found: ForeignRecorder[] = [];
  for (const stack of stacks) {
    if (!stack.StackName || stack.StackName === ownStackName) continue;
    const resources = await readAllPages(
      'cloudformation:ListStackResources',
      (NextToken) => cfn.send(new ListStackResourcesCommand({ StackName: stack.StackName, NextToken })),
      (page) => page.StackResourceSummaries,
    );
    for (const r of resources)
      if (r.ResourceType === 'AWS::Config::ConfigurationRecorder' && r.ResourceStatus !== 'DELETE_COMPLETE')
        found.push({
          stackName: stack.StackName,
          recorder: r.PhysicalResourceId ?? r.LogicalResourceId ?? '?',
        });
  }
  return found;
}

/**
 * No other Config recorder is in an adopted account (one per region is allowed). Sees
 * recorders CloudFormation made (stacks and StackSet instances, how other landing zones make
 * them); one made in the console or by API is not visible to this check (docs/landing-zone.md).
 */
export function checkConfigRecorder(recorders: readonly ForeignRecorder[]): CheckResult {
  if (recorders.length === 0) {
    return {
      id: 'config-recorder',
      verdict: 'pass',
      message:
        'no Config recorder from another stack (recorders made outside CloudFormation are not visible here)',
    };
  }
  return {
    id: 'config-recorder',
    verdict: 'fail',
    message: `Config recorder ${recorders.map((r) => `${r.recorder} (stack ${r.stackName})`).join(', ')} already records this region; the baseline's recorder would fail to deploy`,
    fix: 'remove it (delete its stack, or its StackSet instance for this account) before the first deploy; the platform records every account centrally',
  };
}
