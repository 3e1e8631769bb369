/**
 * Where one CPU's architectural state lives inside the shared guest memory.
 *
 * Every value has a fixed byte offset from the start of a thread's state block, so the
 * interpreter (through typed-array views), a UI thread reading live registers and a later
 * WebAssembly tier all agree on the same bytes. 64-bit registers are stored little-endian as
 * two int32 words (low word first); the interpreter works on those halves and never on BigInt.
 */

/** Size of one thread's state block in bytes (a multiple of 16 so V registers stay aligned). */
export const STATE_BYTES = 1024;

/**
 * General-purpose register slots, in units of 64-bit slots (int32 index = slot * 2).
 * Slots 0..30 are X0..X30. Slot 31 is the zero register: it always reads as 0 because nothing
 * writes it. Writes to XZR are redirected at decode time to the discard slot, so handlers never
 * test for register 31 on the hot path.
 */
export const SLOT_ZR = 31;
export const SLOT_SP = 32;
export const SLOT_DISCARD = 33;
export const SLOT_PC = 34;
export const SLOT_TPIDR = 35;

/** Int32 indices of single-word state. */
export const I_N = 72; // flags: each holds 0 or 1
export const I_Z = 73;
export const I_C = 74;
export const I_V = 75;
export const I_FPCR = 76;
export const I_FPSR = 77;
/** Exclusive monitor: 1 when armed, with the armed address in the next two words. */
export const I_EXCL_ARMED = 78;
export const I_EXCL_LO = 79;
export const I_EXCL_HI = 80;
/** Exclusive monitor: the size in bytes of the reserved access. */
export const I_EXCL_SIZE = 81;

/** Byte offset of V0; Vn is at V_BASE + 16 * n. */
export const V_BASE = 512;

/** Byte offsets used by hosts that read the state from outside the interpreter. */
export const layout = {
  stateBytes: STATE_BYTES,
  x: (n: number) => n * 8,
  sp: SLOT_SP * 8,
  pc: SLOT_PC * 8,
  tpidr: SLOT_TPIDR * 8,
  n: I_N * 4,
  z: I_Z * 4,
  c: I_C * 4,
  v: I_V * 4,
  fpcr: I_FPCR * 4,
  fpsr: I_FPSR * 4,
  vreg: (n: number) => V_BASE + n * 16,
} as const;
