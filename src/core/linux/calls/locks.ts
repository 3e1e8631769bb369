/**
 * File locking calls: fcntl's record-lock commands (F_GETLK, F_SETLK, F_SETLKW and their F_OFD_
 * forms) and flock(2). The locks themselves are in ../locks.ts, one table per kernel.
 */
import {
  F_GETLK, F_OFD_GETLK, F_OFD_SETLK, F_OFD_SETLKW, F_SETLK, F_SETLKW, FLOCK_SIZE, LOCK_EX, LOCK_MAND, LOCK_NB, LOCK_SH,
  LOCK_UN, O_ACCMODE, O_PATH, O_RDWR, O_RDONLY, O_WRONLY, SEEK_CUR, SEEK_END, SEEK_SET,
} from '../abi.js';
import { EAGAIN, EBADF, EDEADLK, EFAULT, EINVAL, EOVERFLOW } from '../errno.js';
import { F_RDLCK, F_UNLCK, F_WRLCK, type LockWaiter, OFFSET_MAX, type RecordLock } from '../locks.js';
import type { OpenFile } from '../process.js';
import type { SyscallContext } from '../syscalls.js';

/** The fcntl commands handled here. */
export const isLockCommand = (cmd: number) =>
  cmd === F_GETLK || cmd === F_SETLK || cmd === F_SETLKW || cmd === F_OFD_GETLK || cmd === F_OFD_SETLK || cmd === F_OFD_SETLKW;

const canRead = (f: OpenFile) => (f.flags & O_ACCMODE) === O_RDONLY || (f.flags & O_ACCMODE) === O_RDWR;
const canWrite = (f: OpenFile) => (f.flags & O_ACCMODE) === O_WRONLY || (f.flags & O_ACCMODE) === O_RDWR;

/**
 * The bytes a struct flock names, as Linux's flock64_to_posix_lock computes them: l_start from
 * SEEK_SET/SEEK_CUR/SEEK_END, l_len 0 meaning "to the end, however far", a negative l_len meaning
 * the bytes before l_start. Returns [start, end] (inclusive) or -errno.
 */
export function lockRange(f: OpenFile, whence: number, lStart: bigint, lLen: bigint): [bigint, bigint] | number {
  let base: bigint;
  if (whence === SEEK_SET) base = 0n;
  else if (whence === SEEK_CUR) base = BigInt(f.pos);
  else if (whence === SEEK_END) {
    const st = f.handle.stat();
    if (typeof st === 'number') return st;
    base = BigInt(st.size);
  } else return -EINVAL;
  if (lStart > OFFSET_MAX - base) return -EOVERFLOW;
  let start = base + lStart;
  if (start < 0n) return -EINVAL;
  let end: bigint;
  if (lLen > 0n) {
    if (lLen - 1n > OFFSET_MAX - start) return -EOVERFLOW;
    end = start + lLen - 1n;
  } else if (lLen < 0n) {
    if (start + lLen < 0n) return -EINVAL;
    end = start - 1n;
    start += lLen;
  } else end = OFFSET_MAX;
  return [start, end];
}

interface LockCallState {
  req?: RecordLock;
  waiter?: LockWaiter;
}

/**
 * fcntl(fd, F_GETLK/F_SETLK/F_SETLKW/F_OFD_*, struct flock *). F_SETLKW parks the thread while
 * another owner's lock is in the way; the handler is re-run with the request it parsed first.
 */
