/**
 * The Node CLI's filesystem backends: the host's files under a root directory (HostFs) and the
 * host's own stdin/stdout/stderr (HostStdio). File calls are synchronous node:fs calls (the
 * emulator runs on one thread); input that may have to wait (pipes, terminals) comes from a worker
 * thread instead (stdin-reader.ts). Linux flags go in, Linux errnos come out, whatever the host's
 * own numbers are.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { dirname as pathDirname } from 'node:path';
import * as tty from 'node:tty';
import { EACCES, EAGAIN, EBADF, EEXIST, EFAULT, EINVAL, EIO, ENOSPC, ENOTDIR, ENOTTY, EOPNOTSUPP, EXDEV, errnoNames } from '../core/linux/errno.js';
import {
  O_ACCMODE, O_APPEND, O_CREAT, O_DIRECTORY, O_DSYNC, O_EXCL, O_NOCTTY, O_NOFOLLOW, O_NONBLOCK, O_PATH, O_RDONLY,
  O_RDWR, O_SYNC, O_TRUNC, O_WRONLY, RENAME_NOREPLACE, R_OK, W_OK, X_OK, __O_TMPFILE,
} from '../core/vfs/flags.js';
import {
  IUTF8, TCFLSH, TCGETS, TCGETS2, TCSBRK, TCSETS, TCSETS2, TCSETSF, TCSETSF2, TCSETSW, TCSETSW2, TCXONC,
  TERMIOS2_SIZE, TERMIOS_SIZE, Termios, TIOCGWINSZ,
} from '../core/vfs/termios.js';
import {
  type Dirent, type Err, type FileHandle, type FsBackend, type IoctlMemory, POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT,
  POLLRDHUP, POLLRDNORM, POLLWRNORM, S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, type Stat,
} from '../core/vfs/types.js';
import { HostEvents, StdinReader } from './stdin-reader.js';

// ---- host errors and flags ----

const errnoByCode = new Map<string, number>();
for (const [num, name] of Object.entries(errnoNames)) errnoByCode.set(name, Number(num));
errnoByCode.set('EWOULDBLOCK', EAGAIN);
errnoByCode.set('ENOTSUP', EOPNOTSUPP);
errnoByCode.set('EDQUOT', ENOSPC);

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A Node error as a negative Linux errno, by its code name (host errno numbers differ between
 * systems). Anything without a code is a bug in a64play, not the guest's doing: rethrown.
 */
/** Runs a host call that returns nothing: 0, or the Linux errno of its failure. */
function hostCall(fn: () => void): number {
  try {
    fn();
    return 0;
  } catch (e) {
    return hostErrno(e);
  }
}

export function hostErrno(e: unknown): Err {
  const code = codeOf(e);
  if (code === undefined) throw e;
  const n = errnoByCode.get(code);
  if (n !== undefined) return -n;
  if (code.startsWith('ERR_INVALID_ARG') || code === 'ERR_OUT_OF_RANGE') return -EINVAL;
  return -EIO;
}

const C = fs.constants;

/** Linux open flags to the host's. Hints the host need not see (O_CLOEXEC, O_LARGEFILE, O_DIRECT, O_NOATIME...) are dropped. */
export function hostOpenFlags(flags: number): number | Err {
  let h: number;
  switch (flags & O_ACCMODE) {
    case O_RDONLY:
      h = C.O_RDONLY;
      break;
    case O_WRONLY:
      h = C.O_WRONLY;
      break;
    case O_RDWR:
      h = C.O_RDWR;
      break;
    default:
      return -EINVAL; // Linux's "ioctl only" mode 3 has no Node equivalent
  }
  if (flags & O_CREAT) h |= C.O_CREAT;
  if (flags & O_EXCL) h |= C.O_EXCL;
  if (flags & O_NOCTTY) h |= C.O_NOCTTY ?? 0;
  if (flags & O_TRUNC) h |= C.O_TRUNC;
  if (flags & O_APPEND) h |= C.O_APPEND;
  if (flags & O_NONBLOCK) h |= C.O_NONBLOCK ?? 0;
  if (flags & O_DIRECTORY) h |= C.O_DIRECTORY ?? 0;
  if (flags & O_NOFOLLOW) h |= C.O_NOFOLLOW ?? 0;
  if ((flags & O_SYNC) === O_SYNC) h |= C.O_SYNC ?? 0;
  else if (flags & O_DSYNC) h |= C.O_DSYNC ?? 0;
  return h;
}

