/**
 * Tests of the Arm floating-point helpers. Fixed cases come from the architecture (the pseudocode
 * and the IEEE formats); the randomized cases compare the helpers with an independent exact model:
 * BigInt rational arithmetic rounded by a direct transcription of FPRound (FPRoundBase), so every
 * rounding mode, flush-to-zero, overflow, tininess-before-rounding and flag rule is checked on many
 * operands, including the fused multiply-add cancellations where double rounding would show.
 * (The instruction tests in exec/fp-*.test.ts check the same code against qemu-aarch64.)
 */
import { describe, expect, it } from 'vitest';
import { I_FPSR } from '../layout.js';
import * as fp from './fp.js';

const { FPCR_FZ, FPCR_FZ16, FPCR_DN, FPCR_AHP, FPSR_IOC, FPSR_DZC, FPSR_OFC, FPSR_UFC, FPSR_IXC, FPSR_IDC } = fp;

function st(): Int32Array {
  return new Int32Array(128);
}

// ------------------------------------------------------------------------------ bit helpers

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);
const bitsOf = (v: number, N: number): bigint => {
  if (N === 64) {
    F64[0] = v;
    return U64[0]!;
  }
  if (N === 32) {
    F32[0] = v;
    return BigInt(U32[0]!);
  }
  return BigInt(fp.halfBits(v));
};

// ------------------------------------------------------------------------------ exact model

interface Fmt {
  F: number;
  emin: number;
  emax: number;
}
const FMT: Record<number, Fmt> = { 16: { F: 10, emin: -14, emax: 15 }, 32: { F: 23, emin: -126, emax: 127 }, 64: { F: 52, emin: -1022, emax: 1023 } };

const bitlen = (n: bigint): number => n.toString(2).length;
/** A double as an exact fraction n / d (d a power of two). */
function toQ(v: number): [bigint, bigint] {
  F64[0] = v;
  const b = U64[0]!;
  const e = Number((b >> 52n) & 0x7ffn);
  let m = b & 0xfffffffffffffn;
  let ex = e - 1075;
  if (e === 0) ex = -1074;
  else m |= 1n << 52n;
  if (b >> 63n) m = -m;
  return ex >= 0 ? [m << BigInt(ex), 1n] : [m, 1n << BigInt(-ex)];
}
/** 2^k as a double, built exactly. */
function pow2(k: number): number {
  let r = 1;
  while (k > 0) {
    const s = Math.min(k, 1000);
    r *= 2 ** s;
    k -= s;
  }
  while (k < 0) {
    const s = Math.min(-k, 1000);
    r /= 2 ** s;
    k += s;
  }
  return r;
}

/**
 * FPRoundBase(sign * (n/d + sticky), N) with `rounding`, following the pseudocode: NormalizeReal,
 * flush to zero when FZ and exponent < emin (UFC), biased exponent, RoundDown and error, round_up
 * per mode, overflow to infinity or the largest normal (OFC, IXC), underflow when tiny before
 * rounding and inexact (UFC), inexact (IXC). `sticky` means the exact value lies just above n/d.
 */
function refRound(neg: boolean, n: bigint, d: bigint, sticky: boolean, N: number, fpcr: number, rounding: number): [number, number] {
  const { F, emin, emax } = FMT[N]!;
  let exponent = bitlen(n) - bitlen(d);
  const ge = (e: number) => (e >= 0 ? n >= d << BigInt(e) : n << BigInt(-e) >= d);
  if (!ge(exponent)) exponent--;
  if (!ge(exponent)) exponent--;
  if (ge(exponent + 1)) exponent++;
  const fz = N === 16 ? fpcr & FPCR_FZ16 : fpcr & FPCR_FZ;
  if (fz && exponent < emin) return [neg ? -0 : 0, FPSR_UFC];
  const qe = Math.max(exponent, emin) - F;
  let num = n;
  let den = d;
  if (qe > 0) den <<= BigInt(qe);
  else num <<= BigInt(-qe);
  let i = num / den;
  const rem = num - i * den;
  const inexact = rem !== 0n || sticky;
  let half = 2n * rem - den; // sign of error - 1/2
  if (half === 0n && sticky) half = 1n;
  let up = false;
  let toInf = false;
  switch (rounding) {
    case fp.RN:
      up = half > 0n || (half === 0n && (i & 1n) === 1n);
      toInf = true;
      break;
    case fp.RP:
      up = inexact && !neg;
      toInf = !neg;
      break;
    case fp.RM:
      up = inexact && neg;
      toInf = neg;
      break;
    case fp.RA:
      up = half >= 0n;
      toInf = true;
      break;
  }
  if (up) i += 1n;
  if (rounding === fp.RO && inexact) i |= 1n;
  let flags = 0;
  if (i !== 0n && bitlen(i) - 1 + qe > emax) {
    const v = toInf ? Infinity : (2 - pow2(-F)) * pow2(emax);
    return [neg ? -v : v, FPSR_OFC | FPSR_IXC];
  }
  if (inexact) flags |= exponent < emin ? FPSR_UFC | FPSR_IXC : FPSR_IXC;
  const v = Number(i) * pow2(qe);
  return [neg ? -v : neg ? -0 : v, flags];
}

