/**
 * Is an HTTP answer to a Query-protocol call the service's own? The SDK turns anything that
 * parses (an HTML page from a TLS-inspecting proxy, an empty body) into an empty result, so
 * "no VPCs" would pass a check that should fail. EC2 and CloudFormation both answer a call with
 * an XML document whose root element is the action's name plus `Response` and which carries a
 * request id; they differ in the error document and the id's element
 * (EC2: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html, "Query
 * response structures", and .../errors-overview.html; CloudFormation:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/CommonErrors.html and the
 * response examples of each action).
 *
 *   describeNonEc2Answer('DescribeVpcs', 200, 'text/xml', '<DescribeVpcsResponse ...><requestId>..')  -> undefined
 *   describeNonEc2Answer('DescribeVpcs', 200, 'text/html', '<html>..')  -> 'HTTP 200 with an HTML page'
 *   describeNonEc2Answer('DescribeVpcs', 200, 'text/xml', '')           -> 'HTTP 200 with an empty body'
 */

/** How one Query-protocol service shapes its answers. */
export interface QueryDialect {
  /** As messages name it: `EC2`, `CloudFormation`. */
  readonly service: string;
  /** Root element of an error document, and an element it must hold. */
  readonly errorRoot: string;
  readonly errorMarker: string;
  /** The request id every answer carries. */
  readonly requestId: RegExp;
}

export const EC2_DIALECT: QueryDialect = {
  service: 'EC2',
  errorRoot: 'Response',
  errorMarker: '<Errors>',
  requestId: /<requestId>[^<]+<\/requestId>/,
};

export const CLOUDFORMATION_DIALECT: QueryDialect = {
  service: 'CloudFormation',
  errorRoot: 'ErrorResponse',
  errorMarker: '<Error>',
  requestId: /<RequestId>[^<]+<\/RequestId>/,
};

/** What came back instead of the service's answer, or undefined when it is the service's. */
export function describeNonQueryAnswer(
  dialect: QueryDialect,
  action: string,
  status: number,
  contentType: string | undefined,
  body: string,
): string | undefined {
  const head = `HTTP ${status}`;
  const text = body.trim();
  if (text === '') return `${head} with an empty body`;
  if (/html/i.test(contentType ?? '') || /^(<!doctype html|<html)/i.test(text)) {
    return `${head} with an HTML page`;
  }
  const root = rootElement(text);
  if (root === undefined) return `${head} with a body that is not XML (${JSON.stringify(text.slice(0, 40))})`;
  if (status >= 300) {
    // The service's error document; the SDK reads its code and message.
    return root === dialect.errorRoot && text.includes(dialect.errorMarker)
      ? undefined
      : `${head} with <${root}>, not an ${dialect.service} error document`;
  }
  const expected = `${action}Response`;
  if (root !== expected) return `${head} with <${root}> where ${dialect.service} answers <${expected}>`;
  if (!text.endsWith(`</${expected}>`)) return `${head} with a ${expected} cut short (${body.length} bytes)`;
  if (!dialect.requestId.test(text)) return `${head} with a ${expected} without a request id`;
  return undefined;
}

/** EC2's dialect of describeNonQueryAnswer. */
export function describeNonEc2Answer(
  action: string,
  status: number,
  contentType: string | undefined,
  body: string,
): string | undefined {
  return describeNonQueryAnswer(EC2_DIALECT, action, status, contentType, body);
}

/** The name of the first element, after an XML declaration, comments and whitespace. */
function rootElement(text: string): string | undefined {
  const rest = text.replace(/^(\s*(<\?xml[^>]*\?>|<!--[\s\S]*?-->))*\s*/, '');
  return /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1];
}

/**
 * Thrown in place of a deserialized result when the answer is not the service's. Answers with
 * a 5xx or 429 status carry it in `$metadata`, so the SDK retries them as it retries the
 * service's own server errors and throttling; a 2xx that is not the service's answer (a proxy's
 * page) is not retried, since the same proxy would answer the same way.
 */
export class NotServiceAnswerError extends Error {
  override readonly name: string = 'NotServiceAnswer';
  readonly $metadata: { httpStatusCode: number; attempts?: number };

  constructor(
    /** `EC2`, `CloudFormation`. */
    readonly service: string,
    /** The action, e.g. DescribeVpcs. */
    readonly action: string,
    /** The endpoint that answered, e.g. https://ec2.eu-west-2.amazonaws.com. */
    readonly endpoint: string,
    readonly status: number,
    /** What came back instead, e.g. 'HTTP 200 with an HTML page'. */
    readonly problem: string,
  ) {
    super(`the endpoint at ${endpoint} did not answer as ${service} (a proxy?): ${action} got ${problem}`);
    this.$metadata = { httpStatusCode: status };
  }
}

/** EC2's NotServiceAnswerError. */
export class NotEc2AnswerError extends NotServiceAnswerError {
  override readonly name = 'NotEc2Answer';

  constructor(action: string, endpoint: string, status: number, problem: string) {
    super('EC2', action, endpoint, status, problem);
  }
}
