/**
 * I/O multiplexing (ppoll, pselect6, epoll), event files (eventfd, timerfd, memfd) and AF_UNIX
 * sockets. The file objects live in vfs/; this file is the guest ABI around them: struct
 * layouts, descriptor bookkeeping, names in the filesystem, and waiting (handlers park with
 * c.block() and are re-run until done).
 *
 * Other socket families fail with EAFNOSUPPORT, as on a kernel built without them: programs that
 * probe (AF_INET6 first, then AF_INET, netlink for getifaddrs) take the "no such protocol family"
 * path they already have, and the message says what is missing, where EACCES would suggest a
 * permission problem that does not exist.
 */
import { utf8Decode } from '../../util/utf8.js';
import {
  Epoll, EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD, type EpollEvent,
} from '../../vfs/epoll.js';
import { EFD_SEMAPHORE, EventFd } from '../../vfs/eventfd.js';
import {
  F_ADD_SEALS, F_GET_SEALS, MemFd, MemFdStore, MFD_ALLOW_SEALING, MFD_CLOEXEC, MFD_EXEC, MFD_HUGETLB,
  MFD_NAME_MAX_LEN, MFD_NOEXEC_SEAL,
} from '../../vfs/memfd.js';
import { pipeOf } from '../../vfs/pipe.js';
import {
  AF_UNIX, AF_UNSPEC, type Cred, MSG_CMSG_CLOEXEC, MSG_CTRUNC, MSG_DONTWAIT, MSG_NOSIGNAL, MSG_PEEK, MSG_TRUNC,
  MSG_WAITALL, type PassedFile, type Received, SK_MEM_MAX, SOCK_DGRAM, SOCK_MIN_RCVBUF, SOCK_MIN_SNDBUF, SOCK_RAW,
  SOCK_SEQPACKET, SOCK_STREAM, SOCKADDR_UN_SIZE, SUN_PATH_OFFSET, UnixNamespace, UnixSocket,
} from '../../vfs/socket.js';
import { TFD_TIMER_ABSTIME, TFD_TIMER_CANCEL_ON_SET, TimerFd } from '../../vfs/timerfd.js';
import {
  type FileHandle, POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT, POLLPRI, POLLRDNORM, POLLWRNORM, S_IFBLK, S_IFDIR,
  S_IFMT, S_IFREG, S_IFSOCK,
} from '../../vfs/types.js';
import { joinPath } from '../../vfs/vfs.js';
import { POLLRDBAND, POLLWRBAND, pollMask } from '../../vfs/waitq.js';
import {
  CLOCK_BOOTTIME, CLOCK_MONOTONIC, CLOCK_REALTIME, encodeTimespec, F_GETPIPE_SZ, O_ACCMODE, O_CLOEXEC, O_CREAT,
  O_EXCL, O_LARGEFILE, O_NONBLOCK, O_RDONLY, O_RDWR, O_WRONLY, SIG, StructReader, StructWriter,
} from '../abi.js';
import {
  EADDRINUSE, EAFNOSUPPORT, EAGAIN, EBADF, ECONNREFUSED, EDOM, EEXIST, EFAULT, EINVAL, EMFILE, EMSGSIZE, ENOPROTOOPT,
  ENOTSOCK, EOPNOTSUPP, EPERM, EPIPE, EPROTONOSUPPORT, EPROTOTYPE,
} from '../errno.js';
import type { Kernel } from '../kernel.js';
import { NOFILE_LIMIT, OpenFile } from '../process.js';
import { setSigmask } from '../signals.js';
import { BLOCKED, type SyscallContext, type SyscallLine } from '../syscalls.js';
import { clockNow, readTimespec } from './time.js';

const ESOCKTNOSUPPORT = 94;
const CLOCK_REALTIME_ALARM = 8;
const CLOCK_BOOTTIME_ALARM = 9;
const F_SETPIPE_SZ = 1031;
const SOL_SOCKET = 1;
const SCM_RIGHTS = 1;
const SCM_CREDENTIALS = 2;
const SCM_MAX_FD = 253;
const UIO_MAXIOV = 1024;
const SOCKADDR_STORAGE = 128;

/** Largest single transfer moved through a host buffer (as fs.ts). */
const MAX_IO = 16 * 1024 * 1024;

// ---------------------------------------------------------------- descriptors

function fileOf(c: SyscallContext, fd: number): OpenFile | number {
  const e = c.p.fds.get(fd);
  return e ? e.file : -EBADF;
}

/** Installs a new open file description; returns the descriptor or -EMFILE. */
function install(c: SyscallContext, handle: FileHandle, flags: number, cloexec: boolean, path = handle.path ?? ''): number {
  const file = new OpenFile(handle, flags, path);
  const fd = c.p.fds.install(file, cloexec);
  if (fd < 0) {
    file.release();
    return -EMFILE;
  }
  return fd;
}

function handleOf<T>(c: SyscallContext, fd: number, type: new (...a: never[]) => T): { file: OpenFile; h: T } | number {
  const f = fileOf(c, fd);
  if (typeof f === 'number') return f;
  return f.handle instanceof type ? { file: f, h: f.handle as T } : -EINVAL;
}

function sockOf(c: SyscallContext, fd: number): { file: OpenFile; s: UnixSocket } | number {
  const f = fileOf(c, fd);
  if (typeof f === 'number') return f;
  return f.handle instanceof UnixSocket ? { file: f, s: f.handle } : -ENOTSOCK;
}

const credOf = (c: SyscallContext): Cred => ({ pid: c.p.pid, uid: 0, gid: 0 });

/** A descriptor in flight: one reference to its open file description. */
class InFlight implements PassedFile {
  constructor(readonly file: OpenFile) {}
  retain(): PassedFile {
    this.file.refs++;
    return new InFlight(this.file);
  }
  release(): void {
    this.file.release();
  }
}

// ---------------------------------------------------------------- per-kernel state

const namespaces = new WeakMap<Kernel, UnixNamespace>();
const memfdStores = new WeakMap<Kernel, MemFdStore>();

function namespaceOf(k: Kernel): UnixNamespace {
  let ns = namespaces.get(k);
  if (!ns) namespaces.set(k, (ns = new UnixNamespace()));
  return ns;
}

// ---------------------------------------------------------------- waiting

const now = (c: SyscallContext) => c.k.host.monotonicNs();

/** ppoll/pselect6/epoll_pwait's temporary signal mask: installed on the first run. */
function setTempMask(c: SyscallContext, addr: number, size: number): number {
  if (addr === 0) return 0;
  if (size !== 8) return -EINVAL;
  const raw = c.mem.read(addr, 8);
  if (!raw) return -EFAULT;
  const r = new StructReader(raw);
  c.t.savedMask = c.t.sigmask;
  setSigmask(c.t, r.u32(0), r.u32(4));
  c.state.masked = true;
  return 0;
}

/**
 * Ends a call that used a temporary mask. An EINTR return keeps it: the signal handler's frame
 * saves the old mask instead (the kernel's delivery uses Thread.savedMask).
 */
