/**
 * Scalar floating-point data processing: 2-source (FADD … FNMUL), 3-source fused multiply-add,
 * 1-source (FMOV, FABS, FNEG, FSQRT, FRINT*), FMOV (immediate) and FCSEL.
 *
 * The common single/double cases run inline: round-to-nearest without FZ, finite operands and a
 * normal result, with IXC found by an error-free transformation. Everything else (NaNs, infinities,
 * zeros, denormals, other rounding modes, FZ, overflow) goes through the Arm pseudocode helpers in
 * arm/fp.ts, which are exact in all cases.
 */
import {
  DEFAULT_NAN64_HI,
  FPCR_FZ,
  FPSR_IXC,
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
  OP_NMUL,
  OP_SQRT,
  OP_SUB,
  fpBinop16,
  fpBinop32,
  fpBinop64,
  fpMulAdd,
  fpMulAdd16,
  fpMulAdd32,
  fpMulAdd64,
  fpRoundReal,
  fpRoundingMode,
  fpUnop16,
  fpUnop32,
  fpUnop64,
  halfBits,
  vfpExpandImm,
} from '../arm/fp.js';
import { conditionTests } from '../arm/flags.js';
import { I_FPCR, I_FPSR } from '../layout.js';
import { type Op, withSource } from '../op.js';
import { FAST_OFF, MIN32, MIN64, denormal32, fast32, fast64, ftypeN, putH, zero64, zero96 } from './fp-common.js';

// ------------------------------------------------------------------------------- 2-source

/** Any 2-source op through the bits-level helpers (NaNs, flags and rounding all handled there). */
function binopSlow(op: number, N: number, rd: number, rn: number, rm: number): Op {
  const d = rd * 4;
  const n = rn * 4;
  const m = rm * 4;
  if (N === 64)
    return (c) => {
      const w = c.vi32;
      fpBinop64(op, w, n, m, w, d, c.x[I_FPCR]!, c.x);
      zero64(w, d);
    };
  if (N === 32)
    return (c) => {
      const w = c.vi32;
      w[d] = fpBinop32(op, w[n]!, w[m]!, c.x[I_FPCR]!, c.x);
      zero96(w, d);
    };
  const hn = rn * 8;
  const hm = rm * 8;
  return (c) => {
    const h = c.vu16;
    putH(h, c.vi32, rd, fpBinop16(op, h[hn]!, h[hm]!, c.x[I_FPCR]!, c.x));
  };
}

/**
 * FADD/FSUB/FMUL/FDIV/FNMUL with the round-to-nearest fast path inline. For single precision the
 * double result rounded again by Math.fround is correctly rounded (53 >= 2 * 24 + 2), and the
 * inexact test is exact: TwoSum's error for a sum, the product itself (exact in a double), the
 * back-multiplication for a quotient (24 x 24 bits, exact).
 */
