/**
 * What every EC2 client of ours adds to the SDK's defaults: an HTTP layer that gives up on a
 * silent endpoint, and a check that each answer is EC2's before the SDK deserializes it.
 * Shared by the CLI's clients (lib/aws) and the Lambda handlers, so it imports nothing of ours
 * and no package at run time (the Lambda runtime ships the SDK, nothing else).
 */
import {
  CLOUDFORMATION_DIALECT,
  describeNonQueryAnswer,
  EC2_DIALECT,
  NotEc2AnswerError,
  NotServiceAnswerError,
  QueryDialect,
} from './ec2-answer';

/** Time limits for one HTTP request; the SDK retries a request that runs out of time. */
export interface HttpTimeouts {
  /** To open the TCP (and TLS) connection. */
  readonly connectMs: number;
  /** From sending the request to the answer's headers, and the longest silence while reading its body. */
  readonly requestMs: number;
}

/**
 * AWS endpoints connect in milliseconds and a Describe page of 1,000 items answers in a few
 * seconds; past these limits the request is retried (the SDK counts it as a transient error).
 */
export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { connectMs: 5_000, requestMs: 30_000 };

/**
 * The SDK's `requestHandler` options. A request timeout only warns unless
 * `throwOnRequestTimeout` is set, and it stops at the answer's headers, so the socket's idle
 * timeout also covers a body that stops half way.
 */
export function requestHandlerOptions(timeouts: HttpTimeouts = DEFAULT_HTTP_TIMEOUTS) {
  return {
    connectionTimeout: timeouts.connectMs,
    requestTimeout: timeouts.requestMs,
    socketTimeout: timeouts.requestMs,
    throwOnRequestTimeout: true,
  };
}

/** The parts of an SDK client and its middleware this file uses (no @smithy types at run time). */
interface RawResponse {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body: unknown;
}
interface RawRequest {
  readonly protocol?: string;
  readonly hostname?: string;
  readonly port?: number;
  readonly path?: string;
}
type Next = (args: { request: unknown }) => Promise<{ response: unknown; output?: unknown }>;
type Middleware = (next: Next, context: { commandName?: string }) => Next;
/** Any SDK v3 client: its middleware stack's typed overloads all accept what `add` is given here. */
export interface MiddlewareClient {
  readonly middlewareStack: { add(middleware: never, options: never): void };
}

/**
 * Reads each raw answer before the SDK's deserializer does and throws a NotEc2AnswerError when
 * it is not EC2's (see describeNonEc2Answer). The body is read into memory, as the SDK's own
 * deserializer would, and handed on as bytes.
 */
export function checkEc2Answers(client: MiddlewareClient): void {
  checkQueryAnswers(client, EC2_DIALECT);
}

/** The same check for a CloudFormation client (its Query dialect). */
export function checkCloudFormationAnswers(client: MiddlewareClient): void {
  checkQueryAnswers(client, CLOUDFORMATION_DIALECT);
}

function checkQueryAnswers(client: MiddlewareClient, dialect: QueryDialect): void {
  const check: Middleware = (next, context) => async (args) => {
    const result = await next(args);
    const response = result.response as RawResponse;
    const bytes = await readBody(response.body);
    response.body = bytes;
    const action = (context.commandName ?? '').replace(/Command$/, '');
    const contentType = response.headers['content-type'] ?? response.headers['Content-Type'];
    const problem = describeNonQueryAnswer(
      dialect,
      action,
      response.statusCode,
      contentType,
      Buffer.from(bytes).toString('utf8'),
    );
    if (problem) {
      const endpoint = endpointOf(args.request as RawRequest);
      throw dialect === EC2_DIALECT
        ? new NotEc2AnswerError(action, endpoint, response.statusCode, problem)
        : new NotServiceAnswerError(dialect.service, action, endpoint, response.statusCode, problem);
    }
    return result;
  };
  // Low priority in the deserialize step: inside the SDK's deserializer, next to the HTTP call.
  const options = { step: 'deserialize', name: 'nhsCloudAnswerCheck', priority: 'low' };
  client.middlewareStack.add(check as never, options as never);
}

/** `https://ec2.eu-west-2.amazonaws.com` or `http://127.0.0.1:4566`. */
export function endpointOf(request: RawRequest | undefined): string {
  if (!request?.hostname) return 'unknown endpoint';
  const port = request.port ? `:${request.port}` : '';
  return `${(request.protocol ?? 'https:').replace(/:?$/, ':')}//${request.hostname}${port}`;
}

async function readBody(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}
