import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** One measured run of a child process. */
export interface Measurement {
  readonly command: string;
  readonly wallMs: number;
  /** Peak resident set size of the largest process in the child's tree, in MiB. */
  readonly peakRssMiB: number;
  /** User + system CPU time of the tree (`time -v` only): less sensitive than wall time to a busy machine. */
  readonly cpuMs?: number;
  /** 1-minute load average when the run started: read wall times against it. */
  readonly loadAverage: number;
  readonly exitCode: number;
  /** How RSS was measured: `/usr/bin/time -v` or polling /proc. */
  readonly method: 'time-v' | 'proc-poll';
  /** The last lines of stderr when the command failed. */
  readonly errorTail?: string;
  /**
   * The run finished its work but exited non-zero for a known, reported reason: a synth whose
   * capacity plan is unmet writes its assembly, then fails on the do-not-deploy error that
   * `capacityGate=warn` adds. Its time is a full synth's.
   */
  readonly completedDespite?: string;
}

export interface MeasureOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Kill the run after this long. @default 30 minutes */
  readonly timeoutMs?: number;
  /** A non-zero exit whose stderr matches `pattern` still counts as completed, for `reason`. */
  readonly completedDespite?: { readonly pattern: RegExp; readonly reason: string };
}

const TIME = '/usr/bin/time';

/**
 * Runs `argv` and reports wall time and peak RSS. Prefers GNU time's `-v` (its maximum
 * resident set size covers every descendant that was waited for, i.e. the largest single
 * process); without it, polls /proc every 50 ms for the tree's VmHWM.
 */
export async function measure(argv: readonly string[], options: MeasureOptions = {}): Promise<Measurement> {
  const useTime = existsSync(TIME);
  const full = useTime ? [TIME, '-v', ...argv] : [...argv];
  const loadAverage = Math.round(loadavg()[0] * 10) / 10;
  const started = process.hrtime.bigint();
  const child = spawn(full[0], full.slice(1), {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let matched = false;
  child.stderr.on('data', (chunk: Buffer) => {
    // Matched as it streams: a CLI synth can print megabytes of warnings after the line.
    stderr = (stderr + chunk.toString()).slice(-200_000);
    matched ||= options.completedDespite?.pattern.test(stderr) ?? false;
  });
  let polledKb = 0;
  const poll = useTime
    ? undefined
    : setInterval(() => (polledKb = Math.max(polledKb, treeHwmKb(child.pid!))), 50);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30 * 60_000);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 137)));
  clearTimeout(timer);
  if (poll) clearInterval(poll);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const rssKb = useTime
    ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0)
    : polledKb;
  const timeExit = useTime ? Number(/Exit status: (\d+)/.exec(stderr)?.[1] ?? exitCode) : exitCode;
  const code = timeExit || exitCode;
  const cpu = (label: string) =>
    Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? NaN);
  const cpuMs = Math.round((cpu('User') + cpu('System')) * 1000);
  return {
    command: argv.join(' '),
    wallMs: Math.round(wallMs),
    peakRssMiB: Math.round(rssKb / 1024),
    ...(Number.isNaN(cpuMs) ? {} : { cpuMs }),
    loadAverage,
    exitCode: code,
    method: useTime ? 'time-v' : 'proc-poll',
    ...(code !== 0 ? { errorTail: tail(stderr.replace(/\n\s+Command being timed:[\s\S]*$/, '')) } : {}),
    ...(code !== 0 && matched && options.completedDespite
      ? { completedDespite: options.completedDespite.reason }
      : {}),
  };
}

/** Finished its work: exit 0, or a known non-zero exit after the work was done. */
export function completed(m: Measurement): boolean {
  return m.exitCode === 0 || m.completedDespite !== undefined;
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-15).join('\n');
}

/** The largest VmHWM (peak RSS) among `pid` and its descendants, in kB. */
function treeHwmKb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of safeReaddir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = safeRead(`/proc/${entry}/stat`);
    const ppid = Number(stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isNaN(ppid)) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  let peak = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    const hwm = /VmHWM:\s+(\d+)/.exec(safeRead(`/proc/${p}/status`) ?? '');
    if (hwm) peak = Math.max(peak, Number(hwm[1]));
    stack.push(...(children.get(p) ?? []));
  }
  return peak;
}

function safeReaddir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
