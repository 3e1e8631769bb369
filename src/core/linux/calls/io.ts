/**
 * I/O multiplexing (ppoll, pselect6, epoll) and event files (eventfd, timerfd, memfd): the guest
 * ABI around the file objects of vfs/ (struct layouts, descriptor bookkeeping, waiting: handlers
 * park with c.block() and are re-run until done). AF_UNIX sockets are in socket.ts.
 */
import { utf8Decode } from '../../util/utf8.js';
import { Epoll, EPOLL_CTL_DEL, type EpollEvent } from '../../vfs/epoll.js';
import { EFD_SEMAPHORE, EventFd } from '../../vfs/eventfd.js';
import {
  F_ADD_SEALS, F_GET_SEALS, MemFd, MemFdStore, MFD_ALLOW_SEALING, MFD_CLOEXEC, MFD_EXEC, MFD_HUGETLB,
  MFD_NAME_MAX_LEN, MFD_NOEXEC_SEAL,
} from '../../vfs/memfd.js';
import { pipeOf } from '../../vfs/pipe.js';
import { TFD_TIMER_ABSTIME, TFD_TIMER_CANCEL_ON_SET, TimerFd } from '../../vfs/timerfd.js';
import {
  type FileHandle, POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT, POLLPRI, POLLRDNORM, POLLWRNORM, S_IFBLK, S_IFDIR,
  S_IFMT, S_IFREG,
} from '../../vfs/types.js';
import { POLLRDBAND, POLLWRBAND, pollMask } from '../../vfs/waitq.js';
import {
  CLOCK_BOOTTIME, CLOCK_MONOTONIC, CLOCK_REALTIME, encodeTimespec, F_GETPIPE_SZ, O_ACCMODE, O_CLOEXEC, O_LARGEFILE,
  O_NONBLOCK, O_RDONLY, O_RDWR, StructReader, StructWriter,
} from '../abi.js';
import { EBADF, EFAULT, EINVAL, EMFILE, EPERM } from '../errno.js';
import type { Kernel } from '../kernel.js';
import { NOFILE_LIMIT, OpenFile } from '../process.js';
import { setSigmask } from '../signals.js';
import type { SyscallContext, SyscallLine } from '../syscalls.js';
import { fileOf } from './fs.js';
import { clockNow, readTimespec } from './time.js';

const CLOCK_REALTIME_ALARM = 8;
const CLOCK_BOOTTIME_ALARM = 9;
const F_SETPIPE_SZ = 1031;

// ---------------------------------------------------------------- descriptors

/** Installs a new open file description; returns the descriptor or -EMFILE. */
export function install(c: SyscallContext, handle: FileHandle, flags: number, cloexec: boolean, path = handle.path ?? ''): number {
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

// ---------------------------------------------------------------- per-kernel state

const memfdStores = new WeakMap<Kernel, MemFdStore>();

// ---------------------------------------------------------------- waiting

export const now = (c: SyscallContext) => c.k.host.monotonicNs();

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

// ---------------------------------------------------------------- the table

export const ioCalls: SyscallLine[] = [
  [19, 'eventfd2', eventfd2, 'uint int'],
  [20, 'epoll_create1', (c) => {
    const flags = c.i(0);
    if (flags & ~EPOLL_CLOEXEC) return -EINVAL;
    return install(c, new Epoll(), O_RDWR, (flags & EPOLL_CLOEXEC) !== 0);
  }, 'hex'],
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
  [85, 'timerfd_create', timerfdCreate, 'clock hex'],
  [86, 'timerfd_settime', timerfdSettime, 'fd int ptr ptr'],
  [87, 'timerfd_gettime', timerfdGettime, 'fd ptr'],
  [279, 'memfd_create', memfdCreate, 'path hex'],
];
