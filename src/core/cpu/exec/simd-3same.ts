/**
 * Advanced SIMD three same (integer), vector and scalar: arithmetic, compares, shifts by register,
 * saturating ops, min/max, absolute difference, multiply, pairwise and the bitwise logical ops.
 */
import { R } from '../arm/int64.js';
import { pmul, SAT, satS, satU, shl64, sqdmulh, sx8 } from '../arm/simd.js';
import type { Op } from '../op.js';
import {
  type Fn2,
  type Fn3,
  type Fn64x2,
  map2,
  map2x64,
  map3,
  Bin,
  fastBin,
  pairwise,
  R64,
} from './simd-lanes.js';

// ----------------------------------------------------------------------------- lane functions

type Make2 = (esize: number) => Fn2;

const add: Make2 = () => (a, b) => a + b;
const pmulL: Make2 = () => (a, b) => pmul(a, b, 8);
const hadd: Make2 = () => (a, b) => Math.floor((a + b) / 2);
const rhadd: Make2 = () => (a, b) => Math.floor((a + b + 1) / 2);
const hsub: Make2 = () => (a, b) => Math.floor((a - b) / 2);
const qaddS: Make2 = (e) => (a, b) => satS(a + b, e);
const qaddU: Make2 = (e) => (a, b) => satU(a + b, e);
const qsubS: Make2 = (e) => (a, b) => satS(a - b, e);
const qsubU: Make2 = (e) => (a, b) => satU(a - b, e);
const max: Make2 = () => (a, b) => (a > b ? a : b);
const min: Make2 = () => (a, b) => (a < b ? a : b);

/** SSHL/USHL/SRSHL/URSHL: shift by the signed bottom byte of b (values are exact numbers). */
function shlBy(a: number, b: number, round: boolean): number {
  const sh = sx8(b & 0xff);
  if (sh >= 0) return a * 2 ** sh;
  const r = -sh;
  return Math.floor((round ? a + 2 ** (r - 1) : a) / 2 ** r);
}
const shl: Make2 = () => (a, b) => shlBy(a, b, false);
const rshl: Make2 = () => (a, b) => shlBy(a, b, true);
const qshlS: Make2 = (e) => (a, b) => satS(shlBy(a, b, false), e);
const qshlU: Make2 = (e) => (a, b) => satU(shlBy(a, b, false), e);
const qrshlS: Make2 = (e) => (a, b) => satS(shlBy(a, b, true), e);
const qrshlU: Make2 = (e) => (a, b) => satU(shlBy(a, b, true), e);

/** SQDMULH / SQRDMULH on signed esize-bit values. */
function qdmulh(round: boolean): Make2 {
  return (e) => (a, b) => sqdmulh(a, b, e, round);
}

const aba: Fn3 = (acc, a, b) => acc + Math.abs(a - b);

// 64-bit lanes

