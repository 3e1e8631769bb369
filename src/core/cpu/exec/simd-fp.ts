/**
 * Advanced SIMD floating point (single and double lanes), vector and scalar: three same
 * (arithmetic, FMLA/FMLS, compares, min/max, pairwise, FMULX, FRECPS/FRSQRTS), two-register misc
 * (FABS/FNEG/FSQRT, FRINT*, FCVT* to integer, SCVTF/UCVTF, FCVTL/FCVTN/FCVTXN, compares with zero,
 * reciprocal estimates), across lanes (FMAXV…), scalar pairwise (FADDP…), by element
 * (FMLA/FMLS/FMUL/FMULX) and the fixed-point conversions of the shift-by-immediate class.
 *
 * Lane arithmetic is arm/fp.ts's: exact Arm results with FPCR (RMode, FZ, DN, AHP) and the FPSR
 * cumulative flags. Single lanes travel as bits (vi32), double lanes as word pairs of vi32.
 */
import {
  FPSR_OFC,
  f32Bits,
  f32Value,
  f64Value,
  fixedToFp,
  fpBinop32,
  fpBinop64,
  fpCompare,
  fpCompareUnordered,
  fpConvert,
  fpConvertRounding,
  fpFlushIn,
  fpMulAdd32,
  fpMulAdd64,
  FPR,
  fpRoundingMode,
  fpRoundReal,
  fpToFixed,
  fpUnop32,
  fpUnop64,
  FPCR_AHP,
  FPSR_IXC,
  halfBits,
  halfValue,
  nan2_32,
  nanConvert,
  nanKind32,
  nanKind64,
  OP_ADD,
  OP_DIV,
  OP_FRINTA,
  OP_FRINTI,
  OP_FRINTM,
  OP_FRINTN,
  OP_FRINTP,
  OP_FRINTX,
  OP_FRINTZ,
  OP_MAX,
  OP_MAXNM,
  OP_MIN,
  OP_MINNM,
  OP_MUL,
  OP_SQRT,
  OP_SUB,
  putF64Bits,
  RA,
  RM,
  RN,
  RO,
  RP,
  RZ,
  SNAN,
} from '../arm/fp.js';
import { stepFused, recipEstimate32, recipEstimate64, recpX32, recpX64, rsqrtEstimate32, rsqrtEstimate64, S32, uRecipEstimate, uRsqrtEstimate } from '../arm/simd.js';
import { I_FPCR, I_FPSR } from '../layout.js';
import { fixed16 } from './simd-fp16.js';
import type { Op } from '../op.js';
import { fromScratch, zeroFrom } from './simd-lanes.js';

/** A single-precision lane function on bits. */
type F32 = (a: number, b: number, fpcr: number, st: Int32Array) => number;
/** A double-precision lane function: operands at w[ia..], w[ib..] (word pairs), result to out[io..]. */
type F64 = (w: Int32Array, ia: number, ib: number, out: Int32Array, io: number, fpcr: number, st: Int32Array) => void;

const ABS32 = 0x7fffffff;

// ----------------------------------------------------------------------------- lane functions

const bin32 =
  (op: number): F32 =>
  (a, b, fpcr, st) =>
    fpBinop32(op, a, b, fpcr, st);
const bin64 =
  (op: number): F64 =>
  (w, ia, ib, out, io, fpcr, st) =>
    fpBinop64(op, w, ia, ib, out, io, fpcr, st);

const fabd32: F32 = (a, b, fpcr, st) => fpBinop32(OP_SUB, a, b, fpcr, st) & ABS32;
const fabd64: F64 = (w, ia, ib, out, io, fpcr, st) => {
  fpBinop64(OP_SUB, w, ia, ib, out, io, fpcr, st);
  out[io + 1] &= ABS32;
};

/** Is the (non-NaN) value an infinity, or a zero after FZ flushing? */
const isInf = (v: number): boolean => v === Infinity || v === -Infinity;

/** FMULX: FMUL, except that zero times infinity is 2.0 with the product's sign. */
const fmulx32: F32 = (a, b, fpcr, st) => {
  const va = f32Value(a);
  const vb = f32Value(b);
  if (va === va && vb === vb) {
    const fa = fpFlushIn(va, 32, fpcr, st);
    const fb = fpFlushIn(vb, 32, fpcr, st);
    if ((isInf(fa) && fb === 0) || (fa === 0 && isInf(fb))) return ((a ^ b) & 0x80000000) | 0x40000000;
  }
  return fpBinop32(OP_MUL, a, b, fpcr, st);
};
const fmulx64: F64 = (w, ia, ib, out, io, fpcr, st) => {
  const va = f64Value(w[ia]!, w[ia + 1]!);
  const vb = f64Value(w[ib]!, w[ib + 1]!);
  if (va === va && vb === vb) {
    const fa = fpFlushIn(va, 64, fpcr, st);
    const fb = fpFlushIn(vb, 64, fpcr, st);
    if ((isInf(fa) && fb === 0) || (fa === 0 && isInf(fb))) {
      const sign = (w[ia + 1]! ^ w[ib + 1]!) & 0x80000000;
      out[io] = 0;
      out[io + 1] = sign | 0x40000000;
      return;
    }
  }
  fpBinop64(OP_MUL, w, ia, ib, out, io, fpcr, st);
};

