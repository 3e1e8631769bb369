/** futex: waits park the calling thread on the kernel's FutexTable; wakes and requeues move them. */
import { StructReader } from '../abi.js';
import { EAGAIN, EFAULT, EINVAL, ENOSYS, ETIMEDOUT } from '../errno.js';
import type { FutexWaiter } from '../futex.js';
import type { SyscallContext, SyscallLine } from '../syscalls.js';
import { clockNow } from './time.js';

export const FUTEX_WAIT = 0;
export const FUTEX_WAKE = 1;
export const FUTEX_REQUEUE = 3;
export const FUTEX_CMP_REQUEUE = 4;
export const FUTEX_WAKE_OP = 5;
export const FUTEX_WAIT_BITSET = 9;
export const FUTEX_WAKE_BITSET = 10;
const FUTEX_PRIVATE_FLAG = 128;
const FUTEX_CLOCK_REALTIME = 256;
const BITSET_ALL = -1;

function readU32(c: SyscallContext, addr: number): number | null {
  if (addr % 4 !== 0) return null;
  return c.mem.u32(addr);
}

/** The WAKE_OP update of *uaddr2: returns the old value, or null on EFAULT. */
function wakeOp(c: SyscallContext, addr: number, val3: number): number | null {
  const old = readU32(c, addr);
  if (old === null) return null;
  const op = (val3 >>> 28) & 7;
  // oparg and cmparg are sign-extended 12-bit fields
  let arg = (val3 << 8) >> 20;
  if ((val3 >>> 28) & 8) arg = 1 << (arg & 31);
  let v: number;
  switch (op) {
    case 0: v = arg; break; // SET
    case 1: v = old + arg; break; // ADD
    case 2: v = old | arg; break; // OR
    case 3: v = old & ~arg; break; // ANDN
    case 4: v = old ^ arg; break; // XOR
    default: return null;
  }
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v >>> 0, true);
  return c.mem.write(addr, b) ? old : null;
}

/** The WAKE_OP comparison of the old value of *uaddr2. */
function wakeOpCompare(old: number, val3: number): boolean {
  const cmp = (val3 >>> 24) & 0xf;
  const arg = (val3 << 20) >> 20;
  switch (cmp) {
    case 0: return (old | 0) === arg; // EQ
    case 1: return (old | 0) !== arg; // NE
    case 2: return (old | 0) < arg; // LT
    case 3: return (old | 0) <= arg; // LE
    case 4: return (old | 0) > arg; // GT
    case 5: return (old | 0) >= arg; // GE
  }
  return false;
}

/** FUTEX_WAIT(_BITSET): first run queues the thread; re-runs see whether it was woken or timed out. */
function wait(c: SyscallContext, op: number, opFull: number): number {
  const st = c.state as { waiter?: FutexWaiter };
  if (st.waiter) {
    if (st.waiter.woken) return 0;
    if (c.timedOut) {
      c.k.futexes.remove(st.waiter);
      return -ETIMEDOUT;
    }
    return c.block(c.deadlineNs);
  }
  const uaddr = c.u(0);
  const bitset = op === FUTEX_WAIT_BITSET ? c.i(5) : BITSET_ALL;
  if (bitset === 0) return -EINVAL;
  const cur = readU32(c, uaddr);
  if (cur === null) return uaddr % 4 ? -EINVAL : -EFAULT;
  if (cur !== c.ui(2)) return -EAGAIN;
  let deadline = Infinity;
  const tsAddr = c.u(3);
  if (tsAddr !== 0) {
    const raw = c.mem.read(tsAddr, 16);
    if (!raw) return -EFAULT;
    const r = new StructReader(raw);
    const sec = r.i64(0);
    const nsec = r.i64(8);
    if (sec < 0 || nsec < 0 || nsec >= 1e9) return -EINVAL;
    const ns = sec * 1e9 + nsec;
    const mono = c.k.host.monotonicNs();
    // FUTEX_WAIT takes a relative timeout; WAIT_BITSET an absolute one on the chosen clock
    if (op === FUTEX_WAIT) deadline = mono + ns;
    else deadline = mono + (ns - clockNow(c.k, opFull & FUTEX_CLOCK_REALTIME ? 0 : 1)!);
  }
  const w = c.k.futexes.enqueue(c.mem, uaddr, c.t, bitset);
  if (!w) return -EFAULT;
  st.waiter = w;
  c.noRestart = true; // an interrupted futex wait returns EINTR (glibc loops)
  c.onAbort = () => c.k.futexes.remove(w);
  if (deadline <= c.k.host.monotonicNs()) {
    c.k.futexes.remove(w);
    return -ETIMEDOUT;
  }
  return c.block(deadline);
}

function futex(c: SyscallContext): number {
  const uaddr = c.u(0);
  const opFull = c.i(1);
  const op = opFull & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
  const val = c.ui(2);
  const f = c.k.futexes;
  switch (op) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET:
      return wait(c, op, opFull);
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET: {
      const bitset = op === FUTEX_WAKE_BITSET ? c.i(5) : BITSET_ALL;
      if (bitset === 0) return -EINVAL;
      if (uaddr % 4) return -EINVAL;
      return f.wake(c.mem, uaddr, Math.min(val, 0x7fffffff), bitset);
    }
    case FUTEX_REQUEUE:
    case FUTEX_CMP_REQUEUE: {
      if (uaddr % 4 || c.u(4) % 4) return -EINVAL;
      if (op === FUTEX_CMP_REQUEUE) {
        const cur = readU32(c, uaddr);
        if (cur === null) return -EFAULT;
        if (cur !== c.ui(5)) return -EAGAIN;
      }
      // the fourth argument is val2 (a count), not a timeout, for the requeue operations
      return f.requeue(c.mem, uaddr, Math.min(val, 0x7fffffff), c.u(4), Math.min(c.ui(3), 0x7fffffff));
    }
    case FUTEX_WAKE_OP: {
      const uaddr2 = c.u(4);
      const val3 = c.ui(5);
      const old = wakeOp(c, uaddr2, val3);
      if (old === null) return -EFAULT;
      let n = f.wake(c.mem, uaddr, Math.min(val, 0x7fffffff), BITSET_ALL);
      if (wakeOpCompare(old, val3)) n += f.wake(c.mem, uaddr2, Math.min(c.ui(3), 0x7fffffff), BITSET_ALL);
      return n;
    }
  }
  return -ENOSYS;
}

export const futexCalls: SyscallLine[] = [[98, 'futex', futex, 'ptr futexop uint ptr ptr uint']];