function finish(c: SyscallContext, ret: number): number {
  if (c.state.masked && c.t.savedMask) {
    c.t.sigmask = c.t.savedMask;
    c.t.savedMask = null;
  }
  return ret;
}

/** The earliest time a watched file becomes ready by itself (timerfd), for the park deadline. */
function timerDeadline(handles: Iterable<FileHandle>): number {
  let t = Infinity;
  for (const h of handles) if (h.readyAtNs) t = Math.min(t, h.readyAtNs());
  return t;
}

/** Writes the time left (ppoll, pselect6 update their timespec, as Linux does). */
function writeRemaining(c: SyscallContext, addr: number): void {
  const st = c.state as { deadline?: number; timeoutNs?: number };
  if (!addr || !st.timeoutNs) return;
  c.mem.write(addr, encodeTimespec(Math.max(0, (st.deadline ?? 0) - now(c))));
}

// ---------------------------------------------------------------- ppoll / pselect6

const POLLIN_SET = POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR;
const POLLOUT_SET = POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR;
const POLLEX_SET = POLLPRI;

/** The first run of ppoll/pselect6: the timeout (a timespec, NULL = forever) and the mask. */
function startTimed(c: SyscallContext, tsAddr: number): number {
  let timeoutNs = Infinity;
  if (tsAddr !== 0) {
    const ns = readTimespec(c, tsAddr);
    if (ns === null) return -EFAULT;
    if (Number.isNaN(ns)) return -EINVAL;
    timeoutNs = ns;
  }
  c.state.timeoutNs = timeoutNs === Infinity ? 0 : timeoutNs;
  c.state.deadline = now(c) + timeoutNs;
  c.noRestart = true;
  return 0;
}

/** What a poll-like call does when nothing is ready: EINTR for a signal, 0 on timeout, or park. */
function waitMore(c: SyscallContext, handles: FileHandle[], onTimeout: () => number): number {
  if (c.k.hasDeliverable(c.t)) return c.block(); // the kernel ends it with EINTR
  const deadline = c.state.deadline as number;
  if (now(c) >= deadline) return onTimeout();
  return c.block(Math.min(deadline, timerDeadline(handles)));
}

function ppoll(c: SyscallContext): number {
  const fdsAddr = c.u(0);
  const nfds = c.u(1);
  if (c.runs === 1) {
    const e = startTimed(c, c.u(2));
    if (e) return e;
    const m = setTempMask(c, c.u(3), c.u(4));
    if (m) return m;
    if (nfds > NOFILE_LIMIT) return finish(c, -EINVAL);
  }
  const raw = nfds ? c.mem.read(fdsAddr, nfds * 8) : new Uint8Array(0);
  if (!raw) return finish(c, -EFAULT);
  const r = new StructReader(raw);
  const out = new StructWriter(nfds * 8);
  out.bytes.set(raw);
  const handles: FileHandle[] = [];
  let count = 0;
  for (let i = 0; i < nfds; i++) {
    const fd = r.i32(i * 8);
    let revents = 0;
    if (fd >= 0) {
      const f = c.p.fds.get(fd);
      if (!f) revents = POLLNVAL;
      else {
        handles.push(f.file.handle);
        revents = pollMask(f.file.handle) & (r.u16(i * 8 + 4) | POLLERR | POLLHUP);
      }
    }
    out.u16(i * 8 + 6, revents);
    if (revents) count++;
  }
  const done = (n: number) => {
    for (let i = 0; i < nfds; i++) if (!c.mem.write(fdsAddr + i * 8 + 6, out.bytes.subarray(i * 8 + 6, i * 8 + 8))) return finish(c, -EFAULT);
    writeRemaining(c, c.u(2));
    return finish(c, n);
  };
  if (count > 0) return done(count);
  c.onAbort = () => writeRemaining(c, c.u(2));
  return waitMore(c, handles, () => done(0));
}

function pselect6(c: SyscallContext): number {
  const nfdsArg = c.i(0);
  if (c.runs === 1) {
    // the sixth argument points to { const sigset_t *ss; size_t ss_len }
    let maskAddr = 0;
    let maskSize = 8;
    const pack = c.u(5);
    if (pack !== 0) {
      const raw = c.mem.read(pack, 16);
      if (!raw) return -EFAULT;
      const r = new StructReader(raw);
      maskAddr = r.u64(0);
      maskSize = r.u64(8);
    }
    const e = startTimed(c, c.u(4));
    if (e) return e;
    const m = setTempMask(c, maskAddr, maskSize);
    if (m) return m;
    if (nfdsArg < 0) return finish(c, -EINVAL);
  }
  const n = Math.min(nfdsArg, NOFILE_LIMIT);
  const bytes = Math.ceil(n / 64) * 8;
  const sets: (Uint8Array | null)[] = [];
  for (let k = 0; k < 3; k++) {
    const addr = c.u(1 + k);
    if (addr === 0 || bytes === 0) sets.push(null);
    else {
      const raw = c.mem.read(addr, bytes);
      if (!raw) return finish(c, -EFAULT);
      sets.push(raw);
    }
  }
  const res = sets.map((s) => (s ? new Uint8Array(s.length) : null));
  const has = (s: Uint8Array | null, fd: number) => s !== null && (s[fd >> 3]! & (1 << (fd & 7))) !== 0;
  const handles: FileHandle[] = [];
  let count = 0;
  for (let fd = 0; fd < n; fd++) {
    const want = [has(sets[0]!, fd), has(sets[1]!, fd), has(sets[2]!, fd)];
    if (!want[0] && !want[1] && !want[2]) continue;
    const f = c.p.fds.get(fd);
    if (!f) return finish(c, -EBADF);
    handles.push(f.file.handle);
    const mask = pollMask(f.file.handle);
    const hit = [mask & POLLIN_SET, mask & POLLOUT_SET, mask & POLLEX_SET];
    for (let k = 0; k < 3; k++) {
      if (want[k] && hit[k]) {
        res[k]![fd >> 3]! |= 1 << (fd & 7);
        count++;
      }
    }
  }
  const done = (ret: number) => {
    for (let k = 0; k < 3; k++) if (res[k] && !c.mem.write(c.u(1 + k), res[k]!)) return finish(c, -EFAULT);
    writeRemaining(c, c.u(4));
    return finish(c, ret);
  };
  if (count > 0) return done(count);
  c.onAbort = () => writeRemaining(c, c.u(4));
  return waitMore(c, handles, () => done(0));
}

// ---------------------------------------------------------------- epoll

const EPOLL_CLOEXEC = O_CLOEXEC;
const EP_MAX_EVENTS = Math.floor(0x7fffffff / 16);

