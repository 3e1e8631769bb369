/** File and filesystem system calls. */
import { utf8Encode } from '../../util/utf8.js';
import { Pipe, type PipeEnd, PipeReader, PipeWriter } from '../../vfs/pipe.js';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, type Stat } from '../../vfs/types.js';
import { joinPath } from '../../vfs/vfs.js';
import {
  AT_EMPTY_PATH, AT_FDCWD, AT_REMOVEDIR, AT_SYMLINK_FOLLOW, AT_SYMLINK_NOFOLLOW, encodeStat, encodeStatx,
  F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_GETFL, F_SETFD, F_SETFL, FD_CLOEXEC,
  FIOCLEX, FIONBIO, FIONCLEX, FIONREAD, O_ACCMODE, O_APPEND, O_CLOEXEC, O_CREAT, O_DIRECT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_NONBLOCK, O_PATH, O_RDONLY,
  O_TRUNC, O_WRONLY, SEEK_CUR, SEEK_END, SEEK_SET, SIG, StructReader, StructWriter,
} from '../abi.js';
import {
  EAGAIN, EBADF, EEXIST, EFAULT, EINVAL, EISDIR, EMFILE, ENOENT, ENOTDIR, ENOTTY, EOPNOTSUPP, EPERM, EPIPE, ERANGE, ESPIPE,
} from '../errno.js';
import { OpenFile } from '../process.js';
import { refreshSharedMappings, syncSharedFiles } from './mem.js';
import { fcntlLock, flock, isLockCommand } from './locks.js';
import { ioFcntl } from './io.js';
import { makeSocketNode } from './socket.js';
import { openFifo } from './fifo.js';
import { inodeAt, reportInode, watching } from './inotify.js';
import { IN_ACCESS, IN_CLOSE_NOWRITE, IN_CLOSE_WRITE, IN_MODIFY } from '../../vfs/inotify.js';
import type { SyscallContext, SyscallLine } from '../syscalls.js';

/** Largest single read/write moved through a host buffer at once. */
const MAX_IO = 16 * 1024 * 1024;

export function fileOf(c: SyscallContext, fd: number): OpenFile | number {
  const e = c.p.fds.get(fd);
  return e ? e.file : -EBADF;
}

/** Resolves (dirfd, path) to an absolute guest path, as the *at() calls do. */
export function resolveAt(c: SyscallContext, dirfd: number, path: string): string | number {
  if (path.startsWith('/')) return joinPath('/', path);
  if (dirfd === AT_FDCWD) return joinPath(c.p.cwd, path);
  const f = fileOf(c, dirfd);
  if (typeof f === 'number') return f;
  const st = f.handle.stat();
  if (typeof st === 'number') return st;
  if ((st.mode & S_IFMT) !== S_IFDIR) return -ENOTDIR;
  return joinPath(f.path, path);
}

/** Reads the path argument `pi` and resolves it against dirfd argument `di` (or the cwd). */
export function pathAt(c: SyscallContext, di: number | null, pi: number, allowEmpty = false): string | number {
  const p = c.path(pi);
  if (typeof p === 'number') return p;
  if (p === '' && !allowEmpty) return -ENOENT;
  return resolveAt(c, di === null ? AT_FDCWD : c.i(di), p);
}

/** Open for reading (FMODE_READ): not write-only, not O_PATH. */
export const canRead = (f: OpenFile) => (f.flags & O_ACCMODE) !== O_WRONLY && !(f.flags & O_PATH);
/** Open for writing (FMODE_WRITE). */
export const canWrite = (f: OpenFile) => (f.flags & O_ACCMODE) !== O_RDONLY && !(f.flags & O_PATH);

function readInto(c: SyscallContext, f: OpenFile, addr: number, count: number, pos: number | null): number {
  if (!canRead(f)) return -EBADF;
  const len = Math.min(count, MAX_IO);
  if (len > 0 && !c.mem.writable(addr, len)) return -EFAULT;
  if (c.p.sharedFileMaps && f.handle.seekable) syncSharedFiles(c.mem);
  const buf = new Uint8Array(len);
  const at = pos ?? f.pos;
  const n = f.handle.read(buf, at);
  if (n < 0) return n;
  if (n > 0) c.mem.write(addr, buf.subarray(0, n));
  if (pos === null && f.handle.seekable) f.pos = at + n;
  if (n > 0 && f.handle.seekable) fileEvent(c, f, IN_ACCESS);
  return n;
}

