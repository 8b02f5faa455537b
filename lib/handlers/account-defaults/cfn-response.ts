/**
 * The CloudFormation custom-resource protocol, for a Lambda that is its own service token:
 * CloudFormation invokes it with a request event and then waits (up to an hour) for a JSON
 * response PUT to the event's pre-signed S3 URL. No npm dependency: node:https, and node:http
 * for the local server the tests answer on.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface CloudFormationEvent<Properties> {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly ResponseURL: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly ResourceType?: string;
  /** Absent on Create. */
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: Properties & { readonly ServiceToken?: string };
  readonly OldResourceProperties?: Properties;
}

export interface CloudFormationResponse {
  readonly Status: 'SUCCESS' | 'FAILED';
  readonly Reason: string;
  readonly PhysicalResourceId: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly Data?: Record<string, string>;
}

/** CloudFormation rejects responses over 4 KB; a long error message must not cost the answer. */
export const MAX_REASON_LENGTH = 1024;

/** How long one PUT may take before it counts as failed. */
const PUT_TIMEOUT_MS = 15_000;

/** The response body for an event, from what the work returned or the error it threw. */
export function responseTo(
  event: CloudFormationEvent<unknown>,
  physicalResourceId: string,
  outcome: { data?: Record<string, string> } | { error: unknown },
): CloudFormationResponse {
  const common = {
    PhysicalResourceId: physicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  };
  if ('error' in outcome) {
    const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    return { Status: 'FAILED', Reason: message.slice(0, MAX_REASON_LENGTH) || 'Unknown error', ...common };
  }
  return { Status: 'SUCCESS', Reason: 'OK', ...common, ...(outcome.data && { Data: outcome.data }) };
}

/**
 * PUTs the response with the headers the pre-signed URL was signed for: an empty content type
 * and an explicit length. Rejects on a network error, a timeout or a non-2xx answer.
 */
export function putResponse(responseUrl: string, response: CloudFormationResponse): Promise<void> {
  const body = JSON.stringify(response);
  const url = new URL(responseUrl);
  const request = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'PUT', headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`CloudFormation response URL answered HTTP ${status}`));
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(PUT_TIMEOUT_MS, () => req.destroy(new Error('CloudFormation response PUT timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

/** The part of the Lambda context a handler needs to answer before it is stopped. */
export interface LambdaContext {
  getRemainingTimeInMillis(): number;
}

/**
 * Runs `work`, but rejects `marginMs` before Lambda would stop the function, so the handler
 * can still PUT FAILED: a stack never waits on a response that cannot come. Without a context
 * (tests, local runs) `work` runs unbounded.
 */
export async function beforeLambdaTimeout<T>(
  work: Promise<T>,
  context: LambdaContext | undefined,
  marginMs: number,
  what: string,
): Promise<T> {
  if (!context) return work;
  const ms = Math.max(0, context.getRemainingTimeInMillis() - marginMs);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms ${what}`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
