/** Interval timers (setitimer, alarm) and POSIX timers (timer_create...), firing signals. */
import { encodeTimespec, encodeTimeval, SIG, StructReader, StructWriter } from '../abi.js';
import { EFAULT, EINVAL, EAGAIN } from '../errno.js';
import type { Kernel, KernelTimer } from '../kernel.js';
import type { Process, Thread } from '../process.js';
import type { SyscallContext, SyscallLine } from '../syscalls.js';
import { clockNow } from './time.js';

const SI_TIMER = -2;
const SIGEV_SIGNAL = 0;
const SIGEV_NONE = 1;
const SIGEV_THREAD_ID = 4;
const TIMER_ABSTIME = 1;
const MAX_TIMERS = 256;

interface PosixTimer {
  id: number;
  clock: number;
  signo: number;
  value: number;
  notify: number;
  /** SIGEV_THREAD_ID's target */
  thread: Thread | null;
  armed: KernelTimer | null;
  overrun: number;
}

/** Per-process timer state, kept beside the process. */
interface TimerState {
  itimers: (KernelTimer | null)[];
  posix: Map<number, PosixTimer>;
}
const states = new WeakMap<Process, TimerState>();
function stateOf(p: Process): TimerState {
  let s = states.get(p);
  if (!s) states.set(p, (s = { itimers: [null, null, null], posix: new Map() }));
  return s;
}

function arm(k: Kernel, p: Process, dueNs: number, intervalNs: number, fire: (tm: KernelTimer) => void): KernelTimer {
  const tm: KernelTimer = { proc: p, dueNs, intervalNs, overrun: 0, fire: () => fire(tm) };
  k.timers.add(tm);
  return tm;
}

function readTimeval(raw: Uint8Array, off: number): number {
  const r = new StructReader(raw);
  return r.i64(off) * 1e9 + r.i64(off + 8) * 1000;
}

const ITIMER_SIGNALS = [SIG.SIGALRM, SIG.SIGVTALRM, SIG.SIGPROF];

/** The remaining time and interval of an armed timer (0, 0 when disarmed). */
function remaining(k: Kernel, tm: KernelTimer | null): [number, number] {
  if (!tm || !k.timers.has(tm)) return [0, 0];
  return [Math.max(1000, tm.dueNs - k.host.monotonicNs()), tm.intervalNs];
}

