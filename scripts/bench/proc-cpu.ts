// Whole-browser CPU from /proc: utime + stime of every live process in a browser's tree, plus
// cutime + cstime (the CPU of children that already exited and were reaped, such as a closed tab's
// renderer), in clock ticks converted to ms. Linux only.
import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ: 100 on every Linux the benchmark runs on (getconf CLK_TCK). */
const TICK_MS = 10;

export type ProcessRole = 'browser' | 'extension' | 'renderer' | 'other';

interface ProcInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly cpuMs: number;
  readonly role: ProcessRole;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Chromium marks its processes in the command line; Firefox names them (comm). */
function roleOf(pid: number): ProcessRole {
  // Chromium's child processes rewrite their command line into one string (setproctitle): match text.
  const cmdline = (read(`/proc/${pid}/cmdline`) ?? '').split('\0').join(' ');
  const comm = (read(`/proc/${pid}/comm`) ?? '').trim();
  const binary = cmdline.split(' ')[0] ?? '';
  if (/\/(chromium|firefox(-esr)?)$/.test(binary) && !/ --type=| -contentproc/.test(cmdline)) return 'browser';
  if (/ --extension-process/.test(cmdline) || comm === 'WebExtensions') return 'extension';
  if (/ --type=renderer/.test(cmdline) || /Web Content|Isolated Web Co/.test(comm)) return 'renderer';
  return 'other';
}

function stat(pid: number): { ppid: number; cpuMs: number } | null {
  const text = read(`/proc/${pid}/stat`);
  if (!text) return null;
  // The command name may hold spaces and parentheses: the fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  const [utime, stime, cutime, cstime] = [fields[11], fields[12], fields[13], fields[14]].map(Number);
  return { ppid, cpuMs: (utime! + stime! + cutime! + cstime!) * TICK_MS };
}

function allProcesses(): Map<number, { ppid: number; cpuMs: number }> {
  const result = new Map<number, { ppid: number; cpuMs: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s) result.set(Number(name), s);
  }
  return result;
}

/** Direct children of this node process: the benchmark notes which one each browser launch added. */
export function childPids(): Set<number> {
  const own = process.pid;
  return new Set([...allProcesses()].filter(([, s]) => s.ppid === own).map(([pid]) => pid));
}

export interface CpuReading {
  readonly total: number;
  readonly byRole: Record<ProcessRole, number>;
  /** Per pid, so a process that exits between two readings can be left out of the difference. */
  readonly perPid: ReadonlyMap<number, { cpuMs: number; role: ProcessRole }>;
}

export function readTree(root: number): CpuReading {
  const all = allProcesses();
  const tree: ProcInfo[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    const s = all.get(pid);
    if (!s) continue;
    tree.push({ pid, ppid: s.ppid, cpuMs: s.cpuMs, role: roleOf(pid) });
    for (const [child, cs] of all) if (cs.ppid === pid) queue.push(child);
  }
  const byRole: Record<ProcessRole, number> = { browser: 0, extension: 0, renderer: 0, other: 0 };
  for (const p of tree) byRole[p.role] += p.cpuMs;
  return { total: tree.reduce((sum, p) => sum + p.cpuMs, 0), byRole, perPid: new Map(tree.map((p) => [p.pid, { cpuMs: p.cpuMs, role: p.role }])) };
}

/**
 * CPU spent between two readings, by role. A process present in both counts its growth; one that
 * appeared counts all it has (a new tab's renderer); one that vanished is already in its parent's
 * cutime/cstime, if reaped, so it is not subtracted twice.
 */
export function cpuBetween(before: CpuReading, after: CpuReading): { total: number; byRole: Record<ProcessRole, number> } {
  const byRole: Record<ProcessRole, number> = { browser: 0, extension: 0, renderer: 0, other: 0 };
  for (const [pid, now] of after.perPid) {
    const then = before.perPid.get(pid);
    byRole[now.role] += now.cpuMs - (then?.cpuMs ?? 0);
  }
  return { total: Object.values(byRole).reduce((a, b) => a + b, 0), byRole };
}