function epollCtl(c: SyscallContext): number {
  const op = c.i(1);
  const fd = c.i(2);
  let events = 0;
  let lo = 0;
  let hi = 0;
  if (op !== EPOLL_CTL_DEL) {
    const raw = c.mem.read(c.u(3), 16);
    if (!raw) return -EFAULT;
    const r = new StructReader(raw);
    events = r.u32(0);
    lo = r.u32(8);
    hi = r.u32(12);
  }
  const ep = fileOf(c, c.i(0));
  if (typeof ep === 'number') return ep;
  const target = fileOf(c, fd);
  if (typeof target === 'number') return target;
  // files without poll support (regular files, directories) cannot be watched
  if (!target.handle.poll) {
    const st = target.handle.stat();
    const type = typeof st === 'number' ? 0 : st.mode & S_IFMT;
    if (type === S_IFREG || type === S_IFDIR || type === S_IFBLK) return -EPERM;
  }
  if (ep === target || !(ep.handle instanceof Epoll)) return -EINVAL;
  return ep.handle.ctl(op, fd, target, events, lo, hi);
}

/** epoll_pwait / epoll_pwait2 after the timeout is known (ns; Infinity for none). */
function epollWait(c: SyscallContext, timeoutNs: number | null): number {
  const eventsAddr = c.u(1);
  const max = c.i(2);
  if (c.runs === 1) {
    if (timeoutNs === null) return -EINVAL;
    const m = setTempMask(c, c.u(4), c.u(5));
    if (m) return m;
    if (max <= 0 || max > EP_MAX_EVENTS) return finish(c, -EINVAL);
    c.state.deadline = timeoutNs === Infinity ? Infinity : now(c) + timeoutNs;
    c.noRestart = true;
  }
  const got = handleOf(c, c.i(0), Epoll);
  if (typeof got === 'number') return finish(c, got);
  const ep = got.h;
  const evs: EpollEvent[] = ep.wait(max);
  if (evs.length > 0) {
    const w = new StructWriter(evs.length * 16);
    evs.forEach((e, i) => w.u32(i * 16, e.events).u32(i * 16 + 8, e.dataLo).u32(i * 16 + 12, e.dataHi));
    return finish(c, c.mem.write(eventsAddr, w.bytes) ? evs.length : -EFAULT);
  }
  const deadline = c.state.deadline as number;
  if (now(c) >= deadline) return finish(c, 0); // epoll checks the timeout before signals
  if (c.k.hasDeliverable(c.t)) return c.block();
  return c.block(Math.min(deadline, ep.readyAtNs()));
}

// ---------------------------------------------------------------- eventfd, timerfd, memfd

function eventfd2(c: SyscallContext): number {
  const flags = c.i(1);
  if (flags & ~(EFD_SEMAPHORE | O_CLOEXEC | O_NONBLOCK)) return -EINVAL;
  return install(c, new EventFd(c.ui(0), (flags & EFD_SEMAPHORE) !== 0), O_RDWR | (flags & O_NONBLOCK), (flags & O_CLOEXEC) !== 0);
}

function timerfdCreate(c: SyscallContext): number {
  const id = c.i(0);
  const flags = c.i(1);
  if (flags & ~(O_CLOEXEC | O_NONBLOCK)) return -EINVAL;
  const base: Record<number, number> = {
    [CLOCK_REALTIME]: CLOCK_REALTIME, [CLOCK_MONOTONIC]: CLOCK_MONOTONIC, [CLOCK_BOOTTIME]: CLOCK_BOOTTIME,
    [CLOCK_REALTIME_ALARM]: CLOCK_REALTIME, [CLOCK_BOOTTIME_ALARM]: CLOCK_BOOTTIME,
  };
  const clock = base[id];
  if (clock === undefined) return -EINVAL;
  const k = c.k;
  const t = new TimerFd({ now: () => clockNow(k, clock)!, monotonicNs: () => k.host.monotonicNs() }, id);
  return install(c, t, O_RDWR | (flags & O_NONBLOCK), (flags & O_CLOEXEC) !== 0);
}

function encodeItimerspec(interval: number, value: number): Uint8Array {
  const out = new Uint8Array(32);
  out.set(encodeTimespec(interval), 0);
  out.set(encodeTimespec(value), 16);
  return out;
}

function timerfdSettime(c: SyscallContext): number {
  const flags = c.i(1);
  const interval = readTimespec(c, c.u(2));
  const value = readTimespec(c, c.u(2) + 16);
  if (interval === null || value === null) return -EFAULT;
  if (flags & ~(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET) || Number.isNaN(interval) || Number.isNaN(value)) return -EINVAL;
  const got = handleOf(c, c.i(0), TimerFd);
  if (typeof got === 'number') return got;
  const old = got.h.set(flags, { interval, value });
  const oldAddr = c.u(3);
  if (oldAddr !== 0 && !c.mem.write(oldAddr, encodeItimerspec(old.interval, old.value))) return -EFAULT;
  return 0;
}

function timerfdGettime(c: SyscallContext): number {
  const got = handleOf(c, c.i(0), TimerFd);
  if (typeof got === 'number') return got;
  const cur = got.h.get();
  return c.mem.write(c.u(1), encodeItimerspec(cur.interval, cur.value)) ? 0 : -EFAULT;
}

function memfdCreate(c: SyscallContext): number {
  const flags = c.ui(1);
  if (flags & ~(MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB | MFD_NOEXEC_SEAL | MFD_EXEC)) return -EINVAL;
  if (flags & MFD_HUGETLB) return -EINVAL; // no huge pages here
  if (flags & MFD_EXEC && flags & MFD_NOEXEC_SEAL) return -EINVAL;
  const addr = c.u(0);
  const name = c.mem.readCString(addr, MFD_NAME_MAX_LEN + 1);
  if (!name) return c.mem.readable(addr, 1) ? -EINVAL : -EFAULT;
  let store = memfdStores.get(c.k);
  if (!store) memfdStores.set(c.k, (store = new MemFdStore(() => c.k.host.realtimeNs())));
  const h = store.create(utf8Decode(name), flags);
  if (typeof h === 'number') return h;
  return install(c, h, O_RDWR | O_LARGEFILE, (flags & MFD_CLOEXEC) !== 0);
}

/**
 * fcntl commands for the files of this module: F_GETPIPE_SZ/F_SETPIPE_SZ (pipes) and
 * F_ADD_SEALS/F_GET_SEALS (memfds). Returns null for any other command, for fs.ts to handle.
 */
export function ioFcntl(file: OpenFile, cmd: number, arg: number): number | null {
  switch (cmd) {
    case F_GETPIPE_SZ:
    case F_SETPIPE_SZ: {
      const pipe = pipeOf(file.handle);
      if (!pipe) return -EBADF;
      return cmd === F_GETPIPE_SZ ? pipe.capacity : pipe.setCapacity(arg % 4294967296); // an unsigned int
    }
    case F_GET_SEALS:
    case F_ADD_SEALS: {
      const h = file.handle;
      if (!(h instanceof MemFd)) return -EINVAL;
      if (cmd === F_GET_SEALS) return h.getSeals();
      if ((file.flags & O_ACCMODE) === O_RDONLY) return -EPERM;
      return h.addSeals(arg >>> 0);
    }
  }
  return null;
}

// ---------------------------------------------------------------- socket addresses