/** FRECPS (2 - a*b) and FRSQRTS ((3 - a*b) / 2), fused, on single-precision bits. */
function step32(rsqrt: boolean): F32 {
  return (a, b, fpcr, st) => {
    const va = f32Value(a);
    const vb = f32Value(b);
    if (va !== va || vb !== vb) return nan2_32(a ^ 0x80000000, b, fpcr, st);
    const r = stepFused(fpFlushIn(va, 32, fpcr, st), fpFlushIn(vb, 32, fpcr, st), 32, rsqrt, fpcr, st);
    return f32Bits(r);
  };
}
const STEPW = new Int32Array(6);
/**
 * The double forms: FRECPS is a fused multiply-add (2 + (-a)*b); FRSQRTS rounds 3 + (-a)*b fused
 * and halves it, exact while the halved result stays normal (else the halving goes into op1).
 */
function step64(rsqrt: boolean): F64 {
  return (w, ia, ib, out, io, fpcr, st) => {
    const va = f64Value(w[ia]!, w[ia + 1]!);
    const vb = f64Value(w[ib]!, w[ib + 1]!);
    if (va === va && vb === vb) {
      const fa = fpFlushIn(va, 64, fpcr, st);
      const fb = fpFlushIn(vb, 64, fpcr, st);
      if ((isInf(fa) && fb === 0) || (fa === 0 && isInf(fb))) {
        out[io] = 0;
        out[io + 1] = rsqrt ? 0x3ff80000 : 0x40000000;
        return;
      }
    }
    // STEPW: [addend, op1, op2] as word pairs
    STEPW[0] = 0;
    STEPW[1] = rsqrt ? 0x40080000 : 0x40000000;
    STEPW[2] = w[ia]!;
    STEPW[3] = w[ia + 1]!;
    STEPW[4] = w[ib]!;
    STEPW[5] = w[ib + 1]!;
    if (!rsqrt) {
      fpMulAdd64(STEPW, 0, 2, 4, 2, out, io, fpcr, st);
      return;
    }
    fpMulAdd64(STEPW, 0, 2, 4, 2, HALF, 0, fpcr, FLAGS);
    const e = (HALF[1]! >>> 20) & 0x7ff;
    // halving the rounded sum equals rounding the halved sum unless the sum overflowed (then it was
    // rounded to infinity or, in RP/RM/RZ, to the largest finite value) or is too small
    if (e > 1 && e < 0x7ff && (FLAGS[I_FPSR]! & FPSR_OFC) === 0) {
      st[I_FPSR] |= FLAGS[I_FPSR]!;
      FLAGS[I_FPSR] = 0;
      out[io] = HALF[0]!;
      out[io + 1] = HALF[1]! - (1 << 20); // exponent - 1: exact halving
      return;
    }
    FLAGS[I_FPSR] = 0;
    if (va === va && vb === vb) {
      STEPW[1] = 0x3ff80000; // 1.5 + (-a/2) * b
      putF64Bits(fpFlushIn(va, 64, fpcr, st) * 0.5, STEPW, 2);
    }
    fpMulAdd64(STEPW, 0, 2, 4, 2, out, io, fpcr, st);
  };
}
const HALF = new Int32Array(2);
const FLAGS = new Int32Array(I_FPSR + 1);

const EQ = 0;
const GE = 1;
const GT = 2;

/** FCMEQ/FCMGE/FCMGT (and FACGE/FACGT with `abs`): all ones when the relation holds. */
function cmp32(rel: number, abs: boolean): F32 {
  return (a, b, fpcr, st) => {
    if (abs) {
      a &= ABS32;
      b &= ABS32;
    }
    const va = f32Value(a);
    const vb = f32Value(b);
    if (va !== va || vb !== vb) {
      const snan = nanKind32(a) === SNAN || nanKind32(b) === SNAN;
      fpCompareUnordered(snan, rel !== EQ, va !== va ? vb : va, 32, fpcr, st);
      return 0;
    }
    const r = fpCompare(va, vb, 32, fpcr, st);
    return (rel === EQ ? r === 0b0110 : rel === GE ? r !== 0b1000 : r === 0b0010) ? -1 : 0;
  };
}
function cmp64(rel: number, abs: boolean): F64 {
  return (w, ia, ib, out, io, fpcr, st) => {
    const alo = w[ia]!;
    const blo = w[ib]!;
    const ahi = abs ? w[ia + 1]! & ABS32 : w[ia + 1]!;
    const bhi = abs ? w[ib + 1]! & ABS32 : w[ib + 1]!;
    const va = f64Value(alo, ahi);
    const vb = f64Value(blo, bhi);
    let m = 0;
    if (va !== va || vb !== vb) {
      const snan = nanKind64(alo, ahi) === SNAN || nanKind64(blo, bhi) === SNAN;
      fpCompareUnordered(snan, rel !== EQ, va !== va ? vb : va, 64, fpcr, st);
    } else {
      const r = fpCompare(va, vb, 64, fpcr, st);
      m = (rel === EQ ? r === 0b0110 : rel === GE ? r !== 0b1000 : r === 0b0010) ? -1 : 0;
    }
    out[io] = m;
    out[io + 1] = m;
  };
}

// ----------------------------------------------------------------------------- builders

/** Lanes of a vector (Q) or of a scalar (one lane): returns [lane count, bytes] or null when reserved. */
function shape(Q: number, sz: number, scalarForm: boolean): [number, number] | null {
  if (scalarForm) return [1, sz ? 8 : 4];
  if (sz && !Q) return null;
  return [(Q ? 4 : 2) >> sz, Q ? 16 : 8];
}

