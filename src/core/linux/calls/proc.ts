/** Process identity, limits, exit and system information. */
import { utf8Encode } from '../../util/utf8.js';
import { RLIMIT_CORE, RLIMIT_NOFILE, RLIMIT_STACK, StructReader, StructWriter } from '../abi.js';
import { EACCES, EBUSY, EFAULT, EINVAL, EPERM, ESRCH } from '../errno.js';
import { KERNEL_RELEASE, KERNEL_VERSION } from '../kernel.js';
import { LAYOUT } from '../../elf/load.js';
import { NOFILE_LIMIT, type Process, type Thread } from '../process.js';
import type { SyscallContext, SyscallLine } from '../syscalls.js';

const PR_SET_NAME = 15;
const PR_GET_NAME = 16;

const PR_GET_DUMPABLE = 3;
const PR_SET_DUMPABLE = 4;
const PR_SET_CHILD_SUBREAPER = 36;
const PR_GET_CHILD_SUBREAPER = 37;
const RLIM_NLIMITS = 16;

/** A resource limit of `p` ([soft, hard], -1 = RLIM_INFINITY): what was set, or the default. */
function rlimitOf(p: Process, resource: number): [number, number] | null {
  if (resource < 0 || resource >= RLIM_NLIMITS) return null;
  const set = p.rlimits.get(resource);
  if (set) return set;
  if (resource === RLIMIT_NOFILE) return [NOFILE_LIMIT, NOFILE_LIMIT];
  if (resource === RLIMIT_STACK) return [LAYOUT.stackSize, -1];
  if (resource === RLIMIT_CORE) return [0, -1];
  return [-1, -1];
}

/** Changes a limit: the soft limit may not exceed the hard one; descriptors are capped by a64play's table. */
function setRlimit(p: Process, resource: number, soft: number, hard: number): number {
  const cur = rlimitOf(p, resource);
  if (!cur) return -EINVAL;
  const inf = (v: number) => (v === -1 ? Infinity : v);
  if (inf(soft) > inf(hard)) return -EINVAL;
  if (resource === RLIMIT_NOFILE && (inf(hard) > NOFILE_LIMIT)) return -EPERM;
  p.rlimits.set(resource, [soft, hard]);
  if (resource === RLIMIT_NOFILE) p.fds.limit = soft === -1 ? NOFILE_LIMIT : soft;
  return 0;
}

/** Reads a struct rlimit; u64 values at or above 2^63 mean RLIM_INFINITY. */
function readRlimit(c: SyscallContext, addr: number): [number, number] | null {
  const raw = c.mem.read(addr, 16);
  if (!raw) return null;
  const rd = new StructReader(raw);
  const v = (x: number) => (x >= 2 ** 63 ? -1 : x);
  return [v(rd.u64(0)), v(rd.u64(8))];
}

function writeRlimit(c: SyscallContext, addr: number, r: [number, number]): boolean {
  return c.mem.write(addr, new StructWriter(16).u64(0, r[0]).u64(8, r[1]).bytes);
}

function uname(c: SyscallContext): number {
  const w = new StructWriter(65 * 6);
  const fields = ['Linux', c.k.hostname, KERNEL_RELEASE, KERNEL_VERSION, 'aarch64', '(none)'];
  fields.forEach((f, i) => w.str(i * 65, utf8Encode(f).subarray(0, 64)));
  return c.mem.write(c.u(0), w.bytes) ? 0 : -EFAULT;
}

function sysinfo(c: SyscallContext): number {
  const up = Math.floor((c.k.host.monotonicNs() - c.k.bootNs) / 1e9);
  const total = c.mem.maxBytes;
  const w = new StructWriter(112);
  w.u64(0, up).u64(32, total).u64(40, Math.max(0, total - c.mem.physUsed)).u16(80, c.k.processes.size).u32(104, 1);
  return c.mem.write(c.u(0), w.bytes) ? 0 : -EFAULT;
}

function times(c: SyscallContext): number {
  const cpuNs = c.k.host.cpuTimeNs ? c.k.host.cpuTimeNs() : c.k.host.monotonicNs() - c.k.bootNs;
  const ticks = Math.floor(cpuNs / 1e7);
  const addr = c.u(0);
  if (addr !== 0 && !c.mem.write(addr, new StructWriter(32).u64(0, ticks).bytes)) return -EFAULT;
  return Math.floor((c.k.host.monotonicNs() - c.k.bootNs) / 1e7) + 100000;
}

