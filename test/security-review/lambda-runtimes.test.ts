import { aws_lambda as lambda, App, Stack } from 'aws-cdk-lib';
import { dedupeLambdaRuntimes } from '../../lib/security-review/lambda-runtimes';

test('keeps one Runtime.ALL entry per runtime name, in order', () => {
  const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'eu-west-2' } });
  // What each Provider framework and AwsCustomResource function does behind the scenes.
  for (let i = 0; i < 50; i++) lambda.determineLatestNodeRuntime(stack);
  const names = lambda.Runtime.ALL.map((r) => r.name);
  expect(names.length - new Set(names).size).toBeGreaterThanOrEqual(49);

  dedupeLambdaRuntimes();

  const after = lambda.Runtime.ALL.map((r) => r.name);
  expect(after).toEqual([...new Set(names)]);
  expect(after).toContain(lambda.Runtime.NODEJS_24_X.name);
});
