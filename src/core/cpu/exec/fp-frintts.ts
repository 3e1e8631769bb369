/**
 * FEAT_FRINTTS (Armv8.5): FRINT32Z, FRINT32X, FRINT64Z, FRINT64X, scalar and vector, single and
 * double. FPRoundIntN: round to an integral value (towards zero for the Z forms, with FPCR's
 * rounding mode for the X forms) that must fit a 32- or 64-bit signed integer. A NaN, an infinity
 * or an out-of-range result gives the most negative integer of that size, -2^(intsize-1), with
 * Invalid Operation and no Inexact; otherwise Inexact is raised whenever the value changed (both
 * forms, unlike FRINTZ). A zero result keeps the operand's sign; FPCR.FZ flushes denormal inputs.
 */
import {
  f32Bits,
  f32Value,
  f64Value,
  FPSR_IOC,
  FPSR_IXC,
  fpFlushIn,
  fpRoundInt,
  fpRoundingMode,
  putF64Bits,
  RZ,
} from '../arm/fp.js';
import { I_FPCR, I_FPSR } from '../layout.js';
import type { Op } from '../op.js';
import { zero64, zero96 } from './fp-common.js';

/**
 * FPRoundIntN on a value of format N (NaN for any NaN): the result value, or NaN when it is
 * -2^(intsize-1) because of a NaN/infinity operand or an overflow (IOC already raised).
 */
function roundIntN(v: number, N: number, limit: number, toZero: boolean, fpcr: number, st: Int32Array): number {
  if (v !== v || v - v !== 0) {
    st[I_FPSR] |= FPSR_IOC;
    return NaN;
  }
  v = fpFlushIn(v, N, fpcr, st);
  const r = fpRoundInt(v, N, toZero ? RZ : fpRoundingMode(fpcr), false, fpcr, st);
  if (r >= limit || r < -limit) {
    st[I_FPSR] |= FPSR_IOC;
    return NaN;
  }
  if (r !== v) st[I_FPSR] |= FPSR_IXC;
  return r;
}

/** -2^31 and -2^63 as single bits and as the high word of a double (low word 0). */
const MIN_INT32_F32 = 0xcf000000 | 0;
const MIN_INT64_F32 = 0xdf000000 | 0;
const MIN_INT32_F64_HI = 0xc1e00000 | 0;
const MIN_INT64_F64_HI = 0xc3e00000 | 0;

/** Lane on single bits. */
function lane32(a: number, limit: number, minBits: number, toZero: boolean, fpcr: number, st: Int32Array): number {
  const r = roundIntN(f32Value(a), 32, limit, toZero, fpcr, st);
  return r !== r ? minBits : f32Bits(r);
}
/** Lane on the double at w[i] (low), w[i + 1] (high), in place. */
function lane64(w: Int32Array, i: number, limit: number, minHi: number, toZero: boolean, fpcr: number, st: Int32Array): void {
  const r = roundIntN(f64Value(w[i]!, w[i + 1]!), 64, limit, toZero, fpcr, st);
  if (r !== r) {
    w[i] = 0;
    w[i + 1] = minHi;
  } else putF64Bits(r, w, i);
}

/**
 * `cnt` lanes of Vn into Vd (a scalar is one lane); `bytes` is the width written, the rest of Vd is
 * zeroed. Lanes are independent and in place, so Vd = Vn needs no scratch.
 */
function frintN(double: boolean, cnt: number, bytes: number, intsize: number, toZero: boolean, rn: number, rd: number): Op {
  const limit = intsize === 32 ? 2147483648 : 9223372036854775808;
  const d = rd * 4;
  const n = rn * 4;
  if (!double) {
    const minBits = intsize === 32 ? MIN_INT32_F32 : MIN_INT64_F32;
    return (c) => {
      const w = c.vi32;
      const x = c.x;
      const fpcr = x[I_FPCR]!;
      for (let i = 0; i < cnt; i++) w[d + i] = lane32(w[n + i]!, limit, minBits, toZero, fpcr, x);
      if (bytes === 4) zero96(w, d);
      else if (bytes === 8) zero64(w, d);
    };
  }
  const minHi = intsize === 32 ? MIN_INT32_F64_HI : MIN_INT64_F64_HI;
  return (c) => {
    const w = c.vi32;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    for (let i = 0; i < cnt; i++) {
      w[d + 2 * i] = w[n + 2 * i]!;
      w[d + 2 * i + 1] = w[n + 2 * i + 1]!;
      lane64(w, d + 2 * i, limit, minHi, toZero, fpcr, x);
    }
    if (bytes === 8) zero64(w, d);
  };
}

/** Scalar: ftype 0 single, 1 double. */
const scalar =
  (intsize: number, toZero: boolean) =>
  (ftype: number, rn: number, rd: number): Op =>
    frintN(ftype === 1, 1, ftype === 1 ? 8 : 4, intsize, toZero, rn, rd);

/** Vector: 2S, 4S or 2D (sz = 1 with Q = 0 is reserved). */
const vector =
  (intsize: number, toZero: boolean) =>
  (Q: number, sz: number, rn: number, rd: number): Op | null => {
    if (sz === 1 && Q === 0) return null;
    return frintN(sz === 1, sz === 1 ? 2 : Q ? 4 : 2, Q ? 16 : 8, intsize, toZero, rn, rd);
  };

export const fpFrintTsHandlers = {
  FRINT32Z_float: scalar(32, true),
  FRINT32X_float: scalar(32, false),
  FRINT64Z_float: scalar(64, true),
  FRINT64X_float: scalar(64, false),
};

export const simdFrintTsHandlers = {
  FRINT32Z_v: vector(32, true),
  FRINT32X_v: vector(32, false),
  FRINT64Z_v: vector(64, true),
  FRINT64X_v: vector(64, false),
};
