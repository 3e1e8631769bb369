/**
 * Arm floating-point pseudocode (Arm ARM, "Shared pseudocode: functions/float"): FPRound with the FPCR
 * rounding modes and flush-to-zero, FPUnpack's input flushing, NaN propagation (FPProcessNaNs),
 * the FPSR cumulative exception flags, conversions between half/single/double, integers and fixed
 * point, FPRoundInt (FRINT*), FPMax/FPMin, FPCompare and the fused multiply-add, all with exact
 * Armv8.0 results (FPCR.AH and the other Armv8.7 alternative behaviours are not modelled).
 *
 * Conventions, shared by the scalar (exec/fp-*.ts) and the Advanced SIMD handlers:
 *
 * - N is the format: 16 (half), 32 (single) or 64 (double).
 * - Values travel as JS numbers: every half, single and double value is exact as a double.
 *   A *value-level* helper (fpAdd, fpMul, fpMulAdd, fpRoundInt, fpConvert, …) takes operands that are
 *   not NaN and exactly representable in format N, and returns either a value exactly representable
 *   in N (write it through a Float32Array/Float64Array, or `halfBits` for N=16), or NaN, meaning
 *   **the default NaN**: write `DEFAULT_NAN32`/`DEFAULT_NAN16`/`DEFAULT_NAN64_HI` bits, because JS
 *   does not preserve NaN payloads or signs.
 * - NaN operands are handled on raw bits by the *bits-level* helpers (nan2_32, nanMulAdd64, …), which
 *   implement FPProcessNaN(s) including the FPCR.DN default NaN and quieting of signalling NaNs.
 *   `fpBinop32/64/16`, `fpMulAdd32/64/16` and `fpUnop32/64/16` combine both levels into complete
 *   lane operations on bits.
 * - Every helper takes `fpcr`, the FPCR value to obey (callers override RMode, e.g. with
 *   `withRounding`, or pass a constant mode in `rounding` arguments), and `st`, an Int32Array whose
 *   element I_FPSR accumulates FPSR cumulative bits (pass the CPU's state words `c.x`). Helpers only OR
 *   bits into it. 64-bit integer results come back through the scratch `FPR` (low word, high word).
 *
 * Exactness: operations are computed exactly with error-free transformations on doubles (TwoSum,
 * Dekker's TwoProduct, the exact remainders of division and square root, and Boldo–Melquiond's
 * round-to-odd sum for the fused multiply-add), scaled by powers of two so that no intermediate
 * overflows or underflows, then rounded once by `fpRoundReal` (FPRound). No BigInt anywhere.
 */
import { I_FPSR } from '../layout.js';

// ---------------------------------------------------------------------------------------------
// FPCR / FPSR bits

export const FPCR_AHP = 1 << 26;
export const FPCR_DN = 1 << 25;
export const FPCR_FZ = 1 << 24;
export const FPCR_RMODE_SHIFT = 22;
export const FPCR_RMODE = 3 << 22;
export const FPCR_FZ16 = 1 << 19;

export const FPSR_IOC = 1 << 0;
export const FPSR_DZC = 1 << 1;
export const FPSR_OFC = 1 << 2;
export const FPSR_UFC = 1 << 3;
export const FPSR_IXC = 1 << 4;
export const FPSR_IDC = 1 << 7;
export const FPSR_QC = 1 << 27;

/** FPRounding: the first four match FPCR.RMode. */
export const RN = 0; // to nearest, ties to even
export const RP = 1; // towards +infinity
export const RM = 2; // towards -infinity
export const RZ = 3; // towards zero
export const RA = 4; // to nearest, ties away from zero (FRINTA, FCVTA*)
export const RO = 5; // to odd (FCVTXN)

/** FPRoundingMode(fpcr). */
export function fpRoundingMode(fpcr: number): number {
  return (fpcr >>> FPCR_RMODE_SHIFT) & 3;
}
/** The FPCR value with RMode replaced by `rounding` (0..3). */
export function withRounding(fpcr: number, rounding: number): number {
  return (fpcr & ~FPCR_RMODE) | (rounding << FPCR_RMODE_SHIFT);
}

// Default NaNs (FPDefaultNaN): positive, quiet, zero payload.
export const DEFAULT_NAN16 = 0x7e00;
export const DEFAULT_NAN32 = 0x7fc00000;
export const DEFAULT_NAN64_HI = 0x7ff80000;

// ---------------------------------------------------------------------------------------------
// Scratch and powers of two

const SF64 = new Float64Array(1);
const SI64 = new Int32Array(SF64.buffer); // [0] low word, [1] high word (little-endian host)
const SF32 = new Float32Array(1);
const SI32 = new Int32Array(SF32.buffer);

/** 64-bit integer results (fpToFixed) and other two-word results: [0] low word, [1] high word. */
export const FPR = new Int32Array(2);

const TWO32 = 4294967296;
const TWO64 = TWO32 * TWO32;

/** POW2[k + 1074] = 2^k for -1074 <= k <= 1023, built from bits so subnormal powers are exact. */
const POW2 = new Float64Array(2098);
for (let k = -1074; k <= 1023; k++) {
  if (k >= -1022) {
    SI64[0] = 0;
    SI64[1] = (k + 1023) << 20;
  } else {
    const p = k + 1074;
    SI64[0] = p < 32 ? 1 << p : 0;
    SI64[1] = p < 32 ? 0 : 1 << (p - 32);
  }
  POW2[k + 1074] = SF64[0]!;
}

/** 2^k for -1074 <= k <= 1023. */
export function pow2(k: number): number {
  return POW2[k + 1074]!;
}

/** v * 2^k, exact whenever the result is representable (like C's ldexp). */
export function ldexp(v: number, k: number): number {
  while (k > 1023) {
    v *= POW2[1023 + 1074]!;
    k -= 1023;
  }
  while (k < -1022) {
    v *= POW2[-1022 + 1074]!;
    k += 1022;
  }
  return v * POW2[k + 1074]!;
}

/** floor(log2(|v|)) for finite non-zero v, subnormals included. */
export function floorLog2(v: number): number {
  SF64[0] = v;
  const e = (SI64[1]! >>> 20) & 0x7ff;
  if (e !== 0) return e - 1023;
  SF64[0] = v * TWO64;
  return ((SI64[1]! >>> 20) & 0x7ff) - 1023 - 64;
}

/** True for -0 and negative numbers. */
export function isNeg(v: number): boolean {
  return v < 0 || (v === 0 && 1 / v < 0);
}

// ---------------------------------------------------------------------------------------------
// Formats

function fracBits(N: number): number {
  return N === 64 ? 52 : N === 32 ? 23 : 10;
}
function minExp(N: number): number {
  return N === 64 ? -1022 : N === 32 ? -126 : -14;
}
/** The smallest normal value of format N. */
export function minNormal(N: number): number {
  return N === 64 ? 2.2250738585072014e-308 : N === 32 ? 1.1754943508222875e-38 : 6.103515625e-5;
}
/** The largest finite value of format N (IEEE formats). */
export function maxNormal(N: number): number {
  return N === 64 ? 1.7976931348623157e308 : N === 32 ? 3.4028234663852886e38 : 65504;
}
/** The largest alternative-half-precision value (FPCR.AHP: exponent 31 is a normal exponent). */
export const MAX_AHP = 131008;