/** Reports an event on an open file's inode to inotify, when anything is watched. */
function fileEvent(c: SyscallContext, f: OpenFile, mask: number): void {
  if (watching(c.k) && f.path.startsWith('/')) reportInode(c.k, inodeAt(c.k, f.path, true), mask);
}

function writeFrom(c: SyscallContext, f: OpenFile, addr: number, count: number, pos: number | null): number {
  if (!canWrite(f)) return -EBADF;
  const len = Math.min(count, MAX_IO);
  const data = c.mem.read(addr, len);
  if (!data) return -EFAULT;
  return writeBytes(c, f, data, pos);
}

/** Writes `data` to `f` at `pos`, or at (and past) the file position when null; bytes written or -errno. */
export function writeBytes(c: SyscallContext, f: OpenFile, data: Uint8Array, pos: number | null): number {
  let at = pos ?? f.pos;
  if (pos === null && f.flags & O_APPEND && f.handle.seekable) {
    const st = f.handle.stat();
    if (typeof st !== 'number') at = st.size;
  }
  if (c.p.sharedFileMaps && f.handle.seekable) syncSharedFiles(c.mem);
  const n = f.handle.write(data, at);
  if (n > 0 && f.handle.seekable) {
    refreshSharedMappings(c.k.processes.values(), f.handle, at, n);
    fileEvent(c, f, IN_MODIFY);
  }
  // datagram and seqpacket sockets report EPIPE without the signal
  if (n === -EPIPE && (f.handle as { sigpipe?: boolean }).sigpipe !== false) c.k.sendToThread(c.t, { signo: SIG.SIGPIPE, code: 0, pid: c.p.pid, uid: 0 });
  if (n > 0 && pos === null && f.handle.seekable) f.pos = at + n;
  return n;
}

/** -EAGAIN from a file on a blocking descriptor parks the thread until the file may be ready. */
export function waitIfNotReady(c: SyscallContext, f: OpenFile, n: number): number {
  if (n === -EAGAIN && !(f.flags & O_NONBLOCK)) return c.block(f.handle.readyAtNs?.() ?? Infinity);
  return n;
}

/**
 * write(2): on a pipe or socket a blocking write waits until every byte is taken; interrupted by
 * a signal after some bytes, it returns how many were written.
 */
function blockingWrite(c: SyscallContext): number {
  const f = fileOf(c, c.i(0));
  if (typeof f === 'number') return f;
  const st = c.state as { done?: number };
  let done = st.done ?? 0;
  const count = c.u(2);
  for (;;) {
    const n = writeFrom(c, f, c.u(1) + done, count - done, null);
    if (n === -EAGAIN) {
      if (f.flags & O_NONBLOCK) return done > 0 ? done : n;
      c.partial = done;
      return c.block();
    }
    if (n < 0) return done > 0 ? done : n;
    done += n;
    st.done = done;
    if (done >= Math.min(count, MAX_IO) || f.handle.seekable || n === 0) return done;
  }
}

function iovecs(c: SyscallContext, addr: number, cnt: number): [number, number][] | number {
  if (cnt < 0 || cnt > 1024) return -EINVAL;
  const raw = c.mem.read(addr, cnt * 16);
  if (!raw) return -EFAULT;
  const r = new StructReader(raw);
  const out: [number, number][] = [];
  for (let i = 0; i < cnt; i++) out.push([r.u64(i * 16), r.u64(i * 16 + 8)]);
  return out;
}

function vectored(c: SyscallContext, write: boolean, pos: number | null): number {
  const f = fileOf(c, c.i(0));
  if (typeof f === 'number') return f;
  const iov = iovecs(c, c.u(1), c.i(2));
  if (typeof iov === 'number') return iov;
  if (pos !== null && !f.handle.seekable) return -ESPIPE;
  let total = 0;
  for (const [base, len] of iov) {
    if (len === 0) continue;
    const n = write ? writeFrom(c, f, base, len, pos === null ? null : pos + total) : readInto(c, f, base, len, pos === null ? null : pos + total);
    if (n < 0) return total > 0 ? total : n;
    total += n;
    if (n < len) break;
  }
  return total;
}

const RWF_HIPRI = 1;
const RWF_DSYNC = 2;
const RWF_SYNC = 4;
const RWF_NOWAIT = 8;
const RWF_APPEND = 16;