function refRoundQ(n: bigint, d: bigint, N: number, fpcr: number, rounding: number): [number, number] {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  return n < 0n ? refRound(true, -n, d, false, N, fpcr, rounding) : refRound(false, n, d, false, N, fpcr, rounding);
}

function refFlush(v: number, N: number, fpcr: number): [number, number] {
  const fz = N === 16 ? fpcr & FPCR_FZ16 : fpcr & FPCR_FZ;
  const min = pow2(FMT[N]!.emin);
  if (fz && v !== 0 && Math.abs(v) < min) return [v < 0 ? -0 : 0, N === 16 ? 0 : FPSR_IDC];
  return [v, 0];
}

const zeroSum = (fpcr: number) => (((fpcr >>> 22) & 3) === fp.RM ? -0 : 0);

/** Reference add/sub/mul/div/fma/sqrt for finite operands (no infinities or NaNs). */
function ref(op: string, a: number, b: number, c: number, N: number, fpcr: number): [number, number] {
  const rm = (fpcr >>> 22) & 3;
  let flags = 0;
  let f: number;
  [a, f] = refFlush(a, N, fpcr);
  flags |= f;
  [b, f] = refFlush(b, N, fpcr);
  flags |= f;
  [c, f] = refFlush(c, N, fpcr);
  flags |= f;
  const [an, ad] = toQ(a);
  const [bn, bd] = toQ(b);
  const [cn, cd] = toQ(c);
  const done = (r: [number, number]): [number, number] => [r[0], r[1] | flags];
  switch (op) {
    case 'add': {
      if (a === 0 && b === 0 && Object.is(a, b)) return [a, flags];
      const n = an * bd + bn * ad;
      return n === 0n ? [zeroSum(fpcr), flags] : done(refRoundQ(n, ad * bd, N, fpcr, rm));
    }
    case 'mul':
      if (a === 0 || b === 0) return [a * b, flags];
      return done(refRoundQ(an * bn, ad * bd, N, fpcr, rm));
    case 'div':
      if (b === 0) return a === 0 ? [NaN, flags | FPSR_IOC] : [a / b, flags | FPSR_DZC];
      if (a === 0) return [a / b, flags];
      return done(refRoundQ(an * bd, ad * bn, N, fpcr, rm));
    case 'fma': {
      // a + b * c
      const pn = bn * cn;
      const pd = bd * cd;
      if ((b === 0 || c === 0) && a === 0) {
        const signP = Object.is(b * c, -0);
        return signP === Object.is(a, -0) ? [a, flags] : [zeroSum(fpcr), flags];
      }
      const n = an * pd + pn * ad;
      return n === 0n ? [zeroSum(fpcr), flags] : done(refRoundQ(n, ad * pd, N, fpcr, rm));
    }
    default: {
      // sqrt of a > 0: isqrt with plenty of bits, the remainder as a sticky bit
      if (a === 0) return [a, flags];
      if (a < 0) return [NaN, flags | FPSR_IOC];
      const s = 600; // a * 2^(2s) is an integer for every double
      const m = (an << BigInt(2 * s)) / ad;
      let r = 1n << BigInt((bitlen(m) >> 1) + 1); // Newton's method from above
      for (;;) {
        const y = (r + m / r) >> 1n;
        if (y >= r) break;
        r = y;
      }
      return done(refRound(false, r, 1n << BigInt(s), r * r !== m, N, fpcr, rm));
    }
  }
}