function setitimer(c: SyscallContext): number {
  const which = c.i(0);
  if (which < 0 || which > 2) return -EINVAL;
  const st = stateOf(c.p);
  const old = c.u(2);
  const [left, interval] = remaining(c.k, st.itimers[which]!);
  if (old !== 0 && !c.mem.write(old, concat(encodeTimeval(interval), encodeTimeval(left)))) return -EFAULT;
  const nv = c.u(1);
  if (nv === 0) return 0;
  const raw = c.mem.read(nv, 32);
  if (!raw) return -EFAULT;
  const r = new StructReader(raw);
  if (r.i64(8) < 0 || r.i64(8) >= 1e6 || r.i64(24) < 0 || r.i64(24) >= 1e6) return -EINVAL;
  const newInterval = readTimeval(raw, 0);
  const value = readTimeval(raw, 16);
  const prev = st.itimers[which];
  if (prev) c.k.timers.delete(prev);
  st.itimers[which] = null;
  if (value > 0) {
    // ITIMER_VIRTUAL and ITIMER_PROF count CPU time; a64play's guest CPU time is its run time
    const sig = ITIMER_SIGNALS[which]!;
    const p = c.p;
    st.itimers[which] = arm(c.k, p, c.k.host.monotonicNs() + value, newInterval, () =>
      c.k.sendToProcess(p, { signo: sig, code: 0x80 /* SI_KERNEL */ }),
    );
  }
  return 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function timer_create(c: SyscallContext): number {
  const clock = c.i(0);
  if (clockNow(c.k, clock) === null) return -EINVAL;
  const st = stateOf(c.p);
  if (st.posix.size >= MAX_TIMERS) return -EAGAIN;
  let id = 0;
  while (st.posix.has(id)) id++;
  const t: PosixTimer = { id, clock, signo: SIG.SIGALRM, value: id, notify: SIGEV_SIGNAL, thread: null, armed: null, overrun: 0 };
  const sevp = c.u(1);
  if (sevp !== 0) {
    const raw = c.mem.read(sevp, 64);
    if (!raw) return -EFAULT;
    const r = new StructReader(raw);
    t.value = r.u64(0);
    t.signo = r.i32(8);
    t.notify = r.i32(12);
    if (t.notify === SIGEV_THREAD_ID) {
      const tid = r.i32(16);
      t.thread = c.p.threads.find((th) => th.tid === tid) ?? null;
      if (!t.thread) return -EINVAL;
    } else if (t.notify !== SIGEV_SIGNAL && t.notify !== SIGEV_NONE) return -EINVAL;
    if (t.notify !== SIGEV_NONE && (t.signo < 1 || t.signo > 64)) return -EINVAL;
  }
  if (!c.mem.write(c.u(2), new StructWriter(4).i32(0, id).bytes)) return -EFAULT;
  st.posix.set(id, t);
  return 0;
}

function timerOf(c: SyscallContext): PosixTimer | undefined {
  return stateOf(c.p).posix.get(c.i(0));
}

function writeItimerspec(c: SyscallContext, addr: number, t: PosixTimer): boolean {
  const [left, interval] = remaining(c.k, t.armed);
  return c.mem.write(addr, concat(encodeTimespec(interval), encodeTimespec(left)));
}

function timer_settime(c: SyscallContext): number {
  const t = timerOf(c);
  if (!t) return -EINVAL;
  const raw = c.mem.read(c.u(2), 32);
  if (!raw) return -EFAULT;
  const r = new StructReader(raw);
  const interval = r.i64(0) * 1e9 + r.i64(8);
  let value = r.i64(16) * 1e9 + r.i64(24);
  if (r.i64(8) < 0 || r.i64(8) >= 1e9 || r.i64(24) < 0 || r.i64(24) >= 1e9) return -EINVAL;
  const old = c.u(3);
  if (old !== 0 && !writeItimerspec(c, old, t)) return -EFAULT;
  if (t.armed) c.k.timers.delete(t.armed);
  t.armed = null;
  if (value === 0) return 0;
  if (c.i(1) & TIMER_ABSTIME) value -= clockNow(c.k, t.clock)!;
  const p = c.p;
  const k = c.k;
  t.armed = arm(k, p, k.host.monotonicNs() + Math.max(0, value), interval, (tm) => {
    t.overrun = tm.overrun;
    if (t.notify === SIGEV_NONE) return;
    const info = { signo: t.signo, code: SI_TIMER, timerId: t.id, overrun: tm.overrun, value: t.value };
    if (t.thread && t.thread.state !== 2 /* Dead */) k.sendToThread(t.thread, info);
    else k.sendToProcess(p, info);
  });
  return 0;
}

export const timerCalls: SyscallLine[] = [
  [102, 'getitimer', (c) => {
    const which = c.i(0);
    if (which < 0 || which > 2) return -EINVAL;
    const [left, interval] = remaining(c.k, stateOf(c.p).itimers[which]!);
    return c.mem.write(c.u(1), concat(encodeTimeval(interval), encodeTimeval(left))) ? 0 : -EFAULT;
  }, 'int ptr'],
  [103, 'setitimer', setitimer, 'int ptr ptr'],
  [107, 'timer_create', timer_create, 'clock ptr ptr'],
  [110, 'timer_settime', timer_settime, 'int int ptr ptr'],
  [108, 'timer_gettime', (c) => {
    const t = timerOf(c);
    if (!t) return -EINVAL;
    return writeItimerspec(c, c.u(1), t) ? 0 : -EFAULT;
  }, 'int ptr'],
  [109, 'timer_getoverrun', (c) => timerOf(c)?.overrun ?? -EINVAL, 'int'],
  [111, 'timer_delete', (c) => {
    const t = timerOf(c);
    if (!t) return -EINVAL;
    if (t.armed) c.k.timers.delete(t.armed);
    stateOf(c.p).posix.delete(t.id);
    return 0;
  }, 'int'],
];
