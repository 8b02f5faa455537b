/**
 * Custom-resource handler (the `onEvent` of a `cr.Provider`) that turns on two account-wide
 * EC2 protections in its region: EBS encryption by default (optionally with a customer key)
 * and IMDSv2 for new instances. Imports only the EC2 client, which the Lambda runtime ships.
 *
 * Create and Update read the current settings first and change only what differs, so an
 * unchanged stack makes no modifying calls and a setting changed by hand is put back.
 * Delete does nothing: removing the stack must never switch a protection off.
 */
import {
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
  ModifyEbsDefaultKmsKeyIdCommand,
  ModifyInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';

export interface AccountDefaultsProperties {
  /**
   * KMS key ARN for EBS default encryption.
   * @default the current default key is left as it is (AWS managed aws/ebs in a new account)
   */
  readonly KmsKeyArn?: string;
}

export interface AccountDefaultsEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: AccountDefaultsProperties & { readonly ServiceToken?: string };
}

export interface AccountDefaultsResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, string>;
}

/** One resource per account and region; the ID never changes, so updates never replace it. */
export const PHYSICAL_RESOURCE_ID = 'ec2-account-defaults';
/** Two hops so containers on an instance can still reach IMDS through the bridge network. */
export const HOP_LIMIT = 2;
/** Tests point the handler at a local EC2 endpoint with this; unset in Lambda. */
export const ENDPOINT_ENV = 'ACCOUNT_DEFAULTS_EC2_ENDPOINT';

const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+$/;

export async function handler(event: AccountDefaultsEvent): Promise<AccountDefaultsResponse> {
  const physicalResourceId = event.PhysicalResourceId ?? PHYSICAL_RESOURCE_ID;
  if (event.RequestType === 'Delete') return { PhysicalResourceId: physicalResourceId };

  const kmsKeyArn = event.ResourceProperties.KmsKeyArn;
  if (kmsKeyArn !== undefined && !KEY_ARN.test(kmsKeyArn)) {
    throw new Error(`KmsKeyArn must be a KMS key or alias ARN, got '${kmsKeyArn}'`);
  }
  const endpoint = process.env[ENDPOINT_ENV];
  const ec2 = new EC2Client(endpoint ? { endpoint } : {});
  try {
    const applied = await applyDefaults(ec2, kmsKeyArn);
    return {
      PhysicalResourceId: physicalResourceId,
      Data: {
        EbsEncryptionByDefault: 'true',
        HttpTokens: 'required',
        HttpPutResponseHopLimit: String(HOP_LIMIT),
        Applied: applied.join(',') || 'none',
      },
    };
  } finally {
    ec2.destroy();
  }
}

/** Returns the modifying calls it made, in order. */
async function applyDefaults(ec2: EC2Client, kmsKeyArn: string | undefined): Promise<string[]> {
  const applied: string[] = [];

  const ebs = await ec2.send(new GetEbsEncryptionByDefaultCommand({}));
  if (ebs.EbsEncryptionByDefault !== true) {
    await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
    applied.push('EnableEbsEncryptionByDefault');
  }

  if (kmsKeyArn !== undefined) {
    const key = await ec2.send(new GetEbsDefaultKmsKeyIdCommand({}));
    if (key.KmsKeyId !== kmsKeyArn) {
      await ec2.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: kmsKeyArn }));
      applied.push('ModifyEbsDefaultKmsKeyId');
    }
  }

  const imds = (await ec2.send(new GetInstanceMetadataDefaultsCommand({}))).AccountLevel;
  if (imds?.HttpTokens !== 'required' || imds.HttpPutResponseHopLimit !== HOP_LIMIT) {
    await ec2.send(
      new ModifyInstanceMetadataDefaultsCommand({
        HttpTokens: 'required',
        HttpPutResponseHopLimit: HOP_LIMIT,
      }),
    );
    applied.push('ModifyInstanceMetadataDefaults');
  }
  return applied;
}
