/** Signal system calls: dispositions, masks, sending to oneself, and returning from handlers. */
import { SIG, StructReader, StructWriter } from '../abi.js';
import { EFAULT, EINVAL, EPERM, ESRCH } from '../errno.js';
import { restoreFrame, setSigmask, SI_TKILL, SI_USER, sigBit, type SigInfo } from '../signals.js';
import type { SyscallContext, SyscallLine } from '../syscalls.js';

const SIG_BLOCK = 0;
const SIG_UNBLOCK = 1;
const SIG_SETMASK = 2;

function rt_sigaction(c: SyscallContext): number {
  const sig = c.i(0);
  if (sig < 1 || sig > 64 || c.u(3) !== 8) return -EINVAL;
  const act = c.u(1);
  const old = c.u(2);
  if (act !== 0 && (sig === SIG.SIGKILL || sig === SIG.SIGSTOP)) return -EINVAL;
  const prev = c.p.sigactions.get(sig);
  if (old !== 0) {
    // struct sigaction (kernel, aarch64): handler, flags, restorer, mask
    const w = new StructWriter(32);
    if (prev) w.u64(0, prev.handler).u64(8, prev.flags).u64(16, prev.restorer).u32(24, prev.mask[0]).u32(28, prev.mask[1]);
    if (!c.mem.write(old, w.bytes)) return -EFAULT;
  }
  if (act !== 0) {
    const raw = c.mem.read(act, 32);
    if (!raw) return -EFAULT;
    const r = new StructReader(raw);
    c.p.sigactions.set(sig, { handler: r.u64(0), flags: r.u64(8), restorer: r.u64(16), mask: [r.u32(24), r.u32(28)] });
  }
  return 0;
}

function rt_sigprocmask(c: SyscallContext): number {
  const how = c.i(0);
  const set = c.u(1);
  const oldset = c.u(2);
  if (c.u(3) !== 8) return -EINVAL;
  const prev: [number, number] = [...c.p.sigmask];
  if (set !== 0) {
    const raw = c.mem.read(set, 8);
    if (!raw) return -EFAULT;
    const r = new StructReader(raw);
    const lo = r.u32(0);
    const hi = r.u32(4);
    const m = c.p.sigmask;
    if (how === SIG_BLOCK) setSigmask(c.p, m[0] | lo, m[1] | hi);
    else if (how === SIG_UNBLOCK) setSigmask(c.p, m[0] & ~lo, m[1] & ~hi);
    else if (how === SIG_SETMASK) setSigmask(c.p, lo, hi);
    else return -EINVAL;
  }
  return oldset !== 0 ? sigsetOut(c, oldset, prev) : 0;
}

function sendSignal(c: SyscallContext, pid: number, sig: number, info: Omit<SigInfo, 'signo'>): number {
  if (sig < 0 || sig > 64) return -EINVAL;
  if (pid !== c.p.pid && pid !== 0 && pid !== -1 && pid !== -c.p.pgid) return -ESRCH;
  if (sig !== 0) c.k.raiseSignal(c.p, sig, { signo: sig, ...info });
  return 0;
}

function sigsetOut(c: SyscallContext, addr: number, set: [number, number]): number {
  return c.mem.write(addr, new StructWriter(8).u32(0, set[0]).u32(4, set[1]).bytes) ? 0 : -EFAULT;
}

function rt_sigqueueinfo(c: SyscallContext): number {
  const raw = c.mem.read(c.u(2), 128);
  if (!raw) return -EFAULT;
  const r = new StructReader(raw);
  const code = r.i32(8);
  // only the kernel may send SI_USER/SI_KERNEL-coded or SI_TKILL-coded signals this way
  if (code >= 0 || code === SI_TKILL) return -EPERM;
  return sendSignal(c, c.i(0), c.i(1), { code, pid: r.i32(16), uid: r.i32(20), value: r.u64(24) });
}

export const signalCalls: SyscallLine[] = [
  [134, 'rt_sigaction', rt_sigaction, 'signal ptr ptr size'],
  [135, 'rt_sigprocmask', rt_sigprocmask, 'int ptr ptr size'],
  [136, 'rt_sigpending', (c) => {
    const set: [number, number] = [0, 0];
    for (const info of c.p.pending) {
      const [lo, hi] = sigBit(info.signo);
      set[0] = (set[0] | lo) >>> 0;
      set[1] = (set[1] | hi) >>> 0;
    }
    return sigsetOut(c, c.u(0), set);
  }, 'ptr size'],
  [132, 'sigaltstack', (c) => {
    const ss = c.u(0);
    const old = c.u(1);
    const a = c.p.altStack;
    if (old !== 0 && !c.mem.write(old, new StructWriter(24).u64(0, a.sp).i32(8, a.flags).u64(16, a.size).bytes)) return -EFAULT;
    if (ss !== 0) {
      const raw = c.mem.read(ss, 24);
      if (!raw) return -EFAULT;
      const r = new StructReader(raw);
      c.p.altStack = { sp: r.u64(0), flags: r.i32(8), size: r.u64(16) };
    }
    return 0;
  }, 'ptr ptr'],
  [129, 'kill', (c) => sendSignal(c, c.i(0), c.i(1), { code: SI_USER, pid: c.p.pid, uid: 0 }), 'int signal'],
  [130, 'tkill', (c) => (c.i(0) === c.p.tid ? sendSignal(c, c.p.pid, c.i(1), { code: SI_TKILL, pid: c.p.pid, uid: 0 }) : -ESRCH), 'int signal'],
  [131, 'tgkill', (c) =>
    c.i(0) === c.p.pid && c.i(1) === c.p.tid ? sendSignal(c, c.p.pid, c.i(2), { code: SI_TKILL, pid: c.p.pid, uid: 0 }) : -ESRCH,
  'int int signal'],
  [138, 'rt_sigqueueinfo', rt_sigqueueinfo, 'int signal ptr'],
  [139, 'rt_sigreturn', (c) => {
    if (!restoreFrame(c.p)) {
      c.k.terminate(c.p, SIG.SIGSEGV);
      return 0;
    }
    c.noReturn = true;
    return 0;
  }, ''],
];