/** The FPCR bit that flushes format N's denormals: FZ16 for half, FZ otherwise. */
export function fzBit(N: number): number {
  return N === 16 ? FPCR_FZ16 : FPCR_FZ;
}

/**
 * FPUnpack's flush-to-zero of inputs: with FZ (FZ16 for half) set, a denormal becomes a zero of the
 * same sign. FZ raises IDC; FZ16 does not (FPUnpackBase raises no exception for half).
 */
export function fpFlushIn(v: number, N: number, fpcr: number, st: Int32Array): number {
  if ((fpcr & fzBit(N)) !== 0 && v !== 0 && v < minNormal(N) && v > -minNormal(N)) {
    if (N !== 16) st[I_FPSR] |= FPSR_IDC;
    return v < 0 ? -0 : 0;
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Half precision (IEEE, or the alternative format when `ahp`)

/** The value of half-precision bits (NaN for a NaN; with `ahp` exponent 31 is an ordinary exponent). */
export function halfValue(bits: number, ahp = false): number {
  const e = (bits >>> 10) & 0x1f;
  const f = bits & 0x3ff;
  let v: number;
  if (e === 0) v = f * POW2[-24 + 1074]!;
  else if (e === 31 && !ahp) v = f === 0 ? Infinity : NaN;
  else v = (1024 + f) * POW2[e - 25 + 1074]!;
  return bits & 0x8000 ? -v : v;
}

/** Half-precision bits of a value representable in half (or AHP) format, or of an infinity. */
export function halfBits(v: number): number {
  const sign = isNeg(v) ? 0x8000 : 0;
  const a = v < 0 ? -v : v;
  if (a === 0) return sign;
  if (a === Infinity) return sign | 0x7c00;
  if (a < 6.103515625e-5) return sign | (a * 16777216); // subnormal: a multiple of 2^-24
  const e = floorLog2(a);
  return sign | ((e + 15) << 10) | (ldexp(a, 10 - e) - 1024);
}

/** The value of single-precision bits (NaN for any NaN). */
export function f32Value(bits: number): number {
  SI32[0] = bits;
  return SF32[0]!;
}
/** Single-precision bits of a non-NaN value representable as a float32. */
export function f32Bits(v: number): number {
  SF32[0] = v;
  return SI32[0]!;
}
/** The value of a double held as two words (NaN for any NaN). */
export function f64Value(lo: number, hi: number): number {
  SI64[0] = lo;
  SI64[1] = hi;
  return SF64[0]!;
}
/** Writes a non-NaN double's bits to out[io] (low) and out[io + 1] (high). */
export function putF64Bits(v: number, out: Int32Array, io: number): void {
  SF64[0] = v;
  out[io] = SI64[0]!;
  out[io + 1] = SI64[1]!;
}

// ---------------------------------------------------------------------------------------------
// FPRound

/**
 * FPRound (FPRoundBase) of the real number y = (h + t) * 2^e to format N with `rounding`, where h is
 * y / 2^e rounded to nearest-even at 53 bits (or exact) and t has the sign of y / 2^e - h (0 when h
 * is exact; only its sign is used). h must be finite and non-zero; e is an integer. Obeys FPCR.FZ
 * (FZ16 for N=16; output flushing uses the exact value's exponent, before rounding), and FPCR.AHP for
 * N=16 (the alternative format; callers implementing FPRound rather than FPRoundCV clear AHP).
 * Raises OFC+IXC on overflow, UFC when the exact result is tiny and inexact (tininess before
 * rounding, as Arm), IXC when inexact; AHP overflow raises IOC and saturates.
 */
export function fpRoundReal(
  h: number,
  t: number,
  e: number,
  N: number,
  fpcr: number,
  rounding: number,
  st: Int32Array,
): number {
  if (rounding === RN && e === 0) {
    // Fast paths: a normal result in round-to-nearest needs no scaling.
    if (N === 64) {
      if ((h > 2.2250738585072014e-308 || h < -2.2250738585072014e-308) && h - h === 0) {
        if (t !== 0) st[I_FPSR] |= FPSR_IXC;
        return h;
      }
    } else if (N === 32) {
      let r = Math.fround(h);
      if (t !== 0 && r !== h) {
        // h exactly halfway between two singles: the sign of t breaks the tie.
        const d = h - r;
        const r2 = r + 2 * d;
        if (Math.fround(r2) === r2 && d > 0 === t > 0) r = r2;
      }
      if ((r > 1.1754943508222875e-38 || r < -1.1754943508222875e-38) && r - r === 0) {
        if (r !== h || t !== 0) st[I_FPSR] |= FPSR_IXC;
        return r;
      }
    }
  }
  const neg = h < 0;
  let a = neg ? -h : h;
  // tau: +1 when |y| is above |h|, -1 below, 0 exact
  const tau = t === 0 ? 0 : t < 0 === neg ? 1 : -1;
  SF64[0] = a;
  if (((SI64[1]! >>> 20) & 0x7ff) === 0) {
    a *= TWO64;
    e -= 64;
    SF64[0] = a;
  }
  const hiw = SI64[1]!;
  const low = SI64[0]!;
  const eh = (hiw >>> 20) - 1023; // floor(log2(a))
  let ey = eh + e; // exponent of |y| (NormalizeReal)
  if (tau < 0 && (hiw & 0xfffff) === 0 && low === 0) ey--; // just below a power of two
  const F = fracBits(N);
  const emin = minExp(N);
  if (ey < emin && (fpcr & fzBit(N)) !== 0) {
    st[I_FPSR] |= FPSR_UFC;
    return neg ? -0 : 0;
  }
  const qe = (ey < emin ? emin : ey) - F; // exponent of the result's last place
  // m = |y| / 2^qe, below 2^(F+1). Far below 1/2 only its being non-zero matters.
  const m = eh + e - qe < -60 ? POW2[-64 + 1074]! : ldexp(a, e - qe);
  let i = Math.floor(m);
  let frac = m - i;
  if (tau < 0 && frac === 0) {
    i -= 1;
    frac = 1; // just below the next integer
  }
  const inexact = frac !== 0 || tau !== 0;
  let up = false;
  let toInf = false;
  switch (rounding) {
    case RN:
      up = frac > 0.5 || (frac === 0.5 && (tau > 0 || (tau === 0 && i % 2 === 1)));
      toInf = true;
      break;
    case RP:
      up = inexact && !neg;
      toInf = !neg;
      break;
    case RM:
      up = inexact && neg;
      toInf = neg;
      break;
    case RA:
      up = frac > 0.5 || (frac === 0.5 && tau >= 0);
      toInf = true;
      break;
    case RO:
      up = inexact && i % 2 === 0;
      break;
    default: // RZ
      break;
  }
  if (up) i += 1;
  const ahp = N === 16 && (fpcr & FPCR_AHP) !== 0;
  const emax = N === 64 ? 1023 : N === 32 ? 127 : ahp ? 16 : 15;
  const top = POW2[F + 1074]!; // 2^F: the smallest normal significand
  if (i >= top && qe + F + (i >= 2 * top ? 1 : 0) > emax) {
    if (ahp) {
      st[I_FPSR] |= FPSR_IOC;
      return neg ? -MAX_AHP : MAX_AHP;
    }
    st[I_FPSR] |= FPSR_OFC | FPSR_IXC;
    const r = toInf ? Infinity : maxNormal(N);
    return neg ? -r : r;
  }
  if (inexact) st[I_FPSR] |= ey < emin ? FPSR_UFC | FPSR_IXC : FPSR_IXC;
  if (i === 0) return neg ? -0 : 0;
  const v = i * POW2[qe + 1074]!;
  return neg ? -v : v;
}

/** The signed zero of an exact zero sum: -0 when rounding towards -infinity, else +0. */
function exactZero(fpcr: number): number {
  return fpRoundingMode(fpcr) === RM ? -0 : 0;
}

// ---------------------------------------------------------------------------------------------
// Exact arithmetic (operands finite and non-zero unless stated)

let ERR = 0; // second result of twoSum / twoProd

function twoSum(a: number, b: number): number {
  const s = a + b;
  const bb = s - a;
  ERR = a - (s - bb) + (b - bb);
  return s;
}

const SPLIT = 134217729; // 2^27 + 1 (Veltkamp)

/** Dekker's exact product: a * b = result + ERR, given |a|, |b| < 2^995 and no underflow. */
function twoProd(a: number, b: number): number {
  const p = a * b;
  let s = SPLIT * a;
  const ah = s - (s - a);
  const al = a - ah;
  s = SPLIT * b;
  const bh = s - (s - b);
  const bl = b - bh;
  ERR = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}

/** The neighbour of non-zero finite v one unit in the last place away from (+1) or towards (-1) zero. */
function nextMag(v: number, dir: number): number {
  SF64[0] = v;
  let lo = SI64[0]!;
  let hi = SI64[1]!;
  if (dir > 0) {
    lo = (lo + 1) | 0;
    if (lo === 0) hi = (hi + 1) | 0;
  } else {
    if (lo === 0) hi = (hi - 1) | 0;
    lo = (lo - 1) | 0;
  }
  SI64[0] = lo;
  SI64[1] = hi;
  return SF64[0]!;
}

/** Exact sign (-1, 0, 1) of a + b + c (Shewchuk's grow-expansion; no overflow). */
function sign3(a: number, b: number, c: number): number {
  const q = a + b;
  let bb = q - a;
  const e1 = a - (q - bb) + (b - bb);
  const q1 = c + e1;
  bb = q1 - c;
  const g1 = c - (q1 - bb) + (e1 - bb);
  const q2 = q1 + q;
  bb = q2 - q1;
  const g2 = q1 - (q2 - bb) + (q - bb);
  const r = q2 !== 0 ? q2 : g2 !== 0 ? g2 : g1;
  return r > 0 ? 1 : r < 0 ? -1 : 0;
}

/**
 * Rounds x + px + c (three doubles whose exact sum is wanted; px the low part of an exact product)
 * with Boldo and Melquiond's round-to-odd summation: h = RN(x + px + c) and the sign of the rest.
 * All quantities must stay clear of overflow and of the subnormal range.
 */
function roundSum3(p: number, pe: number, c: number, e: number, N: number, fpcr: number, rounding: number, st: Int32Array): number {
  const th = twoSum(c, p);
  const tl = ERR;
  const vRn = twoSum(tl, pe);
  const ve = ERR;
  let v = vRn;
  if (ve !== 0) {
    SF64[0] = v;
    if ((SI64[0]! & 1) === 0) v = nextMag(v, ve > 0 === v > 0 ? 1 : -1); // round to odd
  }
  const h = twoSum(th, v);
  const he = ERR;
  if (h === 0) return exactZero(fpcr);
  return fpRoundReal(h, sign3(he, vRn - v, ve), e, N, fpcr, rounding, st);
}

/** FPRound(a + b) for finite a, b with a non-zero exact sum. */
function addReal(a: number, b: number, N: number, fpcr: number, rounding: number, st: Int32Array): number {
  let e = 0;
  if (a >= 2.2e307 || a <= -2.2e307 || b >= 2.2e307 || b <= -2.2e307) {
    // Keep TwoSum clear of overflow; a partner far below the other's last place is just a sticky bit.
    a = a > 1e-300 || a < -1e-300 ? a * 0.25 : a < 0 ? -1e-300 : a > 0 ? 1e-300 : 0;
    b = b > 1e-300 || b < -1e-300 ? b * 0.25 : b < 0 ? -1e-300 : b > 0 ? 1e-300 : 0;
    e = 2;
  }
  const s = twoSum(a, b);
  return fpRoundReal(s, ERR, e, N, fpcr, rounding, st);
}

/** FPRound(a * b) for finite non-zero a, b. */
function mulReal(a: number, b: number, N: number, fpcr: number, rounding: number, st: Int32Array): number {
  let e = 0;
  let p = a * b;
  const ap = p < 0 ? -p : p;
  if (!(ap > 1e-289 && ap < 1e300 && a < 1e299 && a > -1e299 && b < 1e299 && b > -1e299)) {
    const ea = floorLog2(a);
    const eb = floorLog2(b);
    a = ldexp(a, -ea);
    b = ldexp(b, -eb);
    e = ea + eb;
  }
  p = twoProd(a, b);
  return fpRoundReal(p, ERR, e, N, fpcr, rounding, st);
}

/** FPRound(a / b) for finite non-zero a, b. */
function divReal(a: number, b: number, N: number, fpcr: number, rounding: number, st: Int32Array): number {
  const neg = a < 0 !== b < 0;
  const ea = floorLog2(a);
  const eb = floorLog2(b);
  const ma = ldexp(a < 0 ? -a : a, -ea);
  const mb = ldexp(b < 0 ? -b : b, -eb);
  const q = ma / mb;
  const p = twoProd(q, mb);
  const rem = ma - p - ERR; // exact: ma - q * mb
  return fpRoundReal(neg ? -q : q, neg ? -rem : rem, ea - eb, N, fpcr, rounding, st);
}

/** FPRound(sqrt(a)) for finite a > 0. */
function sqrtReal(a: number, N: number, fpcr: number, rounding: number, st: Int32Array): number {
  let ea = floorLog2(a);
  let ma = ldexp(a, -ea);
  if (ea & 1) {
    ma *= 2;
    ea -= 1;
  }
  const s = Math.sqrt(ma);
  const p = twoProd(s, s);
  const rem = ma - p - ERR; // exact: ma - s * s
  return fpRoundReal(s, rem, ea / 2, N, fpcr, rounding, st);
}

/** FPRound(a * b + c) with one rounding, for finite non-zero a, b and finite c. */
function mulAddReal(a: number, b: number, c: number, N: number, fpcr: number, rounding: number, st: Int32Array): number {
  const p0 = a * b;
  const ap = p0 < 0 ? -p0 : p0;
  if (
    ap > 1e-270 && ap < 1e300 && a < 1e299 && a > -1e299 && b < 1e299 && b > -1e299 &&
    (c === 0 || ((c > 1e-270 || c < -1e-270) && c < 1e300 && c > -1e300))
  ) {
    const p = twoProd(a, b);
    return roundSum3(p, ERR, c, 0, N, fpcr, rounding, st);
  }
  // Scale: the product's significands to [1, 4), the addend aligned to it.
  const ea = floorLog2(a);
  const eb = floorLog2(b);
  const p = twoProd(ldexp(a, -ea), ldexp(b, -eb));
  const pe = ERR;
  const e = ea + eb;
  if (c === 0) return fpRoundReal(p, pe, e, N, fpcr, rounding, st);
  const ec = floorLog2(c);
  if (ec - e > 160) {
    // The whole product lies far below the addend's last place: a sticky bit.
    return fpRoundReal(ldexp(c, -ec), p, ec, N, fpcr, rounding, st);
  }
  const cc = ec - e < -160 ? (c < 0 ? -1e-60 : 1e-60) : ldexp(c, -e);
  return roundSum3(p, pe, cc, e, N, fpcr, rounding, st);
}

// ---------------------------------------------------------------------------------------------
// Value-level operations (operands not NaN; result NaN = the default NaN)

/** FPAdd. */
export function fpAdd(a: number, b: number, N: number, fpcr: number, st: Int32Array): number {
  if ((fpcr & fzBit(N)) !== 0) {
    a = fpFlushIn(a, N, fpcr, st);
    b = fpFlushIn(b, N, fpcr, st);
  }
  const s = a + b;
  if (s !== s) {
    st[I_FPSR] |= FPSR_IOC; // +inf + -inf
    return NaN;
  }
  if (a - a !== 0 || b - b !== 0) return s; // an infinity
  if (s === 0) {
    if (a === 0 && b === 0 && isNeg(a) === isNeg(b)) return a;
    return exactZero(fpcr);
  }
  return addReal(a, b, N, fpcr & ~FPCR_AHP, fpRoundingMode(fpcr), st);
}

/** FPSub. */
export function fpSub(a: number, b: number, N: number, fpcr: number, st: Int32Array): number {
  return fpAdd(a, -b, N, fpcr, st);
}

/** FPMul. */
export function fpMul(a: number, b: number, N: number, fpcr: number, st: Int32Array): number {
  if ((fpcr & fzBit(N)) !== 0) {
    a = fpFlushIn(a, N, fpcr, st);
    b = fpFlushIn(b, N, fpcr, st);
  }
  const p = a * b;
  if (p !== p) {
    st[I_FPSR] |= FPSR_IOC; // 0 * inf
    return NaN;
  }
  if (a === 0 || b === 0 || a - a !== 0 || b - b !== 0) return p; // exact zero or infinity
  return mulReal(a, b, N, fpcr & ~FPCR_AHP, fpRoundingMode(fpcr), st);
}

/** FPDiv. */
export function fpDiv(a: number, b: number, N: number, fpcr: number, st: Int32Array): number {
  if ((fpcr & fzBit(N)) !== 0) {
    a = fpFlushIn(a, N, fpcr, st);
    b = fpFlushIn(b, N, fpcr, st);
  }
  const q = a / b;
  if (q !== q) {
    st[I_FPSR] |= FPSR_IOC; // 0/0, inf/inf
    return NaN;
  }
  if (a - a !== 0 || b === 0) {
    if (a - a === 0) st[I_FPSR] |= FPSR_DZC;
    return q; // signed infinity
  }
  if (a === 0 || b - b !== 0) return q; // signed zero
  return divReal(a, b, N, fpcr & ~FPCR_AHP, fpRoundingMode(fpcr), st);
}

/** FPSqrt. */
export function fpSqrt(a: number, N: number, fpcr: number, st: Int32Array): number {
  a = fpFlushIn(a, N, fpcr, st);
  if (a === 0 || a === Infinity) return a;
  if (a < 0) {
    st[I_FPSR] |= FPSR_IOC;
    return NaN;
  }
  return sqrtReal(a, N, fpcr & ~FPCR_AHP, fpRoundingMode(fpcr), st);
}

/**
 * FPMulAdd: addend + op1 * op2 with a single rounding. FMSUB/FNMADD/FNMSUB negate their operands
 * before calling (FPNeg), as the pseudocode does.
 */
export function fpMulAdd(addend: number, op1: number, op2: number, N: number, fpcr: number, st: Int32Array): number {
  if ((fpcr & fzBit(N)) !== 0) {
    addend = fpFlushIn(addend, N, fpcr, st);
    op1 = fpFlushIn(op1, N, fpcr, st);
    op2 = fpFlushIn(op2, N, fpcr, st);
  }
  const inf1 = op1 - op1 !== 0;
  const inf2 = op2 - op2 !== 0;
  const zero1 = op1 === 0;
  const zero2 = op2 === 0;
  const infA = addend - addend !== 0;
  const infP = inf1 || inf2;
  const signP = isNeg(op1) !== isNeg(op2);
  const signA = isNeg(addend);
  if ((inf1 && zero2) || (zero1 && inf2) || (infA && infP && signA !== signP)) {
    st[I_FPSR] |= FPSR_IOC;
    return NaN;
  }
  if (infA) return addend;
  if (infP) return signP ? -Infinity : Infinity;
  if (zero1 || zero2) {
    if (addend !== 0) return addend;
    return signA === signP ? addend : exactZero(fpcr);
  }
  return mulAddReal(op1, op2, addend, N, fpcr & ~FPCR_AHP, fpRoundingMode(fpcr), st);
}

/** FPMax (FMAX): +0 is larger than -0. */
export function fpMax(a: number, b: number, N: number, fpcr: number, st: Int32Array): number {
  if ((fpcr & fzBit(N)) !== 0) {
    a = fpFlushIn(a, N, fpcr, st);
    b = fpFlushIn(b, N, fpcr, st);
  }
  if (a === 0 && b === 0) return isNeg(a) && isNeg(b) ? -0 : 0;
  return a > b ? a : b;
}

/** FPMin (FMIN): -0 is smaller than +0. */
export function fpMin(a: number, b: number, N: number, fpcr: number, st: Int32Array): number {
  if ((fpcr & fzBit(N)) !== 0) {
    a = fpFlushIn(a, N, fpcr, st);
    b = fpFlushIn(b, N, fpcr, st);
  }
  if (a === 0 && b === 0) return isNeg(a) || isNeg(b) ? -0 : 0;
  return a < b ? a : b;
}

/**
 * FPCompare of non-NaN values after FPUnpack: NZCV as a 4-bit number (8 = N, 4 = Z, 2 = C, 1 = V):
 * equal 0110, less 1000, greater 0010. For NaN operands use `fpCompareUnordered`.
 */
export function fpCompare(a: number, b: number, N: number, fpcr: number, st: Int32Array): number {
  if ((fpcr & fzBit(N)) !== 0) {
    a = fpFlushIn(a, N, fpcr, st);
    b = fpFlushIn(b, N, fpcr, st);
  }
  return a === b ? 0b0110 : a < b ? 0b1000 : 0b0010;
}

/**
 * FPCompare with at least one NaN operand: NZCV 0011, and IOC when either NaN is signalling or the
 * comparison signals on all NaNs (FCMPE). `other` is the operand that is not NaN, if any (NaN
 * otherwise), so its FPUnpack can still raise IDC.
 */
export function fpCompareUnordered(
  anySignalling: boolean,
  signalAll: boolean,
  other: number,
  N: number,
  fpcr: number,
  st: Int32Array,
): number {
  if (other === other) fpFlushIn(other, N, fpcr, st);
  if (anySignalling || signalAll) st[I_FPSR] |= FPSR_IOC;
  return 0b0011;
}

/**
 * v - floor(v) compared with 1/2 and 0 only: exact except for v in (-1/2, 0), where v + 1 can round
 * to exactly 1/2 (e.g. -0.49999999999999994); the true value there is above 1/2.
 */
function fractionAbove(v: number, floor: number): number {
  return v < 0 && v > -0.5 ? 0.75 : v - floor;
}

/**
 * FPRoundInt (FRINT*): `rounding` is RN/RP/RM/RZ/RA; `exact` raises IXC when the value changes
 * (FRINTX). The zero of a rounded-to-zero result keeps the operand's sign.
 */
export function fpRoundInt(v: number, N: number, rounding: number, exact: boolean, fpcr: number, st: Int32Array): number {
  v = fpFlushIn(v, N, fpcr, st);
  if (v === 0 || v - v !== 0) return v;
  let i = Math.floor(v);
  const err = fractionAbove(v, i);
  if (err === 0) return v;
  let up: boolean;
  switch (rounding) {
    case RN:
      up = err > 0.5 || (err === 0.5 && i % 2 !== 0);
      break;
    case RP:
      up = true;
      break;
    case RM:
      up = false;
      break;
    case RZ:
      up = i < 0;
      break;
    default: // RA
      up = err > 0.5 || (err === 0.5 && i >= 0);
      break;
  }
  if (up) i += 1;
  if (exact) st[I_FPSR] |= FPSR_IXC;
  if (i === 0) return v < 0 ? -0 : 0;
  return i;
}

/**
 * FPConvert (FCVT, FCVTL/FCVTN) of a non-NaN value of format `fromN` to format `toN` with the FPCR's
 * rounding mode (FPUnpackCV/FPRoundCV: FZ16 is ignored, FZ applies to single and double, AHP to half
 * results). Half inputs in AHP format must be decoded with `halfValue(bits, true)` first.
 */
export function fpConvert(v: number, fromN: number, toN: number, fpcr: number, st: Int32Array): number {
  if (fromN !== 16) v = fpFlushIn(v, fromN, fpcr, st);
  if (v === 0) return v;
  if (v - v !== 0) {
    if (toN === 16 && (fpcr & FPCR_AHP) !== 0) {
      st[I_FPSR] |= FPSR_IOC;
      return v < 0 ? -MAX_AHP : MAX_AHP;
    }
    return v;
  }
  return fpRoundReal(v, 0, 0, toN, fpcr & ~FPCR_FZ16, fpRoundingMode(fpcr), st);
}

/** Like fpConvert with an explicit rounding mode (e.g. RO for FCVTXN). */
export function fpConvertRounding(v: number, fromN: number, toN: number, rounding: number, fpcr: number, st: Int32Array): number {
  if (fromN !== 16) v = fpFlushIn(v, fromN, fpcr, st);
  if (v === 0 || v - v !== 0) return fpConvert(v, fromN, toN, fpcr, st);
  return fpRoundReal(v, 0, 0, toN, fpcr & ~FPCR_FZ16, rounding, st);
}

/**
 * FPToFixed: a value of format N (NaN allowed: result 0 and IOC) times 2^fbits, rounded with
 * `rounding` (RN/RP/RM/RZ/RA) to an M-bit (32 or 64) signed or unsigned integer, saturating with
 * IOC; IXC when inexact. The result is in FPR[0] (low word) and FPR[1] (high word; 0 for M = 32).
 */
export function fpToFixed(
  v: number,
  N: number,
  fbits: number,
  unsigned: boolean,
  M: number,
  rounding: number,
  fpcr: number,
  st: Int32Array,
): void {
  let x: number;
  if (v !== v) {
    st[I_FPSR] |= FPSR_IOC;
    FPR[0] = 0;
    FPR[1] = 0;
    return;
  }
  x = fpFlushIn(v, N, fpcr, st);
  if (fbits !== 0) x *= POW2[fbits + 1074]!;
  let i = Math.floor(x);
  const err = x - i === x - i ? fractionAbove(x, i) : NaN; // NaN for infinities
  if (err !== 0 && err === err) {
    let up: boolean;
    switch (rounding) {
      case RN:
        up = err > 0.5 || (err === 0.5 && i % 2 !== 0);
        break;
      case RP:
        up = true;
        break;
      case RM:
        up = false;
        break;
      case RZ:
        up = i < 0;
        break;
      default: // RA
        up = err > 0.5 || (err === 0.5 && i >= 0);
        break;
    }
    if (up) i += 1;
  }
  let ovf = false;
  if (M === 32) {
    if (unsigned ? i < 0 : i < -2147483648) {
      ovf = true;
      FPR[0] = unsigned ? 0 : -2147483648;
    } else if (unsigned ? i > 4294967295 : i > 2147483647) {
      ovf = true;
      FPR[0] = unsigned ? -1 : 2147483647;
    } else FPR[0] = i | 0;
    FPR[1] = 0;
  } else {
    if (unsigned ? i < 0 : i < -9223372036854775808) {
      ovf = true;
      FPR[0] = 0;
      FPR[1] = unsigned ? 0 : -2147483648;
    } else if (unsigned ? i >= 18446744073709551616 : i >= 9223372036854775808) {
      ovf = true;
      FPR[0] = -1;
      FPR[1] = unsigned ? -1 : 2147483647;
    } else {
      const hi = Math.floor(i / TWO32);
      FPR[0] = (i - hi * TWO32) | 0;
      FPR[1] = hi | 0;
    }
  }
  if (ovf) st[I_FPSR] |= FPSR_IOC;
  else if (err !== 0) st[I_FPSR] |= FPSR_IXC;
}

/**
 * FixedToFP: the 64-bit integer hi:lo (two's complement unless `unsigned`; pass hi = lo >> 31 or 0
 * for a 32-bit source) divided by 2^fbits, rounded to format N with `rounding`. Zero gives +0.
 */
export function fixedToFp(
  lo: number,
  hi: number,
  unsigned: boolean,
  fbits: number,
  N: number,
  rounding: number,
  fpcr: number,
  st: Int32Array,
): number {
  if ((lo | hi) === 0) return 0;
  const hv = (unsigned ? hi >>> 0 : hi | 0) * TWO32;
  const s = twoSum(hv, lo >>> 0);
  return fpRoundReal(s, ERR, -fbits, N, fpcr & ~FPCR_AHP, rounding, st);
}

/**
 * FPToFixedJS (FJCVTZS): double to int32 rounding towards zero, modulo 2^32. Returns the result and
 * sets FPR[1] to the Z flag (1 when the conversion was exact and in range, and not -0).
 */
export function fpToInt32JS(v: number, fpcr: number, st: Int32Array): number {
  if (v !== v) {
    st[I_FPSR] |= FPSR_IOC;
    FPR[1] = 0;
    return 0;
  }
  const f = fpFlushIn(v, 64, fpcr, st);
  let z = f === v ? 1 : 0; // a flushed denormal is not an exact conversion
  if (f - f !== 0 || f <= -2147483649 || f >= 2147483648) {
    st[I_FPSR] |= FPSR_IOC; // out of range (infinities give 0)
    z = 0;
  } else if (f !== Math.trunc(f)) {
    st[I_FPSR] |= FPSR_IXC;
    z = 0;
  } else if (f === 0 && isNeg(f)) z = 0;
  FPR[1] = z;
  return f - f !== 0 ? 0 : f | 0; // ToInt32 truncates and reduces modulo 2^32 exactly
}

/** VFPExpandImm: the value of an 8-bit floating-point immediate (exact in every format). */
export function vfpExpandImm(imm8: number): number {
  const sign = imm8 >>> 7;
  const b6 = (imm8 >>> 6) & 1;
  const exp = (b6 ? -3 : 1) + ((imm8 >>> 4) & 3); // -3..0 when b = 1, 1..4 when b = 0
  const v = (16 + (imm8 & 15)) * POW2[exp - 4 + 1074]!;
  return sign ? -v : v;
}

// ---------------------------------------------------------------------------------------------
// NaNs on raw bits (FPProcessNaN, FPProcessNaNs, FPProcessNaNs3, FPConvertNaN)

export const NOT_NAN = 0;
export const QNAN = 1;
export const SNAN = 2;

export function nanKind16(b: number): number {
  if ((b & 0x7c00) !== 0x7c00 || (b & 0x3ff) === 0) return NOT_NAN;
  return b & 0x200 ? QNAN : SNAN;
}
export function nanKind32(b: number): number {
  if ((b & 0x7f800000) !== 0x7f800000 || (b & 0x7fffff) === 0) return NOT_NAN;
  return b & 0x400000 ? QNAN : SNAN;
}
export function nanKind64(lo: number, hi: number): number {
  if ((hi & 0x7ff00000) !== 0x7ff00000 || ((hi & 0xfffff) | lo) === 0) return NOT_NAN;
  return hi & 0x80000 ? QNAN : SNAN;
}

/** With FZ, FPUnpack of a denormal operand raises IDC even when a NaN decides the result. */
function idcIfDenormal(isDenormal: boolean, fz: number, fpcr: number, st: Int32Array): void {
  if (isDenormal && (fpcr & fz) !== 0) st[I_FPSR] |= FPSR_IDC;
}
const denormal16 = (b: number): boolean => (b & 0x7c00) === 0 && (b & 0x3ff) !== 0;
const denormal32 = (b: number): boolean => (b & 0x7f800000) === 0 && (b & 0x7fffff) !== 0;
const denormal64 = (lo: number, hi: number): boolean => (hi & 0x7ff00000) === 0 && ((hi & 0xfffff) | lo) !== 0;

/** Picks the NaN to propagate among kinds k[0..n): the first SNaN, else the first QNaN. */
function pickNaN(k0: number, k1: number, k2: number): number {
  if (k0 === SNAN) return 0;
  if (k1 === SNAN) return 1;
  if (k2 === SNAN) return 2;
  if (k0 === QNAN) return 0;
  if (k1 === QNAN) return 1;
  return 2;
}

/** FPProcessNaN of a single-precision NaN: quiets an SNaN (IOC); the default NaN when FPCR.DN. */
export function nan1_32(a: number, fpcr: number, st: Int32Array): number {
  if ((a & 0x400000) === 0) st[I_FPSR] |= FPSR_IOC;
  return fpcr & FPCR_DN ? DEFAULT_NAN32 : a | 0x400000;
}
export function nan1_16(a: number, fpcr: number, st: Int32Array): number {
  if ((a & 0x200) === 0) st[I_FPSR] |= FPSR_IOC;
  return fpcr & FPCR_DN ? DEFAULT_NAN16 : (a | 0x200) & 0xffff;
}
/** FPProcessNaN of the double NaN at w[i], w[i+1] (low, high), written to out[io], out[io+1]. */
export function nan1_64(w: Int32Array, i: number, out: Int32Array, io: number, fpcr: number, st: Int32Array): void {
  const lo = w[i]!;
  const hi = w[i + 1]!;
  if ((hi & 0x80000) === 0) st[I_FPSR] |= FPSR_IOC;
  if (fpcr & FPCR_DN) {
    out[io] = 0;
    out[io + 1] = DEFAULT_NAN64_HI;
  } else {
    out[io] = lo;
    out[io + 1] = hi | 0x80000;
  }
}

/** FPProcessNaNs for two single-precision operands (bits), at least one a NaN: the result bits. */
export function nan2_32(a: number, b: number, fpcr: number, st: Int32Array): number {
  const ka = nanKind32(a);
  const kb = nanKind32(b);
  idcIfDenormal(denormal32(a) || denormal32(b), FPCR_FZ, fpcr, st);
  return nan1_32(pickNaN(ka, kb, NOT_NAN) === 0 ? a : b, fpcr, st);
}
export function nan2_16(a: number, b: number, fpcr: number, st: Int32Array): number {
  const ka = nanKind16(a);
  const kb = nanKind16(b);
  return nan1_16(pickNaN(ka, kb, NOT_NAN) === 0 ? a : b, fpcr, st);
}
/** FPProcessNaNs for doubles at w[ia..], w[ib..] (word indices of low words), result to out[io..]. */
export function nan2_64(w: Int32Array, ia: number, ib: number, out: Int32Array, io: number, fpcr: number, st: Int32Array): void {
  const ka = nanKind64(w[ia]!, w[ia + 1]!);
  const kb = nanKind64(w[ib]!, w[ib + 1]!);
  idcIfDenormal(denormal64(w[ia]!, w[ia + 1]!) || denormal64(w[ib]!, w[ib + 1]!), FPCR_FZ, fpcr, st);
  nan1_64(w, pickNaN(ka, kb, NOT_NAN) === 0 ? ia : ib, out, io, fpcr, st);
}

/** Is the (non-NaN) operand an infinity / a zero after FZ flushing? */
const inf32 = (b: number): boolean => (b & 0x7fffffff) === 0x7f800000;
const zero32 = (b: number, fpcr: number): boolean => (b & 0x7fffffff) === 0 || ((fpcr & FPCR_FZ) !== 0 && denormal32(b));
const inf16 = (b: number): boolean => (b & 0x7fff) === 0x7c00;
const zero16 = (b: number, fpcr: number): boolean => (b & 0x7fff) === 0 || ((fpcr & FPCR_FZ16) !== 0 && denormal16(b));
const inf64 = (lo: number, hi: number): boolean => lo === 0 && (hi & 0x7fffffff) === 0x7ff00000;
const zero64 = (lo: number, hi: number, fpcr: number): boolean =>
  (lo | (hi & 0x7fffffff)) === 0 || ((fpcr & FPCR_FZ) !== 0 && denormal64(lo, hi));

/**
 * The NaN result of FPMulAdd(addend, op1, op2) (bits, at least one a NaN): FPProcessNaNs3 in the
 * order addend, op1, op2, and the default NaN with IOC for a quiet-NaN addend with 0 * inf.
 * Operands are taken as given (apply FPNeg by flipping sign bits first).
 */
export function nanMulAdd32(addend: number, op1: number, op2: number, fpcr: number, st: Int32Array): number {
  const ka = nanKind32(addend);
  const k1 = nanKind32(op1);
  const k2 = nanKind32(op2);
  idcIfDenormal(denormal32(addend) || denormal32(op1) || denormal32(op2), FPCR_FZ, fpcr, st);
  if (ka === QNAN && k1 === NOT_NAN && k2 === NOT_NAN) {
    if ((inf32(op1) && zero32(op2, fpcr)) || (zero32(op1, fpcr) && inf32(op2))) {
      st[I_FPSR] |= FPSR_IOC;
      return DEFAULT_NAN32;
    }
  }
  const w = pickNaN(ka, k1, k2);
  return nan1_32(w === 0 ? addend : w === 1 ? op1 : op2, fpcr, st);
}
export function nanMulAdd16(addend: number, op1: number, op2: number, fpcr: number, st: Int32Array): number {
  const ka = nanKind16(addend);
  const k1 = nanKind16(op1);
  const k2 = nanKind16(op2);
  if (ka === QNAN && k1 === NOT_NAN && k2 === NOT_NAN) {
    if ((inf16(op1) && zero16(op2, fpcr)) || (zero16(op1, fpcr) && inf16(op2))) {
      st[I_FPSR] |= FPSR_IOC;
      return DEFAULT_NAN16;
    }
  }
  const w = pickNaN(ka, k1, k2);
  return nan1_16(w === 0 ? addend : w === 1 ? op1 : op2, fpcr, st);
}
/**
 * nanMulAdd for doubles at word indices ia (addend), i1, i2 of w; `neg` bit 0 negates the addend and
 * bit 1 op1 (FPNeg before NaN processing, for FMSUB/FNMADD/FNMSUB). Result to out[io..].
 */
export function nanMulAdd64(
  w: Int32Array,
  ia: number,
  i1: number,
  i2: number,
  neg: number,
  out: Int32Array,
  io: number,
  fpcr: number,
  st: Int32Array,
): void {
  const alo = w[ia]!;
  const ahi = neg & 1 ? w[ia + 1]! ^ 0x80000000 : w[ia + 1]!;
  const lo1 = w[i1]!;
  const hi1 = neg & 2 ? w[i1 + 1]! ^ 0x80000000 : w[i1 + 1]!;
  const lo2 = w[i2]!;
  const hi2 = w[i2 + 1]!;
  const ka = nanKind64(alo, ahi);
  const k1 = nanKind64(lo1, hi1);
  const k2 = nanKind64(lo2, hi2);
  idcIfDenormal(denormal64(alo, ahi) || denormal64(lo1, hi1) || denormal64(lo2, hi2), FPCR_FZ, fpcr, st);
  if (ka === QNAN && k1 === NOT_NAN && k2 === NOT_NAN) {
    if ((inf64(lo1, hi1) && zero64(lo2, hi2, fpcr)) || (zero64(lo1, hi1, fpcr) && inf64(lo2, hi2))) {
      st[I_FPSR] |= FPSR_IOC;
      out[io] = 0;
      out[io + 1] = DEFAULT_NAN64_HI;
      return;
    }
  }
  const which = pickNaN(ka, k1, k2);
  const lo = which === 0 ? alo : which === 1 ? lo1 : lo2;
  const hi = which === 0 ? ahi : which === 1 ? hi1 : hi2;
  const kind = which === 0 ? ka : which === 1 ? k1 : k2;
  if (kind === SNAN) st[I_FPSR] |= FPSR_IOC;
  if (fpcr & FPCR_DN) {
    out[io] = 0;
    out[io + 1] = DEFAULT_NAN64_HI;
  } else {
    out[io] = lo;
    out[io + 1] = hi | 0x80000;
  }
}

/**
 * FPConvertNaN (FCVT of a NaN) with FPCR.DN and, for half results, FPCR.AHP (a NaN becomes a zero
 * of its sign, with IOC). The source NaN is `hi` (and `lo` for doubles; pass 0 otherwise) of format
 * fromN. Returns the result bits for toN = 16 or 32, or the high word for toN = 64 with the low word
 * in FPR[0].
 */
export function nanConvert(hi: number, lo: number, fromN: number, toN: number, fpcr: number, st: Int32Array): number {
  // The 51-bit payload below the quiet bit, as its top 19 bits (fh) and low 32 bits (fl).
  let sign: number;
  let fh: number;
  let fl: number;
  let quiet: boolean;
  if (fromN === 64) {
    sign = hi >>> 31;
    fh = hi & 0x7ffff;
    fl = lo;
    quiet = (hi & 0x80000) !== 0;
  } else if (fromN === 32) {
    sign = hi >>> 31;
    fh = (hi >>> 3) & 0x7ffff;
    fl = hi << 29;
    quiet = (hi & 0x400000) !== 0;
  } else {
    sign = (hi >>> 15) & 1;
    fh = (hi & 0x1ff) << 10;
    fl = 0;
    quiet = (hi & 0x200) !== 0;
  }
  const ahp = toN === 16 && (fpcr & FPCR_AHP) !== 0;
  if (!quiet || ahp) st[I_FPSR] |= FPSR_IOC;
  if (ahp) return sign << 15;
  const dn = (fpcr & FPCR_DN) !== 0;
  if (toN === 64) {
    FPR[0] = dn ? 0 : fl;
    return dn ? DEFAULT_NAN64_HI : (sign << 31) | 0x7ff80000 | fh;
  }
  if (toN === 32) return dn ? DEFAULT_NAN32 : (sign << 31) | 0x7fc00000 | (fh << 3) | (fl >>> 29);
  return dn ? DEFAULT_NAN16 : (sign << 15) | 0x7e00 | (fh >>> 10);
}

// ---------------------------------------------------------------------------------------------
// Complete lane operations on bits

/** Two-operand operations for fpBinop*. */
export const OP_ADD = 0;
export const OP_SUB = 1;
export const OP_MUL = 2;
export const OP_DIV = 3;
export const OP_MAX = 4;
export const OP_MIN = 5;
export const OP_MAXNM = 6;
export const OP_MINNM = 7;
export const OP_NMUL = 8; // FNMUL: FPNeg(FPMul), NaN results included

/** The value-level two-operand op `op` (operands not NaN). */
export function fpBinopValue(op: number, a: number, b: number, N: number, fpcr: number, st: Int32Array): number {
  switch (op) {
    case OP_ADD:
      return fpAdd(a, b, N, fpcr, st);
    case OP_SUB:
      return fpSub(a, b, N, fpcr, st);
    case OP_MUL:
    case OP_NMUL:
      return fpMul(a, b, N, fpcr, st);
    case OP_DIV:
      return fpDiv(a, b, N, fpcr, st);
    case OP_MAX:
    case OP_MAXNM:
      return fpMax(a, b, N, fpcr, st);
    default:
      return fpMin(a, b, N, fpcr, st);
  }
}

/**
 * FMAXNM/FMINNM with a NaN operand: a single quiet NaN stands for -inf (max) or +inf (min), so the
 * other operand wins; returns that operand's index (0 or 1), or -1 when FPProcessNaNs decides.
 */
function maxNumPick(ka: number, kb: number): number {
  if (ka === QNAN && kb === NOT_NAN) return 1;
  if (kb === QNAN && ka === NOT_NAN) return 0;
  return -1;
}

/** A complete two-operand lane op on single-precision bits. */
export function fpBinop32(op: number, a: number, b: number, fpcr: number, st: Int32Array): number {
  let va = f32Value(a);
  let vb = f32Value(b);
  let r: number;
  if (va !== va || vb !== vb) {
    const pick = op === OP_MAXNM || op === OP_MINNM ? maxNumPick(nanKind32(a), nanKind32(b)) : -1;
    if (pick < 0) {
      r = nan2_32(a, b, fpcr, st);
      return op === OP_NMUL ? r ^ 0x80000000 : r;
    }
    if (pick === 0) vb = op === OP_MAXNM ? -Infinity : Infinity;
    else va = op === OP_MAXNM ? -Infinity : Infinity;
  }
  const v = fpBinopValue(op, va, vb, 32, fpcr, st);
  r = v !== v ? DEFAULT_NAN32 : f32Bits(v);
  return op === OP_NMUL ? r ^ 0x80000000 : r;
}

/** A complete two-operand lane op on half-precision bits (FEAT_FP16 arithmetic: FZ16, no AHP). */
export function fpBinop16(op: number, a: number, b: number, fpcr: number, st: Int32Array): number {
  let va = halfValue(a);
  let vb = halfValue(b);
  let r: number;
  if (va !== va || vb !== vb) {
    const pick = op === OP_MAXNM || op === OP_MINNM ? maxNumPick(nanKind16(a), nanKind16(b)) : -1;
    if (pick < 0) {
      r = nan2_16(a, b, fpcr, st);
      return op === OP_NMUL ? r ^ 0x8000 : r;
    }
    if (pick === 0) vb = op === OP_MAXNM ? -Infinity : Infinity;
    else va = op === OP_MAXNM ? -Infinity : Infinity;
  }
  const v = fpBinopValue(op, va, vb, 16, fpcr & ~FPCR_AHP, st);
  r = v !== v ? DEFAULT_NAN16 : halfBits(v);
  return op === OP_NMUL ? r ^ 0x8000 : r;
}

/** A complete two-operand lane op on doubles at word indices ia, ib of w; result to out[io..]. */
export function fpBinop64(
  op: number,
  w: Int32Array,
  ia: number,
  ib: number,
  out: Int32Array,
  io: number,
  fpcr: number,
  st: Int32Array,
): void {
  let va = f64Value(w[ia]!, w[ia + 1]!);
  let vb = f64Value(w[ib]!, w[ib + 1]!);
  if (va !== va || vb !== vb) {
    const pick = op === OP_MAXNM || op === OP_MINNM ? maxNumPick(nanKind64(w[ia]!, w[ia + 1]!), nanKind64(w[ib]!, w[ib + 1]!)) : -1;
    if (pick < 0) {
      nan2_64(w, ia, ib, out, io, fpcr, st);
      if (op === OP_NMUL) out[io + 1] ^= 0x80000000;
      return;
    }
    if (pick === 0) vb = op === OP_MAXNM ? -Infinity : Infinity;
    else va = op === OP_MAXNM ? -Infinity : Infinity;
  }
  const v = fpBinopValue(op, va, vb, 64, fpcr, st);
  if (v !== v) {
    out[io] = 0;
    out[io + 1] = DEFAULT_NAN64_HI;
  } else putF64Bits(v, out, io);
  if (op === OP_NMUL) out[io + 1] ^= 0x80000000;
}

/**
 * Complete fused multiply-add lane ops: addend + op1 * op2 on bits, with `neg` bit 0 negating the
 * addend and bit 1 negating op1 first (FMSUB = 2, FNMADD = 3, FNMSUB = 1).
 */
export function fpMulAdd32(addend: number, op1: number, op2: number, neg: number, fpcr: number, st: Int32Array): number {
  if (neg & 1) addend ^= 0x80000000;
  if (neg & 2) op1 ^= 0x80000000;
  const va = f32Value(addend);
  const v1 = f32Value(op1);
  const v2 = f32Value(op2);
  if (va !== va || v1 !== v1 || v2 !== v2) return nanMulAdd32(addend, op1, op2, fpcr, st);
  const v = fpMulAdd(va, v1, v2, 32, fpcr, st);
  return v !== v ? DEFAULT_NAN32 : f32Bits(v);
}
export function fpMulAdd16(addend: number, op1: number, op2: number, neg: number, fpcr: number, st: Int32Array): number {
  if (neg & 1) addend ^= 0x8000;
  if (neg & 2) op1 ^= 0x8000;
  const va = halfValue(addend);
  const v1 = halfValue(op1);
  const v2 = halfValue(op2);
  if (va !== va || v1 !== v1 || v2 !== v2) return nanMulAdd16(addend, op1, op2, fpcr, st);
  const v = fpMulAdd(va, v1, v2, 16, fpcr & ~FPCR_AHP, st);
  return v !== v ? DEFAULT_NAN16 : halfBits(v);
}
export function fpMulAdd64(
  w: Int32Array,
  ia: number,
  i1: number,
  i2: number,
  neg: number,
  out: Int32Array,
  io: number,
  fpcr: number,
  st: Int32Array,
): void {
  let va = f64Value(w[ia]!, w[ia + 1]!);
  let v1 = f64Value(w[i1]!, w[i1 + 1]!);
  const v2 = f64Value(w[i2]!, w[i2 + 1]!);
  if (va !== va || v1 !== v1 || v2 !== v2) {
    nanMulAdd64(w, ia, i1, i2, neg, out, io, fpcr, st);
    return;
  }
  if (neg & 1) va = -va;
  if (neg & 2) v1 = -v1;
  const v = fpMulAdd(va, v1, v2, 64, fpcr, st);
  if (v !== v) {
    out[io] = 0;
    out[io + 1] = DEFAULT_NAN64_HI;
  } else putF64Bits(v, out, io);
}

/** One-operand operations for fpUnop*: FSQRT and the FRINT family. */
export const OP_SQRT = 0;
export const OP_FRINTN = 1;
export const OP_FRINTP = 2;
export const OP_FRINTM = 3;
export const OP_FRINTZ = 4;
export const OP_FRINTA = 5;
export const OP_FRINTX = 6;
export const OP_FRINTI = 7;

/** The value-level one-operand op (operand not NaN). */
export function fpUnopValue(op: number, v: number, N: number, fpcr: number, st: Int32Array): number {
  switch (op) {
    case OP_SQRT:
      return fpSqrt(v, N, fpcr, st);
    case OP_FRINTN:
      return fpRoundInt(v, N, RN, false, fpcr, st);
    case OP_FRINTP:
      return fpRoundInt(v, N, RP, false, fpcr, st);
    case OP_FRINTM:
      return fpRoundInt(v, N, RM, false, fpcr, st);
    case OP_FRINTZ:
      return fpRoundInt(v, N, RZ, false, fpcr, st);
    case OP_FRINTA:
      return fpRoundInt(v, N, RA, false, fpcr, st);
    case OP_FRINTX:
      return fpRoundInt(v, N, fpRoundingMode(fpcr), true, fpcr, st);
    default:
      return fpRoundInt(v, N, fpRoundingMode(fpcr), false, fpcr, st);
  }
}

export function fpUnop32(op: number, a: number, fpcr: number, st: Int32Array): number {
  const v = f32Value(a);
  if (v !== v) return nan1_32(a, fpcr, st);
  const r = fpUnopValue(op, v, 32, fpcr, st);
  return r !== r ? DEFAULT_NAN32 : f32Bits(r);
}
export function fpUnop16(op: number, a: number, fpcr: number, st: Int32Array): number {
  const v = halfValue(a);
  if (v !== v) return nan1_16(a, fpcr, st);
  const r = fpUnopValue(op, v, 16, fpcr & ~FPCR_AHP, st);
  return r !== r ? DEFAULT_NAN16 : halfBits(r);
}
export function fpUnop64(op: number, w: Int32Array, ia: number, out: Int32Array, io: number, fpcr: number, st: Int32Array): void {
  const v = f64Value(w[ia]!, w[ia + 1]!);
  if (v !== v) {
    nan1_64(w, ia, out, io, fpcr, st);
    return;
  }
  const r = fpUnopValue(op, v, 64, fpcr, st);
  if (r !== r) {
    out[io] = 0;
    out[io + 1] = DEFAULT_NAN64_HI;
  } else putF64Bits(r, out, io);
}
