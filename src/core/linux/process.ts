/** A guest process: its address space, CPU, file descriptors, and the bookkeeping Linux keeps. */
import type { Cpu } from '../cpu/cpu.js';
import type { GuestMemory } from '../memory/memory.js';
import type { Dirent, FileHandle } from '../vfs/types.js';
import type { SigInfo } from './signals.js';

/** An open file description (shared by dup'ed descriptors): the handle, its flags and offset. */
export class OpenFile {
  pos = 0;
  refs = 1;
  /** getdents64 snapshot of a directory, taken at the first call */
  dirents: Dirent[] | null = null;
  constructor(
    readonly handle: FileHandle,
    public flags: number,
    readonly path: string,
  ) {}
  release(): void {
    if (--this.refs === 0) this.handle.close();
  }
}

export interface FdEntry {
  file: OpenFile;
  cloexec: boolean;
}

export const NOFILE_LIMIT = 1024;

export class FdTable {
  private readonly fds: (FdEntry | undefined)[] = [];

  get(fd: number): FdEntry | undefined {
    return fd >= 0 ? this.fds[fd] : undefined;
  }

  /** Installs `file` at the lowest free descriptor >= min; returns it or -1 when the table is full. */
  install(file: OpenFile, cloexec: boolean, min = 0): number {
    for (let fd = min; fd < NOFILE_LIMIT; fd++) {
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

export class Process {
  readonly fds = new FdTable();
  cwd = '/';
  umask = 0o022;
  brkStart = 0;
  brk = 0;
  exe = '';
  /** argv and envp as given to execve, for /proc/self/cmdline and environ */
  argv: Uint8Array[] = [];
  envp: Uint8Array[] = [];
  auxv: Uint8Array = new Uint8Array(0);
  readonly sigactions = new Map<number, SigAction>();
  sigmask: [number, number] = [0, 0];
  /** generated but not yet delivered signals, oldest first */
  pending: SigInfo[] = [];
  /** set_tid_address / CLONE_CHILD_CLEARTID */
  clearTid = 0;
  robustList = 0;
  /** registered struct rseq, or 0 */
  rseq = 0;
  altStack = { sp: 0, flags: 2 /* SS_DISABLE */, size: 0 };
  exited = false;
  /** wait status: (code << 8) for exit, or the signal number (| 0x80 with core) */
  waitStatus = 0;
  pgid: number;
  sid: number;
  name = '';

  constructor(
    readonly pid: number,
    readonly ppid: number,
    readonly mem: GuestMemory,
    readonly cpu: Cpu,
  ) {
    this.pgid = pid;
    this.sid = pid;
  }

  get tid(): number {
    return this.pid;
  }
}