/** Element-wise binary FP op: Vd[i] = f(Vn[i], Vm[i]). */
function fp2(Q: number, sz: number, rm: number, rn: number, rd: number, f32: F32, f64: F64, scalarForm = false): Op | null {
  const s = shape(Q, sz, scalarForm);
  if (!s) return null;
  const [cnt, bytes] = s;
  const d = rd * 4;
  const n = rn * 4;
  const m = rm * 4;
  if (!sz)
    return (c) => {
      const v = c.vi32;
      const x = c.x;
      const fpcr = x[I_FPCR]!;
      for (let i = 0; i < cnt; i++) v[d + i] = f32(v[n + i]!, v[m + i]!, fpcr, x);
      if (bytes < 16) zeroFrom(c, rd, bytes);
    };
  return (c) => {
    const v = c.vi32;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    for (let i = 0; i < cnt; i++) f64(v, n + 2 * i, m + 2 * i, v, d + 2 * i, fpcr, x);
    if (bytes < 16) zeroFrom(c, rd, bytes);
  };
}

const MIN32 = 1.1754943508222875e-38;
const MIN64 = 2.2250738585072014e-308;
/** FPCR bits that rule out the inline fast paths: a rounding mode other than RN, or FZ. */
const FAST_OFF = (3 << 22) | (1 << 24);

/**
 * FADD/FSUB/FMUL with an inline fast path per lane: with RN and no FZ, a finite normal result
 * computed in double precision (then rounded to single: innocuous double rounding) is the Arm
 * result, and IXC follows from the operation's exact error. Anything else takes arm/fp.ts.
 */
function fastArith(op: number, Q: number, sz: number, rm: number, rn: number, rd: number): Op | null {
  const s = shape(Q, sz, false);
  if (!s) return null;
  const [cnt, bytes] = s;
  const tail = bytes < 16;
  if (!sz) {
    const d = rd * 4;
    const n = rn * 4;
    const m = rm * 4;
    return (c) => {
      const f = c.vf32;
      const w = c.vi32;
      const x = c.x;
      const fpcr = x[I_FPCR]!;
      const fast = (fpcr & FAST_OFF) === 0;
      for (let i = 0; i < cnt; i++) {
        const a = f[n + i]!;
        const b = f[m + i]!;
        let e: number;
        let r: number;
        if (op === OP_MUL) {
          e = a * b; // exact: 48-bit product
          r = Math.fround(e);
        } else {
          const bb = op === OP_SUB ? -b : b;
          e = a + bb;
          r = Math.fround(e);
          if (r !== e || a - (e - (e - a)) + (bb - (e - a)) !== 0) e = NaN; // inexact marker
        }
        if (fast && (r > MIN32 || r < -MIN32) && r - r === 0) {
          if (r !== e) x[I_FPSR] |= FPSR_IXC;
          f[d + i] = r;
        } else w[d + i] = fpBinop32(op, w[n + i]!, w[m + i]!, fpcr, x);
      }
      if (tail) zeroFrom(c, rd, bytes);
    };
  }
  const d = rd * 2;
  const n = rn * 2;
  const m = rm * 2;
  return (c) => {
    const f = c.vf64;
    const w = c.vi32;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    const fast = (fpcr & FAST_OFF) === 0;
    for (let i = 0; i < cnt; i++) {
      const a = f[n + i]!;
      const b = f[m + i]!;
      let r: number;
      let inexact: boolean;
      let ok: boolean;
      if (op === OP_MUL) {
        r = a * b;
        ok = (r > 1e-289 || r < -1e-289) && r < 1e300 && r > -1e300 && a < 1e299 && a > -1e299 && b < 1e299 && b > -1e299;
        if (ok && (x[I_FPSR]! & FPSR_IXC) === 0) {
          // Dekker's TwoProduct error (skipped once IXC is set: the flag is sticky)
          let t = 134217729 * a;
          const ah = t - (t - a);
          const al = a - ah;
          t = 134217729 * b;
          const bh = t - (t - b);
          const bl = b - bh;
          inexact = ah * bh - r + ah * bl + al * bh + al * bl !== 0;
        } else inexact = false;
      } else {
        const bb = op === OP_SUB ? -b : b;
        r = a + bb;
        ok = (r > MIN64 || r < -MIN64) && r - r === 0;
        const v = r - a;
        inexact = a - (r - v) + (bb - v) !== 0;
      }
      if (fast && ok) {
        if (inexact) x[I_FPSR] |= FPSR_IXC;
        f[d + i] = r;
      } else fpBinop64(op, w, 2 * (n + i), 2 * (m + i), w, 2 * (d + i), fpcr, x);
    }
    if (tail) zeroFrom(c, rd, bytes);
  };
}

