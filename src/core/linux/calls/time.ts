/** Clocks and sleeping. */
import {
  CLOCK_BOOTTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_COARSE, CLOCK_MONOTONIC_RAW, CLOCK_PROCESS_CPUTIME_ID,
  CLOCK_REALTIME, CLOCK_REALTIME_COARSE, CLOCK_THREAD_CPUTIME_ID, encodeTimespec, encodeTimeval, StructReader,
  TIMER_ABSTIME,
} from '../abi.js';
import { EFAULT, EINVAL } from '../errno.js';
import type { Kernel } from '../kernel.js';
import type { SyscallContext, SyscallLine } from '../syscalls.js';

/** The time of a clock in ns, or null for an unknown clock id. */
export function clockNow(k: Kernel, id: number): number | null {
  switch (id) {
    case CLOCK_REALTIME:
    case CLOCK_REALTIME_COARSE:
      return k.host.realtimeNs();
    case CLOCK_MONOTONIC:
    case CLOCK_MONOTONIC_RAW:
    case CLOCK_MONOTONIC_COARSE:
    case CLOCK_BOOTTIME:
      return k.host.monotonicNs();
    case CLOCK_PROCESS_CPUTIME_ID:
    case CLOCK_THREAD_CPUTIME_ID:
      return k.host.cpuTimeNs ? k.host.cpuTimeNs() : k.host.monotonicNs() - k.bootNs;
  }
  return null;
}

/** Reads a struct timespec as ns: null on EFAULT, NaN when out of range (EINVAL). */
export function readTimespec(c: SyscallContext, addr: number): number | null {
  const raw = c.mem.read(addr, 16);
  if (!raw) return null;
  const r = new StructReader(raw);
  const sec = r.i64(0);
  const nsec = r.i64(8);
  if (sec < 0 || nsec < 0 || nsec >= 1e9) return NaN;
  return sec * 1e9 + nsec;
}

/**
 * Sleeps until the monotonic `deadline` (fixed at the first run). A signal handler ends the sleep
 * with EINTR (never restarted, as Linux does for sleeps); `rem`, if given, gets the time left.
 */
function sleepUntil(c: SyscallContext, deadline: number, rem: number): number {
  if (c.runs === 1) {
    c.noRestart = true;
    if (rem !== 0) {
      c.onAbort = () => {
        c.mem.write(rem, encodeTimespec(Math.max(0, deadline - c.k.host.monotonicNs())));
      };
    }
  }
  if (c.k.host.monotonicNs() >= deadline) return 0;
  return c.block(deadline);
}

export const timeCalls: SyscallLine[] = [
  [101, 'nanosleep', (c) => {
    const st = c.state as { deadline?: number };
    if (st.deadline === undefined) {
      const ns = readTimespec(c, c.u(0));
      if (ns === null) return -EFAULT;
      if (Number.isNaN(ns)) return -EINVAL;
      st.deadline = c.k.host.monotonicNs() + ns;
    }
    return sleepUntil(c, st.deadline, c.u(1));
  }, 'ptr ptr'],
  [113, 'clock_gettime', (c) => {
    const t = clockNow(c.k, c.i(0));
    if (t === null) return -EINVAL;
    return c.mem.write(c.u(1), encodeTimespec(t)) ? 0 : -EFAULT;
  }, 'clock ptr'],
  [114, 'clock_getres', (c) => {
    if (clockNow(c.k, c.i(0)) === null) return -EINVAL;
    const addr = c.u(1);
    if (addr === 0) return 0;
    return c.mem.write(addr, encodeTimespec(1)) ? 0 : -EFAULT;
  }, 'clock ptr'],
  [115, 'clock_nanosleep', (c) => {
    const st = c.state as { deadline?: number };
    const abs = (c.i(1) & TIMER_ABSTIME) !== 0;
    if (st.deadline === undefined) {
      const id = c.i(0);
      const now = clockNow(c.k, id);
      if (now === null || id === CLOCK_THREAD_CPUTIME_ID) return -EINVAL;
      const ns = readTimespec(c, c.u(2));
      if (ns === null) return -EFAULT;
      if (Number.isNaN(ns)) return -EINVAL;
      st.deadline = c.k.host.monotonicNs() + (abs ? ns - now : ns);
    }
    // clock_nanosleep returns the error instead of setting errno; rem only for relative sleeps
    return sleepUntil(c, st.deadline, abs ? 0 : c.u(3));
  }, 'clock int ptr ptr'],
  [169, 'gettimeofday', (c) => {
    const tv = c.u(0);
    if (tv !== 0 && !c.mem.write(tv, encodeTimeval(c.k.host.realtimeNs()))) return -EFAULT;
    const tz = c.u(1);
    if (tz !== 0 && !c.mem.write(tz, new Uint8Array(8))) return -EFAULT;
    return 0;
  }, 'ptr ptr'],
];
