/**
 * Processes (thread groups) and their threads: address spaces, descriptors, signal state, and the
 * bookkeeping Linux keeps for each.
 */
import { Cpu } from '../cpu/cpu.js';
import { STATE_BYTES } from '../cpu/layout.js';
import type { GuestMemory } from '../memory/memory.js';
import type { Dirent, FileHandle } from '../vfs/types.js';
import type { SigInfo } from './signals.js';
import type { SyscallContext } from './syscalls.js';

/**
 * What closing must tell the file-lock table (locks.ts). Set on a descriptor table or an open file
 * description once it has held a lock, so closing costs nothing otherwise.
 */
export interface LockReleaser {
  /** `owner` closed a descriptor for `file`: its POSIX record locks on that file go (any descriptor, as POSIX says) */
  closed(owner: FdTable, file: OpenFile): void;
  /** the last reference to `file` went: its OFD and flock(2) locks go */
  released(file: OpenFile): void;
}

/** An open file description (shared by dup'ed descriptors): the handle, its flags and offset. */
export class OpenFile {
  pos = 0;
  refs = 1;
  /** getdents64 snapshot of a directory, taken at the first call */
  dirents: Dirent[] | null = null;
  /** set once this description has held an OFD or flock(2) lock */
  locks: LockReleaser | null = null;
  constructor(
    readonly handle: FileHandle,
    public flags: number,
    readonly path: string,
  ) {}
  /** called when the last reference goes (inotify's IN_CLOSE_*) */
  onLastRelease: (() => void) | null = null;
  release(): void {
    if (--this.refs === 0) {
      this.locks?.released(this);
      this.handle.close();
      this.onLastRelease?.();
    }
  }
}

export interface FdEntry {
  file: OpenFile;
  cloexec: boolean;
}

export const NOFILE_LIMIT = 1024;

export class FdTable {
  private readonly fds: (FdEntry | undefined)[] = [];
  /** processes sharing this table (clone with CLONE_FILES) */
  users = 1;
  /** set once this table (the owner of POSIX record locks, as Linux's current->files) has held one */
  locks: LockReleaser | null = null;
  /** RLIMIT_NOFILE's soft limit: descriptors at or above it cannot be allocated */
  limit = NOFILE_LIMIT;

  get(fd: number): FdEntry | undefined {
    return fd >= 0 ? this.fds[fd] : undefined;
  }

  /** Installs `file` at the lowest free descriptor >= min; returns it or -1 when the table is full. */
  install(file: OpenFile, cloexec: boolean, min = 0): number {
    for (let fd = min; fd < this.limit; fd++) {
      if (!this.fds[fd]) {
        this.fds[fd] = { file, cloexec };
        return fd;
      }
    }
    return -1;
  }

  /** Places `file` at exactly `fd`, closing what was there. */
  installAt(fd: number, file: OpenFile, cloexec: boolean): void {
    this.close(fd);
    this.fds[fd] = { file, cloexec };
  }

  close(fd: number): boolean {
    const e = this.fds[fd];
    if (!e) return false;
    this.fds[fd] = undefined;
    this.locks?.closed(this, e.file);
    e.file.release();
    return true;
  }

  list(): { fd: number; entry: FdEntry }[] {
    const out: { fd: number; entry: FdEntry }[] = [];
    this.fds.forEach((entry, fd) => {
      if (entry) out.push({ fd, entry });
    });
    return out;
  }

  closeAll(): void {
    for (const { fd } of this.list()) this.close(fd);
  }

  /** A copy for fork: the same open file descriptions, one more reference each. */
  clone(): FdTable {
    const t = new FdTable();
    for (const { fd, entry } of this.list()) {
      entry.file.refs++;
      t.fds[fd] = { file: entry.file, cloexec: entry.cloexec };
    }
    t.limit = this.limit;
    return t;
  }

  closeOnExec(): void {
    for (const { fd, entry } of this.list()) if (entry.cloexec) this.close(fd);
  }
}

export interface SigAction {
  handler: number; // SIG_DFL 0, SIG_IGN 1, or an address
  flags: number;
  restorer: number;
  mask: [number, number];
}

/** An address space and the CPU (decoded-block cache) that runs code in it. */
export class AddressSpace {
  readonly cpu: Cpu;
  /** processes using it (more than one after vfork or clone(CLONE_VM) without CLONE_THREAD) */
  users = 1;
  /** the membarrier commands registered for it (MEMBARRIER_CMD_REGISTER_*: their bits) */
  membarrier = 0;
  constructor(
    readonly mem: GuestMemory,
    clockNs: () => number,
  ) {
    // Every CPU shares the state block at offset 0: the kernel swaps thread registers in and out.
    this.cpu = new Cpu(mem, 0);
    this.cpu.clockNs = clockNs;
  }
}

