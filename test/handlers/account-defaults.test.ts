import {
  AccountDefaultsEvent,
  ENDPOINT_ENV,
  handler,
  PHYSICAL_RESOURCE_ID,
} from '../../lib/handlers/account-defaults';
import { DENIED, Ec2Fixtures, Ec2QueryServer, TEST_CREDENTIALS } from '../support/ec2-query-server';

const KEY = 'arn:aws:kms:eu-west-2:200000000003:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const MODIFYING = [
  'EnableEbsEncryptionByDefault',
  'ModifyEbsDefaultKmsKeyId',
  'ModifyInstanceMetadataDefaults',
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

const event = (
  RequestType: AccountDefaultsEvent['RequestType'],
  KmsKeyArn?: string,
): AccountDefaultsEvent => ({
  RequestType,
  ...(RequestType !== 'Create' && { PhysicalResourceId: PHYSICAL_RESOURCE_ID }),
  ResourceProperties: {
    ServiceToken: 'arn:aws:lambda:eu-west-2:200000000003:function:provider',
    ...(KmsKeyArn && { KmsKeyArn }),
  },
});

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
let server: Ec2QueryServer;

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

afterEach(() => server?.close());

afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const modifyingCalls = () => server.requests.filter((r) => MODIFYING.includes(r.action));

describe('account-defaults handler', () => {
  test('Create turns on EBS encryption by default and IMDSv2 with a hop limit of 2', async () => {
    await start(FRESH);
    const response = await handler(event('Create'));
    expect(response).toEqual({
      PhysicalResourceId: 'ec2-account-defaults',
      Data: {
        EbsEncryptionByDefault: 'true',
        HttpTokens: 'required',
        HttpPutResponseHopLimit: '2',
        Applied: 'EnableEbsEncryptionByDefault,ModifyInstanceMetadataDefaults',
      },
    });
    expect(server.actions()).toEqual([
      'GetEbsEncryptionByDefault',
      'EnableEbsEncryptionByDefault',
      'GetInstanceMetadataDefaults',
      'ModifyInstanceMetadataDefaults',
    ]);
    expect(server.calls('ModifyInstanceMetadataDefaults')[0].params).toMatchObject({
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
    const response = await handler(event('Create', KEY));
    expect(response.Data?.Applied).toBe(
      'EnableEbsEncryptionByDefault,ModifyEbsDefaultKmsKeyId,ModifyInstanceMetadataDefaults',
    );
    expect(server.calls('ModifyEbsDefaultKmsKeyId')[0].params.KmsKeyId).toBe(KEY);
    expect(server.state.account.ebsDefaultKmsKeyId).toBe(KEY);
  });

  test('Update with the settings already in place makes no modifying call', async () => {
    await start(CONFIGURED);
    const response = await handler(event('Update', KEY));
    expect(response).toMatchObject({ PhysicalResourceId: PHYSICAL_RESOURCE_ID, Data: { Applied: 'none' } });
    expect(server.actions()).toEqual([
      'GetEbsEncryptionByDefault',
      'GetEbsDefaultKmsKeyId',
      'GetInstanceMetadataDefaults',
    ]);
  });

  test('Update after drift re-applies only what drifted', async () => {
    await start({
      account: {
        ebsEncryptionByDefault: false,
        ebsDefaultKmsKeyId: KEY,
        httpTokens: 'required',
        httpPutResponseHopLimit: 1,
      },
    });
    const response = await handler(event('Update', KEY));
    expect(response.Data?.Applied).toBe('EnableEbsEncryptionByDefault,ModifyInstanceMetadataDefaults');
    expect(modifyingCalls().map((r) => r.action)).toEqual([
      'EnableEbsEncryptionByDefault',
      'ModifyInstanceMetadataDefaults',
    ]);
    expect(server.state.account).toMatchObject({ ebsEncryptionByDefault: true, httpPutResponseHopLimit: 2 });
  });

  test('Update puts back a default key changed by hand', async () => {
    await start({ account: { ...CONFIGURED.account, ebsDefaultKmsKeyId: 'alias/aws/ebs' } });
    const response = await handler(event('Update', KEY));
    expect(response.Data?.Applied).toBe('ModifyEbsDefaultKmsKeyId');
    expect(server.state.account.ebsDefaultKmsKeyId).toBe(KEY);
  });

  test('IMDSv1 allowed by hand is switched back to required', async () => {
    await start({ account: { ...CONFIGURED.account, httpTokens: 'optional' } });
    expect((await handler(event('Update', KEY))).Data?.Applied).toBe('ModifyInstanceMetadataDefaults');
    expect(server.state.account.httpTokens).toBe('required');
  });

  test('Delete makes no calls: removing the stack never turns a protection off', async () => {
    await start(CONFIGURED);
    expect(await handler(event('Delete', KEY))).toEqual({ PhysicalResourceId: PHYSICAL_RESOURCE_ID });
    expect(server.requests).toEqual([]);
  });

  test('rejects a KmsKeyArn that is not a KMS ARN before calling anything', async () => {
    await start(FRESH);
    await expect(handler(event('Create', 'alias/my-key'))).rejects.toThrow(
      "KmsKeyArn must be a KMS key or alias ARN, got 'alias/my-key'",
    );
    expect(server.requests).toEqual([]);
  });

  test('an AWS error fails the resource so CloudFormation reports it', async () => {
    await start(FRESH);
    server.failAlways('EnableEbsEncryptionByDefault', DENIED);
    await expect(handler(event('Create'))).rejects.toMatchObject({ name: 'UnauthorizedOperation' });
  });
});
