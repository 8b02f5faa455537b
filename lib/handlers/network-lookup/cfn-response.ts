/**
 * The CloudFormation custom-resource response: the function is its own service token, so it
 * PUTs the outcome to the event's pre-signed S3 URL itself.
 */

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
  readonly Data: Record<string, string>;
  readonly PhysicalResourceId: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
}

/** Longest Reason sent; CloudFormation rejects responses over 4 KB. */
export const MAX_REASON_LENGTH = 2000;

/** The message of whatever was thrown, cut to fit the response. */
export function reasonOf(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  return String(message || error).slice(0, MAX_REASON_LENGTH);
}

/**
 * The response for an event. The physical ID is the one CloudFormation already has, or the
 * logical ID on Create, so an update never replaces the resource.
 */
export function responseTo(
  event: CloudFormationEvent<unknown>,
  outcome: { data: Record<string, string> } | { error: unknown },
): CloudFormationResponse {
  const failed = 'error' in outcome;
  return {
    Status: failed ? 'FAILED' : 'SUCCESS',
    Reason: failed ? reasonOf(outcome.error) : '',
    Data: failed ? {} : outcome.data,
    PhysicalResourceId: event.PhysicalResourceId || event.LogicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  };
}

/** PUTs the response with the empty content type the URL was signed for. */
export async function putResponse(responseUrl: string, response: CloudFormationResponse): Promise<void> {
  await fetch(responseUrl, {
    method: 'PUT',
    headers: { 'content-type': '' },
    body: JSON.stringify(response),
  });
}