// ------------------------------------------------------------------------------ random operands

let seed = 0x12345678;
function rnd(): number {
  // xorshift32
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}
const rint = (n: number) => Math.floor(rnd() * n);

/** A random finite value of format N, biased towards edges (denormals, the overflow threshold). */
function rndValue(N: number, spread = 1): number {
  const { F, emin, emax } = FMT[N]!;
  const kind = rint(10);
  let e: number;
  if (kind < 5) e = rint(Math.min(40, emax) * 2 + 1) - Math.min(40, emax);
  else if (kind < 7) e = emin - F + rint(F + 4); // denormal or just above the minimum
  else if (kind < 9) e = emax - rint(4);
  else e = emin + rint(emax - emin + 1);
  e = Math.round(e * spread);
  e = Math.max(emin - F, Math.min(emax, e));
  let m = 1;
  const pat = rint(4);
  for (let i = 1; i <= F; i++) m += (pat === 0 ? rnd() < 0.5 : pat === 1 ? i === F || rnd() < 0.05 : pat === 2 ? rnd() < 0.95 : rnd() < 0.5) ? pow2(-i) : 0;
  let v = m * pow2(e);
  // round into the format (denormal range: drop low bits)
  if (e < emin) v = Math.floor(v / pow2(emin - F)) * pow2(emin - F);
  if (N === 32) v = Math.fround(v);
  if (N === 16) v = fp.halfValue(fp.halfBits(Math.min(v, 65504)));
  return rnd() < 0.5 ? -v : v;
}

/** v rounded into format N (only to build operands). */
function toFormat(v: number, N: number): number {
  const max = fp.maxNormal(N);
  v = Math.max(-max, Math.min(max, v));
  if (N === 64) return v;
  if (N === 32) return Math.fround(v);
  return fp.halfValue(fp.halfBits(fp.fpConvert(Math.max(-65504, Math.min(65504, v)), 64, 16, 0, st())));
}

function rndFpcr(N: number): number {
  let fpcr = rint(4) << 22;
  if (rnd() < 0.3) fpcr |= N === 16 ? FPCR_FZ16 : FPCR_FZ;
  return fpcr;
}

const same = (x: number, y: number) => Object.is(x, y) || (x !== x && y !== y);

function compare(name: string, count: number, gen: () => [number[], number, number, number, number[], number, number]): void {
  const bad: string[] = [];
  for (let k = 0; k < count && bad.length < 10; k++) {
    const [args, N, fpcr, got, flagsGot, want, flagsWant] = ((): [number[], number, number, number, number[], number, number] => gen())();
    if (!same(got, want) || flagsGot[0] !== flagsWant)
      bad.push(`${name} N=${N} fpcr=${fpcr.toString(16)} args=${args.map((v) => bitsOf(v, N).toString(16))}: got ${bitsOf(got, N).toString(16)} flags ${flagsGot[0]!.toString(16)}, want ${bitsOf(want, N).toString(16)} flags ${flagsWant.toString(16)}`);
  }
  expect(bad).toEqual([]);
}

function runOp(op: string, N: number, count: number, pick: () => number[]): void {
  compare(op, count, () => {
    const fpcr = rndFpcr(N);
    const args = pick();
    const s = st();
    const [a, b, c] = args as [number, number, number];
    let got: number;
    switch (op) {
      case 'add':
        got = fp.fpAdd(a, b, N, fpcr, s);
        break;
      case 'mul':
        got = fp.fpMul(a, b, N, fpcr, s);
        break;
      case 'div':
        got = fp.fpDiv(a, b, N, fpcr, s);
        break;
      case 'fma':
        got = fp.fpMulAdd(a, b, c, N, fpcr, s);
        break;
      default:
        got = fp.fpSqrt(a, N, fpcr, s);
    }
    const [want, flags] = ref(op, a, b, c, N, fpcr);
    return [args, N, fpcr, got, [s[I_FPSR]!], want, flags];
  });
}

// ------------------------------------------------------------------------------ tests