function binop(op: number, ftype: number, rm: number, rn: number, rd: number): Op | null {
  const N = ftypeN(ftype);
  if (N === 0) return null;
  const slow = binopSlow(op, N, rd, rn, rm);
  if (N === 64) {
    const d = rd * 2;
    const n = rn * 2;
    const m = rm * 2;
    switch (op) {
      case OP_ADD:
      case OP_SUB: {
        const neg = op === OP_SUB;
        // inline: only the case where nothing but the value changes (IXC already set, fast mode)
        const src =
          `{const f = c.vf64; const a = f[${n}]; const b = ${neg ? '-' : ''}f[${m}]; const s = a + b; ` +
          `if ((x[${I_FPSR}] & ${FPSR_IXC}) !== 0 && (x[${I_FPCR}] & ${FAST_OFF}) === 0 && (s > ${MIN64} || s < -${MIN64}) && s - s === 0) ` +
          `{ f[${d}] = s; f[${d + 1}] = 0; } else $op(c);}`;
        return withSource((c) => {
          const f = c.vf64;
          const x = c.x;
          const a = f[n]!;
          const b = neg ? -f[m]! : f[m]!;
          const s = a + b;
          if ((s > MIN64 || s < -MIN64) && s - s === 0 && fast64(x[I_FPCR]!, a, b)) {
            const bb = s - a;
            if ((x[I_FPSR]! & FPSR_IXC) === 0 && (a - (s - bb) + (b - bb) !== 0)) x[I_FPSR] |= FPSR_IXC;
            f[d] = s;
            f[d + 1] = 0;
          } else slow(c);
        }, src);
      }
      case OP_MUL:
      case OP_NMUL: {
        const neg = op === OP_NMUL;
        const src =
          `{const f = c.vf64; const a = f[${n}]; const b = f[${m}]; const p = a * b; ` +
          `if ((x[${I_FPSR}] & ${FPSR_IXC}) !== 0 && (x[${I_FPCR}] & ${FAST_OFF}) === 0 && (p > 1e-289 || p < -1e-289) && ` +
          `p < 1e300 && p > -1e300 && a < 1e299 && a > -1e299 && b < 1e299 && b > -1e299) ` +
          `{ f[${d}] = ${neg ? '-' : ''}p; f[${d + 1}] = 0; } else $op(c);}`;
        return withSource((c) => {
          const f = c.vf64;
          const x = c.x;
          const a = f[n]!;
          const b = f[m]!;
          const p = a * b;
          if (
            (p > 1e-289 || p < -1e-289) && p < 1e300 && p > -1e300 &&
            a < 1e299 && a > -1e299 && b < 1e299 && b > -1e299 &&
            fast64(x[I_FPCR]!, a, b)
          ) {
            // IXC is sticky: once set, inexactness need not be computed again
            if ((x[I_FPSR]! & FPSR_IXC) === 0) {
              // Dekker's TwoProduct: the product's rounding error, exact in this range
              let t = 134217729 * a;
              const ah = t - (t - a);
              const al = a - ah;
              t = 134217729 * b;
              const bh = t - (t - b);
              const bl = b - bh;
              if (ah * bh - p + ah * bl + al * bh + al * bl !== 0) x[I_FPSR] |= FPSR_IXC;
            }
            f[d] = neg ? -p : p;
            f[d + 1] = 0;
          } else slow(c);
        }, src);
      }
      default:
        return slow;
    }
  }
  if (N === 32) {
    const d = rd * 4;
    const n = rn * 4;
    const m = rm * 4;
    switch (op) {
      case OP_ADD:
      case OP_SUB: {
        const neg = op === OP_SUB;
        return (c) => {
          const f = c.vf32;
          const x = c.x;
          const a = f[n]!;
          const b = neg ? -f[m]! : f[m]!;
          const s = a + b;
          const r = Math.fround(s);
          if ((r > MIN32 || r < -MIN32) && r - r === 0 && fast32(x[I_FPCR]!, a, b)) {
            const bb = s - a;
            if ((x[I_FPSR]! & FPSR_IXC) === 0 && (r !== s || a - (s - bb) + (b - bb) !== 0)) x[I_FPSR] |= FPSR_IXC;
            f[d] = r;
            zero96(c.vi32, d);
          } else slow(c);
        };
      }
      case OP_MUL:
      case OP_NMUL: {
        const neg = op === OP_NMUL;
        return (c) => {
          const f = c.vf32;
          const x = c.x;
          const a = f[n]!;
          const b = f[m]!;
          const p = a * b; // exact
          const r = Math.fround(p);
          if ((r > MIN32 || r < -MIN32) && r - r === 0 && fast32(x[I_FPCR]!, a, b)) {
            if ((x[I_FPSR]! & FPSR_IXC) === 0 && (r !== p)) x[I_FPSR] |= FPSR_IXC;
            f[d] = neg ? -r : r;
            zero96(c.vi32, d);
          } else slow(c);
        };
      }
      case OP_DIV:
        return (c) => {
          const f = c.vf32;
          const x = c.x;
          const a = f[n]!;
          const b = f[m]!;
          const r = Math.fround(a / b);
          if ((r > MIN32 || r < -MIN32) && r - r === 0 && fast32(x[I_FPCR]!, a, b)) {
            if ((x[I_FPSR]! & FPSR_IXC) === 0 && (r * b !== a)) x[I_FPSR] |= FPSR_IXC;
            f[d] = r;
            zero96(c.vi32, d);
          } else slow(c);
        };
      default:
        return slow;
    }
  }
  return slow;
}

// ------------------------------------------------------------------------------- 3-source

const roBits = new Float64Array(1);
const roWords = new Int32Array(roBits.buffer);

