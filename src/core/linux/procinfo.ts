/** What /proc shows, computed from the kernel's state. */
import { featureNames } from '../cpu/features.js';
import { ID_VALUES } from '../cpu/exec/system.js';
import { type Area, PROT_EXEC, PROT_READ, PROT_WRITE } from '../memory/memory.js';
import type { ProcSource, ProcView, TaskView } from '../vfs/procfs.js';
import type { Kernel } from './kernel.js';
import { KERNEL_RELEASE, KERNEL_VERSION } from './kernel.js';
import { type Process, type Thread, ThreadState } from './process.js';
import { EINVAL } from './errno.js';

const hex8 = (v: number) => v.toString(16).padStart(8, '0');

function joinNul(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length + 1, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length + 1;
  }
  return out;
}

export function mapsText(p: Process): string {
  // Areas split by lazy backing (or by mprotect back and forth) show as one line, as Linux
  // merges neighbouring mappings with the same attributes.
  const merged: Area[] = [];
  for (const a of p.mem.areas) {
    const last = merged[merged.length - 1];
    if (
      last && last.end === a.start && last.prot === a.prot && last.name === a.name && last.shared === a.shared &&
      (!a.name.startsWith("/") || last.offset + (last.end - last.start) === a.offset)
    ) {
      last.end = a.end;
      continue;
    }
    merged.push({ ...a });
  }
  let s = '';
  for (const a of merged) {
    const perms =
      (a.prot & PROT_READ ? 'r' : '-') + (a.prot & PROT_WRITE ? 'w' : '-') + (a.prot & PROT_EXEC ? 'x' : '-') + (a.shared ? 's' : 'p');
    const file = a.name.startsWith('/');
    let line = `${hex8(a.start)}-${hex8(a.end)} ${perms} ${hex8(file ? a.offset : 0)} 00:00 ${file ? 1 : 0}`;
    if (a.name) line = line.padEnd(73, ' ') + a.name;
    s += line + '\n';
  }
  return s;
}

/** The state letter /proc shows: R running, S sleeping in a syscall, T stopped, Z zombie. */
function stateOf(p: Process): [string, string] {
  if (p.exited) return ['Z', 'zombie'];
  if (p.stopped) return ['T', 'stopped'];
  if (p.threads.some((t) => t.state === ThreadState.Runnable)) return ['R', 'running'];
  return ['S', 'sleeping'];
}

/** One thread's state letter: its process's when stopped or a zombie, else whether it is parked in a syscall. */
function threadStateOf(p: Process, t: Thread): [string, string] {
  if (p.exited || p.stopped) return stateOf(p);
  return t.state === ThreadState.Runnable ? ['R', 'running'] : ['S', 'sleeping'];
}

function statusText(p: Process, name: string, pid: number, state: [string, string]): string {
  return [
    `Name:\t${name}`, 'Umask:\t' + p.umask.toString(8).padStart(4, '0'), `State:\t${state[0]} (${state[1]})`, `Tgid:\t${p.pid}`,
    `Ngid:\t0`, `Pid:\t${pid}`, `PPid:\t${p.ppid}`, 'TracerPid:\t0', 'Uid:\t0\t0\t0\t0', 'Gid:\t0\t0\t0\t0',
    `FDSize:\t64`, `VmRSS:\t${Math.floor(p.mem.residentBytes / 1024)} kB`, `Threads:\t${Math.max(1, p.threads.length)}`, '',
  ].join('\n');
}

function statText(p: Process, name: string, pid: number, state: string): string {
  return `${pid} (${name}) ${state} ${p.ppid} ${p.pgid} ${p.sid} 0 -1 0 0 0 0 0 0 0 0 0 20 0 ${Math.max(1, p.threads.length)} 0 0 ${p.mem.residentBytes} 0\n`;
}

function taskView(p: Process, t: Thread): TaskView {
  return {
    tid: t.tid,
    name: () => t.name,
    status: () => statusText(p, t.name, t.tid, threadStateOf(p, t)),
    stat: () => statText(p, t.name, t.tid, threadStateOf(p, t)[0]),
  };
}

/** A zombie has no threads left; /proc/PID/task still shows its leader, as Linux does. */
function zombieLeader(p: Process): TaskView {
  return { tid: p.pid, name: () => p.name, status: () => statusText(p, p.name, p.pid, stateOf(p)), stat: () => statText(p, p.name, p.pid, 'Z') };
}

