/**
 * One memory access of one register, shared by every load/store family. A kind says what is
 * moved and how it is extended; `ACCESSORS[kind]` is a small function that does it, picked at
 * decode time so the op calls it directly (much faster in V8 than switching on the kind).
 *
 * For general-register kinds `t` is an index into `c.x` (from `xw` for loads, `xr` for stores);
 * for SIMD&FP kinds it is the V register number. The address comes in as int32 halves (lo, hi).
 * A fault throws before any register changes.
 */
import type { Cpu } from '../cpu.js';
import { V_BASE } from '../layout.js';

// General registers: loads (zero- or sign-extending into W or X), then stores.
export const LDRB = 0;
export const LDRSB_W = 1;
export const LDRSB_X = 2;
export const LDRH = 3;
export const LDRSH_W = 4;
export const LDRSH_X = 5;
export const LDR_W = 6;
export const LDRSW = 7;
export const LDR_X = 8;
export const STRB = 9;
export const STRH = 10;
export const STR_W = 11;
export const STR_X = 12;
// SIMD&FP registers: B, H, S, D, Q loads (zeroing the rest of the V register), then stores.
export const LDR_B = 13; // then LDR_H, LDR_S, LDR_D
export const LDR_Q = 17;
export const STR_B = 18; // then STR_H, STR_S, STR_D
export const STR_Q = 22;

/** log2 of the access size of each kind (the scale of unsigned offsets and register shifts). */
export const SCALE = [0, 0, 0, 1, 1, 1, 2, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4];

export const isGprLoad = (kind: number): boolean => kind <= LDR_X;
export const isGprStore = (kind: number): boolean => kind >= STRB && kind <= STR_X;

/** Zero-extending general-register load and plain store kinds by log2(size). */
export const LOAD_BY_SIZE = [LDRB, LDRH, LDR_W, LDR_X];
export const STORE_BY_SIZE = [STRB, STRH, STR_W, STR_X];

/**
 * The SIMD&FP kind for `size`/`opc<1>` of a load/store encoding (opc<1> with size 0 is Q), or -1
 * when the combination is unallocated.
 */
export function fpKind(load: boolean, size: number, opc1: number): number {
  if (opc1) return size === 0 ? (load ? LDR_Q : STR_Q) : -1;
  return (load ? LDR_B : STR_B) + size;
}

/** Moves one register's worth between memory at (lo, hi) and register `t`. */
export type Accessor = (c: Cpu, t: number, lo: number, hi: number) => void;

/** The physical offset of Vn's bytes. */
const vreg = (c: Cpu, n: number): number => c.stateBase + V_BASE + n * 16;

/** Writes a 32-bit lane-0 value and zeroes the other 96 bits of the V register. */
function setV32(c: Cpu, n: number, w: number): void {
  const v = c.vi32;
  const i = n * 4;
  v[i] = w;
  v[i + 1] = 0;
  v[i + 2] = 0;
  v[i + 3] = 0;
}

/**
 * The general-register accessors as inline sources (see op.ts): `(t, lo, hi)` are the transfer
 * register's index and the address halves as expressions; undefined for SIMD&FP kinds.
 */
export const ACCESSOR_SOURCES: readonly (((t: number, lo: string, hi: string) => string) | undefined)[] = [
  (t, lo, hi) => `x[${t}] = c.mem.ld8(${lo}, ${hi}); x[${t + 1}] = 0;`,
  (t, lo, hi) => `x[${t}] = (c.mem.ld8(${lo}, ${hi}) << 24) >> 24; x[${t + 1}] = 0;`,
  (t, lo, hi) => `{const v = (c.mem.ld8(${lo}, ${hi}) << 24) >> 24; x[${t}] = v; x[${t + 1}] = v >> 31;}`,
  (t, lo, hi) => `x[${t}] = c.mem.ld16(${lo}, ${hi}); x[${t + 1}] = 0;`,
  (t, lo, hi) => `x[${t}] = (c.mem.ld16(${lo}, ${hi}) << 16) >> 16; x[${t + 1}] = 0;`,
  (t, lo, hi) => `{const v = (c.mem.ld16(${lo}, ${hi}) << 16) >> 16; x[${t}] = v; x[${t + 1}] = v >> 31;}`,
  (t, lo, hi) => `x[${t}] = c.mem.ld32(${lo}, ${hi}); x[${t + 1}] = 0;`,
  (t, lo, hi) => `{const v = c.mem.ld32(${lo}, ${hi}); x[${t}] = v; x[${t + 1}] = v >> 31;}`,
  (t, lo, hi) => `c.mem.ld64(${lo}, ${hi}, x, ${t});`,
  (t, lo, hi) => `c.mem.st8(${lo}, ${hi}, x[${t}]);`,
  (t, lo, hi) => `c.mem.st16(${lo}, ${hi}, x[${t}]);`,
  (t, lo, hi) => `c.mem.st32(${lo}, ${hi}, x[${t}]);`,
  (t, lo, hi) => `c.mem.st64(${lo}, ${hi}, x[${t}], x[${t + 1}]);`,
];

