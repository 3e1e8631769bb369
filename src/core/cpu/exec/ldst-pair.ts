/**
 * Load/store pair: LDP/STP/LDPSW (signed offset, pre-index, post-index), LDNP/STNP, and their
 * SIMD&FP forms (S, D, Q).
 *
 * A pair is one instruction: when it crosses a page boundary the whole range is checked first, so
 * a fault on the second half changes neither memory nor registers. Registers follow qemu-aarch64
 * for the UNPREDICTABLE overlaps: with LDP Rt == Rt2 the first value wins for general registers
 * and the second for SIMD&FP ones, and a writeback to a base that is also a transfer register
 * wins over the loaded value (a store stores the old base).
 */
import { checkRange, crossesPage } from '../arm/address.js';
import { sext } from '../arm/bits.js';
import type { Cpu } from '../cpu.js';
import { V_BASE } from '../layout.js';
import type { Op } from '../op.js';
import { xr, xsp, xw } from '../regs.js';

// Pair kinds; general-register kinds take `x` indices, SIMD&FP kinds V register numbers.
const P_W = 0;
const P_X = 1;
const P_SW = 2; // LDPSW
const P_S = 3;
const P_D = 4;
const P_Q = 5;
/** log2 of one element's size by kind */
const PAIR_SCALE = [2, 3, 2, 2, 3, 4];

const OFFSET = 0;
const PRE = 1;
const POST = 2;

const TMP = new Int32Array(4);

/** Moves a pair between memory at (lo, hi), (lo2, hi2) and registers t, t2. */
type PairAccessor = (c: Cpu, t: number, t2: number, lo: number, hi: number, lo2: number, hi2: number) => void;

// With Rt == Rt2 (UNPREDICTABLE) qemu-aarch64 keeps the first value for general registers and the
// second for SIMD&FP registers; the loaders write the registers in the order that gives the same.
const PAIR_LOADERS: readonly PairAccessor[] = [
  // P_W
  (c, t, t2, lo, hi, lo2, hi2) => {
    const x = c.x;
    const a = c.mem.ld32(lo, hi);
    x[t2] = c.mem.ld32(lo2, hi2);
    x[t2 + 1] = 0;
    x[t] = a;
    x[t + 1] = 0;
  },
  // P_X
  (c, t, t2, lo, hi, lo2, hi2) => {
    const x = c.x;
    c.mem.ld64(lo, hi, TMP, 0);
    c.mem.ld64(lo2, hi2, x, t2);
    x[t] = TMP[0]!;
    x[t + 1] = TMP[1]!;
  },
  // P_SW
  (c, t, t2, lo, hi, lo2, hi2) => {
    const x = c.x;
    const a = c.mem.ld32(lo, hi);
    const b = c.mem.ld32(lo2, hi2);
    x[t2] = b;
    x[t2 + 1] = b >> 31;
    x[t] = a;
    x[t + 1] = a >> 31;
  },
  // P_S
  (c, t, t2, lo, hi, lo2, hi2) => {
    const a = c.mem.ld32(lo, hi);
    const b = c.mem.ld32(lo2, hi2);
    setV64(c.vi32, t, a, 0);
    setV64(c.vi32, t2, b, 0);
  },
  // P_D
  (c, t, t2, lo, hi, lo2, hi2) => {
    c.mem.ld64(lo, hi, TMP, 0);
    c.mem.ld64(lo2, hi2, TMP, 2);
    setV64(c.vi32, t, TMP[0]!, TMP[1]!);
    setV64(c.vi32, t2, TMP[2]!, TMP[3]!);
  },
  // P_Q: the range check before the accessor means the second copy cannot fault after the first
  (c, t, t2, lo, hi, lo2, hi2) => {
    const base = c.stateBase + V_BASE;
    c.mem.ldBytes(lo, hi, 16, base + t * 16);
    c.mem.ldBytes(lo2, hi2, 16, base + t2 * 16);
  },
];

const PAIR_STORERS: readonly PairAccessor[] = [
  // P_W
  (c, t, t2, lo, hi, lo2, hi2) => {
    c.mem.st32(lo, hi, c.x[t]!);
    c.mem.st32(lo2, hi2, c.x[t2]!);
  },
  // P_X
  (c, t, t2, lo, hi, lo2, hi2) => {
    const x = c.x;
    c.mem.st64(lo, hi, x[t]!, x[t + 1]!);
    c.mem.st64(lo2, hi2, x[t2]!, x[t2 + 1]!);
  },
  // P_SW: there is no store form
  () => {},
  // P_S
  (c, t, t2, lo, hi, lo2, hi2) => {
    c.mem.st32(lo, hi, c.vi32[t * 4]!);
    c.mem.st32(lo2, hi2, c.vi32[t2 * 4]!);
  },
  // P_D
  (c, t, t2, lo, hi, lo2, hi2) => {
    const v = c.vi32;
    c.mem.st64(lo, hi, v[t * 4]!, v[t * 4 + 1]!);
    c.mem.st64(lo2, hi2, v[t2 * 4]!, v[t2 * 4 + 1]!);
  },
  // P_Q
  (c, t, t2, lo, hi, lo2, hi2) => {
    const base = c.stateBase + V_BASE;
    c.mem.stBytes(lo, hi, 16, base + t * 16);
    c.mem.stBytes(lo2, hi2, 16, base + t2 * 16);
  },
];

/** Writes the low 64 bits of Vn and zeroes the rest. */
function setV64(v: Int32Array, n: number, lo: number, hi: number): void {
  const i = n * 4;
  v[i] = lo;
  v[i + 1] = hi;
  v[i + 2] = 0;
  v[i + 3] = 0;
}

