/**
 * The system call table: one line per syscall — number, name, handler, argument kinds. The kinds
 * let -strace decode arguments without per-call code. Numbers are aarch64's (asm-generic).
 */
import type { GuestMemory } from '../memory/memory.js';
import { utf8Decode } from '../util/utf8.js';
import { EFAULT, ENAMETOOLONG } from './errno.js';
import type { Kernel } from './kernel.js';
import type { Process } from './process.js';
import { fsCalls } from './calls/fs.js';
import { memCalls } from './calls/mem.js';
import { procCalls } from './calls/proc.js';
import { timeCalls } from './calls/time.js';
import { signalCalls } from './calls/signal.js';
import { futexCalls } from './calls/futex.js';

const TWO32 = 4294967296;

/** The arguments and helpers a syscall handler gets. */
export class SyscallContext {
  /** set by handlers whose success leaves x0 alone (rt_sigreturn, execve) */
  noReturn = false;
  /** text strace prints after the result (e.g. the bytes read), set by handlers */
  traceExtra = '';
  constructor(
    readonly k: Kernel,
    readonly p: Process,
  ) {}
  get mem(): GuestMemory {
    return this.p.mem;
  }
  /** argument i as an unsigned 64-bit value (exact below 2^53) */
  u(i: number): number {
    const x = this.p.cpu.x;
    return (x[i * 2 + 1]! >>> 0) * TWO32 + (x[i * 2]! >>> 0);
  }
  /** argument i as a signed 64-bit value */
  s(i: number): number {
    const x = this.p.cpu.x;
    return x[i * 2 + 1]! * TWO32 + (x[i * 2]! >>> 0);
  }
  /** argument i as a C int */
  i(i: number): number {
    return this.p.cpu.x[i * 2]! | 0;
  }
  /** argument i as a C unsigned int */
  ui(i: number): number {
    return this.p.cpu.x[i * 2]! >>> 0;
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
  | 'strv'; // NULL-terminated array of strings (argv/envp)

export type SyscallLine = readonly [nr: number, name: string, handler: SyscallHandler | null, args: string];

export interface SyscallDef {
  nr: number;
  name: string;
  handler: SyscallHandler;
  args: ArgKind[];
}

/** Names of syscalls a64play knows but does not implement (they return ENOSYS and trace by name). */
const known: Record<number, string> = {
  0: 'io_setup', 24: 'dup3', 26: 'inotify_init1', 27: 'inotify_add_watch', 28: 'inotify_rm_watch', 32: 'flock',
  33: 'mknodat', 39: 'umount2', 40: 'mount', 51: 'chroot', 72: 'pselect6', 73: 'ppoll', 74: 'signalfd4', 76: 'splice',
  85: 'timerfd_create', 95: 'waitid', 97: 'unshare', 102: 'getitimer', 103: 'setitimer',
  107: 'timer_create', 117: 'ptrace', 128: 'restart_syscall', 133: 'rt_sigsuspend', 137: 'rt_sigtimedwait',
  167: 'prctl', 198: 'socket', 199: 'socketpair', 203: 'connect', 220: 'clone',
  221: 'execve', 233: 'madvise', 260: 'wait4', 279: 'memfd_create', 293: 'rseq', 435: 'clone3', 437: 'openat2',
  439: 'faccessat2', 19: 'eventfd2', 20: 'epoll_create1', 21: 'epoll_ctl', 22: 'epoll_pwait', 59: 'pipe2',
};

const lines: SyscallLine[] = [...fsCalls, ...memCalls, ...procCalls, ...timeCalls, ...signalCalls, ...futexCalls];

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