export const enum ThreadState {
  Runnable,
  /** parked in a syscall (`wait` holds the call) */
  Blocked,
  Dead,
}

export interface AltStack {
  sp: number;
  flags: number;
  size: number;
}

export class Thread {
  /** registers while not loaded into the CPU's state block (see layout.ts) */
  readonly regs = new Int32Array(STATE_BYTES / 4);
  pc = 0;
  state = ThreadState.Runnable;
  /** the parked syscall while Blocked */
  wait: SyscallContext | null = null;
  sigmask: [number, number] = [0, 0];
  /** the mask to restore when a handler interrupts rt_sigsuspend/ppoll/pselect6 */
  savedMask: [number, number] | null = null;
  /** thread-directed signals (tkill, faults), oldest first */
  pending: SigInfo[] = [];
  /** the signal stack; size 0 means none (SS_DISABLE) */
  altStack: AltStack = { sp: 0, flags: 0, size: 0 };
  /** set_tid_address / CLONE_CHILD_CLEARTID */
  clearTid = 0;
  robustList = 0;
  /** registered struct rseq, or 0 */
  rseq = 0;
  /** the nice value, -20..19 (Linux keeps it per thread; clone copies it) */
  nice = 0;
  /** the command name (comm, 15 bytes at most): the process's at creation, then prctl(PR_SET_NAME) or /proc/.../comm */
  name: string;
  constructor(
    public tid: number,
    public proc: Process,
  ) {
    this.name = proc.name;
  }
}

/** Per-process signal dispositions (shared by clone(CLONE_SIGHAND)). */
export type SigActions = Map<number, SigAction>;

export class Process {
  fds = new FdTable();
  cwd = '/';
  umask = 0o022;
  brkStart = 0;
  brk = 0;
  exe = '';
  /** argv and envp as given to execve, for /proc/self/cmdline and environ */
  argv: Uint8Array[] = [];
  envp: Uint8Array[] = [];
  auxv: Uint8Array = new Uint8Array(0);
  sigactions: SigActions = new Map();
  /** the dispositions are shared with another process (clone with CLONE_SIGHAND, not a thread) */
  sigactionsShared = false;
  /** process-directed signals not yet delivered, oldest first */
  pending: SigInfo[] = [];
  readonly threads: Thread[] = [];
  parent: Process | null = null;
  readonly children: Process[] = [];
  /** the signal sent to the parent when this process ends (SIGCHLD for fork) */
  exitSignal = 17;
  /** all threads have ended: a zombie until the parent reaps it */
  exited = false;
  /** wait status: (code << 8) for exit, or the signal number (| 0x80 with core) */
  waitStatus = 0;
  /** stopped by SIGSTOP/SIGTSTP/SIGTTIN/SIGTTOU */
  stopped = false;
  /** a stop or continue the parent has not yet collected with WUNTRACED/WCONTINUED: its wait status */
  stateChange: number | null = null;
  /** a vfork child that has not yet exec'd or exited: the parent waits for it */
  vforkParent: Thread | null = null;
  pgid: number;
  sid: number;
  /** the command name when no leader thread is left (see `name`) */
  private leaderName = '';
  /** resource limits set with setrlimit/prlimit64 ([soft, hard], -1 = infinity); others default */
  rlimits = new Map<number, [number, number]>();
  /** PR_SET_DUMPABLE: a core-dumping signal reports a core dump only when set */
  dumpable = true;
  /** PR_SET_CHILD_SUBREAPER: orphaned descendants are reparented here */
  subreaper = false;
  /** has called execve (setpgid on it by its parent then fails with EACCES) */
  execed = false;
  /** the process has (had) MAP_SHARED file mappings: their bytes are written back at times */
  sharedFileMaps = false;

  constructor(
    readonly pid: number,
    public mm: AddressSpace,
  ) {
    this.pgid = pid;
    this.sid = pid;
  }

  get mem(): GuestMemory {
    return this.mm.mem;
  }
  get cpu(): Cpu {
    return this.mm.cpu;
  }
  get ppid(): number {
    return this.parent?.pid ?? 1;
  }
  /** the thread that started the process (tid == pid) or, once it has ended, any live one */
  get leader(): Thread {
    return this.threads.find((t) => t.tid === this.pid) ?? this.threads[0]!;
  }
  /** the command name: the leader thread's (set at exec; PR_SET_NAME in another thread leaves it alone) */
  get name(): string {
    return this.threads.find((t) => t.tid === this.pid)?.name ?? this.leaderName;
  }
  set name(v: string) {
    this.leaderName = v;
    const leader = this.threads.find((t) => t.tid === this.pid);
    if (leader) leader.name = v;
  }
  get live(): boolean {
    return !this.exited;
  }
}
