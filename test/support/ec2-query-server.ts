import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { ACTIONS, ServerState } from './ec2-fixtures/actions';
import { faultAction, FaultMode, withRepeatedToken } from './ec2-fixtures/faults';
import { securityGroupState } from './ec2-fixtures/security-group-actions';
import { Ec2Fault, errorDocument, responseDocument, statusOf } from './ec2-fixtures/query';
import { Ec2Fixtures, FixtureAttachment, RecordedRequest, ScriptedError } from './ec2-fixtures/types';

export * from './ec2-fixtures/types';
export { filtersOf } from './ec2-fixtures/query';
export type { FaultMode } from './ec2-fixtures/faults';

/**
 * A local stand-in for the EC2 endpoint that speaks the real Query protocol (form-encoded
 * POST in, namespaced XML out, EC2 error documents and status codes), so code under test runs
 * the real `@aws-sdk/client-ec2` against it: signing, serialisation, retries and parsing included.
 *
 *   const server = await Ec2QueryServer.start({ vpcs: [...] }, { pageSize: 2 });
 *   const ec2 = createEc2Client({ ...testClientOptions(server) });
 *   server.failNext('DescribeVpcs', THROTTLED, THROTTLED); // then it succeeds
 *   server.failWhen((r) => r.params.NextToken === 'page-5', THROTTLED);
 *   server.calls('DescribeVpcs')  // every request, with its form fields
 *   server.fault({ kind: 'html' }, 'DescribeVpcs'); // a proxy's page instead (ec2-fixtures/faults.ts)
 */
export class Ec2QueryServer {
  static async start(
    fixtures: Ec2Fixtures = {},
    options: { pageSize?: number } = {},
  ): Promise<Ec2QueryServer> {
    const server = new Ec2QueryServer(fixtures, options.pageSize ?? 1000);
    await new Promise<void>((resolve) => server.http.listen(0, '127.0.0.1', resolve));
    return server;
  }

  /** Every request received, in order. */
  readonly requests: RecordedRequest[] = [];
  readonly state: ServerState;
  private readonly http: Server;
  private readonly scripts: {
    match: (r: RecordedRequest) => boolean;
    errors: ScriptedError[];
    always: boolean;
  }[] = [];
  private faults: { mode: FaultMode; action: string; seen: number }[] = [];

