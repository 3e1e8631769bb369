/**
 * Arm pseudocode helpers for Advanced SIMD: immediate expansion, saturation, per-lane bit
 * operations, and scratch storage for results that must not be written while sources are read.
 * Everything works on int32 halves and plain numbers (no BigInt).
 */
import { I_FPSR } from '../layout.js';
import { fpRoundingMode, fpRoundReal, RM } from './fp.js';
import { R, umul32 } from './int64.js';

/** FPSR.QC: cumulative saturation. */
export const FPSR_QC = 1 << 27;

/**
 * Scratch space for a result vector (up to four registers' worth, for TBL tables and structure
 * loads). Ops write here first when the destination may alias a source read in another order.
 */
export const SCRATCH = new ArrayBuffer(128);
export const S8 = new Uint8Array(SCRATCH);
export const S16 = new Uint16Array(SCRATCH);
export const S32 = new Int32Array(SCRATCH);

/** Set by lane functions that saturated; the op folds it into FPSR.QC. */
export const SAT = new Int32Array(1);

/** Folds a pending saturation into FPSR.QC (call once per op, after the lanes). */
export function flushSat(x: Int32Array): void {
  if (SAT[0] !== 0) {
    SAT[0] = 0;
    x[I_FPSR] = x[I_FPSR]! | FPSR_QC;
  }
}

export const sx8 = (v: number): number => (v << 24) >> 24;
export const sx16 = (v: number): number => (v << 16) >> 16;

/** Largest / smallest value of an esize-bit signed or unsigned integer (esize <= 32). */
export const maxS = (esize: number): number => 2 ** (esize - 1) - 1;
export const minS = (esize: number): number => -(2 ** (esize - 1));
export const maxU = (esize: number): number => 2 ** esize - 1;

/** SignedSatQ for an exact integer v (|v| < 2^53), esize <= 32; flags SAT. */
export function satS(v: number, esize: number): number {
  const hi = maxS(esize);
  if (v > hi) {
    SAT[0] = 1;
    return hi;
  }
  const lo = -hi - 1;
  if (v < lo) {
    SAT[0] = 1;
    return lo;
  }
  return v;
}

/** UnsignedSatQ for an exact integer v, esize <= 32; flags SAT. */
export function satU(v: number, esize: number): number {
  if (v < 0) {
    SAT[0] = 1;
    return 0;
  }
  const hi = maxU(esize);
  if (v > hi) {
    SAT[0] = 1;
    return hi;
  }
  return v;
}

/**
 * AdvSIMDExpandImm: the 64-bit immediate of a modified-immediate instruction, as [lo, hi]
 * (op=0/1 with cmode=1111 are the FMOV single/double immediates).
 */
export function expandImm(op: number, cmode: number, imm8: number): [number, number] {
  let w: number;
  switch (cmode >> 1) {
    case 0:
      w = imm8;
      return [w, w];
    case 1:
      w = imm8 << 8;
      return [w, w];
    case 2:
      w = imm8 << 16;
      return [w, w];
    case 3:
      w = imm8 << 24;
      return [w, w];
    case 4:
      w = imm8 | (imm8 << 16);
      return [w, w];
    case 5:
      w = (imm8 << 8) | (imm8 << 24);
      return [w, w];
    case 6:
      w = cmode & 1 ? (imm8 << 16) | 0xffff : (imm8 << 8) | 0xff;
      return [w, w];
  }
  if (cmode === 14) {
    if (op === 0) {
      w = imm8 * 0x01010101;
      return [w | 0, w | 0];
    }
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 4; i++) {
      if ((imm8 >> i) & 1) lo |= 0xff << (8 * i);
      if ((imm8 >> (i + 4)) & 1) hi |= 0xff << (8 * i);
    }
    return [lo | 0, hi | 0];
  }
  const a = (imm8 >> 7) & 1;
  const b = (imm8 >> 6) & 1;
  if (op === 0) {
    // a:NOT(b):Replicate(b,5):cdefgh:Zeros(19)
    w = (a << 31) | ((b ^ 1) << 30) | ((b ? 0x1f : 0) << 25) | ((imm8 & 0x3f) << 19);
    return [w | 0, w | 0];
  }
  // a:NOT(b):Replicate(b,8):cdefgh:Zeros(48)
  const hi = (a << 31) | ((b ^ 1) << 30) | ((b ? 0xff : 0) << 22) | ((imm8 & 0x3f) << 16);
  return [0, hi | 0];
}

