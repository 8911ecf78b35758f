/** What the benchmark ran on, and the memory of the Chromium it drives (from /proc, Linux). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  loadAverage: string;
  kernel: string;
}

export function describeMachine(): Machine {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    ramGiB: totalmem() / 2 ** 30,
    loadAverage: existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a',
    kernel: existsSync('/proc/version') ? readFileSync('/proc/version', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a',
  };
}

const read = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** Process ids of every Chromium process descended from this Node process. */
function chromiumProcesses(): number[] {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    const close = stat.lastIndexOf(')');
    names.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
    parents.set(Number(entry), Number(stat.slice(close + 2).split(' ')[1]));
  }
  const descends = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) if (at === process.pid) return true;
    return false;
  };
  return [...parents.keys()].filter((pid) => /chrom/i.test(names.get(pid) ?? '') && descends(pid));
}

/** Sum of the proportional set size (PSS: shared pages split between sharers) of the Chromium processes, MiB. */
export function chromiumPssMiB(): number {
  let kib = 0;
  for (const pid of chromiumProcesses()) {
    const rollup = read(`/proc/${pid}/smaps_rollup`);
    kib += Number(/^Pss:\s+(\d+) kB$/m.exec(rollup ?? '')?.[1] ?? 0);
  }
  return kib / 1024;
}

/** Samples chromiumPssMiB() every 100 ms until stopped; returns the peak. */
export function samplePeakMemory(): { stop(): number } {
  let peak = chromiumPssMiB();
  const timer = setInterval(() => (peak = Math.max(peak, chromiumPssMiB())), 100);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, chromiumPssMiB());
    },
  };
}