/**
 * a*b + c correctly rounded to nearest-even, by Boldo and Melquiond's algorithm (TwoProduct,
 * TwoSum, a round-to-odd addition of the two error terms, one final rounding). Valid while nothing
 * overflows or underflows: returns NaN outside that range so the caller takes the exact path.
 */
export function fmaNearest(a: number, b: number, c: number): number {
  const p = a * b;
  const ap = p < 0 ? -p : p;
  const ac = c < 0 ? -c : c;
  if (!(ap < 1e290 && ap > 1e-280 && ac < 1e300 && (ac > 1e-280 || c === 0) && a < 1e290 && a > -1e290 && b < 1e290 && b > -1e290))
    return NaN;
  // TwoProduct: p + pl == a * b exactly
  let t = 134217729 * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = 134217729 * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const pl = ah * bh - p + ah * bl + al * bh + al * bl;
  // TwoSum: s + sl == c + p exactly
  const s = c + p;
  const sb = s - c;
  const sl = c - (s - sb) + (p - sb);
  // v = RoundToOdd(sl + pl)
  let v = sl + pl;
  const vb = v - sl;
  const ve = sl - (v - vb) + (pl - vb);
  if (ve !== 0) {
    roBits[0] = v;
    if ((roWords[0]! & 1) === 0) {
      // step one ulp towards the exact sum (an odd neighbour)
      if (ve > 0 === v > 0) {
        roWords[0] = roWords[0]! + 1;
      } else {
        if (roWords[0] === 0) roWords[1] = roWords[1]! - 1;
        roWords[0] = roWords[0]! - 1;
      }
      v = roBits[0]!;
    }
  }
  const r = s + v;
  return r > 1e-290 || r < -1e-290 ? r : NaN;
}

/** neg: bit 0 negates the addend, bit 1 the first multiplicand (FPNeg before FPMulAdd). */
function mulAdd(neg: number, ftype: number, rm: number, ra: number, rn: number, rd: number): Op | null {
  const N = ftypeN(ftype);
  if (N === 0) return null;
  const sa = neg & 1 ? -1 : 1;
  const s1 = neg & 2 ? -1 : 1;
  if (N === 64) {
    const d = rd * 2;
    const n = rn * 2;
    const m = rm * 2;
    const a = ra * 2;
    return (c) => {
      const f = c.vf64;
      const x = c.x;
      const va = f[a]!;
      const v1 = f[n]!;
      const v2 = f[m]!;
      // Once IXC is set (it is sticky) only the value matters: round-to-nearest in the normal range
      // takes Boldo and Melquiond's emulation, exact without a wider format.
      if ((x[I_FPSR]! & FPSR_IXC) !== 0 && (x[I_FPCR]! & FAST_OFF) === 0) {
        const r = fmaNearest(s1 * v1, v2, sa * va);
        if (r === r) {
          f[d] = r;
          f[d + 1] = 0;
          return;
        }
      }
      if (va === va && v1 === v1 && v2 === v2) {
        const r = fpMulAdd(sa * va, s1 * v1, v2, 64, x[I_FPCR]!, x);
        if (r === r) f[d] = r;
        else {
          c.vi32[2 * d] = 0;
          c.vi32[2 * d + 1] = DEFAULT_NAN64_HI;
        }
        f[d + 1] = 0;
      } else {
        const w = c.vi32;
        fpMulAdd64(w, 2 * a, 2 * n, 2 * m, neg, w, 2 * d, x[I_FPCR]!, x);
        zero64(w, 2 * d);
      }
    };
  }
  if (N === 32) {
    const d = rd * 4;
    const n = rn * 4;
    const m = rm * 4;
    const a = ra * 4;
    return (c) => {
      const f = c.vf32;
      const x = c.x;
      const fpcr = x[I_FPCR]!;
      // The product of two singles is exact in a double; TwoSum makes the sum exact too, and
      // fpRoundReal rounds the pair once (a double sum rounded again would double-round).
      const v1 = f[n]!;
      const v2 = f[m]!;
      const p = s1 * v1 * v2;
      const b = sa * f[a]!;
      const s = p + b;
      // Any rounding mode; with FZ, only when no operand needs flushing (fpRoundReal flushes output).
      if (s !== 0 && s - s === 0 && ((fpcr & FPCR_FZ) === 0 || !(denormal32(v1) || denormal32(v2) || denormal32(b)))) {
        const bb = s - p;
        f[d] = fpRoundReal(s, p - (s - bb) + (b - bb), 0, 32, fpcr, fpRoundingMode(fpcr), x);
        zero96(c.vi32, d);
      } else {
        const w = c.vi32;
        w[d] = fpMulAdd32(w[a]!, w[n]!, w[m]!, neg, fpcr, x);
        zero96(w, d);
      }
    };
  }
  const hd = rd;
  return (c) => {
    const h = c.vu16;
    putH(h, c.vi32, hd, fpMulAdd16(h[ra * 8]!, h[rn * 8]!, h[rm * 8]!, neg, c.x[I_FPCR]!, c.x));
  };
}

