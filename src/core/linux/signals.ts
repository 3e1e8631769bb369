/**
 * Signal delivery: Linux's aarch64 rt_sigframe (siginfo + ucontext with an fpsimd_context record),
 * so handlers can read and change the interrupted registers, and rt_sigreturn to resume.
 */
import type { Cpu } from '../cpu/cpu.js';
import { I_FPCR, I_FPSR } from '../cpu/layout.js';
import { LAYOUT } from '../elf/load.js';
import { SIG, StructReader, StructWriter } from './abi.js';
import type { SigAction, Thread } from './process.js';

export const SA_NOCLDSTOP = 1;
export const SA_SIGINFO = 4;
export const SA_ONSTACK = 0x08000000;
export const SA_RESTART = 0x10000000;
export const SA_NODEFER = 0x40000000;
export const SA_RESETHAND = 0x80000000;
export const SA_RESTORER = 0x04000000;

export const SI_USER = 0;
export const SI_KERNEL = 0x80;
export const SI_QUEUE = -1;
export const SI_TKILL = -6;
export const SEGV_MAPERR = 1;
export const SEGV_ACCERR = 2;
export const BUS_ADRALN = 1;
export const BUS_ADRERR = 2;
export const ILL_ILLOPC = 1;
export const TRAP_BRKPT = 1;

/** What a signal carries into siginfo. */
export interface SigInfo {
  signo: number;
  code: number;
  /** fault address (SIGSEGV, SIGBUS, SIGILL, SIGTRAP) */
  addr?: number;
  pid?: number;
  uid?: number;
  /** sigqueue's value */
  value?: number;
  /** SIGCHLD: the exit code or signal */
  status?: number;
  /** POSIX timers: the timer id and its overrun count */
  timerId?: number;
  overrun?: number;
}

/** `mov x8, #139 (rt_sigreturn); svc #0`, mapped at LAYOUT.sigpage in every process. */
export const SIGRETURN_TRAMPOLINE = new Uint8Array(new Uint32Array([0xd2801168, 0xd4000001]).buffer);

const SIGINFO_SIZE = 128;
const UC_MCONTEXT = 176; // offset of uc_mcontext in struct ucontext
const MC_RESERVED = 288; // offset of __reserved in struct sigcontext
const RESERVED_SIZE = 4096;
const UCONTEXT_SIZE = UC_MCONTEXT + MC_RESERVED + RESERVED_SIZE;
const FRAME_SIZE = SIGINFO_SIZE + UCONTEXT_SIZE; // struct rt_sigframe
const FPSIMD_MAGIC = 0x46508001;
const FPSIMD_SIZE = 528;
export const SS_ONSTACK = 1;
export const SS_DISABLE = 2;
export const SS_AUTODISARM = 0x80000000;
/** The smallest signal stack aarch64 Linux accepts (MINSIGSTKSZ, also AT_MINSIGSTKSZ's floor). */
export const MINSIGSTKSZ = 5120;

/** Sets the blocked mask; SIGKILL and SIGSTOP can never be blocked. */
export function setSigmask(t: Thread, lo: number, hi: number): void {
  t.sigmask = [(lo & ~((1 << (SIG.SIGKILL - 1)) | (1 << (SIG.SIGSTOP - 1)))) >>> 0, hi >>> 0];
}

export const sigBit = (sig: number): [number, number] => (sig <= 32 ? [1 << (sig - 1), 0] : [0, 1 << (sig - 33)]);
export function isBlocked(t: Thread, sig: number): boolean {
  const [lo, hi] = sigBit(sig);
  return ((t.sigmask[0] & lo) | (t.sigmask[1] & hi)) !== 0;
}

/** Signals whose default action is to do nothing. */
export function ignoredByDefault(sig: number): boolean {
  return sig === SIG.SIGCHLD || sig === SIG.SIGURG || sig === SIG.SIGWINCH || sig === SIG.SIGCONT;
}

export function encodeSiginfo(info: SigInfo): Uint8Array {
  const w = new StructWriter(SIGINFO_SIZE);
  w.i32(0, info.signo).i32(4, 0).i32(8, info.code);
  if (info.addr !== undefined) w.u64(16, info.addr);
  else if (info.timerId !== undefined) {
    w.i32(16, info.timerId).i32(20, info.overrun ?? 0);
    if (info.value !== undefined) w.u64(24, info.value);
  } else {
    w.i32(16, info.pid ?? 0).i32(20, info.uid ?? 0);
    if (info.status !== undefined) w.i32(24, info.status);
    else if (info.value !== undefined) w.u64(24, info.value);
  }
  return w.bytes;
}

/** Whether `sp` is on `t`'s signal stack (Linux's on_sig_stack: the stack grows down). */
export function onAltStack(t: Thread, sp: number): boolean {
  const a = t.altStack;
  return a.size !== 0 && sp > a.sp && sp - a.sp <= a.size;
}

/** ss_flags as sigaltstack and uc_stack report them (Linux's sas_ss_flags). */
export function altStackFlags(t: Thread, sp: number): number {
  if (t.altStack.size === 0) return SS_DISABLE;
  return (onAltStack(t, sp) ? SS_ONSTACK : 0) | (t.altStack.flags & SS_AUTODISARM);
}