describe('arm/fp: formats and constants', () => {
  it('half precision values and bits, IEEE and alternative format', () => {
    expect(fp.halfValue(0x3c00)).toBe(1);
    expect(fp.halfValue(0x7bff)).toBe(65504);
    expect(fp.halfValue(0x0001)).toBe(2 ** -24);
    expect(fp.halfValue(0x8400)).toBe(-(2 ** -14));
    expect(fp.halfValue(0x7c00)).toBe(Infinity);
    expect(fp.halfValue(0x7e00)).toBeNaN();
    expect(fp.halfValue(0x7c00, true)).toBe(65536); // AHP: exponent 31 is ordinary
    expect(fp.halfValue(0x7fff, true)).toBe(131008);
    for (const b of [0, 0x8000, 1, 0x3ff, 0x400, 0x3c00, 0x3555, 0x7bff, 0xfbff, 0x7c00, 0xfc00]) expect(fp.halfBits(fp.halfValue(b))).toBe(b);
    expect(fp.halfBits(131008)).toBe(0x7fff);
  });

  it('VFPExpandImm gives ±(16..31)/16 × 2^(-3..4)', () => {
    expect(fp.vfpExpandImm(0x70)).toBe(1);
    expect(fp.vfpExpandImm(0x00)).toBe(2);
    expect(fp.vfpExpandImm(0x30)).toBe(16);
    expect(fp.vfpExpandImm(0x3f)).toBe(31);
    expect(fp.vfpExpandImm(0x40)).toBe(0.125);
    expect(fp.vfpExpandImm(0x7f)).toBe(1.9375);
    expect(fp.vfpExpandImm(0xc4)).toBe(-0.15625);
  });

  it('pow2, ldexp and floorLog2 are exact down to the smallest denormal', () => {
    expect(fp.pow2(-1074)).toBe(5e-324);
    expect(fp.pow2(1023)).toBe(8.98846567431158e307);
    expect(fp.ldexp(1.5, -1074)).toBe(1e-323); // 1.5 * 2^-1074 rounds to 2^-1073 (tie to even)
    expect(fp.ldexp(3, 1022)).toBe(3 * 2 ** 1022);
    expect(fp.ldexp(2 ** 1000, -2000)).toBe(2 ** -1000);
    expect(fp.floorLog2(5e-324)).toBe(-1074);
    expect(fp.floorLog2(2.2250738585072014e-308)).toBe(-1022);
    expect(fp.floorLog2(-0.75)).toBe(-1);
  });
});

describe('arm/fp: FPRound', () => {
  it('rounds (h + t) * 2^e in every mode, with the sign of t breaking ties', () => {
    const r = (h: number, t: number, e: number, N: number, mode: number, fpcr = 0) => {
      const s = st();
      return [fp.fpRoundReal(h, t, e, N, fpcr, mode, s), s[I_FPSR]];
    };
    // 1 + 2^-24 is halfway between two singles
    expect(r(1 + 2 ** -24, 0, 0, 32, fp.RN)).toEqual([1, FPSR_IXC]);
    expect(r(1 + 2 ** -24, 1e-30, 0, 32, fp.RN)).toEqual([1 + 2 ** -23, FPSR_IXC]);
    expect(r(1 + 2 ** -24, -1e-30, 0, 32, fp.RN)).toEqual([1, FPSR_IXC]);
    expect(r(1 + 3 * 2 ** -24, 0, 0, 32, fp.RN)).toEqual([1 + 2 ** -22, FPSR_IXC]);
    expect(r(1 + 2 ** -24, 0, 0, 32, fp.RA)).toEqual([1 + 2 ** -23, FPSR_IXC]);
    expect(r(-(1 + 2 ** -30), 0, 0, 32, fp.RP)).toEqual([-1, FPSR_IXC]);
    expect(r(-(1 + 2 ** -30), 0, 0, 32, fp.RM)).toEqual([-(1 + 2 ** -23), FPSR_IXC]);
    expect(r(1, -1e-300, 0, 64, fp.RZ)).toEqual([1 - 2 ** -53, FPSR_IXC]); // just below 1
    expect(r(1, 0, 0, 64, fp.RO)).toEqual([1, 0]);
    expect(r(1 + 2 ** -25, 0, 0, 32, fp.RO)).toEqual([1 + 2 ** -23, FPSR_IXC]); // round to odd
    // overflow: to infinity or the largest normal by mode
    expect(r(1, 0, 128, 32, fp.RN)).toEqual([Infinity, FPSR_OFC | FPSR_IXC]);
    expect(r(-1, 0, 128, 32, fp.RP)).toEqual([-fp.maxNormal(32), FPSR_OFC | FPSR_IXC]);
    expect(r(1, 0, 16, 16, fp.RZ)).toEqual([65504, FPSR_OFC | FPSR_IXC]);
    expect(r(1.5, 0, 16, 16, fp.RN, FPCR_AHP)).toEqual([98304, 0]); // AHP: 2^16 range is normal
    expect(r(1, 0, 17, 16, fp.RN, FPCR_AHP)).toEqual([131008, FPSR_IOC]);
    // underflow: tininess before rounding, only when inexact
    expect(r(1, 0, -1074, 64, fp.RN)).toEqual([5e-324, 0]);
    expect(r(1.5, 0, -1074, 64, fp.RN)).toEqual([1e-323, FPSR_UFC | FPSR_IXC]);
    expect(r(1, -1e-30, -1022, 64, fp.RN)).toEqual([2 ** -1022, FPSR_UFC | FPSR_IXC]); // tiny, rounds up to normal
    expect(r(1, -1e-30, -1022, 64, fp.RN, FPCR_FZ)).toEqual([0, FPSR_UFC]); // ... and flushed with FZ
    expect(r(-1, 0, -1100, 64, fp.RM)).toEqual([-5e-324, FPSR_UFC | FPSR_IXC]);
    expect(r(1, 0, -1100, 64, fp.RN)).toEqual([0, FPSR_UFC | FPSR_IXC]);
    expect(r(1, 0, -20, 16, fp.RN, FPCR_FZ)).toEqual([2 ** -20, 0]); // FZ does not flush half
    expect(r(1, 0, -20, 16, fp.RN, FPCR_FZ16)).toEqual([0, FPSR_UFC]);
  });
});