function hostAccessMode(mode: number): number {
  let h = C.F_OK;
  if (mode & R_OK) h |= C.R_OK;
  if (mode & W_OK) h |= C.W_OK;
  if (mode & X_OK) h |= C.X_OK;
  return h;
}

// ---- stat and directory entries ----

const BIG = { bigint: true } as const;

function fileType(s: fs.BigIntStats | fs.Stats | fs.Dirent): number {
  if (s.isFile()) return S_IFREG;
  if (s.isDirectory()) return S_IFDIR;
  if (s.isSymbolicLink()) return S_IFLNK;
  if (s.isCharacterDevice()) return S_IFCHR;
  if (s.isBlockDevice()) return S_IFBLK;
  if (s.isFIFO()) return S_IFIFO;
  if (s.isSocket()) return S_IFSOCK;
  return 0;
}

/** A host stat as Linux's: type bits rebuilt from the host's predicates, numbers from bigints. */
export function toStat(s: fs.BigIntStats): Stat {
  return {
    dev: Number(s.dev),
    ino: Number(s.ino),
    mode: fileType(s) | (Number(s.mode) & 0o7777),
    nlink: Number(s.nlink),
    uid: Number(s.uid),
    gid: Number(s.gid),
    rdev: Number(s.rdev),
    size: Number(s.size),
    blksize: Number(s.blksize),
    blocks: Number(s.blocks),
    atimeNs: Number(s.atimeNs),
    mtimeNs: Number(s.mtimeNs),
    ctimeNs: Number(s.ctimeNs),
    // the doubles above round to a few hundred nanoseconds; the host's bigints are exact
    exactTimes: [...split(s.atimeNs), ...split(s.mtimeNs), ...split(s.ctimeNs)],
  };
}

const BILLION = 1_000_000_000n;
/** Nanoseconds since the epoch as [seconds, nanoseconds] (floored, as struct timespec holds them). */
function split(ns: bigint): [number, number] {
  let sec = ns / BILLION;
  let nsec = ns % BILLION;
  if (nsec < 0n) {
    sec -= 1n;
    nsec += BILLION;
  }
  return [Number(sec), Number(nsec)];
}

function childPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : dir + '/' + name;
}

/** getdents64's view of a host directory: '.', '..' (itself at `isRoot`), then the entries with their inodes. */
function listHostDir(dir: string, isRoot: boolean): Dirent[] | Err {
  try {
    const self = fs.statSync(dir, BIG);
    if (!self.isDirectory()) return -ENOTDIR;
    let parentIno = self.ino;
    if (!isRoot) {
      try {
        parentIno = fs.statSync(childPath(dir, '..'), BIG).ino;
      } catch {
        // an unreadable parent: keep its own inode
      }
    }
    const out: Dirent[] = [
      { name: '.', ino: Number(self.ino), type: S_IFDIR >> 12 },
      { name: '..', ino: Number(parentIno), type: S_IFDIR >> 12 },
    ];
    // the directory's own order, as getdents gives it (readdirSync would sort the names)
    const handle = fs.opendirSync(dir);
    const entries: fs.Dirent[] = [];
    try {
      for (let d = handle.readSync(); d; d = handle.readSync()) entries.push(d);
    } finally {
      handle.closeSync();
    }
    for (const d of entries) {
      let ino = 0;
      try {
        ino = Number(fs.lstatSync(childPath(dir, d.name), BIG).ino);
      } catch {
        // gone since readdir, or a name Node cannot round-trip
      }
      out.push({ name: d.name, ino, type: fileType(d) >> 12 });
    }
    return out;
  } catch (e) {
    return hostErrno(e);
  }
}