/**
 * preadv2/pwritev2: at offset -1 the file position is used (and moves), as readv/writev; the
 * RWF_* flags ask for nothing a64play has to do, except RWF_APPEND (write at the end).
 */
function vectored2(c: SyscallContext, write: boolean): number {
  const flags = c.ui(5);
  if (flags & ~(RWF_HIPRI | RWF_DSYNC | RWF_SYNC | RWF_NOWAIT | RWF_APPEND)) return -EOPNOTSUPP;
  const f = fileOf(c, c.i(0));
  if (typeof f === 'number') return f;
  const pos = c.s(3);
  if (pos < -1) return -EINVAL;
  if (write && flags & RWF_APPEND && f.handle.seekable) {
    const st = f.handle.stat();
    return typeof st === 'number' ? st : vectored(c, true, st.size);
  }
  // at the file position, a blocking descriptor that has nothing ready parks as readv/writev do
  return pos === -1 ? waitIfNotReady(c, f, vectored(c, write, null)) : vectored(c, write, pos);
}

function putStat(c: SyscallContext, addr: number, st: Stat | number, statx = false): number {
  if (typeof st === 'number') return st;
  return c.mem.write(addr, statx ? encodeStatx(st) : encodeStat(st)) ? 0 : -EFAULT;
}

function statAt(c: SyscallContext, dirfdArg: number, pathArg: number, flags: number): Stat | number {
  const p = c.path(pathArg);
  if (typeof p === 'number') return p;
  if (p === '') {
    if (!(flags & AT_EMPTY_PATH)) return -ENOENT;
    const dirfd = c.i(dirfdArg);
    if (dirfd === AT_FDCWD) return c.k.vfs.stat(c.p.cwd, true);
    const f = fileOf(c, dirfd);
    return typeof f === 'number' ? f : f.handle.stat();
  }
  const abs = resolveAt(c, c.i(dirfdArg), p);
  if (typeof abs === 'number') return abs;
  return c.k.vfs.stat(abs, !(flags & AT_SYMLINK_NOFOLLOW));
}

function openAt(c: SyscallContext, dirfdArg: number | null, pathArg: number, flags: number, mode: number): number {
  const abs = pathAt(c, dirfdArg, pathArg);
  if (typeof abs === 'number') return abs;
  const h = isFifo(c, abs, flags) ? openFifoAt(c, abs, flags) : c.k.vfs.open(abs, flags, mode & ~c.p.umask & 0o7777);
  if (typeof h === 'number') return h;
  const file = new OpenFile(h, flags & ~(O_CREAT | O_TRUNC | O_CLOEXEC), h.path && !h.path.startsWith('/') ? h.path : abs);
  if (!(flags & O_PATH)) {
    const k = c.k;
    const mask = (flags & O_ACCMODE) === O_RDONLY ? IN_CLOSE_NOWRITE : IN_CLOSE_WRITE;
    file.onLastRelease = () => {
      if (watching(k)) reportInode(k, inodeAt(k, abs, true), mask);
    };
  }
  const fd = c.p.fds.install(file, (flags & O_CLOEXEC) !== 0);
  if (fd < 0) {
    file.release();
    return -EMFILE;
  }
  return fd;
}

/** Whether open(abs, flags) opens a FIFO (its pipe, not the node: O_PATH opens the node). */
function isFifo(c: SyscallContext, abs: string, flags: number): boolean {
  if (flags & O_PATH) return false;
  const st = c.k.vfs.stat(abs, !(flags & O_NOFOLLOW));
  return typeof st !== 'number' && (st.mode & S_IFMT) === S_IFIFO;
}

function openFifoAt(c: SyscallContext, abs: string, flags: number): PipeEnd | number {
  if (flags & O_CREAT && flags & O_EXCL) return -EEXIST;
  if (flags & O_DIRECTORY) return -ENOTDIR;
  return openFifo(c, abs, flags);
}

