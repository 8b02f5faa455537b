import { aws_lambda as lambda } from 'aws-cdk-lib';

/**
 * Drops repeated entries from `lambda.Runtime.ALL`, in place, keeping the first of each name.
 *
 * Every `new lambda.Runtime(...)` appends itself to that list, and aws-cdk-lib builds a new one
 * for every Provider framework and AwsCustomResource function (`determineLatestNodeRuntime`).
 * cdk-nag's AwsSolutions-L1 (LambdaLatestVersion) scans and sorts the whole list for every
 * function, so a national estate's thousands of functions made the rule quadratic: 16% of a
 * 250-tenant synth (docs/benchmarks.md). The rule only compares runtime names, so repeats add
 * nothing to its verdict.
 */
export function dedupeLambdaRuntimes(): void {
  const all = lambda.Runtime.ALL;
  const seen = new Set<string>();
  let kept = 0;
  for (const runtime of all) {
    const key = `${runtime.family ?? ''}:${runtime.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    all[kept++] = runtime;
  }
  all.length = kept;
}
