/**
 * A command's overall time limit (`--timeout`): every AWS call the command makes races it, so
 * however the endpoint misbehaves (silent, slow, retried), the command ends by then.
 *
 *   const deadline = new Deadline(120_000);
 *   try { ...calls through clients made with { deadline } } finally { deadline.dispose(); }
 */
export class Deadline {
  readonly startedAt = Date.now();
  private readonly timer: NodeJS.Timeout;
  private readonly expired: Promise<void>;

  constructor(
    /** Milliseconds from now. */
    readonly ms: number,
    /** How the user sets it, named in the message: `--timeout 120`. */
    readonly setBy = `--timeout ${ms / 1000}`,
  ) {
    let fire!: () => void;
    this.expired = new Promise<void>((resolve) => (fire = resolve));
    // unref: a pending deadline never keeps the process alive once the work is done.
    this.timer = setTimeout(fire, ms).unref();
  }

  /** Milliseconds since the command started. */
  elapsedMs(): number {
    return Date.now() - this.startedAt;
  }

  /** Settles as `work` does, or rejects with `onExpiry()` when the deadline comes first. */
  race<T>(work: Promise<T>, onExpiry: () => Error): Promise<T> {
    return Promise.race([
      work,
      this.expired.then((): never => {
        throw onExpiry();
      }),
    ]);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

/** The deadline ran out during a call. */
export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceeded';

  constructor(
    readonly deadline: Deadline,
    /** How long this call had been waiting. */
    readonly callMs: number,
  ) {
    super(`the command's deadline (${deadline.setBy}) ran out`);
  }
}

/** `--timeout` in seconds (fractions allowed, for tests) as milliseconds, or why not. */
export function parseTimeoutSeconds(text: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return undefined;
  const ms = Math.round(Number(text) * 1000);
  return ms > 0 ? ms : undefined;
}
