/**
 * The live CPU state the page reads straight from shared memory, without a message.
 *
 * Every run's guest memory is a shared WebAssembly.Memory, and the state block of the thread on
 * the CPU sits at its offset 0 (src/core/cpu/layout.ts gives every register's offset). The
 * worker hands the page that memory's buffer when a run starts (`started`), and whenever the
 * guest stops for the debugger it puts the thread it reports into the block, with its PC
 * published in the PC slot (Session.exposeState). While the guest is paused nothing writes the
 * block, so the page reads a consistent snapshot; while it runs the block belongs to whichever
 * thread runs and is not read.
 */
import { I_C, I_FPCR, I_FPSR, I_N, I_V, I_Z, SLOT_PC, SLOT_SP, SLOT_TPIDR, STATE_BYTES, V_BASE } from '../core/cpu/layout.js';
import type { RegisterSnapshot } from './protocol.js';

const hex64 = (hi: number, lo: number) => (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');

/** The state block at the start of a run's shared memory, as int32 words. */
export function stateWords(buffer: SharedArrayBuffer): Int32Array {
  return new Int32Array(buffer, 0, STATE_BYTES / 4);
}

/**
 * A register snapshot from state words laid out as layout.ts says (the shared block, or a
 * thread's save area); `pc` when the caller knows it better than the published PC slot.
 */
export function registersFrom(words: Int32Array, tid: number, pc?: number): RegisterSnapshot {
  const slot = (n: number) => hex64(words[n * 2 + 1]!, words[n * 2]!);
  return {
    tid,
    x: Array.from({ length: 31 }, (_, n) => slot(n)),
    sp: slot(SLOT_SP),
    pc: pc === undefined ? slot(SLOT_PC) : pc.toString(16).padStart(16, '0'),
    nzcv: ((words[I_N]! << 31) | (words[I_Z]! << 30) | (words[I_C]! << 29) | (words[I_V]! << 28)) >>> 0,
    fpcr: words[I_FPCR]! >>> 0,
    fpsr: words[I_FPSR]! >>> 0,
    tpidr: slot(SLOT_TPIDR),
    v: new Uint8Array(words.buffer, words.byteOffset + V_BASE, 512).slice(),
  };
}
