import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RETRY, resolveRetrySettings, retryStrategyFor } from '../../lib/aws/retry-settings';
import { preflightCommand } from '../../lib/cli/commands/preflight';
import { Ec2Fixtures, Ec2QueryServer, FAST_CLIENT } from '../support/ec2-query-server';
import { runCommand, writeTestConfig } from '../support/ec2-fixtures/run-command';

/**
 * Retries follow the standard AWS settings (environment, then the profile, then our default of
 * 5), in both modes. Each test throttles DescribeRegions, preflight's first call, N times in a
 * row and counts the attempts the server saw.
 */
const CONFIG = writeTestConfig();
const HOME = mkdtempSync(join(tmpdir(), 'nhs-cloud-aws-config-'));
afterAll(() => {
  rmSync(CONFIG, { recursive: true, force: true });
  rmSync(HOME, { recursive: true, force: true });
});
const READY: Ec2Fixtures = {
  regions: [{ name: 'eu-west-2', optInStatus: 'opt-in-not-required' }],
  vpcs: [{ id: 'vpc-0legacy', cidr: '10.200.0.0/16', ownerId: '200000000003' }],
  transitGateways: [{ id: 'tgw-0hub', ownerId: '100000000004' }],
};
const SAVED = { ...process.env };
let server: Ec2QueryServer;
afterEach(async () => {
  process.env = { ...SAVED };
  await server?.close();
});

/** A shared config file with one profile, selected with AWS_PROFILE. */
function useProfile(lines: string[]): void {
  const file = join(HOME, `config-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, ['[profile nhs]', ...lines, ''].join('\n'));
  process.env.AWS_CONFIG_FILE = file;
  process.env.AWS_PROFILE = 'nhs';
}

async function throttledPreflight(throttles: number) {
  server = await Ec2QueryServer.start(READY);
  server.fault({ kind: 'throttle', times: throttles }, 'DescribeRegions');
  const result = await runCommand(
    (io) => preflightCommand(io, FAST_CLIENT),
    ['preflight', '--tenant', 'RAA', '--env', 'prod', '--config', CONFIG, '--endpoint', server.url],
  );
  return { ...result, attempts: server.calls('DescribeRegions').length };
}

describe('attempts', () => {
  test('with AWS_MAX_ATTEMPTS=6, four throttles in a row are survived', async () => {
    process.env.AWS_MAX_ATTEMPTS = '6';
    expect(await throttledPreflight(4)).toMatchObject({ code: 0, attempts: 5 });
  });

  test('AWS_MAX_ATTEMPTS=6 survives five throttles, which the default of 5 does not', async () => {
    expect(await throttledPreflight(5)).toMatchObject({ code: 4, attempts: 5 });
    await server.close();
    process.env.AWS_MAX_ATTEMPTS = '6';
    expect(await throttledPreflight(5)).toMatchObject({ code: 0, attempts: 6 });
  });

  test('AWS_MAX_ATTEMPTS can lower it too, and the message says where the limit came from', async () => {
    process.env.AWS_MAX_ATTEMPTS = '2';
    const result = await throttledPreflight(2);
    expect(result).toMatchObject({ code: 4, attempts: 2 });
    expect(result.stderr).toContain('failed after 2 attempts');
    expect(result.stderr).toContain(
      'To allow more attempts set AWS_MAX_ATTEMPTS (now 2, from AWS_MAX_ATTEMPTS)',
    );
  });

  test("the profile's max_attempts applies when the environment sets none", async () => {
    useProfile(['max_attempts = 2']);
    const result = await throttledPreflight(2);
    expect(result).toMatchObject({ code: 4, attempts: 2 });
    expect(result.stderr).toContain('(now 2, from max_attempts in profile nhs)');
  });

  test('the environment wins over the profile', async () => {
    useProfile(['max_attempts = 2']);
    process.env.AWS_MAX_ATTEMPTS = '6';
    expect(await throttledPreflight(5)).toMatchObject({ code: 0, attempts: 6 });
  });

  test('a value that is not a number of attempts is bad input, before any call', async () => {
    process.env.AWS_MAX_ATTEMPTS = 'lots';
    const result = await throttledPreflight(0);
    expect(result).toMatchObject({
      code: 2,
      stderr:
        'AWS_MAX_ATTEMPTS: expected a whole number of attempts of at least 1, got "lots"\n  hint: e.g. AWS_MAX_ATTEMPTS=6 (the first attempt counts)\n',
      attempts: 0,
    });
  });
});

describe('mode', () => {
  test('standard with 5 attempts when nothing is set', async () => {
    await expect(resolveRetrySettings()).resolves.toEqual(DEFAULT_RETRY);
    expect(DEFAULT_RETRY).toEqual({ maxAttempts: 5, mode: 'standard', maxAttemptsFrom: 'the default' });
    expect(retryStrategyFor(DEFAULT_RETRY).mode).toBe('standard');
  });

  test('AWS_RETRY_MODE=adaptive gives the adaptive strategy, and it carries a run through throttling', async () => {
    process.env.AWS_RETRY_MODE = 'adaptive';
    const settings = await resolveRetrySettings();
    expect(settings.mode).toBe('adaptive');
    expect(retryStrategyFor(settings).mode).toBe('adaptive');
    const started = Date.now();
    expect(await throttledPreflight(4)).toMatchObject({ code: 0, attempts: 5 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("the profile's retry_mode applies, and the AWS CLI's legacy reads as standard", async () => {
    useProfile(['retry_mode = adaptive', 'max_attempts = 7']);
    await expect(resolveRetrySettings()).resolves.toEqual({
      maxAttempts: 7,
      mode: 'adaptive',
      maxAttemptsFrom: 'max_attempts in profile nhs',
    });
    process.env.AWS_RETRY_MODE = 'legacy';
    await expect(resolveRetrySettings()).resolves.toMatchObject({ mode: 'standard' });
  });

  test('an unknown mode is bad input', async () => {
    process.env.AWS_RETRY_MODE = 'eager';
    await expect(resolveRetrySettings()).rejects.toThrow(
      'AWS_RETRY_MODE: expected standard or adaptive, got "eager"\n  hint: e.g. AWS_RETRY_MODE=adaptive',
    );
  });
});
