/**
 * The ways a network or a proxy in front of EC2 misbehaves, for the fault suite (test/faults).
 * Each mode applies to the requests for one action ('*' for all) from the moment it is set.
 */
export type FaultMode =
  /** EC2's own throttling error (503 RequestLimitExceeded) `times` times, then normal answers. */
  | { readonly kind: 'throttle'; readonly times: number }
  /**
   * A server error: EC2's error document (500 InternalError, 503 Unavailable), or a load
   * balancer's HTML page (`html`); every time, or the first `times` times.
   */
  | {
      readonly kind: '5xx';
      readonly status: 500 | 502 | 503;
      readonly html?: boolean;
      readonly times?: number;
    }
  /** No answer at all, after answering the first `after` requests normally. */
  | { readonly kind: 'hang'; readonly after?: number }
  /** EC2's answer cut in half (a proxy's buffer limit). */
  | { readonly kind: 'truncated' }
  /** 200 with an HTML page (a TLS-inspecting proxy's login or block page). */
  | { readonly kind: 'html' }
  /** 200 with nothing in the body. */
  | { readonly kind: 'empty' }
  /** The first page every time, always with the same NextToken. */
  | { readonly kind: 'repeat-token' };

/** What the server does with one request under a fault. */
export type FaultAction =
  | { readonly kind: 'normal' }
  | { readonly kind: 'error'; readonly status: number; readonly code: string }
  | { readonly kind: 'raw'; readonly status: number; readonly contentType: string; readonly body: string }
  | { readonly kind: 'hang' }
  | { readonly kind: 'truncate' }
  | { readonly kind: 'repeat-token' };

export const PROXY_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in to continue</title></head><body><h1>Web filter</h1></body></html>';
const BAD_GATEWAY =
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';

/** The action for the `n`th request (1-based) the mode applies to. */
export function faultAction(mode: FaultMode, n: number): FaultAction {
  switch (mode.kind) {
    case 'throttle':
      return n <= mode.times
        ? { kind: 'error', status: 503, code: 'RequestLimitExceeded' }
        : { kind: 'normal' };
    case '5xx':
      if (mode.times !== undefined && n > mode.times) return { kind: 'normal' };
      if (mode.html) return { kind: 'raw', status: mode.status, contentType: 'text/html', body: BAD_GATEWAY };
      return {
        kind: 'error',
        status: mode.status,
        code: mode.status === 503 ? 'Unavailable' : 'InternalError',
      };
    case 'hang':
      return n > (mode.after ?? 0) ? { kind: 'hang' } : { kind: 'normal' };
    case 'truncated':
      return { kind: 'truncate' };
    case 'html':
      return { kind: 'raw', status: 200, contentType: 'text/html; charset=utf-8', body: PROXY_PAGE };
    case 'empty':
      return { kind: 'raw', status: 200, contentType: 'text/xml;charset=UTF-8', body: '' };
    case 'repeat-token':
      return { kind: 'repeat-token' };
  }
}

/** The answer with its nextToken replaced (or added) by one that never changes. */
export function withRepeatedToken(document: string, action: string): string {
  const token = '<nextToken>page-repeat</nextToken>';
  return /<nextToken>[^<]*<\/nextToken>/.test(document)
    ? document.replace(/<nextToken>[^<]*<\/nextToken>/, token)
    : document.replace(`</${action}Response>`, `${token}</${action}Response>`);
}