/** Seconds as node:fs's utimes takes them (a double: sub-microsecond digits are lost). */
function nsToSeconds(ns: number): number {
  return ns / 1e9;
}

// ---- the host filesystem ----

/** The host's files: guest path P names host path root + P. Symlinks keep host semantics (absolute targets leave root). */
export class HostFs implements FsBackend {
  readonly kind = 'hostfs';
  /** the root without its trailing slash: '' for '/' */
  private readonly root: string;
  /**
   * The terminals the CLI emulates itself, by host device number: opening one (or /dev/tty)
   * gives that terminal instead of the host device, whose reads would block and skip the line
   * discipline.
   */
  terminalFor: ((rdev: number) => FileHandle | null) | null = null;

  constructor(root = '/') {
    this.root = root.replace(/\/+$/, '');
  }

  /** The host path for a path inside this filesystem. */
  hostPath(path: string): string {
    if (path === '' || path === '/') return this.root || '/';
    return this.root + (path.startsWith('/') ? path : '/' + path);
  }

  private isRoot(hostPath: string): boolean {
    return hostPath.replace(/\/+$/, '') === this.root;
  }

  stat(path: string, follow: boolean): Stat | Err {
    const p = this.hostPath(path);
    try {
      return toStat(follow ? fs.statSync(p, BIG) : fs.lstatSync(p, BIG));
    } catch (e) {
      return hostErrno(e);
    }
  }

  open(path: string, flags: number, mode: number): FileHandle | Err {
    const p = this.hostPath(path);
    if (flags & O_PATH) return this.openPath(p, path, flags);
    if (flags & __O_TMPFILE) return -EOPNOTSUPP; // Node cannot ask for it; callers fall back to a named file
    const hostFlags = hostOpenFlags(flags);
    if (hostFlags < 0) return hostFlags;
    let fd: number;
    try {
      fd = fs.openSync(p, hostFlags, mode & 0o7777);
    } catch (e) {
      return hostErrno(e);
    }
    try {
      const st = fs.fstatSync(fd);
      const term = st.isCharacterDevice() && this.terminalFor ? this.terminalFor(Number(st.rdev)) : null;
      if (term) {
        fs.closeSync(fd);
        return term;
      }
      return new HostFile(fd, st, p, path, flags, this.isRoot(p));
    } catch (e) {
      fs.closeSync(fd);
      return hostErrno(e);
    }
  }

  private openPath(p: string, path: string, flags: number): FileHandle | Err {
    const follow = !(flags & O_NOFOLLOW);
    try {
      const s = follow ? fs.statSync(p) : fs.lstatSync(p);
      if (flags & O_DIRECTORY && !s.isDirectory()) return -ENOTDIR;
    } catch (e) {
      return hostErrno(e);
    }
    return new HostPathHandle(p, path, follow);
  }

  mkdir(path: string, mode: number): number {
    return hostCall(() => fs.mkdirSync(this.hostPath(path), { mode: mode & 0o7777 }));
  }

  rmdir(path: string): number {
    return hostCall(() => fs.rmdirSync(this.hostPath(path)));
  }

  unlink(path: string): number {
    return hostCall(() => fs.unlinkSync(this.hostPath(path)));
  }

  /** RENAME_NOREPLACE is emulated (check, then rename); RENAME_EXCHANGE has no Node call: EINVAL, as from a filesystem without it. */
  rename(from: string, to: string, flags: number): number {
    if (flags & ~RENAME_NOREPLACE) return -EINVAL; // RENAME_EXCHANGE, RENAME_WHITEOUT, unknown bits
    const a = this.hostPath(from);
    const b = this.hostPath(to);
    return hostCall(() => {
      if (flags & RENAME_NOREPLACE) {
        fs.lstatSync(a);
        if (fs.lstatSync(b, { throwIfNoEntry: false })) throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' });
      }
      fs.renameSync(a, b);
    });
  }

  symlink(target: string, path: string): number {
    return hostCall(() => fs.symlinkSync(target, this.hostPath(path)));
  }

