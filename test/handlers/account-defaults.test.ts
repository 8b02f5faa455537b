import { createServer, Server, Socket } from 'node:net';
import {
  AccountDefaultsEvent,
  AccountDefaultsProperties,
  DEADLINE_MARGIN_MS,
  ENDPOINT_ENV,
  handler,
  PHYSICAL_RESOURCE_ID,
  PROVIDER_FRAMEWORK_RESPONSE_URL,
} from '../../lib/handlers/account-defaults';
import { CfnResponseServer } from '../support/cfn-response-server';
import { defaultGroupRules, FixtureSecurityGroup } from '../support/ec2-fixtures/security-group-actions';
import { DENIED, Ec2Fixtures, Ec2QueryServer, TEST_CREDENTIALS } from '../support/ec2-query-server';

const ACCOUNT = '200000000003';
const KEY = `arn:aws:kms:eu-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const SG = 'sg-0123456789abcdef0';
const MODIFYING = [
  'EnableEbsEncryptionByDefault',
  'ModifyEbsDefaultKmsKeyId',
  'ModifyInstanceMetadataDefaults',
  'RevokeSecurityGroupIngress',
  'RevokeSecurityGroupEgress',
];

/** A fresh account: EBS encryption off, the AWS managed key, no IMDS preference. */
const FRESH: Ec2Fixtures = {};
/** An account this handler has already configured with KEY. */
const CONFIGURED: Ec2Fixtures = {
  account: {
    ebsEncryptionByDefault: true,
    ebsDefaultKmsKeyId: KEY,
    httpTokens: 'required',
    httpPutResponseHopLimit: 2,
  },
};
/** A new spoke VPC's default security group, as EC2 creates it. */
const OPEN_DEFAULT_GROUP: FixtureSecurityGroup = {
  id: SG,
  vpcId: 'vpc-0123456789abcdef0',
  ownerId: ACCOUNT,
  ...defaultGroupRules(SG, ACCOUNT),
};

// What CloudFormation sends and expects back, besides Status, Reason, PhysicalResourceId and Data.
const STACK_ID = `arn:aws:cloudformation:eu-west-2:${ACCOUNT}:stack/Tenant-RGR-prod/0b5e7a10-c1d2-11ef-9e3f-06a1b2c3d4e5`;
const REQUEST_ID = 'e2f9c3a4-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const LOGICAL_ID = 'BaselineAccountDefaults1F6D8C2A';
const ECHOED = { StackId: STACK_ID, RequestId: REQUEST_ID, LogicalResourceId: LOGICAL_ID };
const DEFAULTS_DATA = {
  EbsEncryptionByDefault: 'true',
  HttpTokens: 'required',
  HttpPutResponseHopLimit: '2',
};

let server: Ec2QueryServer;
let responses: CfnResponseServer;

function event(
  RequestType: AccountDefaultsEvent['RequestType'],
  properties: AccountDefaultsProperties = {},
): AccountDefaultsEvent {
  return {
    RequestType,
    ResponseURL: responses.url,
    ResourceType: 'Custom::AccountDefaults',
    ...ECHOED,
    ...(RequestType !== 'Create' && { PhysicalResourceId: PHYSICAL_RESOURCE_ID }),
    ResourceProperties: {
      ServiceToken: `arn:aws:lambda:eu-west-2:${ACCOUNT}:function:account-defaults`,
      ...properties,
    },
  };
}

/** Runs the handler as Lambda would and returns the one response CloudFormation received. */
async function run(e: AccountDefaultsEvent): Promise<unknown> {
  await handler(e);
  return responses.only();
}

// The handler builds its own client, as in Lambda: region and credentials from the environment,
// the endpoint from the test-only variable.
const ENV_KEYS = [
  ENDPOINT_ENV,
  'AWS_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
];
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
let logged: string[] = [];

async function start(fixtures: Ec2Fixtures): Promise<void> {
  server = await Ec2QueryServer.start(fixtures);
  process.env[ENDPOINT_ENV] = server.url;
}

beforeAll(() => {
  for (const k of ENV_KEYS) delete process.env[k];
  process.env.AWS_REGION = 'eu-west-2';
  process.env.AWS_ACCESS_KEY_ID = TEST_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = TEST_CREDENTIALS.secretAccessKey;
});

beforeEach(async () => {
  responses = await CfnResponseServer.start();
  logged = [];
  jest.spyOn(console, 'log').mockImplementation((line: string) => void logged.push(line));
});

afterEach(async () => {
  jest.restoreAllMocks();
  await server?.close();
  await responses.close();
});

afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const modifyingCalls = () => server.requests.filter((r) => MODIFYING.includes(r.action));

describe('account-defaults handler: the CloudFormation response', () => {
  test('Create PUTs SUCCESS with the stable physical ID, the echoed IDs and the settings as Data', async () => {
    await start(FRESH);
    expect(await run(event('Create'))).toEqual({
      Status: 'SUCCESS',
      Reason: 'OK',
      PhysicalResourceId: 'ec2-account-defaults',
      ...ECHOED,
      Data: { ...DEFAULTS_DATA, Applied: 'EnableEbsEncryptionByDefault,ModifyInstanceMetadataDefaults' },
    });
  });

  test('the PUT goes to the pre-signed URL as S3 expects it: empty content type, exact length', async () => {
    await start(FRESH);
    await handler(event('Create'));
    const [put] = responses.received;
    expect(put).toMatchObject({
      method: 'PUT',
      url: '/cloudformation-custom-resource-response/stack-event?X-Amz-Signature=abc123',
    });
    expect(put!.headers['content-type']).toBe('');
    expect(put!.headers['content-length']).toBe(String(Buffer.byteLength(put!.body)));
  });

  test('an invalid KmsKeyArn PUTs FAILED with the message as Reason, before calling EC2', async () => {
    await start(FRESH);
    expect(await run(event('Create', { KmsKeyArn: 'alias/my-key' }))).toEqual({
      Status: 'FAILED',
      Reason: "KmsKeyArn must be a KMS key or alias ARN, got 'alias/my-key'",
      PhysicalResourceId: 'ec2-account-defaults',
      ...ECHOED,
    });
    expect(server.requests).toEqual([]);
  });

  test('an EC2 error PUTs FAILED with its message, keeping the physical ID of an Update', async () => {
    await start(FRESH);
    server.failAlways('EnableEbsEncryptionByDefault', DENIED);
    expect(await run(event('Update', { KmsKeyArn: KEY }))).toEqual({
      Status: 'FAILED',
      Reason: 'You are not authorized to perform this operation.',
      PhysicalResourceId: PHYSICAL_RESOURCE_ID,
      ...ECHOED,
    });
  });

  test('work that would outlast the Lambda timeout is answered FAILED before it', async () => {
    // An EC2 endpoint that accepts connections and never answers.
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => void sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    process.env[ENDPOINT_ENV] = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    try {
      await handler(event('Create'), { getRemainingTimeInMillis: () => DEADLINE_MARGIN_MS + 100 });
      expect(responses.only()).toMatchObject({
        Status: 'FAILED',
        Reason: 'Timed out after 100 ms applying the EC2 account defaults',
      });
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  test('a response URL that refuses the PUT fails the invocation, so Lambda retries the event', async () => {
    await start(CONFIGURED);
    responses.status = 403;
    await expect(handler(event('Update', { KmsKeyArn: KEY }))).rejects.toThrow(
      'CloudFormation response URL answered HTTP 403',
    );
  });

  test('logs the outcome but never the pre-signed response URL', async () => {
    await start(FRESH);
    await handler(event('Create'));
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!)).toMatchObject({ RequestType: 'Create', Status: 'SUCCESS' });
    expect(logged.join('\n')).not.toContain('X-Amz-Signature');
  });

  test('a Delete forwarded by the retired Provider framework is returned to it, not PUT', async () => {
    await start(CONFIGURED);
    const forwarded = { ...event('Delete'), ResponseURL: PROVIDER_FRAMEWORK_RESPONSE_URL };
    expect(await handler(forwarded)).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: PHYSICAL_RESOURCE_ID,
    });
    expect(responses.received).toEqual([]);
    expect(server.requests).toEqual([]);
  });
});

describe('account-defaults handler: EBS encryption and IMDSv2', () => {
  test('Create turns on EBS encryption by default and IMDSv2 with a hop limit of 2', async () => {
    await start(FRESH);
    await handler(event('Create'));
    expect(server.actions()).toEqual([
      'GetEbsEncryptionByDefault',
      'EnableEbsEncryptionByDefault',
      'GetInstanceMetadataDefaults',
      'ModifyInstanceMetadataDefaults',
    ]);
    expect(server.calls('ModifyInstanceMetadataDefaults')[0]!.params).toMatchObject({
      HttpTokens: 'required',
      HttpPutResponseHopLimit: '2',
    });
    expect(server.state.account).toMatchObject({
      ebsEncryptionByDefault: true,
      httpTokens: 'required',
      httpPutResponseHopLimit: 2,
    });
    expect(server.requests.every((r) => r.accessKeyId === 'AKIDTEST')).toBe(true);
  });

  test('Create with KmsKeyArn also sets the default EBS key', async () => {
    await start(FRESH);
    expect(await run(event('Create', { KmsKeyArn: KEY }))).toMatchObject({
      Data: {
        Applied: 'EnableEbsEncryptionByDefault,ModifyEbsDefaultKmsKeyId,ModifyInstanceMetadataDefaults',
      },
    });
    expect(server.calls('ModifyEbsDefaultKmsKeyId')[0]!.params.KmsKeyId).toBe(KEY);
    expect(server.state.account.ebsDefaultKmsKeyId).toBe(KEY);
  });

  test('Update with the settings already in place makes no modifying call', async () => {
    await start(CONFIGURED);
    expect(await run(event('Update', { KmsKeyArn: KEY }))).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: PHYSICAL_RESOURCE_ID,
      Data: { Applied: 'none' },
    });
    expect(server.actions()).toEqual([
      'GetEbsEncryptionByDefault',
      'GetEbsDefaultKmsKeyId',
      'GetInstanceMetadataDefaults',
    ]);
  });

  test('Update after drift re-applies only what drifted', async () => {
    await start({
      account: { ...CONFIGURED.account, ebsEncryptionByDefault: false, httpPutResponseHopLimit: 1 },
    });
    expect(await run(event('Update', { KmsKeyArn: KEY }))).toMatchObject({
      Data: { Applied: 'EnableEbsEncryptionByDefault,ModifyInstanceMetadataDefaults' },
    });
    expect(modifyingCalls().map((r) => r.action)).toEqual([
      'EnableEbsEncryptionByDefault',
      'ModifyInstanceMetadataDefaults',
    ]);
    expect(server.state.account).toMatchObject({ ebsEncryptionByDefault: true, httpPutResponseHopLimit: 2 });
  });

  test('Update puts back a default key changed by hand', async () => {
    await start({ account: { ...CONFIGURED.account, ebsDefaultKmsKeyId: 'alias/aws/ebs' } });
    expect(await run(event('Update', { KmsKeyArn: KEY }))).toMatchObject({
      Data: { Applied: 'ModifyEbsDefaultKmsKeyId' },
    });
    expect(server.state.account.ebsDefaultKmsKeyId).toBe(KEY);
  });

  test('IMDSv1 allowed by hand is switched back to required', async () => {
    await start({ account: { ...CONFIGURED.account, httpTokens: 'optional' } });
    expect(await run(event('Update', { KmsKeyArn: KEY }))).toMatchObject({
      Data: { Applied: 'ModifyInstanceMetadataDefaults' },
    });
    expect(server.state.account.httpTokens).toBe('required');
  });

  test('Delete makes no calls and answers SUCCESS: removing the stack never turns a protection off', async () => {
    await start(CONFIGURED);
    expect(await run(event('Delete', { KmsKeyArn: KEY, DefaultSecurityGroupIds: [SG] }))).toEqual({
      Status: 'SUCCESS',
      Reason: 'OK',
      PhysicalResourceId: PHYSICAL_RESOURCE_ID,
      ...ECHOED,
    });
    expect(server.requests).toEqual([]);
  });
});

describe('account-defaults handler: default security groups', () => {
  test('Create revokes the default ingress and egress rules of each group it is given', async () => {
    await start({ ...CONFIGURED, securityGroups: [OPEN_DEFAULT_GROUP] });
    expect(await run(event('Create', { KmsKeyArn: KEY, DefaultSecurityGroupIds: [SG] }))).toMatchObject({
      Status: 'SUCCESS',
      Data: { Applied: `RevokeSecurityGroupIngress:${SG},RevokeSecurityGroupEgress:${SG}` },
    });
    expect(modifyingCalls().map((r) => r.action)).toEqual([
      'RevokeSecurityGroupIngress',
      'RevokeSecurityGroupEgress',
    ]);
    expect(server.calls('DescribeSecurityGroups')[0]!.params).toMatchObject({ 'GroupId.1': SG });
    expect(server.calls('RevokeSecurityGroupIngress')[0]!.params).toEqual(
      expect.objectContaining({
        GroupId: SG,
        'IpPermissions.1.IpProtocol': '-1',
        'IpPermissions.1.Groups.1.GroupId': SG,
        'IpPermissions.1.Groups.1.UserId': ACCOUNT,
      }),
    );
    expect(server.calls('RevokeSecurityGroupEgress')[0]!.params).toEqual(
      expect.objectContaining({
        GroupId: SG,
        'IpPermissions.1.IpProtocol': '-1',
        'IpPermissions.1.IpRanges.1.CidrIp': '0.0.0.0/0',
      }),
    );
    expect(server.state.securityGroups[0]).toMatchObject({ ingress: [], egress: [] });
  });

  test('revokes rules added by hand too, every source, in one call per direction', async () => {
    const other = 'sg-0fedcba9876543210';
    await start({
      ...CONFIGURED,
      securityGroups: [
        {
          ...OPEN_DEFAULT_GROUP,
          ingress: [
            { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/8' },
            { protocol: 'tcp', fromPort: 22, toPort: 22, prefixListId: 'pl-0123456789abcdef0' },
            { protocol: 'udp', fromPort: 53, toPort: 53, groupId: other, userId: ACCOUNT },
          ],
          egress: [{ protocol: '-1', cidrIpv6: '::/0' }],
        },
      ],
    });
    await handler(event('Update', { KmsKeyArn: KEY, DefaultSecurityGroupIds: [SG] }));
    expect(server.calls('RevokeSecurityGroupIngress')).toHaveLength(1);
    expect(server.calls('RevokeSecurityGroupEgress')).toHaveLength(1);
    expect(server.state.securityGroups[0]).toMatchObject({ ingress: [], egress: [] });
    expect(responses.only()).toMatchObject({ Status: 'SUCCESS' });
  });

  test('a group already closed costs one Describe and no revoke', async () => {
    await start({ ...CONFIGURED, securityGroups: [{ ...OPEN_DEFAULT_GROUP, ingress: [], egress: [] }] });
    expect(await run(event('Update', { KmsKeyArn: KEY, DefaultSecurityGroupIds: [SG] }))).toMatchObject({
      Data: { Applied: 'none' },
    });
    expect(server.actions()).toEqual([
      'GetEbsEncryptionByDefault',
      'GetEbsDefaultKmsKeyId',
      'GetInstanceMetadataDefaults',
      'DescribeSecurityGroups',
    ]);
  });

  test('without DefaultSecurityGroupIds no security group is read', async () => {
    await start({ ...CONFIGURED, securityGroups: [OPEN_DEFAULT_GROUP] });
    await run(event('Update', { KmsKeyArn: KEY }));
    expect(server.calls('DescribeSecurityGroups')).toEqual([]);
  });

  test('a group that does not exist fails the resource with the message EC2 gives', async () => {
    await start(CONFIGURED);
    expect(await run(event('Create', { KmsKeyArn: KEY, DefaultSecurityGroupIds: [SG] }))).toMatchObject({
      Status: 'FAILED',
      Reason: `The security group '${SG}' does not exist`,
    });
  });

  test('IDs that are not security group IDs fail before any call', async () => {
    await start(CONFIGURED);
    expect(
      await run(event('Create', { KmsKeyArn: KEY, DefaultSecurityGroupIds: ['vpc-0123456789abcdef0'] })),
    ).toMatchObject({
      Status: 'FAILED',
      Reason: 'DefaultSecurityGroupIds must be a list of security group IDs, got ["vpc-0123456789abcdef0"]',
    });
    expect(server.requests).toEqual([]);
  });
});