/** Copies a sockaddr in (move_addr_to_kernel): null for none (NULL or length 0), -errno on error. */
function readAddr(c: SyscallContext, addr: number, len: number): Uint8Array | null | number {
  if (addr === 0) return null;
  if (len < 0 || len > SOCKADDR_STORAGE) return -EINVAL;
  if (len === 0) return null;
  const raw = c.mem.read(addr, len);
  return raw ? raw.slice() : -EFAULT;
}

/** unix_validate_addr */
function validUnixAddr(a: Uint8Array): boolean {
  return a.length > SUN_PATH_OFFSET && a.length <= SOCKADDR_UN_SIZE && (a[0]! | (a[1]! << 8)) === AF_UNIX;
}

/** The filesystem path of a non-abstract address (sun_path up to its NUL or the length). */
function sunPath(a: Uint8Array): Uint8Array {
  const p = a.subarray(SUN_PATH_OFFSET);
  const nul = p.indexOf(0);
  return nul < 0 ? p : p.subarray(0, nul);
}

/** Where a filesystem socket is registered: its inode, on its mount. */
function inodeKey(c: SyscallContext, abs: string): string | number {
  const st = c.k.vfs.stat(abs, true);
  if (typeof st === 'number') return st;
  const { mount } = c.k.vfs.resolve(c.k.vfs.realpath(abs));
  return `${mount.prefix}\0${st.dev}:${st.ino}:${st.mode & S_IFMT}`;
}

/**
 * Creates the socket's node. The VFS interface has no mknod; backends that offer one make a
 * real S_IFSOCK node, others get an empty regular file standing in for it (bind still fails with
 * EADDRINUSE when the name exists, and the socket is found again by the node's inode).
 */
function makeSocketNode(c: SyscallContext, abs: string, mode: number): number {
  const { fs, rel } = c.k.vfs.resolve(abs);
  const mknod = (fs as { mknod?: (path: string, mode: number, rdev: number) => number }).mknod;
  if (mknod) return mknod.call(fs, rel, S_IFSOCK | mode, 0);
  const h = c.k.vfs.open(abs, O_CREAT | O_EXCL | O_WRONLY, mode);
  if (typeof h === 'number') return h;
  h.close();
  return 0;
}

/** unix_find_other: the socket an address names, of the caller's type. */
function findSocket(c: SyscallContext, a: Uint8Array, type: number): UnixSocket | number {
  if (!validUnixAddr(a)) return -EINVAL;
  const ns = namespaceOf(c.k);
  let s: UnixSocket | undefined;
  if (a[SUN_PATH_OFFSET] === 0) s = ns.lookupAbstract(a.subarray(SUN_PATH_OFFSET));
  else {
    const key = inodeKey(c, joinPath(c.p.cwd, utf8Decode(sunPath(a))));
    if (typeof key === 'number') return key;
    s = ns.lookupFile(key);
  }
  if (!s || s.isDead) return -ECONNREFUSED;
  return s.type === type ? s : -EPROTOTYPE;
}

/** move_addr_to_user: writes min(*lenp, len) bytes and stores the full length in *lenp. */
function putAddr(c: SyscallContext, addr: number, lenp: number, a: Uint8Array | null): number {
  if (addr === 0 || lenp === 0) return 0;
  const raw = c.mem.read(lenp, 4);
  if (!raw) return -EFAULT;
  let len = new StructReader(raw).i32(0);
  const full = a?.length ?? 0;
  if (len > full) len = full;
  if (len < 0) return -EINVAL;
  if (len > 0 && !c.mem.write(addr, a!.subarray(0, len))) return -EFAULT;
  return c.mem.write(lenp, new StructWriter(4).i32(0, full).bytes) ? 0 : -EFAULT;
}

// ---------------------------------------------------------------- socket set-up

function socketType(type: number): { kind: number; flags: number } | number {
  if (type & ~0xf & ~(O_CLOEXEC | O_NONBLOCK)) return -EINVAL;
  const kind = type & 0xf;
  if (kind > 10) return -EINVAL; // SOCK_MAX
  return { kind, flags: type & (O_CLOEXEC | O_NONBLOCK) };
}

/** unix_create: the socket type (SOCK_RAW is taken as SOCK_DGRAM), or -errno */
function unixType(kind: number, protocol: number): number {
  if (protocol !== 0 && protocol !== AF_UNIX) return -EPROTONOSUPPORT;
  if (kind === SOCK_STREAM || kind === SOCK_DGRAM || kind === SOCK_SEQPACKET) return kind;
  if (kind === SOCK_RAW) return SOCK_DGRAM;
  return -ESOCKTNOSUPPORT;
}

function socket(c: SyscallContext): number {
  const t = socketType(c.i(1));
  if (typeof t === 'number') return t;
  const domain = c.i(0);
  if (domain !== AF_UNIX) return -EAFNOSUPPORT;
  const type = unixType(t.kind, c.i(2));
  if (type < 0) return type;
  const s = new UnixSocket(type, credOf(c));
  return install(c, s, O_RDWR | (t.flags & O_NONBLOCK), (t.flags & O_CLOEXEC) !== 0);
}

function socketpair(c: SyscallContext): number {
  const t = socketType(c.i(1));
  if (typeof t === 'number') return t;
  if (c.i(0) !== AF_UNIX) return -EAFNOSUPPORT;
  const type = unixType(t.kind, c.i(2));
  if (type < 0) return type;
  const [a, b] = UnixSocket.pair(type, credOf(c));
  const flags = O_RDWR | (t.flags & O_NONBLOCK);
  const cloexec = (t.flags & O_CLOEXEC) !== 0;
  const fa = install(c, a, flags, cloexec);
  if (fa < 0) {
    b.close();
    return fa;
  }
  const fb = install(c, b, flags, cloexec);
  if (fb < 0) {
    c.p.fds.close(fa);
    return fb;
  }
  if (!c.mem.write(c.u(3), new StructWriter(8).i32(0, fa).i32(4, fb).bytes)) {
    c.p.fds.close(fa);
    c.p.fds.close(fb);
    return -EFAULT;
  }
  return 0;
}

function bind(c: SyscallContext): number {
  const got = sockOf(c, c.i(0));
  if (typeof got === 'number') return got;
  const a = readAddr(c, c.u(1), c.i(2));
  if (typeof a === 'number') return a;
  const ns = namespaceOf(c.k);
  const s = got.s;
  if (a && a.length === SUN_PATH_OFFSET && (a[0]! | (a[1]! << 8)) === AF_UNIX) return ns.autobind(s);
  if (!a || !validUnixAddr(a)) return -EINVAL;
  if (a[SUN_PATH_OFFSET] === 0) return ns.bindAbstract(s, a);
  const path = sunPath(a);
  const stored = new Uint8Array(SUN_PATH_OFFSET + path.length + 1);
  stored.set(a.subarray(0, SUN_PATH_OFFSET));
  stored.set(path, SUN_PATH_OFFSET);
  const abs = joinPath(c.p.cwd, utf8Decode(path));
  const made = makeSocketNode(c, abs, 0o777 & ~c.p.umask);
  if (made < 0) return made === -EEXIST ? -EADDRINUSE : made;
  if (s.addr) {
    c.k.vfs.unlink(abs);
    return -EINVAL;
  }
  const key = inodeKey(c, abs);
  if (typeof key === 'number') return key;
  return ns.bindFile(s, stored, key);
}

