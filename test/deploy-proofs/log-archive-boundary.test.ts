import { runSimulation } from '@cloud-copilot/iam-simulate';
import { keyOf, readBuckets } from '../../lib/deploy-proofs/log-delivery/destinations';
import { DeployStack } from '../../lib/deploy-proofs/types';
import { fixtureStacks } from './support';

/**
 * Issue 14, item 5: logs stay readable. Evaluated on the synthesized log archive with the same
 * IAM evaluation as the deploy proofs.
 */
const LOG_ARCHIVE = '100000000002';
let stacks: DeployStack[];
let archive: DeployStack;
beforeAll(() => {
  stacks = fixtureStacks();
  archive = stacks.find((s) => s.id === 'Core-LogArchive')!;
});

async function decide(
  principal: string,
  action: string,
  resource: string,
  policy: unknown,
  context: Record<string, string>,
) {
  const result = await runSimulation(
    {
      request: {
        principal,
        action,
        resource: { resource, accountId: LOG_ARCHIVE },
        contextVariables: context,
      },
      identityPolicies: [
        {
          name: 'admin',
          policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
        },
      ],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: policy,
    },
    {},
  );
  if (result.resultType === 'error') throw new Error(JSON.stringify(result.errors));
  return result.overallResult;
}

describe('the log archive keys', () => {
  const admin = `arn:aws:iam::${LOG_ARCHIVE}:role/aws-reserved/sso.amazonaws.com/eu-west-2/AWSReservedSSO_PlatformAdmin_0123`;
  const context = { 'aws:PrincipalArn': admin, 'aws:PrincipalAccount': LOG_ARCHIVE };

  it.each(['AuditLogsKey', 'NetworkLogsKey'])(
    "%s: the account's own administrators cannot schedule its deletion, disable it or re-policy it",
    async (prefix) => {
      const id = Object.keys(archive.template.Resources!).find(
        (k) => k.startsWith(prefix) && archive.template.Resources![k]!.Type === 'AWS::KMS::Key',
      )!;
      const key = keyOf(archive, { 'Fn::GetAtt': [id, 'Arn'] })!;
      for (const action of ['kms:ScheduleKeyDeletion', 'kms:DisableKey', 'kms:PutKeyPolicy'])
        expect([action, await decide(admin, action, key.arn, key.policy, context)]).toEqual([
          action,
          'ExplicitlyDenied',
        ]);
      // The deployment (CloudFormation's execution role) still updates the policy.
      const cfn = `arn:aws:iam::${LOG_ARCHIVE}:role/cdk-nhscloud-cfn-exec-role-${LOG_ARCHIVE}-eu-west-2`;
      expect(
        await decide(cfn, 'kms:PutKeyPolicy', key.arn, key.policy, {
          'aws:PrincipalArn': cfn,
          'aws:PrincipalAccount': LOG_ARCHIVE,
        }),
      ).toBe('Allowed');
    },
  );
});

describe('Config delivery', () => {
  it("writes only under the writing account's own prefix", async () => {
    const bucket = [...readBuckets(stacks).values()].find((b) => b.name.startsWith('nhs-cloud-cloudtrail-'))!;
    const recorder = 'arn:aws:iam::123456789012:role/nhs-cloud-platform-config';
    const context = {
      'aws:PrincipalArn': recorder,
      'aws:PrincipalAccount': '123456789012',
      'aws:PrincipalOrgID': 'o-a1b2c3d4e5',
      's3:x-amz-acl': 'bucket-owner-full-control',
      'aws:SecureTransport': 'true',
      's3:TlsVersion': '1.3',
    };
    const put = (account: string) =>
      runSimulation(
        {
          request: {
            principal: recorder,
            action: 's3:PutObject',
            resource: {
              resource: `arn:aws:s3:::${bucket.name}/AWSLogs/${account}/Config/eu-west-2/x.json.gz`,
              accountId: LOG_ARCHIVE,
            },
            contextVariables: context,
          },
          identityPolicies: [
            {
              name: 'r',
              policy: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }],
              },
            },
          ],
          serviceControlPolicies: [],
          resourceControlPolicies: [],
          resourcePolicy: bucket.policy,
        },
        {},
      );
    const outcome = async (account: string) => {
      const result = await put(account);
      return result.resultType === 'error' ? result.errors : result.overallResult;
    };
    expect(await outcome('123456789012')).toBe('Allowed');
    expect(await outcome('210987654321')).toBe('ImplicitlyDenied');
  });
});

describe('the access-logs bucket', () => {
  it('keeps deleted or overwritten access logs, as noncurrent versions, for the log retention', () => {
    const bucket = Object.values(archive.template.Resources!).find(
      (r) =>
        r.Type === 'AWS::S3::Bucket' && String(r.Properties?.BucketName).startsWith('nhs-cloud-access-logs-'),
    )!;
    const [rule] = (bucket.Properties!.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    expect(rule).toMatchObject({
      ExpirationInDays: 2922,
      NoncurrentVersionExpiration: { NoncurrentDays: 2922 },
    });
  });
});
