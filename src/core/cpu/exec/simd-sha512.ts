/**
 * SHA512 (FEAT_SHA512, Armv8.2): SHA512H, SHA512H2, SHA512SU0, SHA512SU1. Each works on the two
 * 64-bit lanes of its registers, which are handled here as (low word, high word) int32 pairs in a
 * scratch array: slot k's low word is T[2k], its high word T[2k + 1].
 */
import type { Op } from '../op.js';

const T = new Int32Array(24);
// Slots: the operand lanes (X = Vn, Y = Vm, W = Vd; 0 = bits 63:0, 1 = bits 127:64) and temporaries.
const X0 = 0;
const X1 = 1;
const Y0 = 2;
const Y1 = 3;
const W0 = 4;
const W1 = 5;
const A = 6;
const B = 7;
const R0 = 8;
const R1 = 9;
const TMP = 10;

/** Low / high word of ROR(hi:lo, r) for 0 < r < 64, r != 32. */
function rorLo(lo: number, hi: number, r: number): number {
  return r < 32 ? (lo >>> r) | (hi << (32 - r)) : (hi >>> (r - 32)) | (lo << (64 - r));
}
function rorHi(lo: number, hi: number, r: number): number {
  return r < 32 ? (hi >>> r) | (lo << (32 - r)) : (lo >>> (r - 32)) | (hi << (64 - r));
}

/** T[d] = ROR(T[s], r1) ^ ROR(T[s], r2) ^ (shift ? LSR(T[s], r3) : ROR(T[s], r3)); r3 < 32 when shifting. */
function sigma(d: number, s: number, r1: number, r2: number, r3: number, shift: boolean): void {
  const lo = T[2 * s]!;
  const hi = T[2 * s + 1]!;
  const lo3 = shift ? (lo >>> r3) | (hi << (32 - r3)) : rorLo(lo, hi, r3);
  const hi3 = shift ? hi >>> r3 : rorHi(lo, hi, r3);
  T[2 * d] = rorLo(lo, hi, r1) ^ rorLo(lo, hi, r2) ^ lo3;
  T[2 * d + 1] = rorHi(lo, hi, r1) ^ rorHi(lo, hi, r2) ^ hi3;
}
/** SHA512 Σ1, Σ0, σ0, σ1. */
const bigSigma1 = (d: number, s: number): void => sigma(d, s, 14, 18, 41, false);
const bigSigma0 = (d: number, s: number): void => sigma(d, s, 28, 34, 39, false);
const smallSigma0 = (d: number, s: number): void => sigma(d, s, 1, 8, 7, true);
const smallSigma1 = (d: number, s: number): void => sigma(d, s, 19, 61, 6, true);

/** T[d] = T[a] + T[b] (mod 2^64). */
function add(d: number, a: number, b: number): void {
  const s = (T[2 * a]! >>> 0) + (T[2 * b]! >>> 0);
  T[2 * d + 1] = (T[2 * a + 1]! + T[2 * b + 1]! + (s > 0xffffffff ? 1 : 0)) | 0;
  T[2 * d] = s | 0;
}
/** T[d] = (T[a] & T[b]) ^ (~T[a] & T[c]): SHA's choose. */
function choose(d: number, a: number, b: number, c: number): void {
  for (let k = 0; k < 2; k++) T[2 * d + k] = (T[2 * a + k]! & T[2 * b + k]!) ^ (~T[2 * a + k]! & T[2 * c + k]!);
}
/** T[d] = (T[a] & T[b]) ^ (T[a] & T[c]) ^ (T[b] & T[c]): SHA's majority. */
function majority(d: number, a: number, b: number, c: number): void {
  for (let k = 0; k < 2; k++) {
    const x = T[2 * a + k]!;
    const y = T[2 * b + k]!;
    const z = T[2 * c + k]!;
    T[2 * d + k] = (x & y) ^ (x & z) ^ (y & z);
  }
}

/** Loads Vn, Vm, Vd into the X, Y, W slots (all read before anything is written). */
function load(w: Int32Array, n: number, m: number, d: number): void {
  for (let k = 0; k < 4; k++) {
    T[2 * X0 + k] = w[n + k]!;
    T[2 * Y0 + k] = w[m + k]!;
    T[2 * W0 + k] = w[d + k]!;
  }
}
/** Vd = R1:R0. */
function store(w: Int32Array, d: number): void {
  for (let k = 0; k < 4; k++) w[d + k] = T[2 * R0 + k]!;
}

function sha512h(rd: number, rn: number, rm: number): Op {
  const d = rd * 4;
  const n = rn * 4;
  const m = rm * 4;
  return (c) => {
    const w = c.vi32;
    load(w, n, m, d);
    bigSigma1(A, Y1);
    choose(B, Y1, X0, X1);
    add(R1, B, A);
    add(R1, R1, W1);
    add(TMP, R1, Y0);
    bigSigma1(A, TMP);
    choose(B, TMP, Y1, X0);
    add(R0, B, A);
    add(R0, R0, W0);
    store(w, d);
  };
}

function sha512h2(rd: number, rn: number, rm: number): Op {
  const d = rd * 4;
  const n = rn * 4;
  const m = rm * 4;
  return (c) => {
    const w = c.vi32;
    load(w, n, m, d);
    bigSigma0(A, Y0);
    majority(B, X0, Y1, Y0);
    add(R1, B, A);
    add(R1, R1, W1);
    bigSigma0(A, R1);
    majority(B, R1, Y0, Y1);
    add(R0, B, A);
    add(R0, R0, W0);
    store(w, d);
  };
}

function sha512su0(rd: number, rn: number): Op {
  const d = rd * 4;
  const n = rn * 4;
  return (c) => {
    const w = c.vi32;
    load(w, n, n, d);
    smallSigma0(A, W1);
    add(R0, W0, A);
    smallSigma0(A, X0);
    add(R1, W1, A);
    store(w, d);
  };
}

function sha512su1(rd: number, rn: number, rm: number): Op {
  const d = rd * 4;
  const n = rn * 4;
  const m = rm * 4;
  return (c) => {
    const w = c.vi32;
    load(w, n, m, d);
    smallSigma1(A, X1);
    add(R1, W1, A);
    add(R1, R1, Y1);
    smallSigma1(A, X0);
    add(R0, W0, A);
    add(R0, R0, Y0);
    store(w, d);
  };
}

export const simdSha512Handlers = {
  SHA512H: (rm: number, rn: number, rd: number): Op => sha512h(rd, rn, rm),
  SHA512H2: (rm: number, rn: number, rd: number): Op => sha512h2(rd, rn, rm),
  SHA512SU0: (rn: number, rd: number): Op => sha512su0(rd, rn),
  SHA512SU1: (rm: number, rn: number, rd: number): Op => sha512su1(rd, rn, rm),
};
