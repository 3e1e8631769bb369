/**
 * The system call table: one line per syscall — number, name, handler, argument kinds. The kinds
 * let -strace decode arguments without per-call code. Numbers are aarch64's (asm-generic).
 */
import type { GuestMemory } from '../memory/memory.js';
import { utf8Decode } from '../util/utf8.js';
import { EFAULT, ENAMETOOLONG } from './errno.js';
import type { Kernel } from './kernel.js';
import type { Process, Thread } from './process.js';
import { fsCalls } from './calls/fs.js';
import { memCalls } from './calls/mem.js';
import { procCalls } from './calls/proc.js';
import { timeCalls } from './calls/time.js';
import { signalCalls } from './calls/signal.js';
import { futexCalls } from './calls/futex.js';
import { taskCalls } from './calls/task.js';
import { timerCalls } from './calls/timer.js';
import { ioCalls } from './calls/io.js'; // poll/select/epoll, eventfd, timerfd, memfd
import { socketCalls } from './calls/socket.js'; // AF_UNIX sockets
import { xattrCalls } from './calls/xattr.js';
import { copyCalls } from './calls/fs-copy.js'; // sendfile, copy_file_range
import { spaceCalls } from './calls/fs-space.js'; // fallocate, syncfs, sync_file_range, readahead
import { inotifyCalls } from './calls/inotify.js';

const TWO32 = 4294967296;

/**
 * A handler's return value meaning "not finished: park the thread". The kernel re-runs the same
 * handler with the same context when something may have changed (another syscall completed, host
 * input arrived, the deadline passed) until it returns anything else. Not a valid errno.
 */
export const BLOCKED = -0x7fff0000;

/** The arguments and helpers a syscall handler gets; one per syscall, kept across re-runs. */
export class SyscallContext {
  /** set by handlers whose success leaves x0 alone (rt_sigreturn, execve) */
  noReturn = false;
  /** text strace prints after the result (e.g. the bytes read), set by handlers */
  traceExtra = '';
  /** the six argument registers as int32 halves, captured at entry (re-runs see the same values) */
  private readonly args = new Int32Array(12);
  /** when blocked: the monotonic time at which the handler is re-run even if nothing happened */
  deadlineNs = Infinity;
  /** scratch space a blocking handler keeps across re-runs (progress, computed deadlines) */
  state: Record<string, unknown> = {};
  /** the call ends with EINTR when a signal interrupts it, even under SA_RESTART */
  noRestart = false;
  /** signals wait until the call ends (a vfork parent waiting for its child) */
  uninterruptible = false;
  /** bytes already transferred by a parked write: a signal then ends the call with this count */
  partial = 0;
  /** called when a parked call is abandoned (a signal interrupts it, or its thread dies) */
  onAbort: (() => void) | null = null;
  /** how many times the handler has run (1 on the first run) */
  runs = 0;
  /** the kernel's epoch when the parked call last ran (see Kernel.epoch) */
  polledEpoch = -1;
  nr = 0;
  def: SyscallDef | null = null;
  /** the strace line up to the result, formatted at entry */
  traceLine = '';
  constructor(
    readonly k: Kernel,
    readonly t: Thread,
  ) {
    this.args.set(t.proc.cpu.x.subarray(0, 12));
  }
  get p(): Process {
    return this.t.proc;
  }
  get mem(): GuestMemory {
    return this.t.proc.mem;
  }
  /** Parks the thread until something changes or `deadlineNs` (monotonic) passes. */
  block(deadlineNs = Infinity): number {
    this.deadlineNs = deadlineNs;
    return BLOCKED;
  }
  /** True once the deadline given to block() has passed. */
  get timedOut(): boolean {
    return this.deadlineNs !== Infinity && this.k.host.monotonicNs() >= this.deadlineNs;
  }
  /** argument i as an unsigned 64-bit value (exact below 2^53) */
  u(i: number): number {
    const x = this.args;
    return (x[i * 2 + 1]! >>> 0) * TWO32 + (x[i * 2]! >>> 0);
  }
  /** argument i as a signed 64-bit value */
  s(i: number): number {
    const x = this.args;
    return x[i * 2 + 1]! * TWO32 + (x[i * 2]! >>> 0);
  }
  /** argument i as a C int */
  i(i: number): number {
    return this.args[i * 2]! | 0;
  }
  /** argument i as a C unsigned int */
  ui(i: number): number {
    return this.args[i * 2]! >>> 0;
  }
  /** reads a NUL-terminated path; returns -EFAULT or -ENAMETOOLONG on failure */
  path(i: number): string | number {
    const addr = this.u(i);
    const b = this.mem.readCString(addr, 4096);
    if (!b) return this.mem.readable(addr, 1) ? -ENAMETOOLONG : -EFAULT;
    return utf8Decode(b);
  }
}