function listen(c: SyscallContext): number {
  const got = sockOf(c, c.i(0));
  return typeof got === 'number' ? got : got.s.listen(c.i(1));
}

/** The deadline a socket's SO_RCVTIMEO/SO_SNDTIMEO gives a blocking call (set on the first run). */
function sockDeadline(c: SyscallContext, timeoNs: number): number {
  if (c.state.deadline === undefined) {
    c.state.deadline = timeoNs > 0 ? now(c) + timeoNs : Infinity;
    // with a timeout, Linux returns EINTR even under SA_RESTART
    if (timeoNs > 0) c.noRestart = true;
  }
  return c.state.deadline as number;
}

function connect(c: SyscallContext): number {
  const got = sockOf(c, c.i(0));
  if (typeof got === 'number') return got;
  const { file, s } = got;
  const a = readAddr(c, c.u(1), c.i(2));
  if (typeof a === 'number') return a;
  const ns = namespaceOf(c.k);
  if (s.type === SOCK_DGRAM) {
    if (!a || a.length < 2) return -EINVAL;
    if ((a[0]! | (a[1]! << 8)) === AF_UNSPEC) return s.connectDgram(null);
    if (!validUnixAddr(a)) return -EINVAL;
    if (s.passcred && !s.addr) ns.autobind(s);
    const target = findSocket(c, a, s.type);
    return typeof target === 'number' ? target : s.connectDgram(target);
  }
  if (!a || !validUnixAddr(a)) return -EINVAL;
  if (s.passcred && !s.addr) ns.autobind(s);
  const target = findSocket(c, a, s.type);
  if (typeof target === 'number') return target;
  const r = s.connectTo(target, credOf(c));
  if (r !== -EAGAIN || file.flags & O_NONBLOCK) return r;
  const deadline = sockDeadline(c, s.sndtimeoNs);
  return now(c) >= deadline ? -EAGAIN : c.block(deadline);
}

function accept4(c: SyscallContext, flags: number): number {
  if (flags & ~(O_CLOEXEC | O_NONBLOCK)) return -EINVAL;
  const got = sockOf(c, c.i(0));
  if (typeof got === 'number') return got;
  const { file, s } = got;
  const r = s.accept();
  if (r === -EAGAIN && !(file.flags & O_NONBLOCK)) {
    const deadline = sockDeadline(c, s.rcvtimeoNs);
    return now(c) >= deadline ? -EAGAIN : c.block(deadline);
  }
  if (typeof r === 'number') return r;
  const fd = install(c, r, O_RDWR | (flags & O_NONBLOCK), (flags & O_CLOEXEC) !== 0);
  if (fd < 0) {
    r.close();
    return fd;
  }
  const peer = r.peerName();
  const e = putAddr(c, c.u(1), c.u(2), typeof peer === 'number' ? null : peer);
  if (e < 0) {
    c.p.fds.close(fd);
    return e;
  }
  return fd;
}

function getName(c: SyscallContext, peer: boolean): number {
  const got = sockOf(c, c.i(0));
  if (typeof got === 'number') return got;
  const a = peer ? got.s.peerName() : got.s.name();
  if (typeof a === 'number') return a;
  if (c.u(2) === 0) return -EFAULT;
  return putAddr(c, c.u(1), c.u(2), a);
}

function shutdown(c: SyscallContext): number {
  const got = sockOf(c, c.i(0));
  return typeof got === 'number' ? got : got.s.shutdown(c.i(1));
}

// ---------------------------------------------------------------- sending and receiving

interface Iov {
  base: number;
  len: number;
}

function readIovecs(c: SyscallContext, addr: number, count: number): Iov[] | number {
  if (count > UIO_MAXIOV) return -EMSGSIZE;
  if (count === 0) return [];
  const raw = c.mem.read(addr, count * 16);
  if (!raw) return -EFAULT;
  const r = new StructReader(raw);
  const out: Iov[] = [];
  for (let i = 0; i < count; i++) {
    const len = r.u64(i * 16 + 8);
    if (len > 0x7fffffff) return -EINVAL;
    out.push({ base: r.u64(i * 16), len });
  }
  return out;
}

function gather(c: SyscallContext, iov: Iov[]): Uint8Array | number {
  const total = Math.min(iov.reduce((n, v) => n + v.len, 0), MAX_IO);
  const out = new Uint8Array(total);
  let o = 0;
  for (const v of iov) {
    const n = Math.min(v.len, total - o);
    if (n <= 0) break;
    const b = c.mem.read(v.base, n);
    if (!b) return -EFAULT;
    out.set(b, o);
    o += n;
  }
  return out;
}

/** Writes `data` into the iovecs starting `skip` bytes in; false on a fault. */
function scatter(c: SyscallContext, iov: Iov[], skip: number, data: Uint8Array): boolean {
  let o = 0;
  for (const v of iov) {
    if (o >= data.length) break;
    if (skip >= v.len) {
      skip -= v.len;
      continue;
    }
    const n = Math.min(v.len - skip, data.length - o);
    if (!c.mem.write(v.base + skip, data.subarray(o, o + n))) return false;
    o += n;
    skip = 0;
  }
  return true;
}

function iovWritable(c: SyscallContext, iov: Iov[]): boolean {
  return iov.every((v) => v.len === 0 || c.mem.writable(v.base, Math.min(v.len, MAX_IO)));
}

interface SendState {
  data?: Uint8Array;
  fds?: InFlight[] | null;
  cred?: Cred;
  sent?: number;
  deadline?: number;
}

/**
 * The common part of sendto/sendmsg: the data (read once), descriptors and credentials are in
 * c.state from the first run; streams keep sending until everything is queued.
 */
function sendCommon(c: SyscallContext, fd: number, flags: number, addr: Uint8Array | null): number {
  const got = sockOf(c, fd);
  const st = c.state as SendState;
  const drop = (ret: number) => {
    for (const f of st.fds ?? []) f.release();
    st.fds = null;
    return ret;
  };
  if (typeof got === 'number') return drop(got);
  const { file, s } = got;
  const data = st.data!;
  const nonblock = (file.flags & O_NONBLOCK) !== 0 || (flags & MSG_DONTWAIT) !== 0;
  const cred = st.cred ?? credOf(c);
  c.onAbort = () => drop(0);
  const deadline = sockDeadline(c, s.sndtimeoNs);
  const ns = namespaceOf(c.k);
  if (s.type === SOCK_STREAM) {
    const sent = st.sent ?? 0;
    const n = s.sendStream(data.subarray(sent), sent === 0 ? (st.fds ?? null) : null, cred, flags, addr !== null);
    if (n >= 0) {
      if (sent === 0) st.fds = null; // they travel with the first skb
      st.sent = sent + n;
      if (st.sent >= data.length || nonblock) return st.sent;
      c.partial = st.sent;
      return now(c) >= deadline ? st.sent : c.block(deadline);
    }
    if (n === -EAGAIN && !nonblock && now(c) < deadline) {
      c.partial = sent;
      return c.block(deadline);
    }
    if (n === -EPIPE && sent === 0 && !(flags & MSG_NOSIGNAL)) c.k.sendToThread(c.t, { signo: SIG.SIGPIPE, code: 0, pid: c.p.pid, uid: 0 });
    return drop(sent > 0 ? sent : n);
  }
  let target: UnixSocket | null = null;
  if (addr && s.type === SOCK_DGRAM) {
    const t = findSocket(c, addr, s.type);
    if (typeof t === 'number') return drop(t);
    target = t;
  }
  if (s.type === SOCK_DGRAM && s.passcred && !s.addr) ns.autobind(s);
  const n = s.sendDgram(data, st.fds ?? null, cred, flags, target);
  if (n >= 0) {
    st.fds = null;
    return n;
  }
  if (n === -EAGAIN && !nonblock && now(c) < deadline) return c.block(deadline);
  return drop(n);
}

