import { describeNonEc2Answer } from '../../lib/aws-wire/ec2-answer';
import { readPages, RepeatedNextTokenError } from '../../lib/aws-wire/pages';

const OK =
  '<?xml version="1.0" encoding="UTF-8"?>\n<DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">' +
  '<requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><vpcSet/></DescribeVpcsResponse>';
const ERROR =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>InternalError</Code>' +
  '<Message>An internal error has occurred</Message></Error></Errors><RequestID>ea966190</RequestID></Response>';

describe('describeNonEc2Answer', () => {
  test.each<[string, number, string, string, string | undefined]>([
    ["EC2's answer", 200, 'text/xml;charset=UTF-8', OK, undefined],
    ["EC2's error document", 500, 'text/xml', ERROR, undefined],
    ['an HTML page by its content type', 200, 'text/html', '<p>hi</p>', 'HTTP 200 with an HTML page'],
    [
      'an HTML page by its text',
      200,
      'text/xml',
      '<!DOCTYPE html><html></html>',
      'HTTP 200 with an HTML page',
    ],
    ['an empty body', 200, 'text/xml', '  \n', 'HTTP 200 with an empty body'],
    [
      'JSON',
      200,
      'application/json',
      '{"Vpcs":[]}',
      'HTTP 200 with a body that is not XML ("{\\"Vpcs\\":[]}")',
    ],
    [
      "another action's answer",
      200,
      'text/xml',
      OK.replace(/DescribeVpcsResponse/g, 'DescribeSubnetsResponse'),
      'HTTP 200 with <DescribeSubnetsResponse> where EC2 answers <DescribeVpcsResponse>',
    ],
    [
      'a cut-short answer',
      200,
      'text/xml',
      OK.slice(0, 150),
      'HTTP 200 with a DescribeVpcsResponse cut short (150 bytes)',
    ],
    [
      'an answer without a request ID',
      200,
      'text/xml',
      OK.replace(/<requestId>.*<\/requestId>/, ''),
      'HTTP 200 with a DescribeVpcsResponse without a request id',
    ],
    [
      "an error that is not EC2's",
      403,
      'text/xml',
      '<Error>denied</Error>',
      'HTTP 403 with <Error>, not an EC2 error document',
    ],
    [
      "a load balancer's 502 page",
      502,
      'text/html',
      '<html>Bad Gateway</html>',
      'HTTP 502 with an HTML page',
    ],
  ])('%s', (_name, status, contentType, body, expected) => {
    expect(describeNonEc2Answer('DescribeVpcs', status, contentType, body)).toBe(expected);
  });
});

describe('readPages', () => {
  const pages: Record<string, { NextToken?: string; items: number[] }> = {
    start: { NextToken: 'a', items: [1, 2] },
    a: { NextToken: 'b', items: [3] },
    b: { items: [4] },
  };

  test('reads every page, sending each NextToken back', async () => {
    const asked: (string | undefined)[] = [];
    const items = await readPages(
      'ec2:DescribeVpcs',
      async (token) => {
        asked.push(token);
        return pages[token ?? 'start']!;
      },
      (p) => p.items,
    );
    expect(items).toEqual([1, 2, 3, 4]);
    expect(asked).toEqual([undefined, 'a', 'b']);
  });

  test('stops when a token comes back a second time', async () => {
    const looping = { NextToken: 'same', items: [1] };
    const error = await readPages(
      'ec2:DescribeVpcs',
      async () => looping,
      (p) => p.items,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(RepeatedNextTokenError);
    expect(error).toMatchObject({
      message:
        'ec2:DescribeVpcs returned the same NextToken twice (after 2 pages): stopped rather than read forever',
      page: looping,
    });
  });
});