/**
 * Checks a pair that crosses a page as a whole, then runs the accessor with both addresses.
 * Within one page both halves have the same permissions, so only a crossing pair needs the check.
 */
function pairAccess(c: Cpu, f: PairAccessor, size: number, load: boolean, t: number, t2: number, lo: number, hi: number): void {
  if (crossesPage(lo, size * 2)) checkRange(c.mem, lo, hi, size * 2, load ? 'read' : 'write');
  const s = (lo >>> 0) + size;
  f(c, t, t2, lo, hi, s | 0, s > 0xffffffff ? (hi + 1) | 0 : hi);
}

function pair(kind: number, load: boolean, mode: number, imm7: number, rt2: number, rn: number, rt: number): Op {
  const off = sext(imm7, 7) << PAIR_SCALE[kind]!;
  const n = xsp(rn);
  const gpr = kind <= P_SW;
  const t = gpr ? (load ? xw(rt) : xr(rt)) : rt;
  const t2 = gpr ? (load ? xw(rt2) : xr(rt2)) : rt2;
  const f = (load ? PAIR_LOADERS : PAIR_STORERS)[kind]!;
  const size = 1 << PAIR_SCALE[kind]!;
  if (mode === OFFSET)
    return (c) => {
      const x = c.x;
      const s = (x[n]! >>> 0) + off;
      pairAccess(c, f, size, load, t, t2, s | 0, s > 0xffffffff ? (x[n + 1]! + 1) | 0 : s < 0 ? (x[n + 1]! - 1) | 0 : x[n + 1]!);
    };
  if (mode === PRE)
    return (c) => {
      const x = c.x;
      const s = (x[n]! >>> 0) + off;
      const lo = s | 0;
      const hi = s > 0xffffffff ? (x[n + 1]! + 1) | 0 : s < 0 ? (x[n + 1]! - 1) | 0 : x[n + 1]!;
      pairAccess(c, f, size, load, t, t2, lo, hi);
      x[n] = lo;
      x[n + 1] = hi;
    };
  return (c) => {
    const x = c.x;
    const lo = x[n]!;
    const hi = x[n + 1]!;
    pairAccess(c, f, size, load, t, t2, lo, hi);
    const s = (lo >>> 0) + off;
    x[n] = s | 0;
    x[n + 1] = s > 0xffffffff ? (hi + 1) | 0 : s < 0 ? (hi - 1) | 0 : hi;
  };
}

/** The SIMD&FP pair kind for opc (00 S, 01 D, 10 Q), or null for the unallocated 11. */
function fpPair(opc: number, load: boolean, mode: number, imm7: number, rt2: number, rn: number, rt: number): Op | null {
  return opc === 3 ? null : pair(P_S + opc, load, mode, imm7, rt2, rn, rt);
}

type H = (...f: number[]) => Op | null;

export const ldstPairHandlers: Record<string, H> = {
  STNP: (sf, imm7, rt2, rn, rt) => pair(sf ? P_X : P_W, false, OFFSET, imm7, rt2, rn, rt),
  LDNP: (sf, imm7, rt2, rn, rt) => pair(sf ? P_X : P_W, true, OFFSET, imm7, rt2, rn, rt),
  STP_off: (sf, imm7, rt2, rn, rt) => pair(sf ? P_X : P_W, false, OFFSET, imm7, rt2, rn, rt),
  LDP_off: (sf, imm7, rt2, rn, rt) => pair(sf ? P_X : P_W, true, OFFSET, imm7, rt2, rn, rt),
  LDPSW_off: (imm7, rt2, rn, rt) => pair(P_SW, true, OFFSET, imm7, rt2, rn, rt),
  STP_pre: (sf, imm7, rt2, rn, rt) => pair(sf ? P_X : P_W, false, PRE, imm7, rt2, rn, rt),
  LDP_pre: (sf, imm7, rt2, rn, rt) => pair(sf ? P_X : P_W, true, PRE, imm7, rt2, rn, rt),
  LDPSW_pre: (imm7, rt2, rn, rt) => pair(P_SW, true, PRE, imm7, rt2, rn, rt),
  STP_post: (sf, imm7, rt2, rn, rt) => pair(sf ? P_X : P_W, false, POST, imm7, rt2, rn, rt),
  LDP_post: (sf, imm7, rt2, rn, rt) => pair(sf ? P_X : P_W, true, POST, imm7, rt2, rn, rt),
  LDPSW_post: (imm7, rt2, rn, rt) => pair(P_SW, true, POST, imm7, rt2, rn, rt),

  STNP_fp: (opc, imm7, rt2, rn, rt) => fpPair(opc, false, OFFSET, imm7, rt2, rn, rt),
  LDNP_fp: (opc, imm7, rt2, rn, rt) => fpPair(opc, true, OFFSET, imm7, rt2, rn, rt),
  STP_off_fp: (opc, imm7, rt2, rn, rt) => fpPair(opc, false, OFFSET, imm7, rt2, rn, rt),
  LDP_off_fp: (opc, imm7, rt2, rn, rt) => fpPair(opc, true, OFFSET, imm7, rt2, rn, rt),
  STP_pre_fp: (opc, imm7, rt2, rn, rt) => fpPair(opc, false, PRE, imm7, rt2, rn, rt),
  LDP_pre_fp: (opc, imm7, rt2, rn, rt) => fpPair(opc, true, PRE, imm7, rt2, rn, rt),
  STP_post_fp: (opc, imm7, rt2, rn, rt) => fpPair(opc, false, POST, imm7, rt2, rn, rt),
  LDP_post_fp: (opc, imm7, rt2, rn, rt) => fpPair(opc, true, POST, imm7, rt2, rn, rt),
};
