import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { fastRetry, TEST_CREDENTIALS } from './ec2-query-server';

/** A stack as the fixture describes it: parameters, outputs and resources by logical ID. */
export interface FixtureStack {
  readonly name: string;
  readonly parameters?: Readonly<Record<string, string>>;
  readonly outputs?: Readonly<Record<string, string>>;
  /** Logical ID -> [type, physical ID]. */
  readonly resources?: Readonly<Record<string, readonly [string, string]>>;
}

const NS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const members = (items: string[]) => items.map((i) => `<member>${i}</member>`).join('');

/**
 * A local stand-in for the CloudFormation endpoint that speaks its Query protocol (form POST
 * in, namespaced XML out, Query error documents), for the two calls preflight makes:
 * DescribeStacks and ListStackResources. The real `@aws-sdk/client-cloudformation` talks to it.
 */
export class CloudFormationQueryServer {
  static async start(
    stacks: readonly FixtureStack[],
    denied: readonly string[] = [],
  ): Promise<CloudFormationQueryServer> {
    const server = new CloudFormationQueryServer(stacks, denied);
    await new Promise<void>((resolve) => server.http.listen(0, '127.0.0.1', resolve));
    return server;
  }

  readonly actions: string[] = [];
  private readonly http: Server;

  private constructor(
    private readonly stacks: readonly FixtureStack[],
    private readonly denied: readonly string[],
  ) {
    this.http = createServer((req, res) => void this.handle(req, res));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  clientOptions(region = 'eu-west-2') {
    return { region, endpoint: this.url, credentials: TEST_CREDENTIALS, retryStrategy: fastRetry() };
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.http.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => resolve(text));
    });
    const params = new URLSearchParams(body);
    const action = params.get('Action') ?? '';
    this.actions.push(action);
    const send = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'text/xml' });
      res.end(text);
    };
    if (this.denied.includes(action))
      return send(
        403,
        `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform: cloudformation:${action}</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
      );
    if (action === 'DescribeStacks') {
      const stacks = this.stacks.map(
        (s) =>
          `<StackName>${xml(s.name)}</StackName><StackId>arn:aws:cloudformation:eu-west-2:200000000003:stack/${xml(s.name)}/1</StackId>` +
          `<CreationTime>2026-01-01T00:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus>` +
          `<Parameters>${members(Object.entries(s.parameters ?? {}).map(([k, v]) => `<ParameterKey>${k}</ParameterKey><ParameterValue>${xml(v)}</ParameterValue>`))}</Parameters>` +
          `<Outputs>${members(Object.entries(s.outputs ?? {}).map(([k, v]) => `<OutputKey>${k}</OutputKey><OutputValue>${xml(v)}</OutputValue>`))}</Outputs>`,
      );
      return send(
        200,
        `<DescribeStacksResponse xmlns="${NS}"><DescribeStacksResult><Stacks>${members(stacks)}</Stacks></DescribeStacksResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeStacksResponse>`,
      );
    }
    if (action === 'ListStackResources') {
      const stack = this.stacks.find((s) => s.name === params.get('StackName'));
      const resources = Object.entries(stack?.resources ?? {}).map(
        ([id, [type, physical]]) =>
          `<LogicalResourceId>${xml(id)}</LogicalResourceId><PhysicalResourceId>${xml(physical)}</PhysicalResourceId><ResourceType>${type}</ResourceType>` +
          `<LastUpdatedTimestamp>2026-01-01T00:00:00Z</LastUpdatedTimestamp><ResourceStatus>CREATE_COMPLETE</ResourceStatus>`,
      );
      return send(
        200,
        `<ListStackResourcesResponse xmlns="${NS}"><ListStackResourcesResult><StackResourceSummaries>${members(resources)}</StackResourceSummaries></ListStackResourcesResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListStackResourcesResponse>`,
      );
    }
    return send(
      400,
      `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>${xml(action)}</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
    );
  }
}
