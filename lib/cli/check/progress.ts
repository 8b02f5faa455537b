/**
 * Progress of `nhs-cloud check` on stderr, one line per phase with its elapsed time. On a
 * terminal the current phase's line counts up in place; anywhere else (CI logs, pipes, tests)
 * each phase prints one plain line when it ends, so logs hold no control characters.
 */
export interface Progress {
  start(phase: string, what: string): void;
  end(phase: string, status: PhaseStatus, seconds: number, summary: string): void;
  stop(): void;
}

export type PhaseStatus = 'pass' | 'fail' | 'skip';

const MARK: Record<PhaseStatus, string> = { pass: 'ok', fail: 'FAILED', skip: 'skipped' };

export function createProgress(
  write: (text: string) => void,
  tty: boolean,
  now = () => Date.now(),
): Progress {
  let timer: NodeJS.Timeout | undefined;
  const clear = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  return {
    start(phase, what) {
      if (!tty) return;
      const started = now();
      const draw = () => write(`\r\x1b[2K  ${phase.padEnd(9)} ${what} ... ${seconds(now() - started)}`);
      draw();
      clear();
      timer = setInterval(draw, 500);
      timer.unref();
    },
    end(phase, status, elapsed, summary) {
      clear();
      const line = `  ${phase.padEnd(9)} ${MARK[status].padEnd(7)} ${elapsed.toFixed(1).padStart(5)} s  ${summary}`;
      write(tty ? `\r\x1b[2K${line}\n` : `${line}\n`);
    },
    stop: clear,
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(0)} s`;
}