/**
 * SQDMULH / SQRDMULH of signed esize-bit lanes (esize 16 or 32): the high half of 2*a*b (plus the
 * rounding constant), saturating only for MIN * MIN.
 */
export function sqdmulh(a: number, b: number, esize: number, round: boolean): number {
  if (esize === 16) return satS(Math.floor((2 * a * b + (round ? 0x8000 : 0)) / 65536), 16);
  if (a === -0x80000000 && b === -0x80000000) {
    SAT[0] = 1;
    return 0x7fffffff;
  }
  // signed 64-bit product p, then (2p + round) >> 32 = (p + round/2) >> 31
  umul32(a, b);
  let lo = R[0]! >>> 0;
  let hi = (R[1]! - (a < 0 ? b : 0) - (b < 0 ? a : 0)) | 0;
  if (round) {
    const l = lo + 0x40000000;
    if (l > 0xffffffff) hi = (hi + 1) | 0;
    lo = l >>> 0;
  }
  return (hi << 1) | (lo >>> 31);
}

/** Count of set bits in a byte. */
export function popcount8(v: number): number {
  v = v - ((v >> 1) & 0x55);
  v = (v & 0x33) + ((v >> 2) & 0x33);
  return (v + (v >> 4)) & 0x0f;
}

/** CountLeadingZeroBits of an esize-bit value (esize <= 32). */
export function clzN(v: number, esize: number): number {
  return Math.clz32(v & (esize === 32 ? -1 : (1 << esize) - 1)) - (32 - esize);
}

/** CountLeadingSignBits of an esize-bit value (esize <= 32). */
export function clsN(v: number, esize: number): number {
  const s = 32 - esize;
  const x = (v << s) >> s; // sign-extended
  return clzN((x ^ (x >> 1)) & (esize === 32 ? 0x7fffffff : (1 << (esize - 1)) - 1), esize) - 1;
}

/** Reverses the bits of a byte. */
export function rbit8(v: number): number {
  v = ((v & 0xf0) >> 4) | ((v & 0x0f) << 4);
  v = ((v & 0xcc) >> 2) | ((v & 0x33) << 2);
  return ((v & 0xaa) >> 1) | ((v & 0x55) << 1);
}

/** Polynomial (carry-less) multiply of two esize-bit values, esize <= 16; the 2*esize-bit product. */
export function pmul(a: number, b: number, esize: number): number {
  let r = 0;
  for (let i = 0; i < esize; i++) if ((b >> i) & 1) r ^= a << i;
  return r;
}

const TWO32 = 4294967296;

/** An exact integer (|v| < 2^53) as int32 halves into out[i], out[i+1]. */
export function toHalves(v: number, out: Int32Array, i: number): void {
  out[i] = v % TWO32 | 0;
  out[i + 1] = Math.floor(v / TWO32) | 0;
}

/**
 * Shift of a 64-bit value (halves) by a signed amount, as USHL/SSHL/URSHL/SRSHL do with the
 * bottom byte of the shift register: left when positive, right (arithmetic when `signed`) when
 * negative, with optional rounding. Result into out[0], out[1].
 */