function sendto(c: SyscallContext): number {
  if (c.runs === 1) {
    const data = c.mem.read(c.u(1), Math.min(c.u(2), MAX_IO));
    if (!data) return -EFAULT;
    c.state.data = data.slice();
  }
  const a = c.u(4) ? readAddr(c, c.u(4), c.i(5)) : null;
  if (typeof a === 'number') return a;
  return sendCommon(c, c.i(0), c.i(3), a);
}

/** struct user_msghdr (56 bytes): name, namelen, iov, iovlen, control, controllen, flags */
interface MsgHdr {
  name: number;
  namelen: number;
  iov: Iov[];
  control: number;
  controllen: number;
}

function readMsghdr(c: SyscallContext, addr: number): MsgHdr | number {
  const raw = c.mem.read(addr, 56);
  if (!raw) return -EFAULT;
  const r = new StructReader(raw);
  const name = r.u64(0);
  let namelen = r.i32(8);
  if (namelen < 0) return -EINVAL;
  if (namelen > SOCKADDR_STORAGE) namelen = SOCKADDR_STORAGE;
  const iov = readIovecs(c, r.u64(16), r.u64(24));
  if (typeof iov === 'number') return iov;
  return { name, namelen: name ? namelen : 0, iov, control: r.u64(32), controllen: r.u64(40) };
}

/** __scm_send: SCM_RIGHTS descriptors and SCM_CREDENTIALS from the control buffer. */
function readControl(c: SyscallContext, m: MsgHdr, cred: Cred): InFlight[] | null | number {
  if (m.controllen < 16) return null;
  const raw = c.mem.read(m.control, Math.min(m.controllen, 1 << 20));
  if (!raw) return -EFAULT;
  const r = new StructReader(raw);
  const fds: InFlight[] = [];
  const fail = (e: number) => {
    for (const f of fds) f.release();
    return e;
  };
  for (let off = 0; off + 16 <= raw.length; ) {
    const len = r.u64(off);
    if (len < 16 || len > raw.length - off) return fail(-EINVAL);
    const level = r.i32(off + 8);
    const type = r.i32(off + 12);
    if (level === SOL_SOCKET) {
      if (type === SCM_RIGHTS) {
        const n = Math.floor((len - 16) / 4);
        if (fds.length + n > SCM_MAX_FD) return fail(-EINVAL);
        for (let i = 0; i < n; i++) {
          const f = c.p.fds.get(r.i32(off + 16 + i * 4));
          if (!f) return fail(-EBADF);
          f.file.refs++;
          fds.push(new InFlight(f.file));
        }
      } else if (type === SCM_CREDENTIALS) {
        if (len !== 16 + 12) return fail(-EINVAL);
        // root may claim any credentials
        cred.pid = r.i32(off + 16);
        cred.uid = r.u32(off + 20);
        cred.gid = r.u32(off + 24);
      } else return fail(-EINVAL);
    }
    off += (Number(len) + 7) & ~7;
  }
  return fds.length ? fds : null;
}

function sendmsg(c: SyscallContext): number {
  const m = readMsghdr(c, c.u(1));
  if (typeof m === 'number') return m;
  if (c.runs === 1) {
    const data = gather(c, m.iov);
    if (typeof data === 'number') return data;
    const cred = credOf(c);
    const fds = readControl(c, m, cred);
    if (typeof fds === 'number') return fds;
    Object.assign(c.state, { data, fds, cred });
  }
  const a = m.name ? readAddr(c, m.name, m.namelen) : null;
  if (typeof a === 'number') {
    for (const f of (c.state as SendState).fds ?? []) f.release();
    return a;
  }
  return sendCommon(c, c.i(0), c.i(2), a);
}

interface RecvState {
  got?: number;
  from?: Uint8Array | null;
  fds?: PassedFile[] | null;
  cred?: Cred | null;
  flags?: number;
  deadline?: number;
}

/**
 * The common part of recvfrom/recvmsg: fills `iov`, returns the byte count (the full datagram
 * length with MSG_TRUNC) and leaves the sender, descriptors and flags in c.state for the caller.
 */
function recvCommon(c: SyscallContext, fd: number, flags: number, iov: Iov[]): number {
  const got = sockOf(c, fd);
  if (typeof got === 'number') return got;
  const { file, s } = got;
  const st = c.state as RecvState;
  const nonblock = (file.flags & O_NONBLOCK) !== 0 || (flags & MSG_DONTWAIT) !== 0;
  const max = Math.min(iov.reduce((n, v) => n + v.len, 0), MAX_IO);
  if (!iovWritable(c, iov)) return -EFAULT;
  const deadline = sockDeadline(c, s.rcvtimeoNs);
  st.flags ??= 0;
  if (s.type !== SOCK_STREAM) {
    const r = s.recvDgram(max, flags | (nonblock ? MSG_DONTWAIT : 0));
    if (r === -EAGAIN && !nonblock && now(c) < deadline) return c.block(deadline);
    if (typeof r === 'number') return r;
    scatter(c, iov, 0, r.data);
    st.from = r.from;
    st.fds = r.fds;
    st.cred = r.cred;
    if (r.truncated) st.flags |= MSG_TRUNC;
    return flags & MSG_TRUNC ? r.fullLength : r.data.length;
  }
  const done = st.got ?? 0;
  const target = flags & MSG_WAITALL ? max : Math.max(1, Math.min(s.rcvlowat, max));
  const r: Received | number = s.recvStream(max - done, flags, st.cred ?? null);
  if (typeof r === 'number') {
    if (r === -EAGAIN && done < target && !nonblock && now(c) < deadline) {
      c.partial = done;
      return c.block(deadline);
    }
    return done > 0 ? done : r;
  }
  scatter(c, iov, done, r.data);
  if (done === 0) st.from = r.from;
  if (r.cred) st.cred = r.cred;
  if (r.fds) st.fds = r.fds;
  const total = done + r.data.length;
  st.got = total;
  const more = r.data.length > 0 && !r.fds && !(flags & MSG_PEEK) && total < target && !nonblock;
  if (more && now(c) < deadline) {
    c.partial = total;
    c.onAbort = () => releaseAll(st.fds);
    return c.block(deadline);
  }
  return total;
}