export type SyscallHandler = (c: SyscallContext) => number;

/** Argument kinds for strace; see strace.ts. */
export type ArgKind =
  | 'int' | 'uint' | 'hex' | 'ptr' | 'fd' | 'dirfd' | 'path' | 'size' | 'off'
  | 'wbuf' // a buffer the call reads (printed as a string), length in the next argument
  | 'rbuf' // a buffer the call fills (printed after return)
  | 'oflags' | 'mode' | 'prot' | 'mapflags' | 'signal' | 'clock' | 'atflags' | 'whence' | 'ioctl' | 'fcntl'
  | 'strv' // NULL-terminated array of strings (argv/envp)
  | 'cloneflags' | 'waitopts' | 'futexop' | 'sigset' | 'sighow'
  | 'sockfam' | 'socktype' // socket(2)'s domain and type
  | 'sockaddr'; // a struct sockaddr, its length in the next argument

export type SyscallLine = readonly [nr: number, name: string, handler: SyscallHandler | null, args: string];

export interface SyscallDef {
  nr: number;
  name: string;
  handler: SyscallHandler;
  args: ArgKind[];
}

/** Names of syscalls a64play knows but does not implement (they return ENOSYS and trace by name). */
const known: Record<number, string> = {
  0: 'io_setup', 24: 'dup3', 32: 'flock',
  39: 'umount2', 40: 'mount', 51: 'chroot', 74: 'signalfd4', 76: 'splice',
  95: 'waitid', 97: 'unshare', 102: 'getitimer', 103: 'setitimer',
  107: 'timer_create', 117: 'ptrace', 128: 'restart_syscall', 133: 'rt_sigsuspend', 137: 'rt_sigtimedwait',
  167: 'prctl', 220: 'clone',
  221: 'execve', 233: 'madvise', 260: 'wait4', 293: 'rseq', 435: 'clone3', 437: 'openat2',
  439: 'faccessat2', 59: 'pipe2',
};

const lines: SyscallLine[] = [
  ...fsCalls, ...memCalls, ...procCalls, ...taskCalls, ...timeCalls, ...timerCalls, ...signalCalls, ...futexCalls,
  ...ioCalls, ...socketCalls, ...xattrCalls, ...copyCalls, ...spaceCalls, ...inotifyCalls,
];

const byNumber = new Map<number, SyscallDef>();
for (const [nr, name, handler, args] of lines) {
  if (byNumber.has(nr)) throw new Error(`syscall ${nr} (${name}) listed twice`);
  if (handler) byNumber.set(nr, { nr, name, handler, args: args.split(/\s+/).filter(Boolean) as ArgKind[] });
  else known[nr] = name;
}

export function syscallByNumber(nr: number): SyscallDef | undefined {
  return byNumber.get(nr);
}

export function syscallName(nr: number): string {
  return byNumber.get(nr)?.name ?? known[nr] ?? `syscall_${nr}`;
}

export function allSyscalls(): SyscallDef[] {
  return [...byNumber.values()].sort((a, b) => a.nr - b.nr);
}