export function shl64(lo: number, hi: number, sh: number, signed: boolean, round: boolean, out: Int32Array): void {
  if (sh >= 0) {
    if (sh >= 64) {
      out[0] = 0;
      out[1] = 0;
    } else if (sh >= 32) {
      out[1] = lo << (sh - 32);
      out[0] = 0;
    } else if (sh === 0) {
      out[0] = lo;
      out[1] = hi;
    } else {
      out[1] = (hi << sh) | (lo >>> (32 - sh));
      out[0] = lo << sh;
    }
    return;
  }
  let r = -sh;
  if (r > 64) {
    if (round) {
      out[0] = 0;
      out[1] = 0;
      return;
    }
    r = 64;
  }
  // rounding: add the bit below the result (bit r-1 of the source) after shifting
  let rb = 0;
  if (round) rb = r <= 32 ? (lo >>> (r - 1)) & 1 : (hi >>> (r - 33)) & 1;
  let rlo: number;
  let rhi: number;
  const fill = signed ? hi >> 31 : 0;
  if (r >= 64) {
    rlo = fill;
    rhi = fill;
  } else if (r >= 32) {
    rlo = signed ? hi >> (r - 32) : hi >>> (r - 32);
    if (r === 32) rlo = hi;
    rhi = fill;
  } else {
    rlo = (lo >>> r) | (hi << (32 - r));
    rhi = signed ? hi >> r : hi >>> r;
  }
  if (rb) {
    const l = (rlo >>> 0) + 1;
    rhi = (rhi + (l > 0xffffffff ? 1 : 0)) | 0;
    rlo = l | 0;
  }
  out[0] = rlo;
  out[1] = rhi;
}

// ------------------------------------------------------------------------------------------------
// Reciprocal and reciprocal square root estimates (Armv8.0, without FEAT_RPRES)

/** RecipEstimate: a in [256, 512) (0.5 <= a/512 < 1) to a 9-bit estimate in [256, 512). */
export function recipEstimateInt(a: number): number {
  a = a * 2 + 1;
  const b = Math.floor(524288 / a);
  return (b + 1) >> 1;
}

/** RecipSqrtEstimate: a in [128, 512) to a 9-bit estimate in [256, 512). */
export function rsqrtEstimateInt(a: number): number {
  if (a < 256) a = a * 2 + 1;
  else {
    a = (a >> 1) << 1;
    a = (a + 1) * 2;
  }
  let b = 512;
  while (a * (b + 1) * (b + 1) < 268435456) b++;
  return (b + 1) >> 1;
}

/** URECPE on a 32-bit lane. */
export function uRecipEstimate(a: number): number {
  if (a >= 0) return -1;
  return recipEstimateInt(a >>> 23) << 23;
}
/** URSQRTE on a 32-bit lane. */
export function uRsqrtEstimate(a: number): number {
  if ((a >>> 30) === 0) return -1;
  return rsqrtEstimateInt(a >>> 23) << 23;
}

const P52 = 4503599627370496; // 2^52
const DZC = 1 << 1;
const OFC = 1 << 2;
const UFC = 1 << 3;
const IXC = 1 << 4;
const IOC = 1 << 0;
const IDC = 1 << 7;
const FZ = 1 << 24;
const FZ16 = 1 << 19;
const DN = 1 << 25;

/**
 * The shared core of FPRecipEstimate on a normalised view of the operand: sign, biased exponent
 * and the 52-bit fraction (a single's fraction sits at the top). Returns the result's biased
 * exponent and sets EST_FRAC to its 52-bit fraction; or -2 when a special case applies.
 */
function recipCore(exp: number, frac: number, N: number): number {
  if (exp === 0) {
    if (frac < P52 / 2) {
      exp = -1;
      frac = (frac * 4) % P52;
    } else frac = (frac * 2) % P52;
  }
  const scaled = 256 + Math.floor(frac / 2 ** 44);
  let rexp = (N === 32 ? 253 : N === 16 ? 29 : 2045) - exp;
  const est = recipEstimateInt(scaled) & 0xff;
  let f = est * 2 ** 44;
  if (rexp === 0) f = P52 / 2 + f / 2;
  else if (rexp === -1) {
    f = P52 / 4 + f / 4;
    rexp = 0;
  }
  EST_FRAC = f;
  return rexp;
}
let EST_FRAC = 0;