  /**
   * FIFOs, made by the host's mkfifo(1) since node:fs has no mknod. The kernel keeps the pipe
   * behind a FIFO (calls/fifo.ts) and never opens the host's node, whose open would block.
   * Sockets are left to the caller's stand-in (EOPNOTSUPP).
   */
  mknod(path: string, mode: number, rdev: number): number {
    void rdev;
    if ((mode & S_IFMT) !== S_IFIFO) return -EOPNOTSUPP;
    const p = this.hostPath(path);
    const exists = hostCall(() => fs.lstatSync(p));
    if (exists === 0) return -EEXIST;
    const parent = hostCall(() => {
      if (!fs.statSync(pathDirname(p)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    });
    if (parent < 0) return parent;
    const r = spawnSync('mkfifo', ['-m', (mode & 0o7777).toString(8), '--', p], { stdio: 'ignore' });
    if (r.error) return -EOPNOTSUPP;
    return r.status === 0 ? 0 : -EACCES;
  }

  readlink(path: string): string | Err {
    try {
      return fs.readlinkSync(this.hostPath(path));
    } catch (e) {
      return hostErrno(e);
    }
  }

  link(from: string, to: string): number {
    return hostCall(() => fs.linkSync(this.hostPath(from), this.hostPath(to)));
  }

  chmod(path: string, mode: number): number {
    return hostCall(() => fs.chmodSync(this.hostPath(path), mode & 0o7777));
  }

  chown(path: string, uid: number, gid: number, follow: boolean): number {
    const keep = (id: number) => (id === 0xffffffff ? -1 : id);
    const p = this.hostPath(path);
    return hostCall(() => (follow ? fs.chownSync : fs.lchownSync)(p, keep(uid), keep(gid)));
  }

  /** null keeps a time (UTIME_OMIT). Node takes seconds as doubles: about microsecond precision, none before 1970. */
  utimes(path: string, atimeNs: number | null, mtimeNs: number | null, follow: boolean): number {
    const p = this.hostPath(path);
    return hostCall(() => {
      const cur = follow ? fs.statSync(p, BIG) : fs.lstatSync(p, BIG);
      if (atimeNs === null && mtimeNs === null) return;
      const a = nsToSeconds(atimeNs ?? Number(cur.atimeNs));
      const m = nsToSeconds(mtimeNs ?? Number(cur.mtimeNs));
      if (follow) fs.utimesSync(p, a, m);
      else fs.lutimesSync(p, a, m);
    });
  }

  truncate(path: string, len: number): number {
    if (len < 0) return -EINVAL;
    return hostCall(() => fs.truncateSync(this.hostPath(path), len));
  }

  readdir(path: string): Dirent[] | Err {
    const p = this.hostPath(path);
    return listHostDir(p, this.isRoot(p));
  }

  access(path: string, mode: number): number {
    if (mode & ~7) return -EINVAL;
    return hostCall(() => fs.accessSync(this.hostPath(path), hostAccessMode(mode)));
  }

  /** The canonical path inside this filesystem; EXDEV when the host path leads out of root. */
  realpath(path: string): string | Err {
    let real: string;
    try {
      real = fs.realpathSync.native(this.hostPath(path));
    } catch (e) {
      return hostErrno(e);
    }
    if (this.root === '') return real;
    if (real === this.root) return '/';
    return real.startsWith(this.root + '/') ? real.slice(this.root.length) : -EXDEV;
  }

}

// ---- open host files ----

/** A host file descriptor. Pipes, terminals and sockets are not seekable: they get position null. */
class HostFile implements FileHandle {
  readonly seekable: boolean;
  readonly isTty: boolean;
  private readonly isDir: boolean;
  private readonly append: boolean;
  private closed = false;

  constructor(
    private readonly fd: number,
    st: fs.Stats,
    private readonly hostPath: string,
    readonly path: string,
    flags: number,
    private readonly isRootDir: boolean,
  ) {
    this.seekable = !(st.isFIFO() || st.isCharacterDevice() || st.isSocket());
    this.isTty = st.isCharacterDevice() && tty.isatty(fd);
    this.isDir = st.isDirectory();
    this.append = (flags & O_APPEND) !== 0;
  }

  read(buf: Uint8Array, pos: number): number {
    if (this.closed) return -EBADF;
    if (this.seekable && pos < 0) return -EINVAL;
    try {
      return fs.readSync(this.fd, buf, 0, buf.length, this.seekable ? pos : null);
    } catch (e) {
      return hostErrno(e);
    }
  }

  write(buf: Uint8Array, pos: number): number {
    if (this.closed) return -EBADF;
    if (this.seekable && pos < 0) return -EINVAL;
    try {
      // O_APPEND: the host descriptor appends; a position would make macOS's pwrite write there
      return fs.writeSync(this.fd, buf, 0, buf.length, this.seekable && !this.append ? pos : null);
    } catch (e) {
      return hostErrno(e);
    }
  }

  stat(): Stat | Err {
    if (this.closed) return -EBADF;
    try {
      return toStat(fs.fstatSync(this.fd, BIG));
    } catch (e) {
      return hostErrno(e);
    }
  }

  truncate(len: number): number {
    if (this.closed) return -EBADF;
    if (len < 0) return -EINVAL;
    return hostCall(() => fs.ftruncateSync(this.fd, len));
  }

  sync(): number {
    if (this.closed) return -EBADF;
    return hostCall(() => fs.fsyncSync(this.fd));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      fs.closeSync(this.fd);
    } catch {
      // nothing the guest could do about it
    }
  }

  readdir(): Dirent[] | Err {
    if (this.closed) return -EBADF;
    if (!this.isDir) return -ENOTDIR;
    return listHostDir(this.hostPath, this.isRootDir);
  }

  ioctl(req: number, arg: number, io: IoctlMemory): number {
    if (this.closed) return -EBADF;
    return this.isTty ? hostTerminal.ioctl(req, arg, io) : -ENOTTY;
  }
}

/** O_PATH: names a host file without opening it; only fstat works. */
class HostPathHandle implements FileHandle {
  readonly seekable = false;
  private closed = false;

