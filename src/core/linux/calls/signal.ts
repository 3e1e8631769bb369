/** Signal system calls: dispositions, masks, sending, waiting for signals, returning from handlers. */
import { SIG, StructReader, StructWriter } from '../abi.js';
import { EAGAIN, EFAULT, EINVAL, ENOMEM, EPERM, ESRCH } from '../errno.js';
import type { AltStack, Process, Thread } from '../process.js';
import {
  altStackFlags, encodeSiginfo, ignoredByDefault, MINSIGSTKSZ, onAltStack, restoreFrame, setSigmask, SI_TKILL, SI_USER, sigBit, type SigInfo,
  SS_AUTODISARM, SS_DISABLE, SS_ONSTACK,
} from '../signals.js';
import { SLOT_SP } from '../../cpu/layout.js';
import type { SyscallContext, SyscallLine } from '../syscalls.js';
import { readTimespec } from './time.js';

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
    const handler = r.u64(0);
    c.p.sigactions.set(sig, { handler, flags: r.u64(8), restorer: r.u64(16), mask: [r.u32(24), r.u32(28)] });
    // setting SIG_IGN (or SIG_DFL for a signal ignored by default) discards what is pending
    if (handler === 1 || (handler === 0 && ignoredByDefault(sig))) c.k.discardPending(c.p, (s) => s === sig);
  }
  return 0;
}

/** Reads a sigset_t (8 bytes); null on EFAULT. */
function readSigset(c: SyscallContext, addr: number): [number, number] | null {
  const raw = c.mem.read(addr, 8);
  if (!raw) return null;
  const r = new StructReader(raw);
  return [r.u32(0), r.u32(4)];
}

function sigsetOut(c: SyscallContext, addr: number, set: [number, number]): number {
  return c.mem.write(addr, new StructWriter(8).u32(0, set[0]).u32(4, set[1]).bytes) ? 0 : -EFAULT;
}

function rt_sigprocmask(c: SyscallContext): number {
  const how = c.i(0);
  const set = c.u(1);
  const oldset = c.u(2);
  if (c.u(3) !== 8) return -EINVAL;
  const t = c.t;
  const prev: [number, number] = [t.sigmask[0], t.sigmask[1]];
  if (set !== 0) {
    const s = readSigset(c, set);
    if (!s) return -EFAULT;
    const [lo, hi] = s;
    const m = t.sigmask;
    if (how === SIG_BLOCK) setSigmask(t, m[0] | lo, m[1] | hi);
    else if (how === SIG_UNBLOCK) setSigmask(t, m[0] & ~lo, m[1] & ~hi);
    else if (how === SIG_SETMASK) setSigmask(t, lo, hi);
    else return -EINVAL;
  }
  return oldset !== 0 ? sigsetOut(c, oldset, prev) : 0;
}

/** kill(2)'s targets: one process, a process group, or every process but the caller. */
function killTargets(c: SyscallContext, pid: number): Process[] {
  // zombies still exist until reaped: signalling one succeeds (and does nothing)
  const all = [...c.k.processes.values()];
  if (pid > 0) return all.filter((p) => p.pid === pid);
  if (pid === -1) return all.filter((p) => p !== c.p);
  const pgid = pid === 0 ? c.p.pgid : -pid;
  return all.filter((p) => p.pgid === pgid);
}

function sendSignal(c: SyscallContext, pid: number, sig: number, info: Omit<SigInfo, 'signo'>): number {
  if (sig < 0 || sig > 64) return -EINVAL;
  const targets = killTargets(c, pid);
  if (targets.length === 0) return -ESRCH;
  if (sig !== 0) for (const p of targets) c.k.sendToProcess(p, { signo: sig, ...info });
  return 0;
}

function findThread(c: SyscallContext, tgid: number, tid: number): Thread | undefined {
  const t = c.k.threads.find((th) => th.tid === tid);
  return t && (tgid <= 0 || t.proc.pid === tgid) ? t : undefined;
}

function sendToThread(c: SyscallContext, tgid: number, tid: number, sig: number): number {
  if (sig < 0 || sig > 64 || tid <= 0) return -EINVAL;
  const t = findThread(c, tgid, tid);
  if (!t) return -ESRCH;
  if (sig !== 0) c.k.sendToThread(t, { signo: sig, code: SI_TKILL, pid: c.p.pid, uid: 0 });
  return 0;
}

function rt_sigqueueinfo(c: SyscallContext): number {
  const raw = c.mem.read(c.u(2), 128);
  if (!raw) return -EFAULT;
  const r = new StructReader(raw);
  const code = r.i32(8);
  // only the kernel may send SI_USER/SI_KERNEL-coded or SI_TKILL-coded signals this way
  if ((code >= 0 || code === SI_TKILL) && c.i(0) !== c.p.pid) return -EPERM;
  return sendSignal(c, c.i(0), c.i(1), { code, pid: r.i32(16), uid: r.i32(20), value: r.u64(24) });
}