// ------------------------------------------------------------------------------- 1-source

/** FMOV/FABS/FNEG: bit operations on the sign, no exceptions (NaNs included). */
function signOp(kind: 'mov' | 'abs' | 'neg', ftype: number, rn: number, rd: number): Op | null {
  const N = ftypeN(ftype);
  if (N === 0) return null;
  if (N === 16) {
    const and = kind === 'abs' ? 0x7fff : 0xffff;
    const xor = kind === 'neg' ? 0x8000 : 0;
    return (c) => {
      const h = c.vu16;
      putH(h, c.vi32, rd, (h[rn * 8]! & and) ^ xor);
    };
  }
  const and = kind === 'abs' ? 0x7fffffff : -1;
  const xor = kind === 'neg' ? 0x80000000 | 0 : 0;
  const d = rd * 4;
  const n = rn * 4;
  if (N === 32)
    return (c) => {
      const w = c.vi32;
      w[d] = (w[n]! & and) ^ xor;
      zero96(w, d);
    };
  return withSource((c) => {
    const w = c.vi32;
    w[d] = w[n]!;
    w[d + 1] = (w[n + 1]! & and) ^ xor;
    zero64(w, d);
  }, `{const w = c.vi32; w[${d}] = w[${n}]; w[${d + 1}] = (w[${n + 1}] & ${and}) ^ ${xor}; w[${d + 2}] = 0; w[${d + 3}] = 0;}`);
}

/** FSQRT and FRINT*: one operand through the helpers, with a fast single-precision FSQRT. */
function unop(op: number, ftype: number, rn: number, rd: number): Op | null {
  const N = ftypeN(ftype);
  if (N === 0) return null;
  const d = rd * 4;
  const n = rn * 4;
  if (N === 64)
    return (c) => {
      const w = c.vi32;
      fpUnop64(op, w, n, w, d, c.x[I_FPCR]!, c.x);
      zero64(w, d);
    };
  if (N === 32) {
    if (op === OP_SQRT)
      return (c) => {
        const f = c.vf32;
        const x = c.x;
        const a = f[n]!;
        if (a > 0 && a < Infinity && fast32(x[I_FPCR]!, a, 0)) {
          const r = Math.fround(Math.sqrt(a)); // 53 >= 2 * 24 + 2: correctly rounded
          if ((x[I_FPSR]! & FPSR_IXC) === 0 && (r * r !== a)) x[I_FPSR] |= FPSR_IXC;
          f[d] = r;
        } else c.vi32[d] = fpUnop32(op, c.vi32[n]!, x[I_FPCR]!, x);
        zero96(c.vi32, d);
      };
    return (c) => {
      const w = c.vi32;
      w[d] = fpUnop32(op, w[n]!, c.x[I_FPCR]!, c.x);
      zero96(w, d);
    };
  }
  return (c) => {
    const h = c.vu16;
    putH(h, c.vi32, rd, fpUnop16(op, h[rn * 8]!, c.x[I_FPCR]!, c.x));
  };
}

// ------------------------------------------------------------------------------- handlers