  private constructor(fixtures: Ec2Fixtures, pageSize: number) {
    this.state = {
      regions: fixtures.regions ?? [],
      vpcs: fixtures.vpcs ?? [],
      transitGateways: fixtures.transitGateways ?? [],
      attachments: fixtures.attachments ?? [],
      routeTables: fixtures.routeTables ?? [],
      vpnConnections: fixtures.vpnConnections ?? [],
      securityGroups: securityGroupState(fixtures.securityGroups),
      account: { ebsEncryptionByDefault: false, ebsDefaultKmsKeyId: 'alias/aws/ebs', ...fixtures.account },
      pageSize,
    };
    this.http = createServer((req, res) => void this.handle(req, res));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  /** Answer the next requests for `action` ('*' for any) with these errors, one each, then resume. */
  failNext(action: string, ...errors: ScriptedError[]): void {
    this.failWhen(forAction(action), ...errors);
  }

  /** Answer the next requests that `match` (e.g. the one asking for a given NextToken) with these errors. */
  failWhen(match: (request: RecordedRequest) => boolean, ...errors: ScriptedError[]): void {
    this.scripts.push({ match, errors, always: false });
  }

  /** Answer every request for `action` ('*' for any) with this error. */
  failAlways(action: string, error: ScriptedError): void {
    this.scripts.push({ match: forAction(action), errors: [error], always: true });
  }

  /** From now on, answer requests for `action` ('*' for any) as the fault mode says. */
  fault(mode: FaultMode, action = '*'): void {
    this.faults.push({ mode, action, seen: 0 });
  }

  /** Adds Transit Gateway attachments, as if they had just been created: later Describes see them. */
  addAttachments(...attachments: FixtureAttachment[]): void {
    this.state.attachments = [...this.state.attachments, ...attachments];
  }

  calls(action: string): RecordedRequest[] {
    return this.requests.filter((r) => r.action === action);
  }

  /** Actions received, in order: a compact way to assert what a run did. */
  actions(): string[] {
    return this.requests.map((r) => r.action);
  }

  /** Stops the server; safe to call twice. */
  async close(): Promise<void> {
    if (!this.http.listening) return;
    this.http.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.http.close((e) => (e ? reject(e) : resolve())));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const params = Object.fromEntries(new URLSearchParams(await bodyOf(req)));
    const action = params.Action ?? '';
    // SigV4 scope: Credential=<key>/<date>/<region>/ec2/aws4_request
    const scope = /Credential=([^/]+)\/\d+\/([^/]+)\//.exec(req.headers.authorization ?? '');
    const request = { action, params, accessKeyId: scope?.[1], region: scope?.[2] };
    this.requests.push(request);

    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId });
      res.end(body);
    };
    const fail = (e: ScriptedError) =>
      send(
        e.status ?? statusOf(e.code),
        errorDocument(e.code, e.message ?? defaultMessage(e.code), requestId),
      );

    const scripted = this.takeScripted(request);
    if (scripted) return fail(scripted);
    const fault = this.takeFault(request);
    switch (fault.kind) {
      case 'error':
        return fail({ code: fault.code, status: fault.status });
      case 'raw':
        res.writeHead(fault.status, { 'content-type': fault.contentType });
        return void res.end(fault.body);
      case 'hang':
        return; // the socket stays open, unanswered, until the client gives up or close()
    }
    if (req.method !== 'POST' || params.Version !== '2016-11-15') {
      return fail({ code: 'InvalidAction', message: 'Expected a POST with Version=2016-11-15.' });
    }
    const run = ACTIONS[action];
    if (!run)
      return fail({
        code: 'InvalidAction',
        message: `The action ${action} is not valid for this web service.`,
      });
    try {
      if (fault.kind === 'repeat-token') {
        const firstPage = Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'NextToken'));
        return send(
          200,
          withRepeatedToken(responseDocument(action, requestId, run(firstPage, this.state)), action),
        );
      }
      const document = responseDocument(action, requestId, run(params, this.state));
      send(200, fault.kind === 'truncate' ? document.slice(0, Math.floor(document.length / 2)) : document);
    } catch (error) {
      if (!(error instanceof Ec2Fault)) throw error;
      fail({ code: error.code, message: error.message });
    }
  }

  private takeFault(request: RecordedRequest) {
    const fault = this.faults.find((f) => forAction(f.action)(request));
    if (!fault) return { kind: 'normal' } as const;
    fault.seen += 1;
    return faultAction(fault.mode, fault.seen);
  }

  private takeScripted(request: RecordedRequest): ScriptedError | undefined {
    const script = this.scripts.find((s) => s.errors.length > 0 && s.match(request));
    return script?.always ? script.errors[0] : script?.errors.shift();
  }
}

const forAction = (action: string) => (r: RecordedRequest) => action === '*' || r.action === action;

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** EC2's own wording for the errors tests script most. */
function defaultMessage(code: string): string {
  const messages: Record<string, string> = {
    RequestLimitExceeded: 'Request limit exceeded.',
    RequestExpired: 'Request has expired.',
    AuthFailure: 'AWS was not able to validate the provided access credentials',
    UnauthorizedOperation: 'You are not authorized to perform this operation.',
  };
  return messages[code] ?? code;
}

export const THROTTLED: ScriptedError = { code: 'RequestLimitExceeded' };
export const EXPIRED: ScriptedError = { code: 'RequestExpired' };
export const DENIED: ScriptedError = { code: 'UnauthorizedOperation' };

export const TEST_CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' };

/**
 * Test credentials and a 1 ms pause between attempts instead of the SDK's backoff (up to
 * seconds), so retries happen for real without waiting; attempts and mode stay the defaults.
 */
export const FAST_CLIENT = { credentials: TEST_CREDENTIALS, backoffMs: 1 } as const;

/**
 * For clients built on the SDK's own retry settings (the Lambda handlers): its standard
 * strategy with a 1 ms backoff. 3 attempts, as the SDK default.
 */
export function fastRetry(maxAttempts = 3): ConfiguredRetryStrategy {
  return new ConfiguredRetryStrategy(maxAttempts, 1);
}

/** Client options that point the real SDK at this server. */
export function testClientOptions(server: Ec2QueryServer, region = 'eu-west-2') {
  return { region, endpoint: server.url, ...FAST_CLIENT };
}