/** Special cases shared by FRECPE: returns true when handled (result in EST_OUT). */
function recipSpecial(neg: boolean, mag: number, N: number, fpcr: number, st: Int32Array): boolean {
  const i = I_FPSR;
  if (mag === Infinity) {
    EST_KIND = neg ? 1 : 0; // zero
    return true;
  }
  if (mag === 0) {
    st[i] = st[i]! | DZC;
    EST_KIND = neg ? 3 : 2; // infinity
    return true;
  }
  if (mag < (N === 32 ? 2 ** -128 : N === 16 ? 2 ** -16 : 2 ** -1024)) {
    const rm = (fpcr >>> 22) & 3;
    const toInf = rm === 0 || (rm === 1 && !neg) || (rm === 2 && neg);
    st[i] = st[i]! | OFC | IXC;
    EST_KIND = toInf ? (neg ? 3 : 2) : neg ? 5 : 4; // infinity or max normal
    return true;
  }
  if (fpcr & (N === 16 ? FZ16 : FZ) && mag >= (N === 32 ? 2 ** 126 : N === 16 ? 2 ** 14 : 2 ** 1022)) {
    st[i] = st[i]! | UFC;
    EST_KIND = neg ? 1 : 0;
    return true;
  }
  return false;
}
let EST_KIND = 0;
const SPECIAL32 = [0, 0x80000000 | 0, 0x7f800000, 0xff800000 | 0, 0x7f7fffff, 0xff7fffff | 0];
const SPECIAL64HI = [0, 0x80000000 | 0, 0x7ff00000, 0xfff00000 | 0, 0x7fefffff, 0xffefffff | 0];

const F32B = new Float32Array(1);
const I32B = new Int32Array(F32B.buffer);
const F64B = new Float64Array(1);
const I64B = new Int32Array(F64B.buffer);

/** The operand's magnitude after FPUnpack (denormals flushed with FZ, raising IDC); NaN for NaNs. */
function unpackMag32(a: number, fpcr: number, st: Int32Array): number {
  I32B[0] = a & 0x7fffffff;
  const m = F32B[0]!;
  if (fpcr & FZ && (a & 0x7f800000) === 0 && (a & 0x7fffff) !== 0) {
    st[I_FPSR] = st[I_FPSR]! | IDC;
    return 0;
  }
  return m;
}
function unpackMag64(lo: number, hi: number, fpcr: number, st: Int32Array): number {
  I64B[0] = lo;
  I64B[1] = hi & 0x7fffffff;
  const m = F64B[0]!;
  if (fpcr & FZ && (hi & 0x7ff00000) === 0 && ((hi & 0xfffff) | lo) !== 0) {
    st[I_FPSR] = st[I_FPSR]! | IDC;
    return 0;
  }
  return m;
}
function nanOut32(a: number, fpcr: number, st: Int32Array): number {
  if ((a & 0x400000) === 0) st[I_FPSR] = st[I_FPSR]! | IOC;
  return fpcr & DN ? 0x7fc00000 : a | 0x400000;
}
function nanOut64(lo: number, hi: number, out: Int32Array, io: number, fpcr: number, st: Int32Array): void {
  if ((hi & 0x80000) === 0) st[I_FPSR] = st[I_FPSR]! | IOC;
  if (fpcr & DN) {
    out[io] = 0;
    out[io + 1] = 0x7ff80000;
  } else {
    out[io] = lo;
    out[io + 1] = hi | 0x80000;
  }
}

/** FRECPE on single-precision bits. */
export function recipEstimate32(a: number, fpcr: number, st: Int32Array): number {
  const mag = unpackMag32(a, fpcr, st);
  if (mag !== mag) return nanOut32(a, fpcr, st);
  const neg = a < 0;
  if (recipSpecial(neg, mag, 32, fpcr, st)) return SPECIAL32[EST_KIND]!;
  const rexp = recipCore((a >>> 23) & 0xff, (a & 0x7fffff) * 2 ** 29, 32);
  return (neg ? 0x80000000 : 0) | ((rexp & 0xff) << 23) | Math.floor(EST_FRAC / 2 ** 29);
}
/** FRECPE on a double (words lo, hi), result to out[io..]. */
export function recipEstimate64(lo: number, hi: number, out: Int32Array, io: number, fpcr: number, st: Int32Array): void {
  const mag = unpackMag64(lo, hi, fpcr, st);
  if (mag !== mag) return nanOut64(lo, hi, out, io, fpcr, st);
  const neg = hi < 0;
  if (recipSpecial(neg, mag, 64, fpcr, st)) {
    out[io] = EST_KIND >= 4 ? -1 : 0;
    out[io + 1] = SPECIAL64HI[EST_KIND]!;
    return;
  }
  const rexp = recipCore((hi >>> 20) & 0x7ff, (hi & 0xfffff) * 4294967296 + (lo >>> 0), 64);
  out[io] = EST_FRAC % 4294967296 | 0;
  out[io + 1] = (neg ? 0x80000000 : 0) | ((rexp & 0x7ff) << 20) | Math.floor(EST_FRAC / 4294967296);
}