export const fpArithHandlers = {
  // Floating-point data-processing (2 source)
  FMUL_float: (ftype: number, rm: number, rn: number, rd: number) => binop(OP_MUL, ftype, rm, rn, rd),
  FDIV_float: (ftype: number, rm: number, rn: number, rd: number) => binop(OP_DIV, ftype, rm, rn, rd),
  FADD_float: (ftype: number, rm: number, rn: number, rd: number) => binop(OP_ADD, ftype, rm, rn, rd),
  FSUB_float: (ftype: number, rm: number, rn: number, rd: number) => binop(OP_SUB, ftype, rm, rn, rd),
  FMAX_float: (ftype: number, rm: number, rn: number, rd: number) => binop(OP_MAX, ftype, rm, rn, rd),
  FMIN_float: (ftype: number, rm: number, rn: number, rd: number) => binop(OP_MIN, ftype, rm, rn, rd),
  FMAXNM_float: (ftype: number, rm: number, rn: number, rd: number) => binop(OP_MAXNM, ftype, rm, rn, rd),
  FMINNM_float: (ftype: number, rm: number, rn: number, rd: number) => binop(OP_MINNM, ftype, rm, rn, rd),
  FNMUL_float: (ftype: number, rm: number, rn: number, rd: number) => binop(OP_NMUL, ftype, rm, rn, rd),

  // Floating-point data-processing (3 source)
  FMADD_float: (ftype: number, rm: number, ra: number, rn: number, rd: number) => mulAdd(0, ftype, rm, ra, rn, rd),
  FMSUB_float: (ftype: number, rm: number, ra: number, rn: number, rd: number) => mulAdd(2, ftype, rm, ra, rn, rd),
  FNMADD_float: (ftype: number, rm: number, ra: number, rn: number, rd: number) => mulAdd(3, ftype, rm, ra, rn, rd),
  FNMSUB_float: (ftype: number, rm: number, ra: number, rn: number, rd: number) => mulAdd(1, ftype, rm, ra, rn, rd),

  // Floating-point data-processing (1 source)
  FMOV_float: (ftype: number, rn: number, rd: number) => signOp('mov', ftype, rn, rd),
  FABS_float: (ftype: number, rn: number, rd: number) => signOp('abs', ftype, rn, rd),
  FNEG_float: (ftype: number, rn: number, rd: number) => signOp('neg', ftype, rn, rd),
  FSQRT_float: (ftype: number, rn: number, rd: number) => unop(OP_SQRT, ftype, rn, rd),
  FRINTN_float: (ftype: number, rn: number, rd: number) => unop(OP_FRINTN, ftype, rn, rd),
  FRINTP_float: (ftype: number, rn: number, rd: number) => unop(OP_FRINTP, ftype, rn, rd),
  FRINTM_float: (ftype: number, rn: number, rd: number) => unop(OP_FRINTM, ftype, rn, rd),
  FRINTZ_float: (ftype: number, rn: number, rd: number) => unop(OP_FRINTZ, ftype, rn, rd),
  FRINTA_float: (ftype: number, rn: number, rd: number) => unop(OP_FRINTA, ftype, rn, rd),
  FRINTX_float: (ftype: number, rn: number, rd: number) => unop(OP_FRINTX, ftype, rn, rd),
  FRINTI_float: (ftype: number, rn: number, rd: number) => unop(OP_FRINTI, ftype, rn, rd),

  // Floating-point immediate
  FMOV_float_imm(ftype: number, imm8: number, rd: number): Op | null {
    const N = ftypeN(ftype);
    if (N === 0) return null;
    const v = vfpExpandImm(imm8);
    if (N === 16) {
      const bits = halfBits(v);
      return (c) => putH(c.vu16, c.vi32, rd, bits);
    }
    if (N === 32) {
      const d = rd * 4;
      return (c) => {
        c.vf32[d] = v;
        zero96(c.vi32, d);
      };
    }
    const d = rd * 2;
    return (c) => {
      c.vf64[d] = v;
      c.vf64[d + 1] = 0;
    };
  },

  // Floating-point conditional select
  FCSEL_float(ftype: number, rm: number, cond: number, rn: number, rd: number): Op | null {
    const N = ftypeN(ftype);
    if (N === 0) return null;
    const test = conditionTests[cond]!;
    if (N === 16)
      return (c) => {
        const h = c.vu16;
        putH(h, c.vi32, rd, h[(test(c.x) ? rn : rm) * 8]!);
      };
    const d = rd * 4;
    if (N === 32)
      return (c) => {
        const w = c.vi32;
        w[d] = w[(test(c.x) ? rn : rm) * 4]!;
        zero96(w, d);
      };
    return (c) => {
      const w = c.vi32;
      const s = (test(c.x) ? rn : rm) * 4;
      w[d] = w[s]!;
      w[d + 1] = w[s + 1]!;
      zero64(w, d);
    };
  },
};