function getdents64(c: SyscallContext): number {
  const f = fileOf(c, c.i(0));
  if (typeof f === 'number') return f;
  if (!f.handle.readdir) return -ENOTDIR;
  if (!f.dirents || f.pos === 0) {
    const d = f.handle.readdir();
    if (typeof d === 'number') return d;
    f.dirents = d;
  }
  const addr = c.u(1);
  const count = c.ui(2);
  const out = new StructWriter(Math.min(count, 1 << 20));
  let used = 0;
  while (f.pos < f.dirents.length) {
    const d = f.dirents[f.pos]!;
    const name = utf8Encode(d.name);
    const reclen = (19 + name.length + 1 + 7) & ~7;
    if (used + reclen > count) {
      if (used === 0) return -EINVAL;
      break;
    }
    out.u64(used, d.ino).u64(used + 8, f.pos + 1).u16(used + 16, reclen).u8(used + 18, d.type).str(used + 19, name);
    used += reclen;
    f.pos++;
  }
  if (!c.mem.write(addr, out.bytes.subarray(0, used))) return -EFAULT;
  // reading a directory accesses it (consecutive reports merge into one)
  fileEvent(c, f, IN_ACCESS);
  return used;
}

function ioctl(c: SyscallContext): number {
  const f = fileOf(c, c.i(0));
  if (typeof f === 'number') return f;
  const req = c.ui(1);
  const arg = c.u(2);
  switch (req) {
    case FIOCLEX:
    case FIONCLEX:
      c.p.fds.get(c.i(0))!.cloexec = req === FIOCLEX;
      return 0;
    case FIONBIO: {
      const v = c.mem.u32(arg);
      if (v === null) return -EFAULT;
      f.flags = v ? f.flags | O_NONBLOCK : f.flags & ~O_NONBLOCK;
      return 0;
    }
    case FIONREAD: {
      let n: number;
      if (f.handle.available) n = f.handle.available();
      else if (f.handle.seekable) {
        const st = f.handle.stat();
        if (typeof st === 'number') return st;
        if ((st.mode & S_IFMT) !== S_IFREG) return -ENOTTY;
        n = Math.max(0, st.size - f.pos);
      } else return -ENOTTY;
      return c.mem.write(arg, new StructWriter(4).i32(0, n).bytes) ? 0 : -EFAULT;
    }
  }
  // terminal requests (TCGETS, TIOCGWINSZ, ...) are answered by the terminal's handle
  if (f.handle.ioctl) return f.handle.ioctl(req, arg, c.mem);
  return -ENOTTY;
}

function fcntl(c: SyscallContext): number {
  const fd = c.i(0);
  const e = c.p.fds.get(fd);
  if (!e) return -EBADF;
  const cmd = c.i(1);
  const arg = c.u(2);
  switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC: {
      if (arg >= 1024) return -EINVAL;
      e.file.refs++;
      const nfd = c.p.fds.install(e.file, cmd === F_DUPFD_CLOEXEC, arg);
      if (nfd < 0) {
        e.file.refs--;
        return -EMFILE;
      }
      return nfd;
    }
    case F_GETFD:
      return e.cloexec ? FD_CLOEXEC : 0;
    case F_SETFD:
      e.cloexec = (arg & FD_CLOEXEC) !== 0;
      return 0;
    case F_GETFL:
      return e.file.flags;
    case F_SETFL: {
      const changeable = O_APPEND | O_NONBLOCK;
      e.file.flags = (e.file.flags & ~changeable) | (arg & changeable);
      return 0;
    }
  }
  // pipe sizes, memfd seals (calls/io.ts)
  const io = ioFcntl(e.file, cmd, arg);
  if (io !== null) return io;
  // record locks: F_GETLK, F_SETLK, F_SETLKW and the F_OFD_ forms (calls/locks.ts)
  if (isLockCommand(cmd)) return fcntlLock(c, e.file, cmd, arg);
  return -EINVAL;
}

function dup3(c: SyscallContext, oldfd: number, newfd: number, flags: number): number {
  const e = c.p.fds.get(oldfd);
  if (!e) return -EBADF;
  if (newfd < 0 || newfd >= 1024) return -EBADF;
  if (flags & ~O_CLOEXEC) return -EINVAL;
  if (oldfd === newfd) return -EINVAL;
  e.file.refs++;
  c.p.fds.installAt(newfd, e.file, (flags & O_CLOEXEC) !== 0);
  return newfd;
}

function lseek(c: SyscallContext): number {
  const f = fileOf(c, c.i(0));
  if (typeof f === 'number') return f;
  if (!f.handle.seekable) return -ESPIPE;
  const off = c.s(1);
  const whence = c.i(2);
  let base: number;
  if (whence === SEEK_SET) base = 0;
  else if (whence === SEEK_CUR) base = f.pos;
  else if (whence === SEEK_END) {
    const st = f.handle.stat();
    if (typeof st === 'number') return st;
    base = st.size;
  } else return -EINVAL;
  const pos = base + off;
  if (pos < 0) return -EINVAL;
  f.pos = pos;
  if (f.handle.readdir && pos === 0) f.dirents = null;
  return pos;
}