const add64: Fn64x2 = (al, ah, bl, bh) => {
  const l = (al >>> 0) + (bl >>> 0);
  R64[0] = l | 0;
  R64[1] = (ah + bh + (l > 0xffffffff ? 1 : 0)) | 0;
};
const sub64: Fn64x2 = (al, ah, bl, bh) => {
  const l = (al >>> 0) - (bl >>> 0);
  R64[0] = l | 0;
  R64[1] = (ah - bh - (l < 0 ? 1 : 0)) | 0;
};
function mask64(t: boolean): void {
  const r = t ? -1 : 0;
  R64[0] = r;
  R64[1] = r;
}
const cmgt64: Fn64x2 = (al, ah, bl, bh) => mask64(ah > bh || (ah === bh && al >>> 0 > bl >>> 0));
const cmge64: Fn64x2 = (al, ah, bl, bh) => mask64(ah > bh || (ah === bh && al >>> 0 >= bl >>> 0));
const cmhi64: Fn64x2 = (al, ah, bl, bh) => mask64(ah >>> 0 > bh >>> 0 || (ah === bh && al >>> 0 > bl >>> 0));
const cmhs64: Fn64x2 = (al, ah, bl, bh) => mask64(ah >>> 0 > bh >>> 0 || (ah === bh && al >>> 0 >= bl >>> 0));
const cmeq64: Fn64x2 = (al, ah, bl, bh) => mask64(al === bl && ah === bh);
const cmtst64: Fn64x2 = (al, ah, bl, bh) => mask64(((al & bl) | (ah & bh)) !== 0);
function satS64(neg: boolean): void {
  SAT[0] = 1;
  R64[0] = neg ? 0 : -1;
  R64[1] = neg ? -0x80000000 : 0x7fffffff;
}
const sqadd64: Fn64x2 = (al, ah, bl, bh) => {
  add64(al, ah, bl, bh);
  const rh = R64[1]!;
  if (((ah ^ rh) & (bh ^ rh)) < 0) satS64(ah < 0);
};
const sqsub64: Fn64x2 = (al, ah, bl, bh) => {
  sub64(al, ah, bl, bh);
  const rh = R64[1]!;
  if (((ah ^ bh) & (ah ^ rh)) < 0) satS64(ah < 0);
};
const uqadd64: Fn64x2 = (al, ah, bl, bh) => {
  const l = (al >>> 0) + (bl >>> 0);
  const h = (ah >>> 0) + (bh >>> 0) + (l > 0xffffffff ? 1 : 0);
  if (h > 0xffffffff) {
    SAT[0] = 1;
    R64[0] = -1;
    R64[1] = -1;
  } else {
    R64[0] = l | 0;
    R64[1] = h | 0;
  }
};
const uqsub64: Fn64x2 = (al, ah, bl, bh) => {
  if (ah >>> 0 < bh >>> 0 || (ah === bh && al >>> 0 < bl >>> 0)) {
    SAT[0] = 1;
    R64[0] = 0;
    R64[1] = 0;
  } else sub64(al, ah, bl, bh);
};
function shl64By(signed: boolean, round: boolean, sat: boolean): Fn64x2 {
  return (al, ah, bl) => {
    const sh = sx8(bl & 0xff);
    shl64(al, ah, sh, signed, round, R64);
    if (!sat || sh <= 0 || (al | ah) === 0) return;
    // left shift: saturate when shifting back does not give the operand
    let lost = sh >= 64;
    if (!lost) {
      const rl = R64[0]!;
      const rh = R64[1]!;
      shl64(rl, rh, -sh, signed, false, R);
      lost = R[0] !== al || R[1] !== ah;
      R64[0] = rl;
      R64[1] = rh;
    }
    if (lost) {
      if (signed) satS64(ah < 0);
      else {
        SAT[0] = 1;
        R64[0] = -1;
        R64[1] = -1;
      }
    }
  };
}

// ----------------------------------------------------------------------------- builders

/** A vector three-same op; `f` null where esize 8..32 is reserved, `f64` null where 2D is. */
function vec(Q: number, size: number, rm: number, rn: number, rd: number, signed: boolean, f: Make2 | null, f64: Fn64x2 | null): Op | null {
  if (size === 3) return Q && f64 ? map2x64(16, f64, rd, rn, rm) : null;
  if (!f) return null;
  const e = 8 << size;
  return map2(e, Q ? 16 : 8, signed, f(e), rd, rn, rm);
}

/** A vector op with a fast loop for esize 8..32 (simd-lanes fastBin), `f64` for 2D. */
function fast(k: number, Q: number, size: number, rm: number, rn: number, rd: number, f64: Fn64x2 | null): Op | null {
  if (size === 3) return Q && f64 ? map2x64(16, f64, rd, rn, rm) : null;
  return fastBin(k, 8 << size, Q ? 16 : 8, rd, rn, rm);
}

/** A scalar three-same op on element size 8 << size. */
function scalar(size: number, rm: number, rn: number, rd: number, signed: boolean, f: Make2 | null, f64: Fn64x2 | null): Op | null {
  if (size === 3) return f64 ? map2x64(8, f64, rd, rn, rm) : null;
  if (!f) return null;
  const e = 8 << size;
  return map2(e, e >> 3, signed, f(e), rd, rn, rm);
}