function getrusage(c: SyscallContext): number {
  const who = c.i(0);
  if (who !== 0 && who !== -1 && who !== 1) return -EINVAL;
  const cpuNs = c.k.host.cpuTimeNs ? c.k.host.cpuTimeNs() : 0;
  const w = new StructWriter(144);
  if (who !== -1) w.u64(0, Math.floor(cpuNs / 1e9)).u64(8, Math.floor((cpuNs % 1e9) / 1000));
  w.u64(32, Math.floor(c.mem.residentBytes / 1024));
  return c.mem.write(c.u(1), w.bytes) ? 0 : -EFAULT;
}

function prlimit64(c: SyscallContext): number {
  const pid = c.i(0);
  const p = pid === 0 ? c.p : c.k.processes.get(pid);
  if (!p || p.exited) return -ESRCH;
  const r = rlimitOf(p, c.i(1));
  if (!r) return -EINVAL;
  const newp = c.u(2);
  let next: [number, number] | null = null;
  if (newp !== 0) {
    next = readRlimit(c, newp);
    if (!next) return -EFAULT;
  }
  const oldp = c.u(3);
  if (oldp !== 0 && !writeRlimit(c, oldp, r)) return -EFAULT;
  return next ? setRlimit(p, c.i(1), next[0], next[1]) : 0;
}

/** setpgid: the caller or one of its children, within the caller's session. */
function setpgid(c: SyscallContext): number {
  const pid = c.i(0) || c.p.pid;
  const pgid = c.i(1) || pid;
  if (pgid < 0) return -EINVAL;
  const p = c.k.processes.get(pid);
  if (!p || p.exited || (p !== c.p && p.parent !== c.p)) return -ESRCH;
  if (p !== c.p && p.execed) return -EACCES;
  if (p.sid === p.pid || p.sid !== c.p.sid) return -EPERM;
  if (pgid !== pid) {
    let found = false;
    for (const q of c.k.processes.values()) if (!q.exited && q.pgid === pgid && q.sid === c.p.sid) found = true;
    if (!found) return -EPERM;
  }
  p.pgid = pgid;
  return 0;
}

function sched_getaffinity(c: SyscallContext): number {
  const size = c.u(1);
  if (size < 8 || size % 8 !== 0) return -EINVAL;
  // one CPU: guest threads run on the engine's single thread
  const mask = new Uint8Array(8);
  mask[0] = 1;
  return c.mem.write(c.u(2), mask) ? 8 : -EFAULT;
}

function prctl(c: SyscallContext): number {
  switch (c.i(0)) {
    case PR_GET_DUMPABLE:
      return c.p.dumpable ? 1 : 0;
    case PR_SET_DUMPABLE:
      if (c.u(1) > 1) return -EINVAL;
      c.p.dumpable = c.u(1) === 1;
      return 0;
    case PR_SET_CHILD_SUBREAPER:
      c.p.subreaper = c.u(1) !== 0;
      return 0;
    case PR_GET_CHILD_SUBREAPER:
      return c.mem.write(c.u(1), new StructWriter(4).i32(0, c.p.subreaper ? 1 : 0).bytes) ? 0 : -EFAULT;
    case PR_SET_NAME: {
      const b = c.mem.readCString(c.u(1), 16);
      if (!b) return -EFAULT;
      // names the calling thread (the process's name is its leader's)
      c.t.name = String.fromCharCode(...b.subarray(0, 15));
      if (c.t.tid === c.p.pid) c.p.name = c.t.name;
      return 0;
    }
    case PR_GET_NAME: {
      const out = new Uint8Array(16);
      out.set(utf8Encode(c.t.name).subarray(0, 15));
      return c.mem.write(c.u(1), out) ? 0 : -EFAULT;
    }
  }
  return -EINVAL;
}

function getrandom(c: SyscallContext): number {
  const len = Math.min(c.u(1), 1 << 25);
  const flags = c.ui(2);
  if (flags & ~7) return -EINVAL;
  const buf = new Uint8Array(len);
  for (let o = 0; o < len; o += 65536) c.k.host.randomBytes(buf.subarray(o, Math.min(len, o + 65536)));
  return c.mem.write(c.u(0), buf) ? len : -EFAULT;
}

const zero = () => 0;
const writeIds = (c: SyscallContext) =>
  [0, 1, 2].every((i) => c.mem.write(c.u(i), new StructWriter(4).u32(0, 0).bytes)) ? 0 : -EFAULT;

const PRIO_PROCESS = 0;
const PRIO_PGRP = 1;
const PRIO_USER = 2;