function readlinkAt(c: SyscallContext, dirfdArg: number | null, pathArg: number, bufArg: number, sizeArg: number): number {
  const abs = pathAt(c, dirfdArg, pathArg);
  if (typeof abs === 'number') return abs;
  const size = c.i(sizeArg);
  if (size <= 0) return -EINVAL;
  const t = c.k.vfs.readlink(abs);
  if (typeof t === 'number') return t;
  const b = utf8Encode(t).subarray(0, size);
  return c.mem.write(c.u(bufArg), b) ? b.length : -EFAULT;
}

const UTIME_NOW = (1 << 30) - 1;
const UTIME_OMIT = (1 << 30) - 2;

function utimensat(c: SyscallContext): number {
  const dirfd = c.i(0);
  const pathPtr = c.u(1);
  const timesPtr = c.u(2);
  const flags = c.i(3);
  const now = c.k.host.realtimeNs();
  let atime: number | null = now;
  let mtime: number | null = now;
  if (timesPtr !== 0) {
    const raw = c.mem.read(timesPtr, 32);
    if (!raw) return -EFAULT;
    const r = new StructReader(raw);
    const conv = (off: number): number | null => {
      const nsec = r.i64(off + 8);
      if (nsec === UTIME_OMIT) return null;
      if (nsec === UTIME_NOW) return now;
      if (nsec < 0 || nsec >= 1e9) return NaN;
      return r.i64(off) * 1e9 + nsec;
    };
    atime = conv(0);
    mtime = conv(16);
    if (Number.isNaN(atime) || Number.isNaN(mtime)) return -EINVAL;
  }
  let abs: string | number;
  if (pathPtr === 0) {
    const f = fileOf(c, dirfd);
    if (typeof f === 'number') return f;
    abs = f.path;
  } else abs = pathAt(c, 0, 1);
  if (typeof abs === 'number') return abs;
  return c.k.vfs.utimes(abs, atime, mtime, !(flags & AT_SYMLINK_NOFOLLOW));
}

function pipe2(c: SyscallContext): number {
  const flags = c.i(1);
  if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT)) return -EINVAL;
  const pipe = new Pipe();
  const rh = new PipeReader(pipe);
  const wh = new PipeWriter(pipe);
  // O_DIRECT: packet mode, each write one message
  rh.packet = wh.packet = (flags & O_DIRECT) !== 0;
  const r = new OpenFile(rh, O_RDONLY | (flags & O_NONBLOCK), rh.path);
  const w = new OpenFile(wh, O_WRONLY | (flags & O_NONBLOCK), wh.path);
  const cloexec = (flags & O_CLOEXEC) !== 0;
  const rfd = c.p.fds.install(r, cloexec);
  const wfd = rfd < 0 ? -1 : c.p.fds.install(w, cloexec);
  if (rfd < 0 || wfd < 0) {
    if (rfd >= 0) c.p.fds.close(rfd);
    else r.release();
    w.release();
    return -EMFILE;
  }
  const out = new StructWriter(8).i32(0, rfd).i32(4, wfd).bytes;
  if (!c.mem.write(c.u(0), out)) {
    c.p.fds.close(rfd);
    c.p.fds.close(wfd);
    return -EFAULT;
  }
  return 0;
}

function getcwd(c: SyscallContext): number {
  const b = utf8Encode(c.p.cwd);
  const size = c.u(1);
  if (size < b.length + 1) return -ERANGE;
  const out = new Uint8Array(b.length + 1);
  out.set(b);
  return c.mem.write(c.u(0), out) ? out.length : -EFAULT;
}

function chdirTo(c: SyscallContext, abs: string): number {
  const st = c.k.vfs.stat(abs, true);
  if (typeof st === 'number') return st;
  if ((st.mode & S_IFMT) !== S_IFDIR) return -ENOTDIR;
  c.p.cwd = abs;
  return 0;
}

function truncateFd(c: SyscallContext): number {
  const f = fileOf(c, c.i(0));
  if (typeof f === 'number') return f;
  const len = c.s(1);
  if (len < 0) return -EINVAL;
  if ((f.flags & O_ACCMODE) === O_RDONLY) return -EINVAL;
  const r = f.handle.truncate(len);
  if (r === 0) fileEvent(c, f, IN_MODIFY);
  return r;
}