function vecAcc(Q: number, size: number, rm: number, rn: number, rd: number, signed: boolean, f: Fn3): Op | null {
  if (size === 3) return null;
  return map3(8 << size, Q ? 16 : 8, signed, f, rd, rn, rm);
}

function vecPair(Q: number, size: number, rm: number, rn: number, rd: number, signed: boolean, f: Make2): Op | null {
  if (size === 3) return null;
  if (size === 0 && !signed) {
    const kind = f === max ? 0 : f === min ? 1 : f === add ? 2 : -1;
    if (kind >= 0) return pair8(Q, rm, rn, rd, kind);
  }
  const e = 8 << size;
  return pairwise(e, Q ? 16 : 8, signed, f(e), rd, rn, rm);
}

type V = (Q: number, size: number, rm: number, rn: number, rd: number) => Op | null;
type S = (size: number, rm: number, rn: number, rd: number) => Op | null;
type L = (Q: number, rm: number, rn: number, rd: number) => Op | null;

/** A bitwise op on whole 32-bit words: Vd = f(Vd, Vn, Vm). */
function logic(Q: number, rm: number, rn: number, rd: number, kind: number): Op {
  const d = rd * 4;
  const n = rn * 4;
  const m = rm * 4;
  const w = Q ? 4 : 2;
  const z = !Q;
  let op: Op;
  switch (kind) {
    case 0: // AND
      op = (c) => {
        const v = c.vi32;
        for (let i = 0; i < w; i++) v[d + i] = v[n + i]! & v[m + i]!;
        if (z) v[d + 2] = v[d + 3] = 0;
      };
      break;
    case 1: // BIC
      op = (c) => {
        const v = c.vi32;
        for (let i = 0; i < w; i++) v[d + i] = v[n + i]! & ~v[m + i]!;
        if (z) v[d + 2] = v[d + 3] = 0;
      };
      break;
    case 2: // ORR
      op = (c) => {
        const v = c.vi32;
        for (let i = 0; i < w; i++) v[d + i] = v[n + i]! | v[m + i]!;
        if (z) v[d + 2] = v[d + 3] = 0;
      };
      break;
    case 3: // ORN
      op = (c) => {
        const v = c.vi32;
        for (let i = 0; i < w; i++) v[d + i] = v[n + i]! | ~v[m + i]!;
        if (z) v[d + 2] = v[d + 3] = 0;
      };
      break;
    case 4: // EOR
      op = (c) => {
        const v = c.vi32;
        for (let i = 0; i < w; i++) v[d + i] = v[n + i]! ^ v[m + i]!;
        if (z) v[d + 2] = v[d + 3] = 0;
      };
      break;
    case 5: // BSL: d = (n & d) | (m & ~d)
      op = (c) => {
        const v = c.vi32;
        for (let i = 0; i < w; i++) {
          const s = v[d + i]!;
          v[d + i] = (v[n + i]! & s) | (v[m + i]! & ~s);
        }
        if (z) v[d + 2] = v[d + 3] = 0;
      };
      break;
    case 6: // BIT: insert n where m is set
      op = (c) => {
        const v = c.vi32;
        for (let i = 0; i < w; i++) {
          const s = v[m + i]!;
          v[d + i] = (v[n + i]! & s) | (v[d + i]! & ~s);
        }
        if (z) v[d + 2] = v[d + 3] = 0;
      };
      break;
    default: // BIF: insert n where m is clear
      op = (c) => {
        const v = c.vi32;
        for (let i = 0; i < w; i++) {
          const s = v[m + i]!;
          v[d + i] = (v[d + i]! & s) | (v[n + i]! & ~s);
        }
        if (z) v[d + 2] = v[d + 3] = 0;
      };
  }
  return op;
}