/** FPRSqrtEstimate's core: biased exponent and fraction to the result's exponent; the 8-bit estimate in EST_FRAC. */
function rsqrtCore(exp: number, frac: number, N: number): number {
  if (exp === 0) {
    while (frac < P52 / 2) {
      frac *= 2;
      exp--;
    }
    frac = (frac * 2) % P52;
  }
  const scaled = (exp & 1) === 0 ? 256 + Math.floor(frac / 2 ** 44) : 128 + Math.floor(frac / 2 ** 45);
  EST_FRAC = rsqrtEstimateInt(scaled) & 0xff;
  return Math.floor(((N === 32 ? 380 : N === 16 ? 44 : 3068) - exp) / 2);
}

function rsqrtSpecial(neg: boolean, mag: number, st: Int32Array): number {
  // returns -1 when not special, else an index: 0 +0, 2 +inf (signed by neg for zero operands), 6 default NaN
  if (mag === 0) {
    st[I_FPSR] = st[I_FPSR]! | DZC;
    return neg ? 3 : 2;
  }
  if (neg) {
    st[I_FPSR] = st[I_FPSR]! | IOC;
    return 6;
  }
  if (mag === Infinity) return 0;
  return -1;
}

/** FRSQRTE on single-precision bits. */
export function rsqrtEstimate32(a: number, fpcr: number, st: Int32Array): number {
  const mag = unpackMag32(a, fpcr, st);
  if (mag !== mag) return nanOut32(a, fpcr, st);
  const s = rsqrtSpecial(a < 0, mag, st);
  if (s === 6) return 0x7fc00000;
  if (s >= 0) return SPECIAL32[s]!;
  const rexp = rsqrtCore((a >>> 23) & 0xff, (a & 0x7fffff) * 2 ** 29, 32);
  return ((rexp & 0xff) << 23) | (EST_FRAC << 15);
}
/** FRSQRTE on a double. */
export function rsqrtEstimate64(lo: number, hi: number, out: Int32Array, io: number, fpcr: number, st: Int32Array): void {
  const mag = unpackMag64(lo, hi, fpcr, st);
  if (mag !== mag) return nanOut64(lo, hi, out, io, fpcr, st);
  const s = rsqrtSpecial(hi < 0, mag, st);
  if (s >= 0) {
    out[io] = 0;
    out[io + 1] = s === 6 ? 0x7ff80000 : SPECIAL64HI[s]!;
    return;
  }
  const rexp = rsqrtCore((hi >>> 20) & 0x7ff, (hi & 0xfffff) * 4294967296 + (lo >>> 0), 64);
  out[io] = 0;
  out[io + 1] = ((rexp & 0x7ff) << 20) | (EST_FRAC << 12);
}

/** FRECPX on single-precision bits. */
export function recpX32(a: number, fpcr: number, st: Int32Array): number {
  const mag = unpackMag32(a, fpcr, st);
  if (mag !== mag) return nanOut32(a, fpcr, st);
  const sign = a & 0x80000000;
  const exp = (a >>> 23) & 0xff;
  return sign | ((exp === 0 ? 0xfe : ~exp & 0xff) << 23);
}
/** FRECPX on a double. */
export function recpX64(lo: number, hi: number, out: Int32Array, io: number, fpcr: number, st: Int32Array): void {
  const mag = unpackMag64(lo, hi, fpcr, st);
  if (mag !== mag) return nanOut64(lo, hi, out, io, fpcr, st);
  const exp = (hi >>> 20) & 0x7ff;
  out[io] = 0;
  out[io + 1] = (hi & 0x80000000) | ((exp === 0 ? 0x7fe : ~exp & 0x7ff) << 20);
}