/** FMLA/FMLS: Vd[i] = Vd[i] + (-)Vn[i] * Vm[i] (or Vm's element `idx` when idx >= 0), fused. */
function fmla(Q: number, sz: number, rm: number, rn: number, rd: number, neg: number, idx = -1, scalarForm = false): Op | null {
  const s = shape(Q, sz, scalarForm);
  if (!s) return null;
  const [cnt, bytes] = s;
  const d = rd * 4;
  const n = rn * 4;
  const m = rm * 4;
  const step = idx >= 0 ? 0 : 1;
  const mb = idx >= 0 ? m + (idx << sz) : m;
  if (!sz)
    return (c) => {
      const v = c.vi32;
      const f = c.vf32;
      const x = c.x;
      const fpcr = x[I_FPCR]!;
      const fz = (fpcr & (1 << 24)) !== 0;
      const mode = fpRoundingMode(fpcr);
      const e = v[mb]!; // the element operand, read before any write
      const ef = f[mb]!;
      for (let i = 0; i < cnt; i++) {
        // Fast path: a single-precision product is exact in a double, and TwoSum gives the exact
        // sum as s + t, which FPRound rounds once. Zero sums, NaNs, infinities and FZ go the long way.
        const acc = f[d + i]!;
        const p = (neg ? -f[n + i]! : f[n + i]!) * (step ? f[m + i]! : ef);
        const sum = acc + p;
        if (!fz && sum !== 0 && sum - sum === 0 && p - p === 0) {
          const bb = sum - acc;
          const t = acc - (sum - bb) + (p - bb);
          f[d + i] = fpRoundReal(sum, t, 0, 32, fpcr, mode, x);
        } else v[d + i] = fpMulAdd32(v[d + i]!, v[n + i]!, step ? v[m + i]! : e, neg, fpcr, x);
      }
      if (bytes < 16) zeroFrom(c, rd, bytes);
    };
  return (c) => {
    const v = c.vi32;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    ELEM[0] = v[mb]!;
    ELEM[1] = v[mb + 1]!;
    for (let i = 0; i < cnt; i++) {
      if (step) fpMulAdd64(v, d + 2 * i, n + 2 * i, m + 2 * i, neg, v, d + 2 * i, fpcr, x);
      else {
        ELEM[2] = v[d + 2 * i]!;
        ELEM[3] = v[d + 2 * i + 1]!;
        ELEM[4] = v[n + 2 * i]!;
        ELEM[5] = v[n + 2 * i + 1]!;
        fpMulAdd64(ELEM, 2, 4, 0, neg, v, d + 2 * i, fpcr, x);
      }
    }
    if (bytes < 16) zeroFrom(c, rd, bytes);
  };
}
const ELEM = new Int32Array(6);

/** By element, non-accumulating (FMUL, FMULX): Vd[i] = f(Vn[i], Vm[idx]). */
function fpElem2(Q: number, sz: number, rm: number, rn: number, rd: number, idx: number, f32: F32, f64: F64, scalarForm: boolean): Op | null {
  const s = shape(Q, sz, scalarForm);
  if (!s) return null;
  const [cnt, bytes] = s;
  const d = rd * 4;
  const n = rn * 4;
  const mb = rm * 4 + (idx << sz);
  if (!sz)
    return (c) => {
      const v = c.vi32;
      const x = c.x;
      const fpcr = x[I_FPCR]!;
      const e = v[mb]!;
      for (let i = 0; i < cnt; i++) v[d + i] = f32(v[n + i]!, e, fpcr, x);
      if (bytes < 16) zeroFrom(c, rd, bytes);
    };
  return (c) => {
    const v = c.vi32;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    ELEM[0] = v[mb]!;
    ELEM[1] = v[mb + 1]!;
    for (let i = 0; i < cnt; i++) {
      ELEM[2] = v[n + 2 * i]!;
      ELEM[3] = v[n + 2 * i + 1]!;
      f64(ELEM, 2, 0, v, d + 2 * i, fpcr, x);
    }
    if (bytes < 16) zeroFrom(c, rd, bytes);
  };
}

/** Pairwise over Vm:Vn (vector), or the one pair of Vn (scalar, `scalarForm`). */
function fpPair(Q: number, sz: number, rm: number, rn: number, rd: number, f32: F32, f64: F64, scalarForm = false): Op | null {
  if (scalarForm) {
    const n = rn * 4;
    const d = rd * 4;
    if (!sz)
      return (c) => {
        const v = c.vi32;
        const r = f32(v[n]!, v[n + 1]!, c.x[I_FPCR]!, c.x);
        v[d] = r;
        v[d + 1] = v[d + 2] = v[d + 3] = 0;
      };
    return (c) => {
      const v = c.vi32;
      f64(v, n, n + 2, S32, 0, c.x[I_FPCR]!, c.x);
      fromScratch(c, rd, 8);
    };
  }
  const s = shape(Q, sz, false);
  if (!s) return null;
  const [cnt, bytes] = s;
  const half = cnt >> 1;
  const n = rn * 4;
  const m = rm * 4;
  if (!sz)
    return (c) => {
      const v = c.vi32;
      const x = c.x;
      const fpcr = x[I_FPCR]!;
      for (let i = 0; i < half; i++) {
        S32[i] = f32(v[n + 2 * i]!, v[n + 2 * i + 1]!, fpcr, x);
        S32[half + i] = f32(v[m + 2 * i]!, v[m + 2 * i + 1]!, fpcr, x);
      }
      fromScratch(c, rd, bytes);
    };
  return (c) => {
    const v = c.vi32;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    f64(v, n, n + 2, S32, 0, fpcr, x);
    f64(v, m, m + 2, S32, 2, fpcr, x);
    fromScratch(c, rd, 16);
  };
}

/** FMAXV/FMINV/FMAXNMV/FMINNMV Sd, Vn.4S: the Arm Reduce tree op(op(e0, e1), op(e2, e3)). */
function fpAcross(Q: number, sz: number, rn: number, rd: number, f32: F32): Op | null {
  if (sz || !Q) return null;
  const n = rn * 4;
  const d = rd * 4;
  return (c) => {
    const v = c.vi32;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    const lo = f32(v[n]!, v[n + 1]!, fpcr, x);
    const hi = f32(v[n + 2]!, v[n + 3]!, fpcr, x);
    v[d] = f32(lo, hi, fpcr, x);
    v[d + 1] = v[d + 2] = v[d + 3] = 0;
  };
}

/** A one-operand lane function: bits to bits (single) or words to words (double). */
type U32 = (a: number, fpcr: number, st: Int32Array) => number;
type U64 = (w: Int32Array, ia: number, out: Int32Array, io: number, fpcr: number, st: Int32Array) => void;

