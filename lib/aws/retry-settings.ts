import { loadConfig } from '@smithy/core/config';
import { AdaptiveRetryStrategy, DefaultRateLimiter, StandardRetryStrategy } from '@smithy/core/retry';
import { UserInputError } from '../errors/user-input-error';

/**
 * How many times a call is tried and how retries are paced, read as every AWS SDK and the AWS
 * CLI read them: the environment (AWS_MAX_ATTEMPTS, AWS_RETRY_MODE), then the profile in the
 * shared config file (max_attempts, retry_mode), then our default
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html).
 */
export interface RetrySettings {
  /** Attempts per call, the first included. */
  readonly maxAttempts: number;
  /** `adaptive` also slows the client down when AWS throttles it. */
  readonly mode: RetryMode;
  /** Where `maxAttempts` came from, for messages: `AWS_MAX_ATTEMPTS`, `max_attempts in profile X`, `the default`. */
  readonly maxAttemptsFrom: string;
}

export type RetryMode = 'standard' | 'adaptive';

/**
 * Five attempts, not the SDKs' three: the checks only read, so a retry costs nothing but time,
 * and a national run makes enough Describe calls to meet three throttles in a row.
 */
export const DEFAULT_RETRY: RetrySettings = {
  maxAttempts: 5,
  mode: 'standard',
  maxAttemptsFrom: 'the default',
};

type Found = { readonly value: string; readonly from: string };

/** Reads the settings; a value that is not a number of attempts or a mode is bad input (exit 2). */
export async function resolveRetrySettings(): Promise<RetrySettings> {
  const profile = process.env.AWS_PROFILE || 'default';
  const find = (env: string, key: string) =>
    loadConfig<Found | undefined>(
      {
        environmentVariableSelector: (e) => (e[env] ? { value: e[env]!, from: env } : undefined),
        configFileSelector: (p) =>
          p[key] ? { value: p[key]!, from: `${key} in profile ${profile}` } : undefined,
        default: undefined,
      },
      { profile },
    )();
  const [attempts, mode] = await Promise.all([
    find('AWS_MAX_ATTEMPTS', 'max_attempts'),
    find('AWS_RETRY_MODE', 'retry_mode'),
  ]);
  return {
    maxAttempts: attempts ? parseAttempts(attempts) : DEFAULT_RETRY.maxAttempts,
    mode: mode ? parseMode(mode) : DEFAULT_RETRY.mode,
    maxAttemptsFrom: attempts ? attempts.from : DEFAULT_RETRY.maxAttemptsFrom,
  };
}

function parseAttempts(found: Found): number {
  const n = Number(found.value);
  if (/^\d+$/.test(found.value.trim()) && n >= 1) return n;
  throw UserInputError.at(
    { flag: found.from },
    `expected a whole number of attempts of at least 1, got ${JSON.stringify(found.value)}`,
    {
      hint: 'e.g. AWS_MAX_ATTEMPTS=6 (the first attempt counts)',
    },
  );
}

/** `legacy` is the AWS CLI's older mode; the JavaScript SDK treats it as standard. */
function parseMode(found: Found): RetryMode {
  const mode = found.value.trim();
  if (mode === 'adaptive') return 'adaptive';
  if (mode === 'standard' || mode === 'legacy') return 'standard';
  throw UserInputError.at(
    { flag: found.from },
    `expected standard or adaptive, got ${JSON.stringify(found.value)}`,
    {
      hint: 'e.g. AWS_RETRY_MODE=adaptive',
    },
  );
}

/**
 * The SDK's own strategy for the settings. `backoffMs` (tests) replaces its exponential backoff
 * with a fixed pause and makes the adaptive rate limiter's slowest pace one call per
 * `backoffMs`, so retries and rate limiting happen for real without waiting seconds.
 */
export function retryStrategyFor(settings: RetrySettings, backoffMs?: number) {
  if (backoffMs === undefined) {
    return settings.mode === 'adaptive'
      ? new AdaptiveRetryStrategy(settings.maxAttempts, { maxAttempts: settings.maxAttempts })
      : new StandardRetryStrategy({ maxAttempts: settings.maxAttempts });
  }
  const backoff = { computeNextBackoffDelay: () => backoffMs, setDelayBase: () => undefined };
  const options = { maxAttempts: settings.maxAttempts, backoff };
  return settings.mode === 'adaptive'
    ? new AdaptiveRetryStrategy(settings.maxAttempts, {
        ...options,
        rateLimiter: new DefaultRateLimiter({ minFillRate: 1000 / Math.max(backoffMs, 1) }),
      })
    : new StandardRetryStrategy(options);
}
