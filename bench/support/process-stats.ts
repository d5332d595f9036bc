// Peak resident memory and CPU time of the server processes a bench started, read from /proc
// (Linux only). CPU time says what a run cost whatever else the machine was doing meanwhile.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * The PID of this process's child running `entry` (e.g. 'apps/partner-server/src/main.ts').
 * The e2e helpers spawn `node --import tsx <entry>` directly, so the child is the server's node
 * itself, never a shell or npm wrapper; tsx's loader runs inside it, not in a process of its own.
 */
export function childServerPid(entry: string): number {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (statFields(Number(name))[3] !== String(process.pid)) continue;
      const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (argv.some((arg) => arg.endsWith(entry))) found.push(Number(name));
    } catch {
      // The process ended while we looked: not ours to measure.
    }
  }
  if (found.length !== 1) throw new Error(`expected one child running ${entry}, found ${found}`);
  return found[0] ?? 0;
}

/**
 * The fields of /proc/<pid>/stat, numbered as in proc(5) from 1 (index 0 = field 1): field 2,
 * the command name, may hold spaces, so the rest is split after its closing parenthesis.
 */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const close = stat.lastIndexOf(')');
  return [stat.slice(0, stat.indexOf(' ')), stat.slice(stat.indexOf('(') + 1, close)].concat(
    stat.slice(close + 2).split(' '),
  );
}

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`, 100 on Linux). */
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** User + system CPU seconds the process has used so far (fields 14 and 15). */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
}

/** A `Vm*` line of /proc/<pid>/status, in KiB. */
function statusKib(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

/** The peak resident set size (VmHWM) since the process started or since the last reset, in MiB. */
export function peakRssMib(pid: number): number {
  return statusKib(pid, 'VmHWM') / 1024;
}

/**
 * Resets the process's peak RSS to its current RSS (writing 5 to clear_refs, Linux ≥ 4.0), so a
 * later {@link peakRssMib} covers only what came after; false when the kernel refused.
 */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