function fp1(Q: number, sz: number, rn: number, rd: number, f32: U32, f64: U64, scalarForm = false): Op | null {
  const s = shape(Q, sz, scalarForm);
  if (!s) return null;
  const [cnt, bytes] = s;
  const d = rd * 4;
  const n = rn * 4;
  if (!sz)
    return (c) => {
      const v = c.vi32;
      const x = c.x;
      const fpcr = x[I_FPCR]!;
      for (let i = 0; i < cnt; i++) v[d + i] = f32(v[n + i]!, fpcr, x);
      if (bytes < 16) zeroFrom(c, rd, bytes);
    };
  return (c) => {
    const v = c.vi32;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    for (let i = 0; i < cnt; i++) f64(v, n + 2 * i, v, d + 2 * i, fpcr, x);
    if (bytes < 16) zeroFrom(c, rd, bytes);
  };
}

const unop32 =
  (op: number): U32 =>
  (a, fpcr, st) =>
    fpUnop32(op, a, fpcr, st);
const unop64 =
  (op: number): U64 =>
  (w, ia, out, io, fpcr, st) =>
    fpUnop64(op, w, ia, out, io, fpcr, st);

const fabs32: U32 = (a) => a & ABS32;
const fabs64: U64 = (w, ia, out, io) => {
  out[io] = w[ia]!;
  out[io + 1] = w[ia + 1]! & ABS32;
};
const fneg32: U32 = (a) => a ^ 0x80000000;
const fneg64: U64 = (w, ia, out, io) => {
  out[io] = w[ia]!;
  out[io + 1] = w[ia + 1]! ^ 0x80000000;
};

/** Compare with zero: `rel` EQ/GE/GT as Vn rel 0, or (`swap`) 0 rel Vn for FCMLE/FCMLT. */
function cmpZero32(rel: number, swap: boolean): U32 {
  const f = cmp32(rel, false);
  return swap ? (a, fpcr, st) => f(0, a, fpcr, st) : (a, fpcr, st) => f(a, 0, fpcr, st);
}
function cmpZero64(rel: number, swap: boolean): U64 {
  const f = cmp64(rel, false);
  return swap
    ? (w, ia, out, io, fpcr, st) => {
        ZW[0] = 0;
        ZW[1] = 0;
        ZW[2] = w[ia]!;
        ZW[3] = w[ia + 1]!;
        f(ZW, 0, 2, out, io, fpcr, st);
      }
    : (w, ia, out, io, fpcr, st) => {
        ZW[0] = w[ia]!;
        ZW[1] = w[ia + 1]!;
        ZW[2] = 0;
        ZW[3] = 0;
        f(ZW, 0, 2, out, io, fpcr, st);
      };
}
const ZW = new Int32Array(4);

/** FCVT{N,M,A,P,Z}{S,U}: to a same-width integer with `rounding` (-1: FPCR's), times 2^fbits. */
function toInt(rounding: number, unsigned: boolean, fbits = 0): [U32, U64] {
  return [
    (a, fpcr, st) => {
      fpToFixed(f32Value(a), 32, fbits, unsigned, 32, rounding < 0 ? fpRoundingMode(fpcr) : rounding, fpcr, st);
      return FPR[0]!;
    },
    (w, ia, out, io, fpcr, st) => {
      fpToFixed(f64Value(w[ia]!, w[ia + 1]!), 64, fbits, unsigned, 64, rounding < 0 ? fpRoundingMode(fpcr) : rounding, fpcr, st);
      out[io] = FPR[0]!;
      out[io + 1] = FPR[1]!;
    },
  ];
}

/** SCVTF/UCVTF: a same-width integer lane divided by 2^fbits, rounded with FPCR's mode. */
function fromInt(unsigned: boolean, fbits = 0): [U32, U64] {
  return [
    (a, fpcr, st) => {
      const v = fixedToFp(a, unsigned ? 0 : a >> 31, unsigned, fbits, 32, fpRoundingMode(fpcr), fpcr, st);
      return f32Bits(v);
    },
    (w, ia, out, io, fpcr, st) => {
      const v = fixedToFp(w[ia]!, w[ia + 1]!, unsigned, fbits, 64, fpRoundingMode(fpcr), fpcr, st);
      putF64Bits(v, out, io);
    },
  ];
}

/** Reciprocal estimates and FRECPX (arm/simd.ts). */
const frecpe: [U32, U64] = [
  (a, fpcr, st) => recipEstimate32(a, fpcr, st),
  (w, ia, out, io, fpcr, st) => recipEstimate64(w[ia]!, w[ia + 1]!, out, io, fpcr, st),
];
const frsqrte: [U32, U64] = [
  (a, fpcr, st) => rsqrtEstimate32(a, fpcr, st),
  (w, ia, out, io, fpcr, st) => rsqrtEstimate64(w[ia]!, w[ia + 1]!, out, io, fpcr, st),
];
const frecpx: [U32, U64] = [
  (a, fpcr, st) => recpX32(a, fpcr, st),
  (w, ia, out, io, fpcr, st) => recpX64(w[ia]!, w[ia + 1]!, out, io, fpcr, st),
];

/** FCVTL{2}: half (sz=0) or single (sz=1) lanes of one half of Vn, widened. */
function fcvtl(Q: number, sz: number, rn: number, rd: number): Op {
  const base = Q ? 2 : 0; // word offset of the source half
  const n = rn * 4 + base;
  return (c) => {
    const v = c.vi32;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    if (!sz) {
      const h = c.vu16;
      const hn = rn * 8 + base * 2;
      for (let i = 0; i < 4; i++) {
        const b = h[hn + i]!;
        const val = halfValue(b, (fpcr & FPCR_AHP) !== 0);
        S32[i] = val !== val ? nanConvert(b, 0, 16, 32, fpcr, x) : f32Bits(fpConvert(val, 16, 32, fpcr, x));
      }
    } else {
      for (let i = 0; i < 2; i++) {
        const b = v[n + i]!;
        const val = f32Value(b);
        if (val !== val) {
          S32[2 * i + 1] = nanConvert(b, 0, 32, 64, fpcr, x);
          S32[2 * i] = FPR[0]!;
        } else putF64Bits(fpConvert(val, 32, 64, fpcr, x), S32, 2 * i);
      }
    }
    fromScratch(c, rd, 16);
  };
}

