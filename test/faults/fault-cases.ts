import { FaultMode } from '../support/ec2-query-server';

/**
 * The fault suite's modes (test/support/ec2-fixtures/faults.ts) and what an AWS-facing command
 * must do under each: end by itself, within its bound, with exit 0 where retries should carry it
 * through, and otherwise exit 4 with a message that names the call and the problem.
 */
export interface FaultCase {
  readonly name: string;
  readonly mode: FaultMode;
  /** The EC2 action the fault applies to. @default every action */
  readonly action?: string;
  /** 0: the command must succeed despite the fault. */
  readonly exit: 0 | 4;
  /** What stderr must say (exit 4). */
  readonly message?: RegExp;
}

/** How the commands' calls are named, for the messages. */
export interface CallNames {
  /** The first call the command makes. */
  readonly first: string;
  /** The call it makes after the first answer. */
  readonly second: string;
  /** A NextToken-paged call it makes. */
  readonly paged: string;
}

const ENDPOINT = String.raw`http://127\.0\.0\.1:\d+`;
const re = (text: string) => new RegExp(text);

/** Test settings: 5 attempts (the default), 250 ms per request, no real backoff. */
export const ATTEMPTS = 5;

export function faultCases({ first, second, paged }: CallNames): FaultCase[] {
  return [
    { name: 'throttled 4 times, then answers', mode: { kind: 'throttle', times: ATTEMPTS - 1 }, exit: 0 },
    {
      name: 'throttled on every attempt',
      mode: { kind: 'throttle', times: 100 },
      exit: 4,
      message: re(
        String.raw`EC2 throttled ec2:${first} \(RequestLimitExceeded\) and it still failed after ${ATTEMPTS} attempts`,
      ),
    },
    { name: '503 twice, then answers', mode: { kind: '5xx', status: 503, times: 2 }, exit: 0 },
    {
      name: '500 InternalError on every attempt',
      mode: { kind: '5xx', status: 500 },
      exit: 4,
      message: re(
        String.raw`EC2 answered ec2:${first} with HTTP 500 \(InternalError\) on all ${ATTEMPTS} attempts`,
      ),
    },
    {
      name: "a load balancer's 502 page on every attempt",
      mode: { kind: '5xx', status: 502, html: true },
      exit: 4,
      message: re(
        String.raw`the endpoint at ${ENDPOINT} did not answer as EC2 \(a proxy\?\): ec2:${first} got HTTP 502 with an HTML page on all ${ATTEMPTS} attempts`,
      ),
    },
    {
      name: 'no answer at all',
      mode: { kind: 'hang' },
      exit: 4,
      message: re(
        String.raw`no answer in time: ec2:${first} to the endpoint at ${ENDPOINT} timed out on all ${ATTEMPTS} attempts`,
      ),
    },
    {
      name: 'no answer after the first request',
      mode: { kind: 'hang', after: 1 },
      exit: 4,
      message: re(
        String.raw`no answer in time: ec2:${second} to the endpoint at ${ENDPOINT} timed out on all ${ATTEMPTS} attempts`,
      ),
    },
    {
      name: 'XML cut short',
      mode: { kind: 'truncated' },
      exit: 4,
      message: re(
        String.raw`the endpoint at ${ENDPOINT} did not answer as EC2 \(a proxy\?\): ec2:${first} got HTTP 200 with a ${first}Response cut short`,
      ),
    },
    {
      name: 'a 200 HTML page',
      mode: { kind: 'html' },
      exit: 4,
      message: re(
        String.raw`the endpoint at ${ENDPOINT} did not answer as EC2 \(a proxy\?\): ec2:${first} got HTTP 200 with an HTML page`,
      ),
    },
    {
      name: 'a 200 empty body',
      mode: { kind: 'empty' },
      exit: 4,
      message: re(
        String.raw`the endpoint at ${ENDPOINT} did not answer as EC2 \(a proxy\?\): ec2:${first} got HTTP 200 with an empty body`,
      ),
    },
    {
      name: 'the same NextToken again and again',
      mode: { kind: 'repeat-token' },
      action: paged,
      exit: 4,
      message: re(
        String.raw`the endpoint at ${ENDPOINT} did not page as EC2 does: ec2:${paged} returned the same NextToken twice`,
      ),
    },
  ];
}

/** A failure prints one message: no stack frames, no "internal error". */
export function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('internal error');
}