function view(k: Kernel, p: Process): ProcView {
  return {
    pid: p.pid,
    exe: p.exe,
    cwd: p.cwd,
    cmdline: joinNul(p.argv),
    environ: joinNul(p.envp),
    maps: () => mapsText(p),
    fds: () => p.fds.list().map(({ fd, entry }) => ({ fd, target: entry.file.path })),
    status: () => statusText(p, p.name, p.pid, stateOf(p)),
    stat: () => statText(p, p.name, p.pid, stateOf(p)[0]),
    auxv: () => p.auxv,
    name: () => p.name,
    tasks: () =>
      p.threads.length === 0
        ? [{ tid: p.pid, name: p.name, state: stateOf(p)[0] }]
        : p.threads.map((t) => ({ tid: t.tid, name: t.name, state: threadStateOf(p, t)[0] })),
    task: (tid) => {
      const t = p.threads.find((x) => x.tid === tid);
      if (t) return taskView(p, t);
      return p.threads.length === 0 && tid === p.pid ? zombieLeader(p) : undefined;
    },
    setName: (tid, data) => {
      // like Linux's comm_write: 15 bytes at most, up to a NUL, and only within the writer's own process
      if (k.current !== p) return -EINVAL;
      const t = p.threads.find((x) => x.tid === tid);
      if (!t) return -EINVAL;
      let b = data.subarray(0, 15);
      const nul = b.indexOf(0);
      if (nul >= 0) b = b.subarray(0, nul);
      t.name = String.fromCharCode(...b);
      if (t.tid === p.pid) p.name = t.name;
      return data.length;
    },
  };
}

export function procSource(k: Kernel): ProcSource {
  return {
    self: () => view(k, k.current),
    get: (pid) => {
      const p = k.processes.get(pid);
      return p ? view(k, p) : undefined;
    },
    pids: () => [...k.processes.keys()].sort((a, b) => a - b),
    threadSelf: () => {
      const t = k.currentThread;
      const p = t?.proc ?? k.current;
      return `${p.pid}/task/${t ? t.tid : p.pid}`;
    },
    cpuinfo: () =>
      [
        'processor\t: 0',
        'BogoMIPS\t: 2000.00',
        `Features\t: ${featureNames().join(' ')}`,
        `CPU implementer\t: 0x${(ID_VALUES.MIDR_EL1 >>> 24).toString(16)}`,
        'CPU architecture: 8',
        `CPU variant\t: 0x${((ID_VALUES.MIDR_EL1 >>> 20) & 0xf).toString(16)}`,
        `CPU part\t: 0x${((ID_VALUES.MIDR_EL1 >>> 4) & 0xfff).toString(16).padStart(3, '0')}`,
        `CPU revision\t: ${ID_VALUES.MIDR_EL1 & 0xf}`,
        '',
        '',
      ].join('\n'),
    meminfo: () => {
      const totalKb = Math.floor(k.pool.maxBytes / 1024);
      const usedKb = Math.floor(k.pool.used / 1024);
      return [
        `MemTotal:       ${String(totalKb).padStart(8)} kB`,
        `MemFree:        ${String(totalKb - usedKb).padStart(8)} kB`,
        `MemAvailable:   ${String(totalKb - usedKb).padStart(8)} kB`,
        `Buffers:        ${'0'.padStart(8)} kB`,
        `Cached:         ${'0'.padStart(8)} kB`,
        `SwapTotal:      ${'0'.padStart(8)} kB`,
        `SwapFree:       ${'0'.padStart(8)} kB`,
        '',
      ].join('\n');
    },
    uptime: () => {
      const s = (k.host.monotonicNs() - k.bootNs) / 1e9;
      return `${s.toFixed(2)} ${s.toFixed(2)}\n`;
    },
    version: () => `Linux version ${KERNEL_RELEASE} (a64play) ${KERNEL_VERSION}\n`,
    mounts: () =>
      k.vfs
        .mountList()
        .map((m) => `${m.fs.kind} ${m.prefix} ${m.fs.kind} rw 0 0`)
        .reverse()
        .join('\n') + '\n',
  };
}
