/** Threads and processes: clone, clone3, execve, exit, exit_group, wait4, waitid. */
import {
  CLONE_PIDFD, CLONE_PTRACE, CLONE_SIGHAND, CLONE_THREAD, CLONE_VFORK, CLONE_VM, SIG, StructReader, StructWriter,
} from '../abi.js';
import { E2BIG, ECHILD, EFAULT, EINVAL, ENOENT } from '../errno.js';
import { fileOf, resolveAt } from './fs.js';
import { type CloneArgs, ExecError, type Kernel } from '../kernel.js';
import type { Process, Thread } from '../process.js';
import type { SyscallContext, SyscallLine } from '../syscalls.js';

/** Namespace and other flags a64play does not offer. */
const CLONE_UNSUPPORTED = 0x7e020000 | CLONE_PTRACE;

function doClone(c: SyscallContext, a: CloneArgs): number {
  const st = c.state as { child?: Thread };
  if (st.child) {
    // vfork: the parent sleeps until the child execs or exits
    return st.child.proc.vforkParent === c.t ? c.block() : st.child.tid;
  }
  const f = a.flags;
  if (f & CLONE_UNSUPPORTED || f & CLONE_PIDFD) return -EINVAL;
  if ((f & CLONE_THREAD && !(f & CLONE_SIGHAND)) || (f & CLONE_SIGHAND && !(f & CLONE_VM))) return -EINVAL;
  const child = c.k.clone(c.t, a);
  if (typeof child === 'number') return child;
  if (f & CLONE_VFORK) {
    st.child = child;
    c.uninterruptible = true;
    return c.block();
  }
  return child.tid;
}

function clone(c: SyscallContext): number {
  const flags = c.u(0);
  // aarch64 argument order: flags, stack, parent_tid, tls, child_tid
  return doClone(c, { flags: flags & ~0xff, exitSignal: flags & 0xff, stack: c.u(1), parentTid: c.u(2), tls: c.u(3), childTid: c.u(4) });
}

function clone3(c: SyscallContext): number {
  const size = c.u(1);
  if (size < 64) return -EINVAL;
  const raw = c.mem.read(c.u(0), 88 <= size ? 88 : 64);
  if (!raw) return -EFAULT;
  const r = new StructReader(raw);
  // struct clone_args: flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, ...
  const flags = r.u64(0);
  const exitSignal = r.u64(32);
  if (exitSignal > 64 || (flags & CLONE_THREAD && exitSignal)) return -EINVAL;
  const stack = r.u64(40);
  const stackSize = r.u64(48);
  if ((stack === 0) !== (stackSize === 0)) return -EINVAL;
  if (raw.length >= 88 && r.u64(72) !== 0) return -EINVAL; // set_tid: not for us
  return doClone(c, {
    flags: flags % 2 ** 32,
    exitSignal,
    stack: stack ? stack + stackSize : 0,
    parentTid: r.u64(24),
    tls: r.u64(56),
    childTid: r.u64(16),
  });
}

const MAX_ARG_STRLEN = 32 * 4096;

/** Reads a NULL-terminated array of string pointers. */
function readStrv(c: SyscallContext, addr: number): Uint8Array[] | number {
  const out: Uint8Array[] = [];
  if (addr === 0) return out;
  let total = 0;
  for (let i = 0; ; i++) {
    const ptr = c.mem.u64(addr + i * 8);
    if (ptr === null) return -EFAULT;
    if (ptr === 0) return out;
    // a string longer than MAX_ARG_STRLEN (32 pages) is E2BIG, an unreadable one EFAULT
    const s = c.mem.readCString(ptr, MAX_ARG_STRLEN);
    if (!s) return c.mem.readCString(ptr, 1) === null && !c.mem.readable(ptr, 1) ? -EFAULT : -E2BIG;
    total += s.length + 1;
    if (total > 2 * 1024 * 1024 || i > 65536) return -E2BIG;
    out.push(s);
  }
}

function execve(c: SyscallContext): number {
  const path = c.path(0);
  if (typeof path === 'number') return path;
  return execWith(c, path, 1);
}

const AT_EMPTY_PATH = 0x1000;
const AT_SYMLINK_NOFOLLOW = 0x100;

/** execveat (fexecve uses it with AT_EMPTY_PATH): the file named relative to a descriptor. */
function execveat(c: SyscallContext): number {
  const path = c.path(1);
  if (typeof path === 'number') return path;
  const flags = c.i(4);
  if (flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW)) return -EINVAL;
  let abs: string | number;
  const dirfd = c.i(0);
  // the name the new program sees in AT_EXECFN (and comm): Linux's /dev/fd/N forms
  let execfn = path;
  if (path === '') {
    if (!(flags & AT_EMPTY_PATH)) return -ENOENT;
    const f = fileOf(c, dirfd);
    abs = typeof f === 'number' ? f : f.path;
    execfn = `/dev/fd/${dirfd}`;
  } else {
    abs = resolveAt(c, dirfd, path);
    if (!path.startsWith('/') && dirfd !== AT_FDCWD) execfn = `/dev/fd/${dirfd}/${path}`;
  }
  if (typeof abs === 'number') return abs;
  return execWith(c, abs, 2, execfn);
}

const AT_FDCWD = -100;