describe('arm/fp: arithmetic against an exact model (BigInt rationals + FPRound)', () => {
  for (const N of [64, 32, 16]) {
    it(`add, mul, div, sqrt (N=${N})`, () => {
      runOp('add', N, 3000, () => [rndValue(N), rndValue(N)]);
      runOp('add', N, 1000, () => {
        const a = rndValue(N);
        return [a, toFormat(-a * (1 + (rnd() - 0.5) * pow2(-rint(FMT[N]!.F))), N)];
      });
      runOp('mul', N, 3000, () => [rndValue(N), rndValue(N, 0.5)]);
      runOp('div', N, 3000, () => [rndValue(N), rndValue(N, 0.5)]);
      runOp('sqrt', N, 2000, () => [Math.abs(rndValue(N))]);
    });

    it(`fused multiply-add with one rounding (N=${N})`, () => {
      runOp('fma', N, 3000, () => [rndValue(N), rndValue(N, 0.5), rndValue(N, 0.5)]);
      // cancellation: the addend is close to -(b * c), so the product's low bits decide the result
      runOp('fma', N, 3000, () => {
        const b = rndValue(N, 0.4);
        const c = rndValue(N, 0.4);
        const a = toFormat(-(b * c) * (1 + (rint(3) - 1) * pow2(-rint(FMT[N]!.F + 2))), N);
        return [a, b, c];
      });
    });
  }

  it('fused multiply-add across the whole double exponent range', () => {
    runOp('fma', 64, 3000, () => [rndValue(64, 1), rndValue(64, 1), rndValue(64, 1)]);
    runOp('fma', 64, 1000, () => [rndValue(64) * 2 ** -900, rndValue(64) * 2 ** -100, rndValue(64) * 2 ** -900]);
  });
});