  constructor(
    private readonly hostPath: string,
    readonly path: string,
    private readonly follow: boolean,
  ) {}

  read(): number {
    return -EBADF;
  }
  write(): number {
    return -EBADF;
  }
  stat(): Stat | Err {
    if (this.closed) return -EBADF;
    try {
      return toStat(this.follow ? fs.statSync(this.hostPath, BIG) : fs.lstatSync(this.hostPath, BIG));
    } catch (e) {
      return hostErrno(e);
    }
  }
  truncate(): number {
    return -EBADF;
  }
  sync(): number {
    return -EBADF;
  }
  close(): void {
    this.closed = true;
  }
  readdir(): Err {
    return -EBADF;
  }
}

// ---- the host's terminal and stdio ----

export { ECHO, ICANON, TERMIOS_SIZE } from '../core/vfs/termios.js';

/** Linux's tty_std_termios with IUTF8: a cooked, echoing 38400-baud 8-bit line. */
function defaultTermios(): Uint8Array {
  const t = Termios.standard();
  t.iflag |= IUTF8;
  return t.encode();
}

export interface WindowSize {
  rows: number;
  cols: number;
}

function hostWindowSize(): WindowSize {
  const out = process.stdout;
  return out.isTTY && out.rows && out.columns ? { rows: out.rows, cols: out.columns } : { rows: 24, cols: 80 };
}

/**
 * A host terminal the emulator does not drive itself (the CLI runs one through its own line
 * discipline, core/vfs/tty.ts, when stdin is a terminal; this is for the other cases, like a
 * terminal on stdout only): termios settings start as Linux's defaults and keep whatever the guest
 * sets; they are not applied to the host unless `onChange` does so.
 */
export class HostTerminal {
  readonly termios = defaultTermios();
  /** called after every TCSETS*, with this terminal */
  onChange: ((t: HostTerminal) => void) | null = null;

