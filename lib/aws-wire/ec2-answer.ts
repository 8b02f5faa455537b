/**
 * Is an HTTP answer to an EC2 Query call EC2's? The SDK turns anything that parses (an HTML
 * page from a TLS-inspecting proxy, an empty body) into an empty result, so "no VPCs" would
 * pass a check that should fail. EC2 answers a call with an XML document whose root element is
 * the action's name plus `Response` and which carries a `requestId`, and an error with a
 * `<Response><Errors>` document
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html, "Query response
 * structures"; https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
 *
 *   describeNonEc2Answer('DescribeVpcs', 200, 'text/xml', '<DescribeVpcsResponse ...><requestId>..')  -> undefined
 *   describeNonEc2Answer('DescribeVpcs', 200, 'text/html', '<html>..')  -> 'HTTP 200 with an HTML page'
 *   describeNonEc2Answer('DescribeVpcs', 200, 'text/xml', '')           -> 'HTTP 200 with an empty body'
 */
export function describeNonEc2Answer(
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
    // An EC2 error document; the SDK reads its code and message.
    return root === 'Response' && text.includes('<Errors>')
      ? undefined
      : `${head} with <${root}>, not an EC2 error document`;
  }
  const expected = `${action}Response`;
  if (root !== expected) return `${head} with <${root}> where EC2 answers <${expected}>`;
  if (!text.endsWith(`</${expected}>`)) return `${head} with a ${expected} cut short (${body.length} bytes)`;
  if (!/<requestId>[^<]+<\/requestId>/.test(text)) return `${head} with a ${expected} without a requestId`;
  return undefined;
}

/** The name of the first element, after an XML declaration, comments and whitespace. */
function rootElement(text: string): string | undefined {
  const rest = text.replace(/^(\s*(<\?xml[^>]*\?>|<!--[\s\S]*?-->))*\s*/, '');
  return /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1];
}

/**
 * Thrown in place of a deserialized result when the answer is not EC2's. Answers with a 5xx
 * or 429 status carry it in `$metadata`, so the SDK retries them as it retries EC2's own
 * server errors and throttling; a 2xx that is not EC2's answer (a proxy's page) is not retried,
 * since the same proxy would answer the same way.
 */
export class NotEc2AnswerError extends Error {
  override readonly name = 'NotEc2Answer';
  readonly $metadata: { httpStatusCode: number; attempts?: number };

  constructor(
    /** The EC2 action, e.g. DescribeVpcs. */
    readonly action: string,
    /** The endpoint that answered, e.g. https://ec2.eu-west-2.amazonaws.com. */
    readonly endpoint: string,
    readonly status: number,
    /** What came back instead, e.g. 'HTTP 200 with an HTML page'. */
    readonly problem: string,
  ) {
    super(`the endpoint at ${endpoint} did not answer as EC2 (a proxy?): ${action} got ${problem}`);
    this.$metadata = { httpStatusCode: status };
  }
}