/**
 * FCVTN{2} (and FCVTXN{2} with round-to-odd): single lanes to half (sz=0) or double lanes to
 * single (sz=1), into the low half of Vd (upper zeroed) or, for Q, the upper half.
 */
function fcvtn(Q: number, sz: number, rn: number, rd: number, odd: boolean, scalarForm = false): Op | null {
  if (odd && !sz) return null;
  const n = rn * 4;
  const cnt = scalarForm ? 1 : sz ? 2 : 4;
  return (c) => {
    const v = c.vi32;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    if (!sz) {
      for (let i = 0; i < 4; i++) {
        const b = v[n + i]!;
        const val = f32Value(b);
        const r = val !== val ? nanConvert(b, 0, 32, 16, fpcr, x) : halfBits(fpConvert(val, 32, 16, fpcr, x));
        if (i & 1) S32[i >> 1] = (S32[i >> 1]! & 0xffff) | (r << 16);
        else S32[i >> 1] = r;
      }
    } else {
      for (let i = 0; i < cnt; i++) {
        const lo = v[n + 2 * i]!;
        const hi = v[n + 2 * i + 1]!;
        const val = f64Value(lo, hi);
        S32[i] =
          val !== val
            ? nanConvert(hi, lo, 64, 32, fpcr, x)
            : f32Bits(odd ? fpConvertRounding(val, 64, 32, RO, fpcr, x) : fpConvert(val, 64, 32, fpcr, x));
      }
    }
    if (scalarForm) {
      fromScratch(c, rd, 4);
      return;
    }
    if (Q) {
      v[rd * 4 + 2] = S32[0]!;
      v[rd * 4 + 3] = S32[1]!;
    } else fromScratch(c, rd, 8);
  };
}

/** Fixed-point conversions by immediate (SCVTF/UCVTF/FCVTZS/FCVTZU, vector and scalar). */
function fixedShift(Q: number, immh: number, immb: number, rn: number, rd: number, toFixed: boolean, unsigned: boolean, scalarForm: boolean): Op | null {
  if ((immh & 0xe) === 2) return fixed16(Q, immh, immb, rn, rd, toFixed, unsigned, scalarForm);
  if (!(immh & 0xc)) return null;
  const sz = immh & 8 ? 1 : 0;
  const esize = sz ? 64 : 32;
  const fbits = 2 * esize - ((immh << 3) | immb);
  const [f32, f64] = toFixed ? toInt(RZ, unsigned, fbits) : fromInt(unsigned, fbits);
  return fp1(Q, sz, rn, rd, f32, f64, scalarForm);
}

// ----------------------------------------------------------------------------- handlers

type V3 = (Q: number, sz: number, rm: number, rn: number, rd: number) => Op | null;
type S3 = (sz: number, rm: number, rn: number, rd: number) => Op | null;
type V2 = (Q: number, sz: number, rn: number, rd: number) => Op | null;
type S2 = (sz: number, rn: number, rd: number) => Op | null;
type H = (...a: number[]) => Op | null;

const v3 = (f32: F32, f64: F64): V3 => (Q, sz, rm, rn, rd) => fp2(Q, sz, rm, rn, rd, f32, f64);
const s3 = (f32: F32, f64: F64): S3 => (sz, rm, rn, rd) => fp2(0, sz, rm, rn, rd, f32, f64, true);
const v2 = (p: [U32, U64]): V2 => (Q, sz, rn, rd) => fp1(Q, sz, rn, rd, p[0], p[1]);
const s2 = (p: [U32, U64]): S2 => (sz, rn, rd) => fp1(0, sz, rn, rd, p[0], p[1], true);
const rint = (op: number): [U32, U64] => [unop32(op), unop64(op)];
const czero = (rel: number, swap: boolean): [U32, U64] => [cmpZero32(rel, swap), cmpZero64(rel, swap)];

/** By-element operand decoding for FP: sz=0 index H:L, sz=1 index H (L must be 0); Rm is M:Rm. */
function fpElemOperand(sz: number, L: number, M: number, rm: number, H: number): [number, number] | null {
  if (sz) return L ? null : [H, (M << 4) | rm];
  return [(H << 1) | L, (M << 4) | rm];
}
type E = (Q: number, sz: number, L: number, M: number, rm: number, H: number, rn: number, rd: number) => Op | null;
type ES = (sz: number, L: number, M: number, rm: number, H: number, rn: number, rd: number) => Op | null;
const elemFmla =
  (neg: number): E =>
  (Q, sz, L, M, rm, H, rn, rd) => {
    const o = fpElemOperand(sz, L, M, rm, H);
    return o ? fmla(Q, sz, o[1], rn, rd, neg, o[0]) : null;
  };
const elemFmlaS =
  (neg: number): ES =>
  (sz, L, M, rm, H, rn, rd) => {
    const o = fpElemOperand(sz, L, M, rm, H);
    return o ? fmla(0, sz, o[1], rn, rd, neg, o[0], true) : null;
  };
const elemMul =
  (f32: F32, f64: F64): E =>
  (Q, sz, L, M, rm, H, rn, rd) => {
    const o = fpElemOperand(sz, L, M, rm, H);
    return o ? fpElem2(Q, sz, o[1], rn, rd, o[0], f32, f64, false) : null;
  };