export function fcntlLock(c: SyscallContext, f: OpenFile, cmd: number, arg: number): number {
  if (f.flags & O_PATH) return -EBADF;
  const table = c.k.locks;
  const st = c.state as LockCallState;
  const getlk = cmd === F_GETLK || cmd === F_OFD_GETLK;
  const ofd = cmd === F_OFD_GETLK || cmd === F_OFD_SETLK || cmd === F_OFD_SETLKW;
  let raw: Uint8Array | null = null;
  let req = st.req;
  if (!req) {
    raw = c.mem.read(arg, FLOCK_SIZE);
    if (!raw) return -EFAULT;
    const dv = new DataView(raw.buffer, raw.byteOffset, FLOCK_SIZE);
    const type = dv.getInt16(0, true);
    if (getlk && type !== F_RDLCK && type !== F_WRLCK) return -EINVAL;
    const range = lockRange(f, dv.getInt16(2, true), dv.getBigInt64(8, true), dv.getBigInt64(16, true));
    if (typeof range === 'number') return range;
    if (type !== F_RDLCK && type !== F_WRLCK && type !== F_UNLCK) return -EINVAL;
    if (!getlk && ((type === F_RDLCK && !canRead(f)) || (type === F_WRLCK && !canWrite(f)))) return -EBADF;
    if (ofd && dv.getInt32(24, true) !== 0) return -EINVAL;
    req = { type, start: range[0], end: range[1], owner: ofd ? f : c.p.fds, pid: ofd ? -1 : c.p.pid, ofd };
    st.req = req;
  }
  const key = table.keyOf(f);
  if (getlk) {
    const b = table.test(key, req);
    const dv = new DataView(raw!.buffer, raw!.byteOffset, FLOCK_SIZE);
    if (!b) dv.setInt16(0, F_UNLCK, true);
    else {
      dv.setInt16(0, b.type, true);
      dv.setInt16(2, SEEK_SET, true);
      dv.setBigInt64(8, b.start, true);
      dv.setBigInt64(16, b.end === OFFSET_MAX ? 0n : b.end - b.start + 1n, true);
      dv.setInt32(24, b.ofd ? -1 : b.pid, true);
    }
    return c.mem.write(arg, raw!) ? 0 : -EFAULT;
  }
  const stopWaiting = () => {
    if (st.waiter) table.stopWaiting(st.waiter);
    st.waiter = undefined;
  };
  const blocker = table.set(key, req);
  if (!blocker) {
    stopWaiting();
    if (req.type !== F_UNLCK) {
      // closing (a descriptor, or the description's last reference) must now tell the table
      if (ofd) f.locks = table;
      else c.p.fds.locks = table;
    }
    return 0;
  }
  if (cmd === F_SETLK || cmd === F_OFD_SETLK) return -EAGAIN;
  // F_SETLKW: deadlock detection only for classic locks, as in Linux (OFD owners are not processes)
  if (!ofd && table.deadlock(req.owner, blocker)) {
    stopWaiting();
    return -EDEADLK;
  }
  if (!st.waiter && !ofd) {
    const w: LockWaiter = { owner: req.owner, file: key, req };
    st.waiter = w;
    table.wait(w);
    c.onAbort = stopWaiting;
  }
  return c.block();
}

/** flock(fd, LOCK_SH | LOCK_EX | LOCK_UN [| LOCK_NB]): whole-file locks owned by the open file description. */
export function flock(c: SyscallContext): number {
  const op = c.i(1);
  // LOCK_MAND never worked; Linux 5.18+ accepts and ignores it
  if (op & LOCK_MAND) return 0;
  const how = op & ~LOCK_NB;
  const type = how === LOCK_SH ? F_RDLCK : how === LOCK_EX ? F_WRLCK : how === LOCK_UN ? F_UNLCK : -1;
  if (type < 0) return -EINVAL;
  const e = c.p.fds.get(c.i(0));
  if (!e || e.file.flags & O_PATH) return -EBADF;
  const f = e.file;
  if (type !== F_UNLCK && !canRead(f) && !canWrite(f)) return -EBADF;
  const table = c.k.locks;
  if (table.flock(table.keyOf(f), f, type)) {
    if (type !== F_UNLCK) f.locks = table;
    return 0;
  }
  if (op & LOCK_NB) return -EAGAIN;
  return c.block();
}