describe('arm/fp: conversions against the exact model', () => {
  it('fpConvert between formats in every mode', () => {
    for (const [from, to] of [[64, 32], [64, 16], [32, 16], [32, 64], [16, 64]] as const) {
      compare(`cvt${from}->${to}`, 3000, () => {
        const fpcr = rndFpcr(from) | (rnd() < 0.2 ? FPCR_FZ : 0);
        const v = rndValue(from);
        const s = st();
        const got = fp.fpConvert(v, from, to, fpcr, s);
        const [fv, idc] = from === 16 ? [v, 0] : refFlush(v, from, fpcr);
        const [n, d] = toQ(fv);
        const [want, flags] = fv === 0 ? [fv, 0] : refRoundQ(n, d, to, fpcr & ~FPCR_FZ16, (fpcr >>> 22) & 3);
        return [[v], from, fpcr, got, [s[I_FPSR]!], want, flags | idc];
      });
    }
  });

  it('fixedToFp from 64-bit integers and fixed point (exact rounding, no double rounding)', () => {
    for (const N of [64, 32, 16]) {
      compare('fixedToFp', 3000, () => {
        const fpcr = rndFpcr(N);
        const lo = (rnd() * 4294967296) | 0;
        const hi = rint(3) === 0 ? lo >> 31 : (((rnd() * 4294967296) | 0) >>> rint(32)) | 0;
        const unsigned = rnd() < 0.5;
        const fbits = rint(3) === 0 ? rint(65) : 0;
        const s = st();
        const got = fp.fixedToFp(lo, hi, unsigned, fbits, N, (fpcr >>> 22) & 3, fpcr, s);
        const int = (unsigned ? BigInt(hi >>> 0) : BigInt(hi)) * 4294967296n + BigInt(lo >>> 0);
        const [want, flags] = int === 0n ? [0, 0] : refRoundQ(int, 1n << BigInt(fbits), N, fpcr, (fpcr >>> 22) & 3);
        return [[lo, hi, fbits], N, fpcr, got, [s[I_FPSR]!], want, flags];
      });
    }
  });

  it('fpToFixed rounds, saturates with IOC and flags IXC', () => {
    const cvt = (v: number, fbits: number, unsigned: boolean, M: number, mode: number, fpcr = 0): [bigint, number] => {
      const s = st();
      fp.fpToFixed(v, 64, fbits, unsigned, M, mode, fpcr, s);
      const r = (BigInt(fp.FPR[1]! >>> 0) << 32n) | BigInt(fp.FPR[0]! >>> 0);
      return [r, s[I_FPSR]!];
    };
    expect(cvt(2.5, 0, false, 32, fp.RN)).toEqual([2n, FPSR_IXC]);
    expect(cvt(3.5, 0, false, 32, fp.RN)).toEqual([4n, FPSR_IXC]);
    expect(cvt(-2.5, 0, false, 64, fp.RA)).toEqual([0xfffffffffffffffdn, FPSR_IXC]);
    expect(cvt(-0.5, 0, true, 32, fp.RZ)).toEqual([0n, FPSR_IXC]); // rounds to 0: in range
    expect(cvt(-1, 0, true, 32, fp.RZ)).toEqual([0n, FPSR_IOC]);
    expect(cvt(2 ** 31, 0, false, 32, fp.RZ)).toEqual([0x7fffffffn, FPSR_IOC]);
    expect(cvt(-(2 ** 31) - 0.5, 0, false, 32, fp.RZ)).toEqual([0x80000000n, FPSR_IXC]);
    expect(cvt(2 ** 64, 0, true, 64, fp.RZ)).toEqual([0xffffffffffffffffn, FPSR_IOC]);
    expect(cvt(-(2 ** 63), 0, false, 64, fp.RZ)).toEqual([0x8000000000000000n, 0]);
    expect(cvt(NaN, 0, false, 64, fp.RZ)).toEqual([0n, FPSR_IOC]);
    expect(cvt(-Infinity, 0, false, 64, fp.RZ)).toEqual([0x8000000000000000n, FPSR_IOC]);
    expect(cvt(1.75, 4, false, 32, fp.RZ)).toEqual([28n, 0]);
    expect(cvt(1e-310, 0, false, 32, fp.RP, FPCR_FZ)).toEqual([0n, FPSR_IDC]);
    expect(cvt(1e-310, 0, false, 32, fp.RP)).toEqual([1n, FPSR_IXC]);
  });

  it('fpRoundInt keeps the sign of zero results and raises IXC only for FRINTX', () => {
    const ri = (v: number, mode: number, exact: boolean, N = 64): [number, number] => {
      const s = st();
      return [fp.fpRoundInt(v, N, mode, exact, 0, s), s[I_FPSR]!];
    };
    expect(ri(2.5, fp.RN, false)).toEqual([2, 0]);
    expect(ri(2.5, fp.RA, false)).toEqual([3, 0]);
    expect(ri(-2.5, fp.RA, true)).toEqual([-3, FPSR_IXC]);
    expect(ri(-0.5, fp.RP, false)).toEqual([-0, 0]);
    expect(ri(-0.5, fp.RN, false)).toEqual([-0, 0]);
    expect(ri(0.3, fp.RM, true)).toEqual([0, FPSR_IXC]);
    expect(ri(-0.3, fp.RM, false)).toEqual([-1, 0]);
    expect(ri(2 ** 52 + 1, fp.RN, true)).toEqual([2 ** 52 + 1, 0]);
  });

  it('fpToInt32JS: ToInt32 with Z set only for exact in-range conversions', () => {
    const js = (v: number, fpcr = 0): [number, number, number] => {
      const s = st();
      const r = fp.fpToInt32JS(v, fpcr, s);
      return [r, fp.FPR[1]!, s[I_FPSR]!];
    };
    expect(js(-3)).toEqual([-3, 1, 0]);
    expect(js(1.5)).toEqual([1, 0, FPSR_IXC]);
    expect(js(-0)).toEqual([0, 0, 0]);
    expect(js(2 ** 32 + 5)).toEqual([5, 0, FPSR_IOC]);
    expect(js(-(2 ** 31))).toEqual([-(2 ** 31), 1, 0]);
    expect(js(2 ** 84 + 2 ** 33 + 2 ** 32 * 3)).toEqual([0, 0, FPSR_IOC]);
    expect(js(2 ** 60 + 2 ** 31)).toEqual([-(2 ** 31), 0, FPSR_IOC]);
    expect(js(Infinity)).toEqual([0, 0, FPSR_IOC]);
    expect(js(5e-324, FPCR_FZ)).toEqual([0, 0, FPSR_IDC]);
  });
});