function statfs(c: SyscallContext, bufArg: number): number {
  // struct statfs (aarch64): a plain local filesystem with plenty of room
  const w = new StructWriter(120);
  w.u64(0, 0xef53).u64(8, 4096).u64(16, 1 << 24).u64(24, 1 << 23).u64(32, 1 << 23).u64(40, 1 << 20).u64(48, 1 << 19);
  w.u64(64, 255).u64(72, 4096);
  return c.mem.write(c.u(bufArg), w.bytes) ? 0 : -EFAULT;
}

/**
 * mknodat: regular files, FIFOs (calls/fifo.ts) and socket names (as bind makes them). Device
 * nodes need privileges a64play does not give (EPERM). A FIFO needs a filesystem that can hold
 * one (MemFs, the host's): elsewhere EOPNOTSUPP.
 */
function mknodat(c: SyscallContext): number {
  const mode = c.i(2);
  const type = mode & S_IFMT || S_IFREG;
  if (type === S_IFCHR || type === S_IFBLK) return -EPERM;
  if (type !== S_IFREG && type !== S_IFSOCK && type !== S_IFIFO) return -EINVAL;
  const abs = pathAt(c, 0, 1);
  if (typeof abs === 'number') return abs;
  if (type === S_IFSOCK) return makeSocketNode(c, abs, withUmask(c, mode));
  if (type === S_IFIFO) return c.k.vfs.mknod(abs, S_IFIFO | withUmask(c, mode), 0);
  const h = c.k.vfs.open(abs, O_CREAT | O_EXCL | O_WRONLY, withUmask(c, mode));
  if (typeof h === 'number') return h;
  h.close();
  return 0;
}

const CLOSE_RANGE_UNSHARE = 2;
const CLOSE_RANGE_CLOEXEC = 4;

/** close_range(first, last, flags): closes (or marks close-on-exec) every open descriptor in [first, last]. */
function closeRange(c: SyscallContext): number {
  const first = c.ui(0);
  const last = c.ui(1);
  const flags = c.ui(2);
  if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC) || first > last) return -EINVAL;
  if (flags & CLOSE_RANGE_UNSHARE && c.p.fds.users > 1) {
    // leave the table shared with other processes (CLONE_FILES) for a copy of one's own
    c.p.fds.users--;
    c.p.fds = c.p.fds.clone();
  }
  for (const { fd, entry } of c.p.fds.list()) {
    if (fd < first || fd > last) continue;
    if (flags & CLOSE_RANGE_CLOEXEC) entry.cloexec = true;
    else c.p.fds.close(fd);
  }
  return 0;
}

/** mode argument with the process umask applied */
const withUmask = (c: SyscallContext, mode: number) => mode & ~c.p.umask & 0o7777;