/** The threads setpriority/getpriority(which, who) name (PRIO_PROCESS names one thread, as in Linux), or -errno. */
function priorityTargets(c: SyscallContext): Thread[] | number {
  const which = c.i(0);
  const who = c.i(1);
  switch (which) {
    case PRIO_PROCESS:
      if (who === 0) return [c.t];
      return c.k.threads.filter((t) => t.tid === who);
    case PRIO_PGRP: {
      const pgid = who === 0 ? c.p.pgid : who;
      return c.k.threads.filter((t) => t.proc.pgid === pgid);
    }
    case PRIO_USER:
      // every process runs as root (getuid() is 0), the one user there is
      return who === 0 ? c.k.threads : [];
    default:
      return -EINVAL;
  }
}

function setpriority(c: SyscallContext): number {
  const ts = priorityTargets(c);
  if (typeof ts === 'number') return ts;
  if (ts.length === 0) return -ESRCH;
  const nice = Math.min(19, Math.max(-20, c.i(2)));
  for (const t of ts) t.nice = nice;
  return 0;
}

/** The raw call returns 20 - nice of the highest-priority thread named (libc turns it back). */
function getpriority(c: SyscallContext): number {
  const ts = priorityTargets(c);
  if (typeof ts === 'number') return ts;
  if (ts.length === 0) return -ESRCH;
  return 20 - Math.min(...ts.map((t) => t.nice));
}

const MEMBARRIER_CMD_QUERY = 0;
const MEMBARRIER_CMD_FLAG_CPU = 1;
const MEMBARRIER_PRIVATE_EXPEDITED_RSEQ = 128;
/** the commands of Linux 6.1, GLOBAL (1) to REGISTER_PRIVATE_EXPEDITED_RSEQ (256) */
const MEMBARRIER_COMMANDS = 0x1ff;
/** the private expedited commands (8, 32, 128), each usable once its REGISTER command (twice its value) ran */
const MEMBARRIER_PRIVATE = 8 | 32 | 128;

/**
 * membarrier: every guest thread runs on the one engine thread, so every barrier is already
 * there; what remains are Linux's checks (the private commands need registering first, per
 * address space), which JIT runtimes such as wasmtime and .NET rely on.
 */
function membarrier(c: SyscallContext): number {
  const cmd = c.i(0);
  const flags = c.i(1);
  if (cmd === MEMBARRIER_CMD_QUERY) return flags ? -EINVAL : MEMBARRIER_COMMANDS;
  if (flags & ~MEMBARRIER_CMD_FLAG_CPU || (flags && cmd !== MEMBARRIER_PRIVATE_EXPEDITED_RSEQ)) return -EINVAL;
  if (cmd <= 0 || cmd & (cmd - 1) || !(cmd & MEMBARRIER_COMMANDS)) return -EINVAL;
  if (cmd & MEMBARRIER_PRIVATE) return c.p.mm.membarrier & (cmd << 1) ? 0 : -EPERM;
  c.p.mm.membarrier |= cmd;
  return 0;
}