/** Accessors indexed by kind. */
export const ACCESSORS: readonly Accessor[] = [
  // LDRB
  (c, t, lo, hi) => {
    c.x[t] = c.mem.ld8(lo, hi);
    c.x[t + 1] = 0;
  },
  // LDRSB_W
  (c, t, lo, hi) => {
    c.x[t] = (c.mem.ld8(lo, hi) << 24) >> 24;
    c.x[t + 1] = 0;
  },
  // LDRSB_X
  (c, t, lo, hi) => {
    const v = (c.mem.ld8(lo, hi) << 24) >> 24;
    c.x[t] = v;
    c.x[t + 1] = v >> 31;
  },
  // LDRH
  (c, t, lo, hi) => {
    c.x[t] = c.mem.ld16(lo, hi);
    c.x[t + 1] = 0;
  },
  // LDRSH_W
  (c, t, lo, hi) => {
    c.x[t] = (c.mem.ld16(lo, hi) << 16) >> 16;
    c.x[t + 1] = 0;
  },
  // LDRSH_X
  (c, t, lo, hi) => {
    const v = (c.mem.ld16(lo, hi) << 16) >> 16;
    c.x[t] = v;
    c.x[t + 1] = v >> 31;
  },
  // LDR_W
  (c, t, lo, hi) => {
    c.x[t] = c.mem.ld32(lo, hi);
    c.x[t + 1] = 0;
  },
  // LDRSW
  (c, t, lo, hi) => {
    const v = c.mem.ld32(lo, hi);
    c.x[t] = v;
    c.x[t + 1] = v >> 31;
  },
  // LDR_X
  (c, t, lo, hi) => c.mem.ld64(lo, hi, c.x, t),
  // STRB, STRH, STR_W, STR_X
  (c, t, lo, hi) => c.mem.st8(lo, hi, c.x[t]!),
  (c, t, lo, hi) => c.mem.st16(lo, hi, c.x[t]!),
  (c, t, lo, hi) => c.mem.st32(lo, hi, c.x[t]!),
  (c, t, lo, hi) => c.mem.st64(lo, hi, c.x[t]!, c.x[t + 1]!),
  // LDR_B, LDR_H, LDR_S
  (c, t, lo, hi) => setV32(c, t, c.mem.ld8(lo, hi)),
  (c, t, lo, hi) => setV32(c, t, c.mem.ld16(lo, hi)),
  (c, t, lo, hi) => setV32(c, t, c.mem.ld32(lo, hi)),
  // LDR_D
  (c, t, lo, hi) => {
    const v = c.vi32;
    c.mem.ld64(lo, hi, v, t * 4);
    v[t * 4 + 2] = 0;
    v[t * 4 + 3] = 0;
  },
  // LDR_Q
  (c, t, lo, hi) => c.mem.ldBytes(lo, hi, 16, vreg(c, t)),
  // STR_B, STR_H, STR_S, STR_D, STR_Q
  (c, t, lo, hi) => c.mem.st8(lo, hi, c.vu8[t * 16]!),
  (c, t, lo, hi) => c.mem.st16(lo, hi, c.vu16[t * 8]!),
  (c, t, lo, hi) => c.mem.st32(lo, hi, c.vi32[t * 4]!),
  (c, t, lo, hi) => c.mem.st64(lo, hi, c.vi32[t * 4]!, c.vi32[t * 4 + 1]!),
  (c, t, lo, hi) => c.mem.stBytes(lo, hi, 16, vreg(c, t)),
];