export const fsCalls: SyscallLine[] = [
  [17, 'getcwd', getcwd, 'ptr size'],
  [23, 'dup', (c) => {
    const e = c.p.fds.get(c.i(0));
    if (!e) return -EBADF;
    e.file.refs++;
    const fd = c.p.fds.install(e.file, false);
    if (fd < 0) e.file.refs--;
    return fd < 0 ? -EMFILE : fd;
  }, 'fd'],
  [24, 'dup3', (c) => dup3(c, c.i(0), c.i(1), c.i(2)), 'fd fd oflags'],
  [25, 'fcntl', fcntl, 'fd fcntl hex'],
  [29, 'ioctl', ioctl, 'fd ioctl hex'],
  [32, 'flock', flock, 'fd int'],
  [33, 'mknodat', mknodat, 'dirfd path mode hex'],
  [34, 'mkdirat', (c) => {
    const abs = pathAt(c, 0, 1);
    return typeof abs === 'number' ? abs : c.k.vfs.mkdir(abs, withUmask(c, c.i(2)));
  }, 'dirfd path mode'],
  [35, 'unlinkat', (c) => {
    const abs = pathAt(c, 0, 1);
    if (typeof abs === 'number') return abs;
    const flags = c.i(2);
    if (flags & ~AT_REMOVEDIR) return -EINVAL;
    return flags & AT_REMOVEDIR ? c.k.vfs.rmdir(abs) : c.k.vfs.unlink(abs);
  }, 'dirfd path atflags'],
  [36, 'symlinkat', (c) => {
    const target = c.path(0);
    if (typeof target === 'number') return target;
    if (target === '') return -ENOENT;
    const abs = pathAt(c, 1, 2);
    return typeof abs === 'number' ? abs : c.k.vfs.symlink(target, abs);
  }, 'path dirfd path'],
  [37, 'linkat', (c) => {
    const from = pathAt(c, 0, 1);
    if (typeof from === 'number') return from;
    const to = pathAt(c, 2, 3);
    if (typeof to === 'number') return to;
    if (c.i(4) & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)) return -EINVAL;
    return c.k.vfs.link(from, to);
  }, 'dirfd path dirfd path atflags'],
  [38, 'renameat', (c) => {
    const from = pathAt(c, 0, 1);
    if (typeof from === 'number') return from;
    const to = pathAt(c, 2, 3);
    return typeof to === 'number' ? to : c.k.vfs.rename(from, to, 0);
  }, 'dirfd path dirfd path'],
  [43, 'statfs', (c) => {
    const abs = pathAt(c, null, 0);
    if (typeof abs === 'number') return abs;
    const st = c.k.vfs.stat(abs, true);
    return typeof st === 'number' ? st : statfs(c, 1);
  }, 'path ptr'],
  [44, 'fstatfs', (c) => {
    const f = fileOf(c, c.i(0));
    return typeof f === 'number' ? f : statfs(c, 1);
  }, 'fd ptr'],
  [45, 'truncate', (c) => {
    const abs = pathAt(c, null, 0);
    if (typeof abs === 'number') return abs;
    const len = c.s(1);
    return len < 0 ? -EINVAL : c.k.vfs.truncate(abs, len);
  }, 'path off'],
  [46, 'ftruncate', truncateFd, 'fd off'],
  [48, 'faccessat', (c) => {
    const abs = pathAt(c, 0, 1);
    return typeof abs === 'number' ? abs : c.k.vfs.access(abs, c.i(2));
  }, 'dirfd path int'],
  [439, 'faccessat2', (c) => {
    const abs = pathAt(c, 0, 1, (c.i(3) & AT_EMPTY_PATH) !== 0);
    return typeof abs === 'number' ? abs : c.k.vfs.access(abs, c.i(2));
  }, 'dirfd path int atflags'],
  [49, 'chdir', (c) => {
    const abs = pathAt(c, null, 0);
    return typeof abs === 'number' ? abs : chdirTo(c, abs);
  }, 'path'],
  [50, 'fchdir', (c) => {
    const f = fileOf(c, c.i(0));
    return typeof f === 'number' ? f : chdirTo(c, f.path);
  }, 'fd'],
  [52, 'fchmod', (c) => {
    const f = fileOf(c, c.i(0));
    if (typeof f === 'number') return f;
    if (f.flags & O_PATH) return -EBADF;
    // anonymous files (memfd) change their own mode
    if (f.handle.chmod) return f.handle.chmod(c.i(1) & 0o7777);
    return c.k.vfs.chmod(f.path, c.i(1) & 0o7777);
  }, 'fd mode'],
  [53, 'fchmodat', (c) => {
    const abs = pathAt(c, 0, 1);
    return typeof abs === 'number' ? abs : c.k.vfs.chmod(abs, c.i(2) & 0o7777);
  }, 'dirfd path mode'],
  [452, 'fchmodat2', (c) => {
    const flags = c.i(3);
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return -EINVAL;
    const abs = pathAt(c, 0, 1, (flags & AT_EMPTY_PATH) !== 0);
    if (typeof abs === 'number') return abs;
    if (flags & AT_SYMLINK_NOFOLLOW) {
      // a symbolic link's own mode cannot change (Linux: EOPNOTSUPP)
      const st = c.k.vfs.stat(abs, false);
      if (typeof st === 'number') return st;
      if ((st.mode & S_IFMT) === S_IFLNK) return -EOPNOTSUPP;
    }
    return c.k.vfs.chmod(abs, c.i(2) & 0o7777);
  }, 'dirfd path mode atflags'],
  [54, 'fchownat', (c) => {
    const abs = pathAt(c, 0, 1, (c.i(4) & AT_EMPTY_PATH) !== 0);
    return typeof abs === 'number' ? abs : c.k.vfs.chown(abs, c.i(2), c.i(3), !(c.i(4) & AT_SYMLINK_NOFOLLOW));
  }, 'dirfd path int int atflags'],
  [55, 'fchown', (c) => {
    const f = fileOf(c, c.i(0));
    if (typeof f === 'number') return f;
    return f.flags & O_PATH ? -EBADF : c.k.vfs.chown(f.path, c.i(1), c.i(2), true);
  }, 'fd int int'],
  [56, 'openat', (c) => openAt(c, 0, 1, c.i(2), c.i(3)), 'dirfd path oflags mode'],
  [57, 'close', (c) => (c.p.fds.close(c.i(0)) ? 0 : -EBADF), 'fd'],
  [436, 'close_range', closeRange, 'uint uint hex'],
  [59, 'pipe2', pipe2, 'ptr oflags'],
  [61, 'getdents64', getdents64, 'fd ptr size'],
  [62, 'lseek', lseek, 'fd off whence'],
  [63, 'read', (c) => {
    const f = fileOf(c, c.i(0));
    return typeof f === 'number' ? f : waitIfNotReady(c, f, readInto(c, f, c.u(1), c.u(2), null));
  }, 'fd rbuf size'],
  [64, 'write', blockingWrite, 'fd wbuf size'],
  [65, 'readv', (c) => {
    const f = fileOf(c, c.i(0));
    return typeof f === 'number' ? f : waitIfNotReady(c, f, vectored(c, false, null));
  }, 'fd ptr int'],
  [66, 'writev', (c) => {
    const f = fileOf(c, c.i(0));
    return typeof f === 'number' ? f : waitIfNotReady(c, f, vectored(c, true, null));
  }, 'fd ptr int'],
  [67, 'pread64', (c) => {
    const f = fileOf(c, c.i(0));
    if (typeof f === 'number') return f;
    if (!f.handle.seekable) return -ESPIPE;
    const pos = c.s(3);
    return pos < 0 ? -EINVAL : readInto(c, f, c.u(1), c.u(2), pos);
  }, 'fd rbuf size off'],
  [68, 'pwrite64', (c) => {
    const f = fileOf(c, c.i(0));
    if (typeof f === 'number') return f;
    if (!f.handle.seekable) return -ESPIPE;
    const pos = c.s(3);
    return pos < 0 ? -EINVAL : writeFrom(c, f, c.u(1), c.u(2), pos);
  }, 'fd wbuf size off'],
  [69, 'preadv', (c) => vectored(c, false, c.s(3)), 'fd ptr int off'],
  [70, 'pwritev', (c) => vectored(c, true, c.s(3)), 'fd ptr int off'],
  [286, 'preadv2', (c) => vectored2(c, false), 'fd ptr int off off hex'],
  [287, 'pwritev2', (c) => vectored2(c, true), 'fd ptr int off off hex'],
  [78, 'readlinkat', (c) => readlinkAt(c, 0, 1, 2, 3), 'dirfd path ptr size'],
  [79, 'newfstatat', (c) => putStat(c, c.u(2), statAt(c, 0, 1, c.i(3))), 'dirfd path ptr atflags'],
  [80, 'fstat', (c) => {
    const f = fileOf(c, c.i(0));
    return putStat(c, c.u(1), typeof f === 'number' ? f : f.handle.stat());
  }, 'fd ptr'],
  [81, 'sync', () => 0, ''],
  [82, 'fsync', (c) => {
    const f = fileOf(c, c.i(0));
    return typeof f === 'number' ? f : f.handle.sync();
  }, 'fd'],
  [83, 'fdatasync', (c) => {
    const f = fileOf(c, c.i(0));
    return typeof f === 'number' ? f : f.handle.sync();
  }, 'fd'],
  [88, 'utimensat', utimensat, 'dirfd path ptr atflags'],
  [276, 'renameat2', (c) => {
    const from = pathAt(c, 0, 1);
    if (typeof from === 'number') return from;
    const to = pathAt(c, 2, 3);
    return typeof to === 'number' ? to : c.k.vfs.rename(from, to, c.ui(4));
  }, 'dirfd path dirfd path uint'],
  [291, 'statx', (c) => putStat(c, c.u(4), statAt(c, 0, 1, c.i(2)), true), 'dirfd path atflags hex ptr'],
  [223, 'fadvise64', (c) => (c.p.fds.get(c.i(0)) ? 0 : -EBADF), 'fd off size int'],
];
