/**
 * Custom-resource handler that is its own service token (no cr.Provider framework: two fewer
 * Lambda functions per account). It turns on account-wide EC2 protections in its region: EBS
 * encryption by default (optionally with a customer key) and IMDSv2 for new instances, and
 * closes the default security groups it is given. Imports only the EC2 client, which the
 * Lambda runtime ships.
 *
 * Create and Update read the current settings first and change only what differs, so an
 * unchanged stack makes no modifying calls and a setting changed by hand is put back.
 * Delete does nothing: removing the stack must never switch a protection off.
 *
 * Every request is answered: success or any error is PUT to CloudFormation's response URL,
 * and a deadline answers FAILED before Lambda would time out, so a stack never waits the hour
 * CloudFormation allows a silent custom resource.
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
import { checkEc2Answers, requestHandlerOptions } from '../../aws-wire/ec2-client-guards';
import { CloudFormationEvent, CloudFormationResponse, putResponse, responseTo } from './cfn-response';
import { checkSecurityGroupIds, closeSecurityGroups } from './security-groups';

export type { CloudFormationEvent, CloudFormationResponse } from './cfn-response';

export interface AccountDefaultsProperties {
  /**
   * KMS key ARN for EBS default encryption.
   * @default the current default key is left as it is (AWS managed aws/ebs in a new account)
   */
  readonly KmsKeyArn?: string;
  /**
   * Default security groups to strip of every rule (the spoke VPC's, in tenant accounts).
   * @default none
   */
  readonly DefaultSecurityGroupIds?: readonly string[];
}

export type AccountDefaultsEvent = CloudFormationEvent<AccountDefaultsProperties>;

/** The part of the Lambda context the handler uses. */
export interface HandlerContext {
  getRemainingTimeInMillis(): number;
}

/** One resource per account and region; the ID never changes, so updates never replace it. */
export const PHYSICAL_RESOURCE_ID = 'ec2-account-defaults';
/** Two hops so containers on an instance can still reach IMDS through the bridge network. */
export const HOP_LIMIT = 2;
/** Tests point the handler at a local EC2 endpoint with this; unset in Lambda. */
export const ENDPOINT_ENV = 'ACCOUNT_DEFAULTS_EC2_ENDPOINT';
/** Time kept back from Lambda's timeout to answer FAILED when the work overruns. */
export const DEADLINE_MARGIN_MS = 10_000;
/**
 * The response URL the retired cr.Provider framework forwards in place of the real one. Stacks
 * deployed before this handler answered for itself delete their old custom resource through
 * that framework, which reports the returned result to CloudFormation itself.
 */
export const PROVIDER_FRAMEWORK_RESPONSE_URL = '...';

const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+$/;

/**
 * Does the work, then answers CloudFormation. Returns the response it sent; throws only if the
 * PUT itself fails, so that Lambda retries the (idempotent) event, as it does twice for the
 * asynchronous invocations CloudFormation makes.
 */
export async function handler(
  event: AccountDefaultsEvent,
  context?: HandlerContext,
): Promise<CloudFormationResponse> {
  const physicalResourceId = event.PhysicalResourceId ?? PHYSICAL_RESOURCE_ID;
  let outcome: { data?: Record<string, string> } | { error: unknown };
  try {
    outcome = { data: await withDeadline(apply(event), context) };
  } catch (error) {
    outcome = { error };
  }
  const response = responseTo(event, physicalResourceId, outcome);
  // The response URL is a pre-signed credential: log the outcome, never the event.
  console.log(
    JSON.stringify({
      RequestType: event.RequestType,
      Status: response.Status,
      Reason: response.Reason,
      Data: response.Data,
    }),
  );
  if (event.ResponseURL === PROVIDER_FRAMEWORK_RESPONSE_URL) {
    if ('error' in outcome) throw outcome.error;
    return response;
  }
  await putResponse(event.ResponseURL, response);
  return response;
}

async function apply(event: AccountDefaultsEvent): Promise<Record<string, string> | undefined> {
  if (event.RequestType === 'Delete') return undefined;
  const { KmsKeyArn: kmsKeyArn, DefaultSecurityGroupIds } = event.ResourceProperties;
  if (kmsKeyArn !== undefined && !KEY_ARN.test(kmsKeyArn)) {
    throw new Error(`KmsKeyArn must be a KMS key or alias ARN, got '${kmsKeyArn}'`);
  }
  const securityGroupIds = checkSecurityGroupIds(DefaultSecurityGroupIds);
  const endpoint = process.env[ENDPOINT_ENV];
  // Time-limited requests and answers checked to be EC2's, as every client of ours (lib/aws-wire).
  const ec2 = new EC2Client({ requestHandler: requestHandlerOptions(), ...(endpoint && { endpoint }) });
  checkEc2Answers(ec2);
  try {
    const applied = [
      ...(await applyDefaults(ec2, kmsKeyArn)),
      ...(await closeSecurityGroups(ec2, securityGroupIds)),
    ];
    return {
      EbsEncryptionByDefault: 'true',
      HttpTokens: 'required',
      HttpPutResponseHopLimit: String(HOP_LIMIT),
      Applied: applied.join(',') || 'none',
    };
  } finally {
    ec2.destroy();
  }
}

/** Rejects shortly before Lambda would stop the function, so FAILED can still be sent. */
async function withDeadline<T>(work: Promise<T>, context: HandlerContext | undefined): Promise<T> {
  if (!context) return work;
  const ms = Math.max(0, context.getRemainingTimeInMillis() - DEADLINE_MARGIN_MS);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Timed out after ${ms} ms applying the EC2 account defaults`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
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