export const procCalls: SyscallLine[] = [
  [96, 'set_tid_address', (c) => {
    c.t.clearTid = c.u(0);
    return c.t.tid;
  }, 'ptr'],
  [99, 'set_robust_list', (c) => {
    if (c.u(1) !== 24) return -EINVAL;
    c.t.robustList = c.u(0);
    return 0;
  }, 'ptr size'],
  [100, 'get_robust_list', (c) => {
    const tid = c.i(0);
    const t = tid === 0 ? c.t : c.k.threads.find((th) => th.tid === tid);
    if (!t) return -ESRCH;
    const w = new StructWriter(8);
    if (!c.mem.write(c.u(1), w.u64(0, t.robustList).bytes)) return -EFAULT;
    return c.mem.write(c.u(2), new StructWriter(8).u64(0, 24).bytes) ? 0 : -EFAULT;
  }, 'int ptr ptr'],
  [123, 'sched_getaffinity', sched_getaffinity, 'int size ptr'],
  [122, 'sched_setaffinity', zero, 'int size ptr'],
  [124, 'sched_yield', zero, ''],
  [120, 'sched_getscheduler', zero, 'int'],
  [121, 'sched_getparam', (c) => (c.mem.write(c.u(1), new Uint8Array(4)) ? 0 : -EFAULT), 'int ptr'],
  [125, 'sched_get_priority_max', (c) => (c.i(0) === 1 || c.i(0) === 2 ? 99 : 0), 'int'],
  [126, 'sched_get_priority_min', (c) => (c.i(0) === 1 || c.i(0) === 2 ? 1 : 0), 'int'],
  [140, 'setpriority', setpriority, 'int int int'],
  [283, 'membarrier', membarrier, 'int hex int'],
  [141, 'getpriority', getpriority, 'int int'],
  [144, 'setgid', (c) => (c.i(0) === 0 ? 0 : -EPERM), 'int'],
  [146, 'setuid', (c) => (c.i(0) === 0 ? 0 : -EPERM), 'int'],
  [143, 'setregid', zero, 'int int'],
  [145, 'setreuid', zero, 'int int'],
  [147, 'setresuid', zero, 'int int int'],
  [149, 'setresgid', zero, 'int int int'],
  [148, 'getresuid', writeIds, 'ptr ptr ptr'],
  [150, 'getresgid', writeIds, 'ptr ptr ptr'],
  [151, 'setfsuid', zero, 'int'],
  [152, 'setfsgid', zero, 'int'],
  [153, 'times', times, 'ptr'],
  [154, 'setpgid', setpgid, 'int int'],
  [155, 'getpgid', (c) => {
    const p = c.i(0) === 0 ? c.p : c.k.processes.get(c.i(0));
    return p && !p.exited ? p.pgid : -ESRCH;
  }, 'int'],
  [156, 'getsid', (c) => {
    const p = c.i(0) === 0 ? c.p : c.k.processes.get(c.i(0));
    return p && !p.exited ? p.sid : -ESRCH;
  }, 'int'],
  [157, 'setsid', (c) => {
    // a process group leader cannot start a session, nor may any process use its leader's pgid
    for (const q of c.k.processes.values()) if (!q.exited && q.pgid === c.p.pid) return -EPERM;
    c.p.sid = c.p.pgid = c.p.pid;
    return c.p.pid;
  }, ''],
  [158, 'getgroups', zero, 'int ptr'],
  [159, 'setgroups', zero, 'int ptr'],
  [160, 'uname', uname, 'ptr'],
  [163, 'getrlimit', (c) => {
    const r = rlimitOf(c.p, c.i(0));
    if (!r) return -EINVAL;
    return writeRlimit(c, c.u(1), r) ? 0 : -EFAULT;
  }, 'int ptr'],
  [164, 'setrlimit', (c) => {
    const r = readRlimit(c, c.u(1));
    return r ? setRlimit(c.p, c.i(0), r[0], r[1]) : -EFAULT;
  }, 'int ptr'],
  [165, 'getrusage', getrusage, 'int ptr'],
  [166, 'umask', (c) => {
    const old = c.p.umask;
    c.p.umask = c.i(0) & 0o777;
    return old;
  }, 'mode'],
  [167, 'prctl', prctl, 'int hex hex hex hex'],
  [168, 'getcpu', (c) => {
    for (const i of [0, 1]) if (c.u(i) !== 0 && !c.mem.write(c.u(i), new Uint8Array(4))) return -EFAULT;
    return 0;
  }, 'ptr ptr ptr'],
  [172, 'getpid', (c) => c.p.pid, ''],
  [173, 'getppid', (c) => c.p.ppid, ''],
  [174, 'getuid', zero, ''],
  [175, 'geteuid', zero, ''],
  [176, 'getgid', zero, ''],
  [177, 'getegid', zero, ''],
  [178, 'gettid', (c) => c.t.tid, ''],
  [179, 'sysinfo', sysinfo, 'ptr'],
  [261, 'prlimit64', prlimit64, 'int int ptr ptr'],
  [278, 'getrandom', getrandom, 'ptr size hex'],
  [92, 'personality', (c) => (c.ui(0) === 0xffffffff || c.ui(0) === 0 ? 0 : -EINVAL), 'hex'],
  [293, 'rseq', (c) => {
    // struct rseq: cpu_id_start (u32) at 0, cpu_id (u32) at 4. Every guest thread runs on CPU 0 and
    // is never migrated, so registration only has to publish that.
    const addr = c.u(0);
    const len = c.ui(1);
    const flags = c.i(2);
    if (flags & 1) {
      // RSEQ_FLAG_UNREGISTER
      if (addr !== c.t.rseq) return -EINVAL;
      c.t.rseq = 0;
      return 0;
    }
    if (c.t.rseq !== 0) return addr === c.t.rseq ? -EBUSY : -EINVAL;
    if (len < 32 || addr % 32 !== 0) return -EINVAL;
    if (!c.mem.write(addr, new StructWriter(8).u32(0, 0).u32(4, 0).bytes)) return -EFAULT;
    c.t.rseq = addr;
    return 0;
  }, 'ptr uint hex hex'],
];