/** rt_sigsuspend: waits with a temporary mask until a handler runs (always EINTR). */
function rt_sigsuspend(c: SyscallContext): number {
  if (c.runs === 1) {
    if (c.u(1) !== 8) return -EINVAL;
    const set = readSigset(c, c.u(0));
    if (!set) return -EFAULT;
    c.t.savedMask = c.t.sigmask;
    setSigmask(c.t, set[0], set[1]);
    c.noRestart = true;
  }
  return c.block();
}

/** rt_sigtimedwait: takes a pending signal of `set`, waiting for one if none is pending. */
function rt_sigtimedwait(c: SyscallContext): number {
  if (c.u(3) !== 8) return -EINVAL;
  const set = readSigset(c, c.u(0));
  if (!set) return -EFAULT;
  // SIGKILL and SIGSTOP cannot be waited for
  set[0] &= ~((1 << (SIG.SIGKILL - 1)) | (1 << (SIG.SIGSTOP - 1)));
  const inSet = (sig: number) => {
    const [lo, hi] = sigBit(sig);
    return ((set[0] & lo) | (set[1] & hi)) !== 0;
  };
  const info = c.k.takePending(c.t, inSet);
  if (info) {
    const out = c.u(1);
    if (out !== 0 && !c.mem.write(out, encodeSiginfo(info))) return -EFAULT;
    return info.signo;
  }
  if (c.runs === 1) {
    c.noRestart = true;
    const tsAddr = c.u(2);
    if (tsAddr !== 0) {
      const ts = readTimespec(c, tsAddr);
      if (ts === null) return -EFAULT;
      if (Number.isNaN(ts)) return -EINVAL;
      if (ts === 0) return -EAGAIN;
      return c.block(c.k.host.monotonicNs() + ts);
    }
    return c.block();
  }
  if (c.timedOut) return -EAGAIN;
  return c.block(c.deadlineNs);
}

/** sigaltstack: a size of 0 means disabled; ss_flags are computed from where SP is now. */
function sigaltstack(c: SyscallContext): number {
  const ss = c.u(0);
  const old = c.u(1);
  const t = c.t;
  const regs = c.k.regsOf(t);
  const sp = (regs[SLOT_SP * 2 + 1]! >>> 0) * 2 ** 32 + (regs[SLOT_SP * 2]! >>> 0);
  const a = t.altStack;
  let next: AltStack | null = null;
  if (ss !== 0) {
    const raw = c.mem.read(ss, 24);
    if (!raw) return -EFAULT;
    const r = new StructReader(raw);
    const flags = r.u32(8);
    const mode = flags & ~SS_AUTODISARM;
    if (onAltStack(t, sp)) return -EPERM;
    if (mode !== 0 && mode !== SS_DISABLE && mode !== SS_ONSTACK) return -EINVAL;
    if (mode === SS_DISABLE) next = { sp: 0, size: 0, flags: 0 };
    else {
      if (r.u64(16) < MINSIGSTKSZ) return -ENOMEM;
      next = { sp: r.u64(0), size: r.u64(16), flags: flags & SS_AUTODISARM };
    }
  }
  if (old !== 0) {
    const w = new StructWriter(24).u64(0, a.sp).i32(8, altStackFlags(t, sp)).u64(16, a.size);
    if (!c.mem.write(old, w.bytes)) return -EFAULT;
  }
  if (next) t.altStack = next;
  return 0;
}

export const signalCalls: SyscallLine[] = [
  [134, 'rt_sigaction', rt_sigaction, 'signal ptr ptr size'],
  [135, 'rt_sigprocmask', rt_sigprocmask, 'sighow sigset ptr size'],
  [136, 'rt_sigpending', (c) => {
    const set: [number, number] = [0, 0];
    for (const info of [...c.t.pending, ...c.p.pending]) {
      const [lo, hi] = sigBit(info.signo);
      set[0] = (set[0] | lo) >>> 0;
      set[1] = (set[1] | hi) >>> 0;
    }
    // only the blocked ones can still be pending when the caller looks
    return sigsetOut(c, c.u(0), [(set[0] & c.t.sigmask[0]) >>> 0, (set[1] & c.t.sigmask[1]) >>> 0]);
  }, 'ptr size'],
  [133, 'rt_sigsuspend', rt_sigsuspend, 'sigset size'],
  [137, 'rt_sigtimedwait', rt_sigtimedwait, 'sigset ptr ptr size'],
  [132, 'sigaltstack', sigaltstack, 'ptr ptr'],
  [129, 'kill', (c) => sendSignal(c, c.i(0), c.i(1), { code: SI_USER, pid: c.p.pid, uid: 0 }), 'int signal'],
  [130, 'tkill', (c) => sendToThread(c, 0, c.i(0), c.i(1)), 'int signal'],
  [131, 'tgkill', (c) => (c.i(0) <= 0 ? -EINVAL : sendToThread(c, c.i(0), c.i(1), c.i(2))), 'int int signal'],
  [138, 'rt_sigqueueinfo', rt_sigqueueinfo, 'int signal ptr'],
  [139, 'rt_sigreturn', (c) => {
    if (!restoreFrame(c.t)) {
      c.k.terminate(c.p, SIG.SIGSEGV);
      return 0;
    }
    c.noReturn = true;
    return 0;
  }, ''],
];