/** CMEQ on bytes as SWAR on words (the string functions' hot path). */
function cmeq8(Q: number, rm: number, rn: number, rd: number): Op {
  // a byte of x = n ^ m is zero iff bit 7 of ((x & 0x7f) + 0x7f) | x is clear
  const d = rd * 4;
  const n = rn * 4;
  const m = rm * 4;
  const w = Q ? 4 : 2;
  return (c) => {
    const v = c.vi32;
    for (let i = 0; i < w; i++) {
      const x = v[n + i]! ^ v[m + i]!;
      const t = (((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) >>> 0;
      v[d + i] = Math.imul((~t & 0x80808080) >>> 7, 0xff);
    }
    if (!Q) v[d + 2] = v[d + 3] = 0;
  };
}

/**
 * One word of UMAXP/UMINP/ADDP on bytes, SWAR: the pairs (byte 0, 1) and (2, 3) of x reduce to
 * two bytes, returned in the low half. kind: 0 max, 1 min, 2 add.
 */
function pairWord8(x: number, kind: number): number {
  const a = x & 0x00ff00ff;
  const b = (x >>> 8) & 0x00ff00ff;
  let r: number;
  if (kind === 2) r = (a + b) & 0x00ff00ff;
  else {
    // per 16-bit lane: bit 8 of (a + 256 - b) is set iff a >= b
    const mask = Math.imul((((a | 0x01000100) - b) >>> 8) & 0x00010001, 0xff);
    r = kind === 0 ? (a & mask) | (b & ~mask) : (b & mask) | (a & ~mask);
  }
  return (r & 0xff) | ((r >>> 8) & 0xff00);
}

/** UMAXP/UMINP/ADDP on bytes (the string functions' reductions). */
function pair8(Q: number, rm: number, rn: number, rd: number, kind: number): Op {
  const n = rn * 4;
  const m = rm * 4;
  const d = rd * 4;
  if (Q)
    return (c) => {
      const v = c.vi32;
      const r0 = pairWord8(v[n]!, kind) | (pairWord8(v[n + 1]!, kind) << 16);
      const r1 = pairWord8(v[n + 2]!, kind) | (pairWord8(v[n + 3]!, kind) << 16);
      const r2 = pairWord8(v[m]!, kind) | (pairWord8(v[m + 1]!, kind) << 16);
      const r3 = pairWord8(v[m + 2]!, kind) | (pairWord8(v[m + 3]!, kind) << 16);
      v[d] = r0;
      v[d + 1] = r1;
      v[d + 2] = r2;
      v[d + 3] = r3;
    };
  return (c) => {
    const v = c.vi32;
    const r0 = pairWord8(v[n]!, kind) | (pairWord8(v[n + 1]!, kind) << 16);
    const r1 = pairWord8(v[m]!, kind) | (pairWord8(v[m + 1]!, kind) << 16);
    v[d] = r0;
    v[d + 1] = r1;
    v[d + 2] = v[d + 3] = 0;
  };
}

/** 64-bit ADDP on the pairs of Vn and Vm (2D), or the scalar form (one pair of Vn). */
function addp64(rd: number, rn: number, rm: number, scalarForm: boolean): Op {
  const d = rd * 4;
  const n = rn * 4;
  const m = rm * 4;
  if (scalarForm)
    return (c) => {
      const v = c.vi32;
      add64(v[n]!, v[n + 1]!, v[n + 2]!, v[n + 3]!);
      v[d] = R64[0]!;
      v[d + 1] = R64[1]!;
      v[d + 2] = v[d + 3] = 0;
    };
  return (c) => {
    const v = c.vi32;
    add64(v[m]!, v[m + 1]!, v[m + 2]!, v[m + 3]!);
    const hl = R64[0]!;
    const hh = R64[1]!;
    add64(v[n]!, v[n + 1]!, v[n + 2]!, v[n + 3]!);
    v[d] = R64[0]!;
    v[d + 1] = R64[1]!;
    v[d + 2] = hl;
    v[d + 3] = hh;
  };
}

export const simd3SameHandlers: Record<string, V | S | L | ((...a: number[]) => Op | null)> = {
  // vector
  SHADD_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, true, hadd, null)) as V,
  UHADD_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, false, hadd, null)) as V,
  SRHADD_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, true, rhadd, null)) as V,
  URHADD_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, false, rhadd, null)) as V,
  SHSUB_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, true, hsub, null)) as V,
  UHSUB_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, false, hsub, null)) as V,
  SQADD_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, true, qaddS, sqadd64)) as V,
  UQADD_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, false, qaddU, uqadd64)) as V,
  SQSUB_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, true, qsubS, sqsub64)) as V,
  UQSUB_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, false, qsubU, uqsub64)) as V,
  CMGT_v: ((Q, size, rm, rn, rd) => fast(Bin.CMGT, Q, size, rm, rn, rd, cmgt64)) as V,
  CMHI_v: ((Q, size, rm, rn, rd) => fast(Bin.CMHI, Q, size, rm, rn, rd, cmhi64)) as V,
  CMGE_v: ((Q, size, rm, rn, rd) => fast(Bin.CMGE, Q, size, rm, rn, rd, cmge64)) as V,
  CMHS_v: ((Q, size, rm, rn, rd) => fast(Bin.CMHS, Q, size, rm, rn, rd, cmhs64)) as V,
  SSHL_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, true, shl, shl64By(true, false, false))) as V,
  USHL_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, false, shl, shl64By(false, false, false))) as V,
  SQSHL_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, true, qshlS, shl64By(true, false, true))) as V,
  UQSHL_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, false, qshlU, shl64By(false, false, true))) as V,
  SRSHL_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, true, rshl, shl64By(true, true, false))) as V,
  URSHL_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, false, rshl, shl64By(false, true, false))) as V,
  SQRSHL_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, true, qrshlS, shl64By(true, true, true))) as V,
  UQRSHL_v: ((Q, size, rm, rn, rd) => vec(Q, size, rm, rn, rd, false, qrshlU, shl64By(false, true, true))) as V,
  SMAX_v: ((Q, size, rm, rn, rd) => fast(Bin.SMAX, Q, size, rm, rn, rd, null)) as V,
  UMAX_v: ((Q, size, rm, rn, rd) => fast(Bin.UMAX, Q, size, rm, rn, rd, null)) as V,
  SMIN_v: ((Q, size, rm, rn, rd) => fast(Bin.SMIN, Q, size, rm, rn, rd, null)) as V,
  UMIN_v: ((Q, size, rm, rn, rd) => fast(Bin.UMIN, Q, size, rm, rn, rd, null)) as V,
  SABD_v: ((Q, size, rm, rn, rd) => fast(Bin.SABD, Q, size, rm, rn, rd, null)) as V,
  UABD_v: ((Q, size, rm, rn, rd) => fast(Bin.UABD, Q, size, rm, rn, rd, null)) as V,
  SABA_v: ((Q, size, rm, rn, rd) => vecAcc(Q, size, rm, rn, rd, true, aba)) as V,
  UABA_v: ((Q, size, rm, rn, rd) => vecAcc(Q, size, rm, rn, rd, false, aba)) as V,
  ADD_v: ((Q, size, rm, rn, rd) => fast(Bin.ADD, Q, size, rm, rn, rd, add64)) as V,
  SUB_v: ((Q, size, rm, rn, rd) => fast(Bin.SUB, Q, size, rm, rn, rd, sub64)) as V,
  CMTST_v: ((Q, size, rm, rn, rd) => fast(Bin.CMTST, Q, size, rm, rn, rd, cmtst64)) as V,
  CMEQ_v: ((Q, size, rm, rn, rd) => (size === 0 ? cmeq8(Q, rm, rn, rd) : fast(Bin.CMEQ, Q, size, rm, rn, rd, cmeq64))) as V,
  MLA_v: ((Q, size, rm, rn, rd) => (size === 3 ? null : fast(Bin.MLA, Q, size, rm, rn, rd, null))) as V,
  MLS_v: ((Q, size, rm, rn, rd) => (size === 3 ? null : fast(Bin.MLS, Q, size, rm, rn, rd, null))) as V,
  MUL_v: ((Q, size, rm, rn, rd) => (size === 3 ? null : fast(Bin.MUL, Q, size, rm, rn, rd, null))) as V,
  PMUL_v: ((Q, size, rm, rn, rd) => (size === 0 ? vec(Q, size, rm, rn, rd, false, pmulL, null) : null)) as V,
  SMAXP_v: ((Q, size, rm, rn, rd) => vecPair(Q, size, rm, rn, rd, true, max)) as V,
  UMAXP_v: ((Q, size, rm, rn, rd) => vecPair(Q, size, rm, rn, rd, false, max)) as V,
  SMINP_v: ((Q, size, rm, rn, rd) => vecPair(Q, size, rm, rn, rd, true, min)) as V,
  UMINP_v: ((Q, size, rm, rn, rd) => vecPair(Q, size, rm, rn, rd, false, min)) as V,
  ADDP_v: ((Q, size, rm, rn, rd) =>
    size === 3 ? (Q ? addp64(rd, rn, rm, false) : null) : vecPair(Q, size, rm, rn, rd, false, add)) as V,
  SQDMULH_v: ((Q, size, rm, rn, rd) =>
    size === 1 || size === 2 ? vec(Q, size, rm, rn, rd, true, qdmulh(false), null) : null) as V,
  SQRDMULH_v: ((Q, size, rm, rn, rd) =>
    size === 1 || size === 2 ? vec(Q, size, rm, rn, rd, true, qdmulh(true), null) : null) as V,

  AND_v: ((Q, rm, rn, rd) => logic(Q, rm, rn, rd, 0)) as L,
  BIC_v: ((Q, rm, rn, rd) => logic(Q, rm, rn, rd, 1)) as L,
  ORR_v: ((Q, rm, rn, rd) => logic(Q, rm, rn, rd, 2)) as L,
  ORN_v: ((Q, rm, rn, rd) => logic(Q, rm, rn, rd, 3)) as L,
  EOR_v: ((Q, rm, rn, rd) => logic(Q, rm, rn, rd, 4)) as L,
  BSL_v: ((Q, rm, rn, rd) => logic(Q, rm, rn, rd, 5)) as L,
  BIT_v: ((Q, rm, rn, rd) => logic(Q, rm, rn, rd, 6)) as L,
  BIF_v: ((Q, rm, rn, rd) => logic(Q, rm, rn, rd, 7)) as L,

  // scalar
  SQADD_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, true, qaddS, sqadd64)) as S,
  UQADD_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, false, qaddU, uqadd64)) as S,
  SQSUB_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, true, qsubS, sqsub64)) as S,
  UQSUB_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, false, qsubU, uqsub64)) as S,
  CMGT_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, true, null, cmgt64)) as S,
  CMHI_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, false, null, cmhi64)) as S,
  CMGE_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, true, null, cmge64)) as S,
  CMHS_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, false, null, cmhs64)) as S,
  SSHL_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, true, null, shl64By(true, false, false))) as S,
  USHL_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, false, null, shl64By(false, false, false))) as S,
  SQSHL_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, true, qshlS, shl64By(true, false, true))) as S,
  UQSHL_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, false, qshlU, shl64By(false, false, true))) as S,
  SRSHL_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, true, null, shl64By(true, true, false))) as S,
  URSHL_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, false, null, shl64By(false, true, false))) as S,
  SQRSHL_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, true, qrshlS, shl64By(true, true, true))) as S,
  UQRSHL_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, false, qrshlU, shl64By(false, true, true))) as S,
  ADD_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, false, null, add64)) as S,
  SUB_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, false, null, sub64)) as S,
  CMTST_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, false, null, cmtst64)) as S,
  CMEQ_sd: ((size, rm, rn, rd) => scalar(size, rm, rn, rd, false, null, cmeq64)) as S,
  SQDMULH_sd: ((size, rm, rn, rd) =>
    size === 1 || size === 2 ? scalar(size, rm, rn, rd, true, qdmulh(false), null) : null) as S,
  SQRDMULH_sd: ((size, rm, rn, rd) =>
    size === 1 || size === 2 ? scalar(size, rm, rn, rd, true, qdmulh(true), null) : null) as S,
  ADDP_sd: ((size: number, rn: number, rd: number) => (size === 3 ? addp64(rd, rn, rn, true) : null)) as (
    ...a: number[]
  ) => Op | null,
};

export { shl64By, add64, sub64, cmeq64, cmgt64, cmge64, sqadd64, uqadd64, sqsub64, uqsub64 };
