import { AwsCallError } from '../../lib/aws/aws-errors';
import { DENIED, EXPIRED, THROTTLED } from '../support/ec2-query-server';
import { ACCOUNT, check, NETWORK, READY, usePreflightHarness, verdicts } from './preflight-setup';

/** Paging and failure handling: the real SDK's retries and errors against scripted responses. */
const h = usePreflightHarness();

describe('preflight paging', () => {
  test('reads every page of DescribeVpcs, sending each NextToken back', async () => {
    // 12 VPCs at 5 a page; the overlapping one is on the last page.
    const vpcs = Array.from({ length: 11 }, (_, i) => ({
      id: `vpc-${i}`,
      cidr: `10.${100 + i}.0.0/16`,
      ownerId: ACCOUNT,
    }));
    await h.start(
      { ...READY, vpcs: [...vpcs, { id: 'vpc-last', cidr: '10.64.16.0/24', ownerId: ACCOUNT }] },
      5,
    );
    const report = await h.run();
    const calls = h.server.calls('DescribeVpcs');
    expect(calls.map((c) => c.params.NextToken)).toEqual([undefined, 'page-5', 'page-10']);
    expect(calls.every((c) => c.params.MaxResults === '1000')).toBe(true);
    expect(check(report, 'cidr-overlap').message).toBe(
      'vpc-last 10.64.16.0/24 overlaps 10.64.16.0/21, the range allocated to RAA prod',
    );
    expect(check(report, 'vpc-quota').message).toMatch(/^13 of 5 VPCs|^the spoke would be VPC number 13 /);
  });

  test('reads every page of DescribeTransitGateways and DescribeTransitGatewayAttachments', async () => {
    const tgws = Array.from({ length: 6 }, (_, i) => ({
      id: `tgw-other${i}`,
      ownerId: NETWORK,
      state: 'deleted',
    }));
    const attachments = Array.from({ length: 7 }, (_, i) => ({
      id: `tgw-attach-${i}`,
      transitGatewayId: 'tgw-0hub',
    }));
    await h.start({ ...READY, transitGateways: [...tgws, READY.transitGateways![0]], attachments }, 5);
    const report = await h.run();
    expect(h.server.calls('DescribeTransitGateways').map((c) => c.params.NextToken)).toEqual([
      undefined,
      'page-5',
    ]);
    expect(h.server.calls('DescribeTransitGatewayAttachments').map((c) => c.params.NextToken)).toEqual([
      undefined,
      'page-5',
    ]);
    expect(check(report, 'transit-gateway').verdict).toBe('pass');
    expect(check(report, 'tgw-attachment-quota').message).toMatch(
      /^8 attachments to tgw-0hub .* \(7 existing\)/,
    );
  });
});

describe('preflight failures', () => {
  test('expired credentials stop the run with a message to refresh them, without retrying', async () => {
    await h.start(READY);
    h.server.failAlways('*', EXPIRED);
    const error = await h.run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsCallError);
    expect((error as Error).message).toBe(
      "AWS rejected the credentials as expired (RequestExpired on ec2:DescribeRegions): refresh them (e.g. 'aws sso login', or assume the role again) and run the command again. If they are fresh, check the computer's clock.",
    );
    expect(h.server.requests).toHaveLength(1);
  });

  test('ExpiredToken is reported the same way', async () => {
    await h.start(READY);
    h.server.failAlways('*', {
      code: 'ExpiredToken',
      message: 'The security token included in the request is expired',
    });
    await expect(h.run()).rejects.toThrow(
      'AWS rejected the credentials as expired (ExpiredToken on ec2:DescribeRegions): refresh them',
    );
  });

  test('AuthFailure asks to refresh and check the account', async () => {
    await h.start(READY);
    h.server.failAlways('*', { code: 'AuthFailure' });
    await expect(h.run()).rejects.toThrow(
      "AWS could not validate the credentials (AuthFailure on ec2:DescribeRegions): refresh them (e.g. 'aws sso login', or assume the role again) and run the command again, and check they are for the intended account.",
    );
  });

  test('a missing permission fails only the checks that needed it, naming the IAM action', async () => {
    await h.start(READY);
    h.server.failAlways('DescribeVpcs', DENIED);
    const report = await h.run();
    expect(verdicts(report)).toEqual({
      region: 'pass',
      account: 'fail',
      'cidr-overlap': 'fail',
      'default-vpc': 'fail',
      'transit-gateway': 'pass',
      'vpc-quota': 'fail',
      zones: 'pass',
      'tgw-attachment-quota': 'pass',
    });
    expect(check(report, 'cidr-overlap')).toEqual({
      id: 'cidr-overlap',
      verdict: 'fail',
      message: 'not checked: missing IAM permission ec2:DescribeVpcs (UnauthorizedOperation)',
      fix: 'allow ec2:DescribeVpcs for the role these credentials use, then run preflight again',
    });
    expect(h.server.calls('DescribeVpcs')).toHaveLength(1); // access denied is not retried
  });

  test('throttling is retried by the SDK and the run succeeds', async () => {
    await h.start(READY);
    h.server.failNext('DescribeVpcs', THROTTLED, THROTTLED);
    const report = await h.run();
    expect(h.server.calls('DescribeVpcs')).toHaveLength(3);
    expect(check(report, 'cidr-overlap').verdict).toBe('pass');
  });

  test('a throttled second page is retried with the same NextToken', async () => {
    const vpcs = Array.from({ length: 6 }, (_, i) => ({
      id: `vpc-${i}`,
      cidr: `10.${100 + i}.0.0/16`,
      ownerId: ACCOUNT,
    }));
    await h.start({ ...READY, vpcs }, 5);
    h.server.failWhen((r) => r.action === 'DescribeVpcs' && r.params.NextToken === 'page-5', THROTTLED);
    const report = await h.run();
    expect(h.server.calls('DescribeVpcs').map((c) => c.params.NextToken)).toEqual([
      undefined,
      'page-5',
      'page-5',
    ]);
    expect(check(report, 'vpc-quota').message).toMatch(/^the spoke would be VPC number 7 /);
  });

  test('throttling that outlasts the retries stops the run with a clear message', async () => {
    await h.start(READY);
    h.server.failAlways('DescribeVpcs', THROTTLED);
    await expect(h.run()).rejects.toThrow(
      new AwsCallError(
        'throttled',
        'ec2:DescribeVpcs',
        'RequestLimitExceeded',
        "EC2 throttled ec2:DescribeVpcs (RequestLimitExceeded) and it still failed after 5 attempts: the account's API rate is being used by something else; wait a minute and run the command again. To allow more attempts set AWS_MAX_ATTEMPTS (now 5, from the default); AWS_RETRY_MODE=adaptive also slows down when throttled.",
      ),
    );
    expect(h.server.calls('DescribeVpcs')).toHaveLength(5);
  });
});