/**
 * Builds the signal frame on the guest stack and points the CPU at the handler. Returns false
 * when the frame cannot be written (the kernel then kills the process with SIGSEGV).
 */
export function setupFrame(t: Thread, act: SigAction, info: SigInfo, faultAddr: number): boolean {
  const p = t.proc;
  const cpu = p.cpu;
  const x = cpu.x;
  let sp = cpu.sp;
  const a = t.altStack;
  const wasOnAlt = onAltStack(t, sp);
  // rt_sigsuspend and friends: the handler returns to the mask from before the call
  const mask = t.savedMask ?? t.sigmask;
  t.savedMask = null;
  const ssFlags = altStackFlags(t, sp);
  const saved = { ...a };
  if (act.flags & SA_ONSTACK && a.size !== 0 && !wasOnAlt) {
    sp = a.sp + a.size;
    // SS_AUTODISARM: the handler runs with the signal stack disarmed; sigreturn restores it
    if (a.flags & SS_AUTODISARM) t.altStack = { sp: 0, size: 0, flags: 0 };
  }
  // rt_sigframe, then a frame record {fp, lr} for unwinders, 16-byte aligned
  const recordAddr = Math.floor((sp - 16) / 16) * 16;
  const frame = Math.floor((recordAddr - FRAME_SIZE) / 16) * 16;
  const w = new StructWriter(FRAME_SIZE);
  w.str(0, encodeSiginfo(info));
  const uc = SIGINFO_SIZE;
  // uc_flags, uc_link = 0; uc_stack
  w.u64(uc + 16, saved.sp).i32(uc + 24, ssFlags).u64(uc + 32, saved.size);
  w.u32(uc + 40, mask[0]).u32(uc + 44, mask[1]);
  const mc = uc + UC_MCONTEXT;
  w.u64(mc, faultAddr);
  for (let r = 0; r < 31; r++) w.u32(mc + 8 + r * 8, x[r * 2]!).u32(mc + 12 + r * 8, x[r * 2 + 1]!);
  w.u64(mc + 256, cpu.sp).u64(mc + 264, cpu.pc).u64(mc + 272, cpu.nzcv);
  const fp = mc + MC_RESERVED;
  w.u32(fp, FPSIMD_MAGIC).u32(fp + 4, FPSIMD_SIZE).u32(fp + 8, x[I_FPSR]!).u32(fp + 12, x[I_FPCR]!);
  w.str(fp + 16, cpu.vu8);
  // the terminating null record follows (already zero)
  const record = new StructWriter(16);
  record.u32(0, x[58]!).u32(4, x[59]!).u32(8, x[60]!).u32(12, x[61]!);
  if (!p.mem.write(frame, w.bytes) || !p.mem.write(recordAddr, record.bytes)) return false;
  // registers for the handler
  cpu.setX(0, info.signo);
  cpu.setX(1, frame);
  cpu.setX(2, frame + uc);
  cpu.setX(29, recordAddr);
  // glibc on aarch64 does not pass a restorer: the kernel returns through its vDSO trampoline
  cpu.setX(30, act.flags & SA_RESTORER ? act.restorer : LAYOUT.sigpage);
  cpu.sp = frame;
  cpu.pc = act.handler;
  // the handler runs with its mask (and the signal itself unless SA_NODEFER) blocked
  const [lo, hi] = act.flags & SA_NODEFER ? [0, 0] : sigBit(info.signo);
  setSigmask(t, mask[0] | act.mask[0] | lo, mask[1] | act.mask[1] | hi);
  return true;
}

/** rt_sigreturn: restores registers, flags, FP/SIMD state and the mask from the frame at SP. */
export function restoreFrame(t: Thread): boolean {
  const p = t.proc;
  const cpu: Cpu = p.cpu;
  const frame = cpu.sp;
  const raw = p.mem.read(frame, FRAME_SIZE);
  if (!raw) return false;
  const r = new StructReader(raw);
  const uc = SIGINFO_SIZE;
  const mc = uc + UC_MCONTEXT;
  const x = cpu.x;
  for (let i = 0; i < 31; i++) {
    x[i * 2] = r.u32(mc + 8 + i * 8) | 0;
    x[i * 2 + 1] = r.u32(mc + 12 + i * 8) | 0;
  }
  cpu.sp = r.u64(mc + 256);
  cpu.pc = r.u64(mc + 264);
  cpu.nzcv = r.u32(mc + 272) & 0xf0000000;
  const fp = mc + MC_RESERVED;
  if (r.u32(fp) === FPSIMD_MAGIC) {
    x[I_FPSR] = r.u32(fp + 8) | 0;
    x[I_FPCR] = r.u32(fp + 12) | 0;
    cpu.vu8.set(raw.subarray(fp + 16, fp + 16 + 512));
  }
  setSigmask(t, r.u32(uc + 40), r.u32(uc + 44));
  // uc_stack comes back too (restore_altstack), unless that would change it under our feet
  const ssFlags = r.i32(uc + 24);
  if (!onAltStack(t, cpu.sp)) {
    if (ssFlags & SS_DISABLE) t.altStack = { sp: 0, size: 0, flags: 0 };
    else if (r.u64(uc + 32) >= MINSIGSTKSZ) t.altStack = { sp: r.u64(uc + 16), size: r.u64(uc + 32), flags: ssFlags & SS_AUTODISARM };
  }
  return true;
}