const elemMulS =
  (f32: F32, f64: F64): ES =>
  (sz, L, M, rm, H, rn, rd) => {
    const o = fpElem2Scalar(sz, L, M, rm, H);
    return o ? fpElem2(0, sz, o[1], rn, rd, o[0], f32, f64, true) : null;
  };
const fpElem2Scalar = fpElemOperand;

export const simdFpHandlers: Record<string, V3 | S3 | V2 | S2 | E | ES | H> = {
  // three same
  FMAXNM_v: v3(bin32(OP_MAXNM), bin64(OP_MAXNM)),
  FMINNM_v: v3(bin32(OP_MINNM), bin64(OP_MINNM)),
  FMLA_v: ((Q, sz, rm, rn, rd) => fmla(Q, sz, rm, rn, rd, 0)) as V3,
  FMLS_v: ((Q, sz, rm, rn, rd) => fmla(Q, sz, rm, rn, rd, 2)) as V3,
  FADD_v: ((Q, sz, rm, rn, rd) => fastArith(OP_ADD, Q, sz, rm, rn, rd)) as V3,
  FSUB_v: ((Q, sz, rm, rn, rd) => fastArith(OP_SUB, Q, sz, rm, rn, rd)) as V3,
  FMULX_v: v3(fmulx32, fmulx64),
  FCMEQ_v: v3(cmp32(EQ, false), cmp64(EQ, false)),
  FMAX_v: v3(bin32(OP_MAX), bin64(OP_MAX)),
  FMIN_v: v3(bin32(OP_MIN), bin64(OP_MIN)),
  FRECPS_v: v3(step32(false), step64(false)),
  FRSQRTS_v: v3(step32(true), step64(true)),
  FMUL_v: ((Q, sz, rm, rn, rd) => fastArith(OP_MUL, Q, sz, rm, rn, rd)) as V3,
  FCMGE_v: v3(cmp32(GE, false), cmp64(GE, false)),
  FACGE_v: v3(cmp32(GE, true), cmp64(GE, true)),
  FDIV_v: v3(bin32(OP_DIV), bin64(OP_DIV)),
  FABD_v: v3(fabd32, fabd64),
  FCMGT_v: v3(cmp32(GT, false), cmp64(GT, false)),
  FACGT_v: v3(cmp32(GT, true), cmp64(GT, true)),
  FMAXNMP_v: ((Q, sz, rm, rn, rd) => fpPair(Q, sz, rm, rn, rd, bin32(OP_MAXNM), bin64(OP_MAXNM))) as V3,
  FMINNMP_v: ((Q, sz, rm, rn, rd) => fpPair(Q, sz, rm, rn, rd, bin32(OP_MINNM), bin64(OP_MINNM))) as V3,
  FADDP_v: ((Q, sz, rm, rn, rd) => fpPair(Q, sz, rm, rn, rd, bin32(OP_ADD), bin64(OP_ADD))) as V3,
  FMAXP_v: ((Q, sz, rm, rn, rd) => fpPair(Q, sz, rm, rn, rd, bin32(OP_MAX), bin64(OP_MAX))) as V3,
  FMINP_v: ((Q, sz, rm, rn, rd) => fpPair(Q, sz, rm, rn, rd, bin32(OP_MIN), bin64(OP_MIN))) as V3,

  // scalar three same
  FMULX_sd: s3(fmulx32, fmulx64),
  FCMEQ_sd: s3(cmp32(EQ, false), cmp64(EQ, false)),
  FRECPS_sd: s3(step32(false), step64(false)),
  FRSQRTS_sd: s3(step32(true), step64(true)),
  FCMGE_sd: s3(cmp32(GE, false), cmp64(GE, false)),
  FACGE_sd: s3(cmp32(GE, true), cmp64(GE, true)),
  FABD_sd: s3(fabd32, fabd64),
  FCMGT_sd: s3(cmp32(GT, false), cmp64(GT, false)),
  FACGT_sd: s3(cmp32(GT, true), cmp64(GT, true)),

  // scalar pairwise
  FADDP_sd: ((sz, rn, rd) => fpPair(0, sz, rn, rn, rd, bin32(OP_ADD), bin64(OP_ADD), true)) as S2,
  FMAXNMP_sd: ((sz, rn, rd) => fpPair(0, sz, rn, rn, rd, bin32(OP_MAXNM), bin64(OP_MAXNM), true)) as S2,
  FMINNMP_sd: ((sz, rn, rd) => fpPair(0, sz, rn, rn, rd, bin32(OP_MINNM), bin64(OP_MINNM), true)) as S2,
  FMAXP_sd: ((sz, rn, rd) => fpPair(0, sz, rn, rn, rd, bin32(OP_MAX), bin64(OP_MAX), true)) as S2,
  FMINP_sd: ((sz, rn, rd) => fpPair(0, sz, rn, rn, rd, bin32(OP_MIN), bin64(OP_MIN), true)) as S2,

  // across lanes
  FMAXNMV: ((Q, sz, rn, rd) => fpAcross(Q, sz, rn, rd, bin32(OP_MAXNM))) as V2,
  FMINNMV: ((Q, sz, rn, rd) => fpAcross(Q, sz, rn, rd, bin32(OP_MINNM))) as V2,
  FMAXV: ((Q, sz, rn, rd) => fpAcross(Q, sz, rn, rd, bin32(OP_MAX))) as V2,
  FMINV: ((Q, sz, rn, rd) => fpAcross(Q, sz, rn, rd, bin32(OP_MIN))) as V2,

  // two-register misc
  FABS_v: v2([fabs32, fabs64]),
  FNEG_v: v2([fneg32, fneg64]),
  FSQRT_v: v2(rint(OP_SQRT)),
  FRINTN_v: v2(rint(OP_FRINTN)),
  FRINTM_v: v2(rint(OP_FRINTM)),
  FRINTP_v: v2(rint(OP_FRINTP)),
  FRINTZ_v: v2(rint(OP_FRINTZ)),
  FRINTA_v: v2(rint(OP_FRINTA)),
  FRINTX_v: v2(rint(OP_FRINTX)),
  FRINTI_v: v2(rint(OP_FRINTI)),
  FCVTNS_v: v2(toInt(RN, false)),
  FCVTMS_v: v2(toInt(RM, false)),
  FCVTAS_v: v2(toInt(RA, false)),
  FCVTPS_v: v2(toInt(RP, false)),
  FCVTZS_v: v2(toInt(RZ, false)),
  FCVTNU_v: v2(toInt(RN, true)),
  FCVTMU_v: v2(toInt(RM, true)),
  FCVTAU_v: v2(toInt(RA, true)),
  FCVTPU_v: v2(toInt(RP, true)),
  FCVTZU_v: v2(toInt(RZ, true)),
  SCVTF_v: v2(fromInt(false)),
  UCVTF_v: v2(fromInt(true)),
  FCMGT_zero_v: v2(czero(GT, false)),
  FCMGE_zero_v: v2(czero(GE, false)),
  FCMEQ_zero_v: v2(czero(EQ, false)),
  FCMLE_zero_v: v2(czero(GE, true)),
  FCMLT_zero_v: v2(czero(GT, true)),
  FRECPE_v: v2(frecpe),
  FRSQRTE_v: v2(frsqrte),
  URECPE_v: ((Q, sz, rn, rd) => (sz ? null : fp1(Q, 0, rn, rd, (a) => uRecipEstimate(a), fabs64))) as V2,
  URSQRTE_v: ((Q, sz, rn, rd) => (sz ? null : fp1(Q, 0, rn, rd, (a) => uRsqrtEstimate(a), fabs64))) as V2,
  FCVTL_v: ((Q, sz, rn, rd) => fcvtl(Q, sz, rn, rd)) as V2,
  FCVTN_v: ((Q, sz, rn, rd) => fcvtn(Q, sz, rn, rd, false)) as V2,
  FCVTXN_v: ((Q, sz, rn, rd) => fcvtn(Q, sz, rn, rd, true)) as V2,

  // scalar two-register misc
  FCVTNS_sd: s2(toInt(RN, false)),
  FCVTMS_sd: s2(toInt(RM, false)),
  FCVTAS_sd: s2(toInt(RA, false)),
  FCVTPS_sd: s2(toInt(RP, false)),
  FCVTZS_sd: s2(toInt(RZ, false)),
  FCVTNU_sd: s2(toInt(RN, true)),
  FCVTMU_sd: s2(toInt(RM, true)),
  FCVTAU_sd: s2(toInt(RA, true)),
  FCVTPU_sd: s2(toInt(RP, true)),
  FCVTZU_sd: s2(toInt(RZ, true)),
  SCVTF_sd: s2(fromInt(false)),
  UCVTF_sd: s2(fromInt(true)),
  FCMGT_zero_sd: s2(czero(GT, false)),
  FCMGE_zero_sd: s2(czero(GE, false)),
  FCMEQ_zero_sd: s2(czero(EQ, false)),
  FCMLE_zero_sd: s2(czero(GE, true)),
  FCMLT_zero_sd: s2(czero(GT, true)),
  FRECPE_sd: s2(frecpe),
  FRSQRTE_sd: s2(frsqrte),
  FRECPX_sd: s2(frecpx),
  FCVTXN_sd: ((sz, rn, rd) => fcvtn(0, sz, rn, rd, true, true)) as S2,

  // by element
  FMLA_elem: elemFmla(0),
  FMLS_elem: elemFmla(2),
  FMUL_elem: elemMul(bin32(OP_MUL), bin64(OP_MUL)),
  FMULX_elem: elemMul(fmulx32, fmulx64),
  FMLA_elem_sd: elemFmlaS(0),
  FMLS_elem_sd: elemFmlaS(2),
  FMUL_elem_sd: elemMulS(bin32(OP_MUL), bin64(OP_MUL)),
  FMULX_elem_sd: elemMulS(fmulx32, fmulx64),

  // fixed-point conversions (shift by immediate class)
  SCVTF_fix_v: ((Q, immh, immb, rn, rd) => fixedShift(Q, immh, immb, rn, rd, false, false, false)) as H,
  UCVTF_fix_v: ((Q, immh, immb, rn, rd) => fixedShift(Q, immh, immb, rn, rd, false, true, false)) as H,
  FCVTZS_fix_v: ((Q, immh, immb, rn, rd) => fixedShift(Q, immh, immb, rn, rd, true, false, false)) as H,
  FCVTZU_fix_v: ((Q, immh, immb, rn, rd) => fixedShift(Q, immh, immb, rn, rd, true, true, false)) as H,
  SCVTF_fix_sd: ((immh, immb, rn, rd) => fixedShift(0, immh, immb, rn, rd, false, false, true)) as H,
  UCVTF_fix_sd: ((immh, immb, rn, rd) => fixedShift(0, immh, immb, rn, rd, false, true, true)) as H,
  FCVTZS_fix_sd: ((immh, immb, rn, rd) => fixedShift(0, immh, immb, rn, rd, true, false, true)) as H,
  FCVTZU_fix_sd: ((immh, immb, rn, rd) => fixedShift(0, immh, immb, rn, rd, true, true, true)) as H,
};