  constructor(private readonly size: () => WindowSize = hostWindowSize) {}

  get lflag(): number {
    return new DataView(this.termios.buffer).getUint32(12, true);
  }

  /** The ioctls of a terminal; the caller has checked that the host fd is one. */
  ioctl(req: number, arg: number, io: IoctlMemory): number {
    switch (req) {
      case TCGETS:
        return io.write(arg, this.termios) ? 0 : -EFAULT;
      case TCGETS2: {
        const t = new Uint8Array(TERMIOS2_SIZE);
        t.set(this.termios);
        const v = new DataView(t.buffer);
        v.setUint32(36, 38400, true);
        v.setUint32(40, 38400, true);
        return io.write(arg, t) ? 0 : -EFAULT;
      }
      case TCSETS:
      case TCSETSW:
      case TCSETSF:
      case TCSETS2:
      case TCSETSW2:
      case TCSETSF2: {
        const t = io.read(arg, TERMIOS_SIZE);
        if (!t) return -EFAULT;
        this.termios.set(t.subarray(0, TERMIOS_SIZE));
        this.onChange?.(this);
        return 0;
      }
      case TIOCGWINSZ: {
        const { rows, cols } = this.size();
        const w = new Uint8Array(8); // struct winsize: ws_row, ws_col, ws_xpixel, ws_ypixel
        const v = new DataView(w.buffer);
        v.setUint16(0, rows, true);
        v.setUint16(2, cols, true);
        return io.write(arg, w) ? 0 : -EFAULT;
      }
      case TCSBRK: // tcdrain: host writes are synchronous
      case TCXONC:
      case TCFLSH:
        return 0;
      default:
        return -ENOTTY;
    }
  }
}

/** The terminal the CLI's stdio and any host tty the guest opens share. */
export const hostTerminal = new HostTerminal();

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const RETRY_MS = 10;

/** Blocks the thread briefly (a non-blocking host fd could take nothing). */
function pause(): void {
  Atomics.wait(sleeper, 0, 0, RETRY_MS);
}

function isWouldBlock(e: unknown): boolean {
  const code = codeOf(e);
  return code === 'EAGAIN' || code === 'EWOULDBLOCK';
}

/**
 * Writes all of buf to a host descriptor, waiting out EAGAIN (a descriptor some other part of
 * Node made non-blocking). Returns the bytes written, or -errno if nothing could be.
 */
export function writeFully(fd: number, buf: Uint8Array): number {
  let done = 0;
  while (done < buf.length) {
    try {
      const n = fs.writeSync(fd, buf, done, buf.length - done, null);
      if (n === 0) pause(); // nothing taken: wait as for EAGAIN
      done += n;
    } catch (e) {
      if (isWouldBlock(e)) {
        pause();
        continue;
      }
      return done > 0 ? done : hostErrno(e);
    }
  }
  return done;
}

/** How a host descriptor's reads behave. */
type InputKind = 'file' | 'pipe' | 'socket' | 'terminal';

function inputKind(fd: number): InputKind {
  try {
    const st = fs.fstatSync(fd);
    if (st.isFIFO()) return 'pipe';
    if (st.isSocket()) return 'socket';
    if (st.isCharacterDevice() && tty.isatty(fd)) return 'terminal';
  } catch {
    // a closed descriptor: reads fail synchronously
  }
  return 'file';
}

export interface HostStdioOptions {
  terminal?: HostTerminal;
  /** overrides tty.isatty(fd) (for tests) */
  isTty?: boolean;
  /**
   * Whether the guest reads this descriptor (default: fd 0). Pipes, sockets and terminals are then
   * read by a worker thread, started on the first read, poll or FIONREAD; reads never block.
   */
  input?: boolean;
  /** What the reader wakes; the CLI's idle() waits on it (default: the shared hostEvents). */
  events?: HostEvents;
  /** Reads through this reader instead of starting one (tests). */
  reader?: StdinReader;
}

/** The events of the CLI's host input, shared by every HostStdio unless told otherwise. */
export const hostEvents = new HostEvents();

/**
 * One of the host's own descriptors 0, 1, 2 as a guest file. Writes go out whole. Reads of a
 * pipe, socket or terminal come from a worker thread and return -EAGAIN while nothing has
 * arrived (the kernel blocks the guest thread, and waits in HostEvents.idle when nothing else can
 * run); regular files and devices like /dev/null are read synchronously (they never block).
 * Never seekable (positions are ignored); closing it leaves the host fd open.
 */
export class HostStdio implements FileHandle {
  readonly seekable = false;
  readonly isTty: boolean;
  readonly path: string;
  /** FIONREAD, for descriptors read through the worker */
  readonly available?: () => number;
  private readonly terminal: HostTerminal;
  private readonly kind: InputKind;
  private readonly reader: StdinReader | null;
  private closed = false;