function execWith(c: SyscallContext, path: string, argvArg: number, execfn = path): number {
  const argv = readStrv(c, c.u(argvArg));
  if (typeof argv === 'number') return argv;
  const envp = readStrv(c, c.u(argvArg + 1));
  if (typeof envp === 'number') return envp;
  try {
    c.k.exec(c.t, path, argv, envp, 0, true, execfn);
  } catch (e) {
    if (e instanceof ExecError) return -e.errno;
    throw e;
  }
  c.noReturn = true;
  return 0;
}

const WNOHANG = 1;
const WUNTRACED = 2;
const WEXITED = 4;
const WCONTINUED = 8;
const WNOWAIT = 0x01000000;
const P_ALL = 0;
const P_PID = 1;
const P_PGID = 2;

interface Waitable {
  child: Process;
  /** the wait status to report */
  status: number;
  /** the child has ended (reaping removes it) */
  exited: boolean;
}

/**
 * Finds a child of `p` that `match` selects with something to report. Returns null when there is
 * nothing to report yet, ECHILD when no child matches at all.
 */
function findWaitable(k: Kernel, p: Process, match: (q: Process) => boolean, options: number): Waitable | null | number {
  let any = false;
  for (const q of p.children) {
    if (!match(q)) continue;
    any = true;
    if (q.exited) {
      if (options & WEXITED) return { child: q, status: q.waitStatus, exited: true };
    } else if (q.stateChange !== null) {
      const stop = (q.stateChange & 0xff) === 0x7f;
      if ((stop && options & WUNTRACED) || (!stop && options & WCONTINUED)) return { child: q, status: q.stateChange, exited: false };
    }
  }
  return any ? null : -ECHILD;
}

/** Collects what was found: a zombie is removed, a stop/continue report consumed. */
function collect(k: Kernel, p: Process, w: Waitable, keep: boolean): void {
  if (keep) return;
  if (w.exited) {
    p.children.splice(p.children.indexOf(w.child), 1);
    k.processes.delete(w.child.pid);
  } else w.child.stateChange = null;
}

function selector(c: SyscallContext, pid: number): (q: Process) => boolean {
  if (pid > 0) return (q) => q.pid === pid;
  if (pid === -1) return () => true;
  const pgid = pid === 0 ? c.p.pgid : -pid;
  return (q) => q.pgid === pgid;
}

function wait4(c: SyscallContext): number {
  const pid = c.i(0);
  const options = c.i(2);
  if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | 0xe0000000)) return -EINVAL;
  const w = findWaitable(c.k, c.p, selector(c, pid), options | WEXITED);
  if (typeof w === 'number') return w;
  if (!w) return options & WNOHANG ? 0 : c.block();
  const statusAddr = c.u(1);
  if (statusAddr !== 0 && !c.mem.write(statusAddr, new StructWriter(4).i32(0, w.status).bytes)) return -EFAULT;
  const ru = c.u(3);
  if (ru !== 0 && !c.mem.write(ru, new Uint8Array(144))) return -EFAULT;
  collect(c.k, c.p, w, false);
  return w.child.pid;
}

function waitid(c: SyscallContext): number {
  const idtype = c.i(0);
  const id = c.i(1);
  const options = c.i(3);
  if (!(options & (WEXITED | WUNTRACED | WCONTINUED))) return -EINVAL;
  let match: (q: Process) => boolean;
  if (idtype === P_ALL) match = () => true;
  else if (idtype === P_PID) match = (q) => q.pid === id;
  else if (idtype === P_PGID) match = (q) => q.pgid === (id || c.p.pgid);
  else return -EINVAL;
  const w = findWaitable(c.k, c.p, match, options);
  if (typeof w === 'number') return w;
  const infop = c.u(2);
  if (!w) {
    if (options & WNOHANG) {
      // nothing to report: si_pid is 0 (glibc's waitid checks it)
      if (infop !== 0 && !c.mem.write(infop, new Uint8Array(128))) return -EFAULT;
      return 0;
    }
    return c.block();
  }
  if (infop !== 0) {
    const s = w.status;
    const sig = s & 0x7f;
    let code: number;
    let status: number;
    if (w.exited) {
      code = sig === 0 ? 1 : s & 0x80 ? 3 : 2; // CLD_EXITED, CLD_DUMPED, CLD_KILLED
      status = sig === 0 ? (s >> 8) & 0xff : sig;
    } else if ((s & 0xff) === 0x7f) {
      code = 5; // CLD_STOPPED
      status = (s >> 8) & 0xff;
    } else {
      code = 6; // CLD_CONTINUED
      status = SIG.SIGCONT;
    }
    const info = new StructWriter(128).i32(0, SIG.SIGCHLD).i32(8, code).i32(16, w.child.pid).i32(20, 0).i32(24, status);
    if (!c.mem.write(infop, info.bytes)) return -EFAULT;
  }
  collect(c.k, c.p, w, (options & WNOWAIT) !== 0);
  return 0;
}

export const taskCalls: SyscallLine[] = [
  [93, 'exit', (c) => {
    c.k.exitThread(c.t, c.i(0));
    return 0;
  }, 'int'],
  [94, 'exit_group', (c) => {
    c.k.exit(c.p, c.i(0));
    return 0;
  }, 'int'],
  [220, 'clone', clone, 'cloneflags ptr ptr ptr ptr'],
  [435, 'clone3', clone3, 'ptr size'],
  [221, 'execve', execve, 'path strv strv'],
  [281, 'execveat', execveat, 'dirfd path strv strv atflags'],
  [260, 'wait4', wait4, 'int ptr waitopts ptr'],
  [95, 'waitid', waitid, 'int int ptr waitopts ptr'],
];