describe('arm/fp: NaNs on raw bits', () => {
  it('FPProcessNaNs: the first signalling NaN, else the first quiet NaN; quieted; DN', () => {
    const s = st();
    expect(fp.nan2_32(0x7fc00001, 0x7f800002, 0, s) >>> 0).toBe(0x7fc00002);
    expect(s[I_FPSR]).toBe(FPSR_IOC);
    const s2 = st();
    expect(fp.nan2_32(0xffc00001 | 0, 0x7fc00002, 0, s2) >>> 0).toBe(0xffc00001);
    expect(s2[I_FPSR]).toBe(0);
    expect(fp.nan2_32(0x3f800000, 0x7f800002, FPCR_DN, st())).toBe(fp.DEFAULT_NAN32);
    expect(fp.nan2_16(0x7c01, 0xfe00, 0, st())).toBe(0x7e01);
    const w = new Int32Array([0, 0x7ff00000 | 5, 1, 0x7ff80000, 0, 0]); // SNaN (payload 5<<32), QNaN
    fp.nan2_64(w, 2, 0, w, 4, 0, st());
    expect([w[4], w[5]]).toEqual([0, 0x7ff80005]);
  });

  it('FPMulAdd NaNs: addend first, and a quiet-NaN addend with 0 * inf gives the default NaN', () => {
    const s = st();
    expect(fp.nanMulAdd32(0x7fc00001, 0x7f800000, 0, 0, s)).toBe(fp.DEFAULT_NAN32);
    expect(s[I_FPSR]).toBe(FPSR_IOC);
    expect(fp.nanMulAdd32(0x7fc00001, 0x7f800002, 0x3f800000, 0, st())).toBe(0x7fc00002);
    expect(fp.nanMulAdd32(0x7fc00001, 0x7fc00002, 0x3f800000, 0, st())).toBe(0x7fc00001);
    // FZ: a denormal multiplicand is a zero for the 0 * inf test
    expect(fp.nanMulAdd32(0x7fc00001, 1, 0x7f800000, FPCR_FZ, st())).toBe(fp.DEFAULT_NAN32);
  });

  it("FPConvertNaN keeps the payload's top bits and the sign; AHP gives a zero with IOC", () => {
    const s = st();
    expect(fp.nanConvert(0xfff12345, 0x6789abcd, 64, 32, 0, s) >>> 0).toBe(0xffc91a2b);
    expect(s[I_FPSR]).toBe(FPSR_IOC);
    expect(fp.nanConvert(0x7fc00123, 0, 32, 64, 0, st()) >>> 0).toBe(0x7ff80024);
    expect(fp.FPR[0]! >>> 0).toBe(0x60000000);
    expect(fp.nanConvert(0x7e12, 0, 16, 32, 0, st()) >>> 0).toBe(0x7fc24000);
    expect(fp.nanConvert(0xffc00123 | 0, 0, 32, 16, FPCR_AHP, st())).toBe(0x8000);
  });
});
