/**
 * Progress of `nhs-cloud check` on stderr, one line per phase with its elapsed time. On a
 * terminal a live line under the finished ones names the phases still running and counts up;
 * anywhere else (CI logs, pipes, tests) each phase prints one plain line when it ends, so logs
 * hold no control characters.
 */
export interface Progress {
  start(phase: string, what: string): void;
  end(phase: string, status: PhaseStatus, seconds: number, summary: string): void;
  stop(): void;
}

export type PhaseStatus = 'pass' | 'fail' | 'skip';

const MARK: Record<PhaseStatus, string> = { pass: 'ok', fail: 'FAILED', skip: 'skipped' };
const CLEAR_LINE = '\r\x1b[2K';

export function createProgress(
  write: (text: string) => void,
  tty: boolean,
  now = () => Date.now(),
): Progress {
  const running = new Map<string, { what: string; started: number }>();
  let timer: NodeJS.Timeout | undefined;
  const draw = () => {
    if (running.size === 0) return;
    const first = Math.min(...[...running.values()].map((r) => r.started));
    const what = [...running].map(([phase, r]) =>
      running.size === 1 ? `${phase.padEnd(9)} ${r.what}` : phase,
    );
    write(`${CLEAR_LINE}  ${what.join(', ')} ... ${((now() - first) / 1000).toFixed(0)} s`);
  };
  const stopTimer = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  return {
    start(phase, what) {
      if (!tty) return;
      running.set(phase, { what, started: now() });
      draw();
      if (!timer) {
        timer = setInterval(draw, 500);
        timer.unref();
      }
    },
    end(phase, status, elapsed, summary) {
      running.delete(phase);
      if (running.size === 0) stopTimer();
      const line = `  ${phase.padEnd(9)} ${MARK[status].padEnd(7)} ${elapsed.toFixed(1).padStart(5)} s  ${summary}`;
      write(tty ? `${CLEAR_LINE}${line}\n` : `${line}\n`);
      if (tty) draw();
    },
    stop: stopTimer,
  };
}
