/**
 * futex. Until guest threads exist (issue #4) a process has a single thread: a wait on a matching
 * value can only end by its timeout, and wakes find nobody to wake.
 */
import { StructReader } from '../abi.js';
import { EAGAIN, EFAULT, EINVAL, ENOSYS, ETIMEDOUT } from '../errno.js';
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

function readU32(c: SyscallContext, addr: number): number | null {
  if (addr % 4 !== 0) return null;
  return c.mem.u32(addr);
}

/** The WAKE_OP update of *uaddr2: returns the old value, or null on EFAULT. */
function wakeOp(c: SyscallContext, addr: number, val3: number): number | null {
  const old = readU32(c, addr);
  if (old === null) return null;
  const op = (val3 >>> 28) & 7;
  let arg = (val3 >>> 12) & 0xfff;
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

function futex(c: SyscallContext): number {
  const uaddr = c.u(0);
  const opFull = c.i(1);
  const op = opFull & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
  const val = c.ui(2);
  switch (op) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET: {
      if (op === FUTEX_WAIT_BITSET && c.ui(5) === 0) return -EINVAL;
      const cur = readU32(c, uaddr);
      if (cur === null) return uaddr % 4 ? -EINVAL : -EFAULT;
      if (cur !== val) return -EAGAIN;
      const tsAddr = c.u(3);
      if (tsAddr === 0) {
        // Nothing else can change the word or wake us: the thread waits forever, as on Linux.
        for (;;) c.k.host.sleepNs(1e9);
      }
      const raw = c.mem.read(tsAddr, 16);
      if (!raw) return -EFAULT;
      const r = new StructReader(raw);
      const ns = r.i64(0) * 1e9 + r.i64(8);
      // FUTEX_WAIT takes a relative timeout; WAIT_BITSET an absolute one on the chosen clock
      const now = op === FUTEX_WAIT ? 0 : clockNow(c.k, opFull & FUTEX_CLOCK_REALTIME ? 0 : 1)!;
      const wait = ns - now;
      if (wait > 0) c.k.host.sleepNs(wait);
      return -ETIMEDOUT;
    }
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET:
      return 0;
    case FUTEX_REQUEUE:
      return 0;
    case FUTEX_CMP_REQUEUE: {
      const cur = readU32(c, uaddr);
      if (cur === null) return -EFAULT;
      return cur === c.ui(5) ? 0 : -EAGAIN;
    }
    case FUTEX_WAKE_OP:
      return wakeOp(c, c.u(4), c.ui(5)) === null ? -EFAULT : 0;
  }
  return -ENOSYS;
}

export const futexCalls: SyscallLine[] = [[98, 'futex', futex, 'ptr int uint ptr ptr uint']];