function releaseAll(fds: PassedFile[] | null | undefined): void {
  for (const f of fds ?? []) f.release();
}

function recvfrom(c: SyscallContext): number {
  const iov = [{ base: c.u(1), len: Math.min(c.u(2), 0x7fffffff) }];
  const n = recvCommon(c, c.i(0), c.i(3), iov);
  if (n < 0 || n === BLOCKED) return n;
  const st = c.state as RecvState;
  releaseAll(st.fds); // recvfrom has no control buffer: passed descriptors are closed
  const e = putAddr(c, c.u(4), c.u(5), st.from ?? null);
  return e < 0 ? e : n;
}

/** put_cmsg */
class ControlWriter {
  used = 0;
  flags = 0;
  constructor(
    private readonly c: SyscallContext,
    private readonly addr: number,
    private readonly len: number,
  ) {}
  get room(): number {
    return this.len - this.used;
  }
  put(level: number, type: number, data: Uint8Array): void {
    if (!this.addr || this.room < 16) {
      this.flags |= MSG_CTRUNC;
      return;
    }
    let cmlen = 16 + data.length;
    if (this.room < cmlen) {
      this.flags |= MSG_CTRUNC;
      cmlen = this.room;
    }
    const w = new StructWriter(cmlen);
    w.u64(0, cmlen).i32(8, level).i32(12, type);
    w.bytes.set(data.subarray(0, cmlen - 16), 16);
    this.c.mem.write(this.addr + this.used, w.bytes);
    this.used += Math.min((16 + data.length + 7) & ~7, this.room);
  }
}

function recvmsg(c: SyscallContext): number {
  const msgAddr = c.u(1);
  const flags = c.i(2);
  const m = readMsghdr(c, msgAddr);
  if (typeof m === 'number') return m;
  const n = recvCommon(c, c.i(0), flags, m.iov);
  if (n < 0 || n === BLOCKED) return n;
  const st = c.state as RecvState;
  const got = sockOf(c, c.i(0)) as { s: UnixSocket };
  const ctl = new ControlWriter(c, m.control, m.controllen);
  const fds = st.fds ?? null;
  if (m.controllen === 0 || m.control === 0) {
    if (got.s.passcred || fds) ctl.flags |= MSG_CTRUNC;
    releaseAll(fds);
  } else {
    if (got.s.passcred) {
      const cr = st.cred ?? { pid: 0, uid: 0, gid: 0 };
      ctl.put(SOL_SOCKET, SCM_CREDENTIALS, new StructWriter(12).i32(0, cr.pid).u32(4, cr.uid).u32(8, cr.gid).bytes);
    }
    if (fds) {
      // scm_detach_fds: as many as fit, the rest closed and MSG_CTRUNC
      const fit = ctl.room > 16 ? Math.floor((ctl.room - 16) / 4) : 0;
      const cloexec = (flags & MSG_CMSG_CLOEXEC) !== 0;
      const nums: number[] = [];
      for (const f of fds) {
        const file = (f as InFlight).file;
        if (nums.length < fit) {
          const fd = c.p.fds.install(file, cloexec);
          if (fd >= 0) {
            nums.push(fd);
            continue;
          }
        }
        f.release();
      }
      if (nums.length) {
        const w = new StructWriter(nums.length * 4);
        nums.forEach((v, i) => w.i32(i * 4, v));
        ctl.put(SOL_SOCKET, SCM_RIGHTS, w.bytes);
      }
      if (nums.length < fds.length || fit <= 0) ctl.flags |= MSG_CTRUNC;
    }
  }
  if (m.name) {
    const e = putAddr(c, m.name, msgAddr + 8, st.from ?? null);
    if (e < 0) return e;
  }
  const outFlags = (st.flags ?? 0) | ctl.flags | (flags & MSG_CMSG_CLOEXEC);
  const w = new StructWriter(4).u32(0, outFlags);
  if (!c.mem.write(msgAddr + 48, w.bytes)) return -EFAULT;
  if (!c.mem.write(msgAddr + 40, new StructWriter(8).u64(0, ctl.used).bytes)) return -EFAULT;
  return n;
}

// ---------------------------------------------------------------- socket options

const SO = {
  DEBUG: 1, REUSEADDR: 2, TYPE: 3, ERROR: 4, DONTROUTE: 5, BROADCAST: 6, SNDBUF: 7, RCVBUF: 8, KEEPALIVE: 9,
  OOBINLINE: 10, NO_CHECK: 11, PRIORITY: 12, LINGER: 13, BSDCOMPAT: 14, REUSEPORT: 15, PASSCRED: 16, PEERCRED: 17,
  RCVLOWAT: 18, SNDLOWAT: 19, RCVTIMEO_OLD: 20, SNDTIMEO_OLD: 21, TIMESTAMP: 29, ACCEPTCONN: 30, SNDBUFFORCE: 32,
  RCVBUFFORCE: 33, PASSSEC: 34, TIMESTAMPNS: 35, MARK: 36, PROTOCOL: 38, DOMAIN: 39, RXQ_OVFL: 40, PEEK_OFF: 42,
  COOKIE: 57, RCVTIMEO_NEW: 66, SNDTIMEO_NEW: 67,
} as const;
/** boolean and integer options kept as given (they change nothing for AF_UNIX here) */
const STORED = new Set<number>([
  SO.DEBUG, SO.REUSEADDR, SO.DONTROUTE, SO.BROADCAST, SO.KEEPALIVE, SO.OOBINLINE, SO.NO_CHECK, SO.REUSEPORT,
  SO.PASSSEC, SO.TIMESTAMP, SO.TIMESTAMPNS, SO.RXQ_OVFL,
]);
const INT_STORED = new Set<number>([SO.PRIORITY, SO.MARK]);