  constructor(
    private readonly fd: number,
    options: HostStdioOptions = {},
  ) {
    this.isTty = options.isTty ?? tty.isatty(fd);
    this.terminal = options.terminal ?? hostTerminal;
    this.path = stdioPath(fd);
    this.kind = inputKind(fd);
    const input = options.input ?? fd === 0;
    this.reader =
      options.reader ?? (input && this.kind !== 'file' ? new StdinReader(fd, options.events ?? hostEvents, { terminal: this.kind === 'terminal' }) : null);
    if (this.reader) {
      const r = this.reader;
      this.available = () => {
        r.start();
        return r.available();
      };
    }
  }

  read(buf: Uint8Array): number {
    if (this.closed) return -EBADF;
    if (buf.length === 0) return 0;
    const r = this.reader;
    if (!r) return this.readNow(buf);
    r.start();
    const n = r.read(buf);
    if (n > 0) return n;
    if (r.ended) return 0;
    const err = r.error;
    return err ? -err : -EAGAIN;
  }

  /** A synchronous read, for descriptors whose reads never wait. */
  private readNow(buf: Uint8Array): number {
    try {
      return fs.readSync(this.fd, buf, 0, buf.length, null);
    } catch (e) {
      if (codeOf(e) === 'EOF') return 0; // Windows' end of a pipe
      return hostErrno(e);
    }
  }

  write(buf: Uint8Array): number {
    if (this.closed) return -EBADF;
    return writeFully(this.fd, buf);
  }

  /**
   * Input descriptors read through the worker: POLLIN once bytes have arrived, POLLHUP (pipes) or
   * POLLIN|POLLRDHUP (sockets) at their end, POLLERR on failure. Others are always ready.
   */
  poll(): number {
    if (this.closed) return POLLNVAL;
    const r = this.reader;
    if (!r) return POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;
    r.start();
    let mask = this.kind === 'pipe' ? 0 : POLLOUT | POLLWRNORM;
    if (r.available() > 0) mask |= POLLIN | POLLRDNORM;
    else if (r.ended) mask |= this.kind === 'socket' ? POLLIN | POLLRDNORM | POLLRDHUP : POLLHUP;
    else if (r.error) mask |= POLLERR;
    return mask;
  }

  stat(): Stat | Err {
    if (this.closed) return -EBADF;
    try {
      return toStat(fs.fstatSync(this.fd, BIG));
    } catch (e) {
      return hostErrno(e);
    }
  }

  truncate(len: number): number {
    if (this.closed) return -EBADF;
    return hostCall(() => fs.ftruncateSync(this.fd, len));
  }

  sync(): number {
    if (this.closed) return -EBADF;
    return hostCall(() => fs.fsyncSync(this.fd));
  }

  close(): void {
    this.closed = true;
  }

  ioctl(req: number, arg: number, io: IoctlMemory): number {
    if (this.closed) return -EBADF;
    return this.isTty ? this.terminal.ioctl(req, arg, io) : -ENOTTY;
  }
}

/** What /proc/self/fd shows for a host descriptor: the host's own answer where it has /proc. */
export function stdioPath(fd: number): string {
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return ['/dev/stdin', '/dev/stdout', '/dev/stderr'][fd] ?? `/dev/fd/${fd}`;
  }
}
