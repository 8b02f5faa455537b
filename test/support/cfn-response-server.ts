import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** A PUT as the stand-in for CloudFormation's pre-signed S3 URL received it. */
export interface ReceivedResponse {
  readonly method?: string;
  /** Path and query, as the handler sent them. */
  readonly url?: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/**
 * A local HTTP server on 127.0.0.1 standing in for the response URL CloudFormation gives a
 * custom resource, so a handler's real PUT (headers, body, status handling) is what tests see.
 *
 *   const responses = await CfnResponseServer.start();
 *   await handler({ ...event, ResponseURL: responses.url });
 *   JSON.parse(responses.received[0].body)  // { Status: 'SUCCESS', ... }
 */
export class CfnResponseServer {
  static async start(): Promise<CfnResponseServer> {
    const server = new CfnResponseServer();
    await new Promise<void>((resolve) => server.http.listen(0, '127.0.0.1', resolve));
    return server;
  }

  readonly received: ReceivedResponse[] = [];
  /** The status S3 answers with; a test sets e.g. 403 for an expired URL. */
  status = 200;
  private readonly http: Server;

  private constructor() {
    this.http = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.received.push({ method: req.method, url: req.url, headers: req.headers, body });
        res.writeHead(this.status).end();
      });
    });
  }

  /** Shaped like a pre-signed S3 URL, so the test also shows the query string survives. */
  get url(): string {
    const port = (this.http.address() as AddressInfo).port;
    return `http://127.0.0.1:${port}/cloudformation-custom-resource-response/stack-event?X-Amz-Signature=abc123`;
  }

  /** The one response body received, parsed; fails unless exactly one PUT arrived. */
  only(): unknown {
    if (this.received.length !== 1) throw new Error(`expected one response, got ${this.received.length}`);
    return JSON.parse(this.received[0]!.body);
  }

  async close(): Promise<void> {
    if (!this.http.listening) return;
    this.http.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.http.close((e) => (e ? reject(e) : resolve())));
  }
}