function setsockopt(c: SyscallContext): number {
  const got = sockOf(c, c.i(0));
  if (typeof got === 'number') return got;
  const s = got.s;
  const level = c.i(1);
  const name = c.i(2);
  const optlen = c.i(4);
  if (level !== SOL_SOCKET) return -EOPNOTSUPP;
  if (optlen < 4) return -EINVAL;
  const raw = c.mem.read(c.u(3), Math.min(optlen, 16));
  if (!raw) return -EFAULT;
  const r = new StructReader(raw);
  const val = r.i32(0);
  if (STORED.has(name)) s.flags.set(name, val ? 1 : 0);
  else if (INT_STORED.has(name)) s.flags.set(name, val);
  else {
    switch (name) {
      case SO.SNDBUF:
      case SO.SNDBUFFORCE: {
        const v = name === SO.SNDBUF ? Math.min(val >>> 0, SK_MEM_MAX) : Math.max(val, 0);
        s.sndbuf = Math.max(Math.min(v, 0x3fffffff) * 2, SOCK_MIN_SNDBUF);
        s.waitq.wake(POLLOUT);
        break;
      }
      case SO.RCVBUF:
      case SO.RCVBUFFORCE: {
        const v = name === SO.RCVBUF ? Math.min(val >>> 0, SK_MEM_MAX) : Math.max(val, 0);
        s.rcvbuf = Math.max(Math.min(v, 0x3fffffff) * 2, SOCK_MIN_RCVBUF);
        break;
      }
      case SO.PASSCRED:
        s.passcred = val !== 0;
        break;
      case SO.RCVLOWAT:
        s.rcvlowat = val < 0 ? 0x7fffffff : val || 1;
        break;
      case SO.PEEK_OFF:
        s.peekOff = val;
        break;
      case SO.LINGER:
        if (optlen < 8) return -EINVAL;
        s.linger = [r.i32(0), r.i32(4)];
        break;
      case SO.RCVTIMEO_OLD:
      case SO.SNDTIMEO_OLD:
      case SO.RCVTIMEO_NEW:
      case SO.SNDTIMEO_NEW: {
        if (optlen < 16) return -EINVAL;
        const sec = r.i64(0);
        const usec = r.i64(8);
        if (usec < 0 || usec >= 1e6) return -EDOM;
        const ns = sec < 0 ? 0 : sec * 1e9 + usec * 1000;
        if (name === SO.RCVTIMEO_OLD || name === SO.RCVTIMEO_NEW) s.rcvtimeoNs = ns;
        else s.sndtimeoNs = ns;
        break;
      }
      default:
        return -ENOPROTOOPT;
    }
  }
  return 0;
}

function getsockopt(c: SyscallContext): number {
  const got = sockOf(c, c.i(0));
  if (typeof got === 'number') return got;
  const s = got.s;
  const level = c.i(1);
  const name = c.i(2);
  const lenp = c.u(4);
  const lraw = c.mem.read(lenp, 4);
  if (!lraw) return -EFAULT;
  let len = new StructReader(lraw).i32(0);
  if (level !== SOL_SOCKET) return -EOPNOTSUPP;
  if (len < 0) return -EINVAL;
  let v: Uint8Array;
  const int = (x: number) => new StructWriter(4).i32(0, x).bytes;
  const timeval = (ns: number) => new StructWriter(16).u64(0, Math.floor(ns / 1e9)).u64(8, Math.floor((ns % 1e9) / 1000)).bytes;
  if (STORED.has(name) || INT_STORED.has(name)) v = int(s.flags.get(name) ?? 0);
  else {
    switch (name) {
      case SO.TYPE:
        v = int(s.type);
        break;
      case SO.ERROR:
        v = int(s.soError());
        break;
      case SO.DOMAIN:
        v = int(AF_UNIX);
        break;
      case SO.PROTOCOL:
        v = int(0);
        break;
      case SO.ACCEPTCONN:
        v = int(s.listening ? 1 : 0);
        break;
      case SO.SNDBUF:
        v = int(s.sndbuf);
        break;
      case SO.RCVBUF:
        v = int(s.rcvbuf);
        break;
      case SO.PASSCRED:
        v = int(s.passcred ? 1 : 0);
        break;
      case SO.PEERCRED:
        v = new StructWriter(12).i32(0, s.peerCred.pid).u32(4, s.peerCred.uid).u32(8, s.peerCred.gid).bytes;
        break;
      case SO.RCVLOWAT:
        v = int(s.rcvlowat);
        break;
      case SO.SNDLOWAT:
        v = int(1);
        break;
      case SO.PEEK_OFF:
        v = int(s.peekOff);
        break;
      case SO.LINGER:
        v = new StructWriter(8).i32(0, s.linger[0]).i32(4, s.linger[1]).bytes;
        break;
      case SO.RCVTIMEO_OLD:
      case SO.RCVTIMEO_NEW:
        v = timeval(s.rcvtimeoNs);
        break;
      case SO.SNDTIMEO_OLD:
      case SO.SNDTIMEO_NEW:
        v = timeval(s.sndtimeoNs);
        break;
      case SO.COOKIE:
        v = new StructWriter(8).u64(0, s.ino).bytes;
        break;
      default:
        return -ENOPROTOOPT;
    }
  }
  if (len > v.length) len = v.length;
  if (len > 0 && !c.mem.write(c.u(3), v.subarray(0, len))) return -EFAULT;
  return c.mem.write(lenp, int(len)) ? 0 : -EFAULT;
}

// ---------------------------------------------------------------- the table

export const ioCalls: SyscallLine[] = [
  [19, 'eventfd2', eventfd2, 'uint int'],
  [20, 'epoll_create1', (c) => {
    const flags = c.i(0);
    if (flags & ~EPOLL_CLOEXEC) return -EINVAL;
    return install(c, new Epoll(), O_RDWR, (flags & EPOLL_CLOEXEC) !== 0);
  }, 'oflags'],
  [21, 'epoll_ctl', epollCtl, 'fd int fd ptr'],
  [22, 'epoll_pwait', (c) => epollWait(c, c.i(3) < 0 ? Infinity : c.i(3) * 1e6), 'fd ptr int int sigset size'],
  [441, 'epoll_pwait2', (c) => {
    const tsp = c.u(3);
    let t: number | null = Infinity;
    if (tsp !== 0) {
      const ns = readTimespec(c, tsp);
      if (ns === null) return -EFAULT;
      t = Number.isNaN(ns) ? null : ns;
    }
    return epollWait(c, t);
  }, 'fd ptr int ptr sigset size'],
  [72, 'pselect6', pselect6, 'int ptr ptr ptr ptr ptr'],
  [73, 'ppoll', ppoll, 'ptr uint ptr sigset size'],
  [85, 'timerfd_create', timerfdCreate, 'clock oflags'],
  [86, 'timerfd_settime', timerfdSettime, 'fd int ptr ptr'],
  [87, 'timerfd_gettime', timerfdGettime, 'fd ptr'],
  [198, 'socket', socket, 'sockfam socktype int'],
  [199, 'socketpair', socketpair, 'sockfam socktype int ptr'],
  [200, 'bind', bind, 'fd sockaddr int'],
  [201, 'listen', listen, 'fd int'],
  [202, 'accept', (c) => accept4(c, 0), 'fd ptr ptr'],
  [242, 'accept4', (c) => accept4(c, c.i(3)), 'fd ptr ptr oflags'],
  [203, 'connect', connect, 'fd sockaddr int'],
  [204, 'getsockname', (c) => getName(c, false), 'fd ptr ptr'],
  [205, 'getpeername', (c) => getName(c, true), 'fd ptr ptr'],
  [206, 'sendto', sendto, 'fd wbuf size hex sockaddr int'],
  [207, 'recvfrom', recvfrom, 'fd rbuf size hex ptr ptr'],
  [208, 'setsockopt', setsockopt, 'fd int int ptr int'],
  [209, 'getsockopt', getsockopt, 'fd int int ptr ptr'],
  [210, 'shutdown', shutdown, 'fd int'],
  [211, 'sendmsg', sendmsg, 'fd ptr hex'],
  [212, 'recvmsg', recvmsg, 'fd ptr hex'],
  [279, 'memfd_create', memfdCreate, 'path hex'],
];