// Half precision (FEAT_FP16) forms of the estimates

const SPECIAL16 = [0, 0x8000, 0x7c00, 0xfc00, 0x7bff, 0xfbff];

/** |value| of half bits after FPUnpack (FZ16 flushes denormals); NaN for NaNs. */
function unpackMag16(a: number, fpcr: number, st: Int32Array): number {
  const e = (a >>> 10) & 0x1f;
  const f = a & 0x3ff;
  if (e === 31) return f ? NaN : Infinity;
  if (e === 0) {
    if (fpcr & FZ16) return 0; // FZ16 flushes without raising IDC (unlike FZ)
    return f * 2 ** -24;
  }
  return (1024 + f) * 2 ** (e - 25);
}
function nanOut16(a: number, fpcr: number, st: Int32Array): number {
  if ((a & 0x200) === 0) st[I_FPSR] = st[I_FPSR]! | IOC;
  return fpcr & DN ? 0x7e00 : (a | 0x200) & 0xffff;
}

/** FRECPE on half-precision bits. */
export function recipEstimate16(a: number, fpcr: number, st: Int32Array): number {
  const mag = unpackMag16(a, fpcr, st);
  if (mag !== mag) return nanOut16(a, fpcr, st);
  const neg = (a & 0x8000) !== 0;
  if (recipSpecial(neg, mag, 16, fpcr, st)) return SPECIAL16[EST_KIND]!;
  const rexp = recipCore((a >>> 10) & 0x1f, (a & 0x3ff) * 2 ** 42, 16);
  return (neg ? 0x8000 : 0) | ((rexp & 0x1f) << 10) | Math.floor(EST_FRAC / 2 ** 42);
}
/** FRSQRTE on half-precision bits. */
export function rsqrtEstimate16(a: number, fpcr: number, st: Int32Array): number {
  const mag = unpackMag16(a, fpcr, st);
  if (mag !== mag) return nanOut16(a, fpcr, st);
  const s = rsqrtSpecial((a & 0x8000) !== 0, mag, st);
  if (s === 6) return 0x7e00;
  if (s >= 0) return SPECIAL16[s]!;
  const rexp = rsqrtCore((a >>> 10) & 0x1f, (a & 0x3ff) * 2 ** 42, 16);
  return ((rexp & 0x1f) << 10) | (EST_FRAC << 2);
}
/** FRECPX on half-precision bits. */
export function recpX16(a: number, fpcr: number, st: Int32Array): number {
  const mag = unpackMag16(a, fpcr, st);
  if (mag !== mag) return nanOut16(a, fpcr, st);
  const exp = (a >>> 10) & 0x1f;
  return (a & 0x8000) | ((exp === 0 ? 0x1e : ~exp & 0x1f) << 10);
}

/**
 * FPRecipStepFused (2 - a*b) and FPRSqrtStepFused ((3 - a*b) / 2) on values (not NaN, already
 * flushed by FPUnpack) for N = 16 or 32, where a*b is exact in a double: the exact result is
 * TwoSum's s + t (times 1/2), rounded once by FPRound.
 */
export function stepFused(a: number, b: number, N: number, rsqrt: boolean, fpcr: number, st: Int32Array): number {
  const ia = a === Infinity || a === -Infinity;
  const ib = b === Infinity || b === -Infinity;
  if ((ia && b === 0) || (a === 0 && ib)) return rsqrt ? 1.5 : 2;
  const na = -a; // op1 is negated first
  if (ia || ib) return (na < 0 || (na === 0 && 1 / na < 0)) !== (b < 0 || (b === 0 && 1 / b < 0)) ? -Infinity : Infinity;
  const p = na * b;
  const c = rsqrt ? 3 : 2;
  const s = c + p;
  const bb = s - c;
  const t = c - (s - bb) + (p - bb);
  if (s === 0 && t === 0) return fpRoundingMode(fpcr) === RM ? -0 : 0;
  return fpRoundReal(s, t, rsqrt ? -1 : 0, N, fpcr & ~(1 << 26), fpRoundingMode(fpcr), st);
}
