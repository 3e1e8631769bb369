/**
 * Advanced SIMD two-register miscellaneous (integer), vector and scalar: element reversal, counts,
 * compares against zero, ABS/NEG, pairwise long adds, narrowing (XTN and the saturating forms)
 * and SHLL.
 */
import { clsN, clzN, flushSat, popcount8, rbit8, S32, S8, SAT, satS, satU, sx16, sx8 } from '../arm/simd.js';
import type { Op } from '../op.js';
import {
  type Fn1,
  type Fn3,
  type Fn64x1,
  fromScratch,
  lane,
  map1,
  map1x64,
  map3,
  R64,
  setScratch,
} from './simd-lanes.js';

type Make1 = (esize: number) => Fn1;

const abs: Make1 = () => (a) => Math.abs(a);
const neg: Make1 = () => (a) => -a;
const sqabs: Make1 = (e) => (a) => satS(Math.abs(a), e);
const sqneg: Make1 = (e) => (a) => satS(-a, e);
const cmgt0: Make1 = () => (a) => (a > 0 ? -1 : 0);
const cmge0: Make1 = () => (a) => (a >= 0 ? -1 : 0);
const cmeq0: Make1 = () => (a) => (a === 0 ? -1 : 0);
const cmle0: Make1 = () => (a) => (a <= 0 ? -1 : 0);
const cmlt0: Make1 = () => (a) => (a < 0 ? -1 : 0);
const clz: Make1 = (e) => (a) => clzN(a, e);
const cls: Make1 = (e) => (a) => clsN(a, e);
const sext = (v: number, e: number): number => (e === 32 ? v | 0 : e === 16 ? sx16(v) : sx8(v));

// 64-bit lanes
function mask64(t: boolean): void {
  const r = t ? -1 : 0;
  R64[0] = r;
  R64[1] = r;
}
const neg64: Fn64x1 = (l, h) => {
  R64[0] = -l | 0;
  R64[1] = (~h + (l === 0 ? 1 : 0)) | 0;
};
const abs64: Fn64x1 = (l, h) => {
  if (h < 0) neg64(l, h);
  else {
    R64[0] = l;
    R64[1] = h;
  }
};
const sqneg64: Fn64x1 = (l, h) => {
  if (l === 0 && h === -0x80000000) {
    SAT[0] = 1;
    R64[0] = -1;
    R64[1] = 0x7fffffff;
  } else neg64(l, h);
};
const sqabs64: Fn64x1 = (l, h) => (h < 0 ? sqneg64(l, h) : abs64(l, h));
const cmgt064: Fn64x1 = (l, h) => mask64(h > 0 || (h === 0 && l !== 0));
const cmge064: Fn64x1 = (_l, h) => mask64(h >= 0);
const cmeq064: Fn64x1 = (l, h) => mask64((l | h) === 0);
const cmle064: Fn64x1 = (l, h) => mask64(h < 0 || (l | h) === 0);
const cmlt064: Fn64x1 = (_l, h) => mask64(h < 0);

/** SUQADD / USQADD on 64-bit lanes: the accumulator (Vd) and the addend (Vn) differ in signedness. */
function sqAcc64(rd: number, rn: number, bytes: number, unsignedAcc: boolean): Op {
  return (c) => {
    const v = c.vi32;
    for (let i = 0; i < bytes >> 2; i += 2) {
      const dl = v[rd * 4 + i]! >>> 0;
      const dh = v[rd * 4 + i + 1]!;
      const nl = v[rn * 4 + i]! >>> 0;
      const nh = v[rn * 4 + i + 1]!;
      const l = dl + nl;
      const carry = l > 0xffffffff ? 1 : 0;
      // exact high sum as a number, with each operand's own signedness
      const dH = unsignedAcc ? dh >>> 0 : dh;
      const nH = unsignedAcc ? nh : nh >>> 0;
      const hs = dH + nH + carry;
      let rl = l | 0;
      let rh = hs | 0;
      if (unsignedAcc) {
        if (hs < 0) {
          SAT[0] = 1;
          rl = rh = 0;
        } else if (hs > 0xffffffff) {
          SAT[0] = 1;
          rl = rh = -1;
        }
      } else if (hs > 0x7fffffff) {
        SAT[0] = 1;
        rl = -1;
        rh = 0x7fffffff;
      }
      v[rd * 4 + i] = rl;
      v[rd * 4 + i + 1] = rh;
    }
    if (bytes === 8) v[rd * 4 + 2] = v[rd * 4 + 3] = 0;
    flushSat(c.x);
  };
}

function vec1(Q: number, size: number, rn: number, rd: number, signed: boolean, f: Make1 | null, f64: Fn64x1 | null): Op | null {
  if (size === 3) return Q && f64 ? map1x64(16, f64, rd, rn) : null;
  if (!f) return null;
  const e = 8 << size;
  return map1(e, Q ? 16 : 8, signed, f(e), rd, rn);
}

function scalar1(size: number, rn: number, rd: number, signed: boolean, f: Make1 | null, f64: Fn64x1 | null): Op | null {
  if (size === 3) return f64 ? map1x64(8, f64, rd, rn) : null;
  if (!f) return null;
  const e = 8 << size;
  return map1(e, e >> 3, signed, f(e), rd, rn);
}

/** SUQADD / USQADD: Vd = sat(Vd + Vn) with Vd signed and Vn unsigned, or the reverse. */
function sqAcc(size: number, bytes: number, rn: number, rd: number, unsignedAcc: boolean): Op | null {
  if (size === 3) return sqAcc64(rd, rn, bytes, unsignedAcc);
  const e = 8 << size;
  const f: Fn3 = unsignedAcc
    ? (acc, a) => satU(acc + sext(a, e), e)
    : (acc, a) => satS(sext(acc, e) + a, e);
  return map3(e, bytes, false, f, rd, rn, rn);
}

/** REV16/REV32/REV64: reverse elements of 8 << size bits within containers of `cbytes` bytes. */
function rev(Q: number, size: number, rn: number, rd: number, cbytes: number): Op | null {
  const eb = 1 << size;
  if (eb >= cbytes) return null;
  const x = cbytes - eb;
  const bytes = Q ? 16 : 8;
  const n = rn * 16;
  if (size === 0 && cbytes === 8) {
    // REV64 on bytes: swap the two words and byte-reverse each
    const d = rd * 4;
    const m = rn * 4;
    return (c) => {
      const v = c.vi32;
      for (let i = 0; i < bytes >> 2; i += 2) {
        const lo = v[m + i]!;
        const hi = v[m + i + 1]!;
        v[d + i] = (hi >>> 24) | ((hi >>> 8) & 0xff00) | ((hi << 8) & 0xff0000) | (hi << 24);
        v[d + i + 1] = (lo >>> 24) | ((lo >>> 8) & 0xff00) | ((lo << 8) & 0xff0000) | (lo << 24);
      }
      if (!Q) v[d + 2] = v[d + 3] = 0;
    };
  }
  return (c) => {
    const v = c.vu8;
    for (let i = 0; i < bytes; i++) S8[i] = v[n + (i ^ x)]!;
    fromScratch(c, rd, bytes);
  };
}

/** SADDLP/UADDLP (and the accumulating SADALP/UADALP): pairs of esize lanes summed into 2*esize lanes. */
function addlp(Q: number, size: number, rn: number, rd: number, signed: boolean, acc: boolean): Op | null {
  if (size === 3) return null;
  const e = 8 << size;
  const bytes = Q ? 16 : 8;
  const outCnt = bytes / ((2 * e) >> 3);
  if (e === 32)
    return (c) => {
      const v = c.vi32;
      for (let i = 0; i < outCnt; i++) {
        const s = lane(c, rn, 32, 2 * i, signed) + lane(c, rn, 32, 2 * i + 1, signed);
        let lo = s % 4294967296 | 0;
        let hi = Math.floor(s / 4294967296) | 0;
        if (acc) {
          const l = (v[rd * 4 + 2 * i]! >>> 0) + (lo >>> 0);
          hi = (hi + v[rd * 4 + 2 * i + 1]! + (l > 0xffffffff ? 1 : 0)) | 0;
          lo = l | 0;
        }
        S32[2 * i] = lo;
        S32[2 * i + 1] = hi;
      }
      fromScratch(c, rd, bytes);
    };
  return (c) => {
    for (let i = 0; i < outCnt; i++) {
      let s = lane(c, rn, e, 2 * i, signed) + lane(c, rn, e, 2 * i + 1, signed);
      if (acc) s += lane(c, rd, 2 * e, i, false);
      setScratch(2 * e, i, s);
    }
    fromScratch(c, rd, bytes);
  };
}

/**
 * Narrowing: 2*esize lanes of Vn to esize lanes, into the low half of Vd (upper zeroed) or, for
 * the "2" forms (Q=1), into the upper half (lower kept). `f` sees the wide lane's value.
 */
function narrow(Q: number, size: number, rn: number, rd: number, signedIn: boolean, f: Make1, scalarForm = false): Op | null {
  if (size === 3) return null;
  const e = 8 << size;
  const cnt = scalarForm ? 1 : 64 / e;
  if (e === 32) {
    // source lanes are 64-bit: pass an exact value when it fits, else a saturating stand-in
    const g = f(32);
    return (c) => {
      const v = c.vi32;
      for (let i = 0; i < cnt; i++) {
        const lo = v[rn * 4 + 2 * i]!;
        const hi = v[rn * 4 + 2 * i + 1]!;
        const x = signedIn ? hi * 4294967296 + (lo >>> 0) : (hi >>> 0) * 4294967296 + (lo >>> 0);
        // |x| may exceed 2^53 and round, but rounding never crosses a 32-bit saturation bound
        S32[i] = g(x);
      }
      finishNarrow(c, rd, Q, cnt * 4, scalarForm);
    };
  }
  const g = f(e);
  return (c) => {
    for (let i = 0; i < cnt; i++) setScratch(e, i, g(lane(c, rn, 2 * e, i, signedIn)));
    finishNarrow(c, rd, Q, (cnt * e) >> 3, scalarForm);
  };
}

function finishNarrow(c: import('../cpu.js').Cpu, rd: number, Q: number, bytes: number, scalarForm: boolean): void {
  flushSat(c.x);
  if (scalarForm || !Q) {
    fromScratch(c, rd, bytes);
    return;
  }
  const v = c.vi32;
  v[rd * 4 + 2] = S32[0]!;
  v[rd * 4 + 3] = S32[1]!;
}

/** SHLL{2}: widen each esize lane and shift left by esize. */
function shll(Q: number, size: number, rn: number, rd: number): Op | null {
  if (size === 3) return null;
  const e = 8 << size;
  const base = Q ? 64 / e : 0;
  const cnt = 64 / e;
  if (e === 32)
    return (c) => {
      const v = c.vi32;
      for (let i = 0; i < cnt; i++) {
        S32[2 * i] = 0;
        S32[2 * i + 1] = v[rn * 4 + base + i]!;
      }
      fromScratch(c, rd, 16);
    };
  return (c) => {
    for (let i = 0; i < cnt; i++) setScratch(2 * e, i, lane(c, rn, e, base + i, false) << e);
    fromScratch(c, rd, 16);
  };
}

/** CMEQ Vd.16B, Vn.16B, #0 as SWAR on words (strlen's inner loop). */
function cmeqZero8(Q: number, rn: number, rd: number): Op {
  const d = rd * 4;
  const n = rn * 4;
  const w = Q ? 4 : 2;
  return (c) => {
    const v = c.vi32;
    for (let i = 0; i < w; i++) {
      const x = v[n + i]!;
      const t = (((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) >>> 0;
      v[d + i] = Math.imul((~t & 0x80808080) >>> 7, 0xff);
    }
    if (!Q) v[d + 2] = v[d + 3] = 0;
  };
}

/** XTN{2}: the low half of each lane, assembled as two words. */
function xtn(Q: number, size: number, rn: number, rd: number): Op | null {
  if (size === 3) return null;
  const d = rd * 4 + (Q ? 2 : 0);
  const n = rn * 4;
  const z = !Q;
  return (c) => {
    const v = c.vi32;
    let w0: number;
    let w1: number;
    if (size === 0) {
      const a = v[n]!;
      const b = v[n + 1]!;
      const e = v[n + 2]!;
      const f = v[n + 3]!;
      w0 = (a & 0xff) | ((a >>> 8) & 0xff00) | ((b & 0xff) << 16) | ((b >>> 16) << 24);
      w1 = (e & 0xff) | ((e >>> 8) & 0xff00) | ((f & 0xff) << 16) | ((f >>> 16) << 24);
    } else if (size === 1) {
      w0 = (v[n]! & 0xffff) | (v[n + 1]! << 16);
      w1 = (v[n + 2]! & 0xffff) | (v[n + 3]! << 16);
    } else {
      w0 = v[n]!;
      w1 = v[n + 2]!;
    }
    v[d] = w0;
    v[d + 1] = w1;
    if (z) v[d + 2] = v[d + 3] = 0;
  };
}

type V = (Q: number, size: number, rn: number, rd: number) => Op | null;
type S = (size: number, rn: number, rd: number) => Op | null;

export const simd2MiscHandlers: Record<string, V | S> = {
  REV64_v: ((Q, size, rn, rd) => rev(Q, size, rn, rd, 8)) as V,
  REV32_v: ((Q, size, rn, rd) => rev(Q, size, rn, rd, 4)) as V,
  REV16_v: ((Q, size, rn, rd) => rev(Q, size, rn, rd, 2)) as V,
  SADDLP_v: ((Q, size, rn, rd) => addlp(Q, size, rn, rd, true, false)) as V,
  UADDLP_v: ((Q, size, rn, rd) => addlp(Q, size, rn, rd, false, false)) as V,
  SADALP_v: ((Q, size, rn, rd) => addlp(Q, size, rn, rd, true, true)) as V,
  UADALP_v: ((Q, size, rn, rd) => addlp(Q, size, rn, rd, false, true)) as V,
  SUQADD_v: ((Q, size, rn, rd) => (size === 3 && !Q ? null : sqAcc(size, Q ? 16 : 8, rn, rd, false))) as V,
  USQADD_v: ((Q, size, rn, rd) => (size === 3 && !Q ? null : sqAcc(size, Q ? 16 : 8, rn, rd, true))) as V,
  CLS_v: ((Q, size, rn, rd) => vec1(Q, size, rn, rd, false, cls, null)) as V,
  CLZ_v: ((Q, size, rn, rd) => vec1(Q, size, rn, rd, false, clz, null)) as V,
  CNT_v: ((Q, size, rn, rd) => (size === 0 ? vec1(Q, 0, rn, rd, false, () => popcount8, null) : null)) as V,
  NOT_v: ((Q, rn, rd) => {
    const d = rd * 4;
    const n = rn * 4;
    return (c) => {
      const v = c.vi32;
      v[d] = ~v[n]!;
      v[d + 1] = ~v[n + 1]!;
      if (Q) {
        v[d + 2] = ~v[n + 2]!;
        v[d + 3] = ~v[n + 3]!;
      } else v[d + 2] = v[d + 3] = 0;
    };
  }) as S,
  RBIT_v: ((Q, rn, rd) => vec1(Q, 0, rn, rd, false, () => rbit8, null)) as S,
  SQABS_v: ((Q, size, rn, rd) => vec1(Q, size, rn, rd, true, sqabs, sqabs64)) as V,
  SQNEG_v: ((Q, size, rn, rd) => vec1(Q, size, rn, rd, true, sqneg, sqneg64)) as V,
  CMGT_zero_v: ((Q, size, rn, rd) => vec1(Q, size, rn, rd, true, cmgt0, cmgt064)) as V,
  CMGE_zero_v: ((Q, size, rn, rd) => vec1(Q, size, rn, rd, true, cmge0, cmge064)) as V,
  CMEQ_zero_v: ((Q, size, rn, rd) => (size === 0 ? cmeqZero8(Q, rn, rd) : vec1(Q, size, rn, rd, true, cmeq0, cmeq064))) as V,
  CMLE_zero_v: ((Q, size, rn, rd) => vec1(Q, size, rn, rd, true, cmle0, cmle064)) as V,
  CMLT_zero_v: ((Q, size, rn, rd) => vec1(Q, size, rn, rd, true, cmlt0, cmlt064)) as V,
  ABS_v: ((Q, size, rn, rd) => vec1(Q, size, rn, rd, true, abs, abs64)) as V,
  NEG_v: ((Q, size, rn, rd) => vec1(Q, size, rn, rd, true, neg, neg64)) as V,
  XTN_v: ((Q, size, rn, rd) => xtn(Q, size, rn, rd)) as V,
  SQXTN_v: ((Q, size, rn, rd) => narrow(Q, size, rn, rd, true, (e) => (a) => satS(a, e))) as V,
  UQXTN_v: ((Q, size, rn, rd) => narrow(Q, size, rn, rd, false, (e) => (a) => satU(a, e))) as V,
  SQXTUN_v: ((Q, size, rn, rd) => narrow(Q, size, rn, rd, true, (e) => (a) => satU(a, e))) as V,
  SHLL_v: ((Q, size, rn, rd) => shll(Q, size, rn, rd)) as V,

  // scalar
  SUQADD_sd: ((size, rn, rd) => sqAcc(size, size === 3 ? 8 : 1 << size, rn, rd, false)) as S,
  USQADD_sd: ((size, rn, rd) => sqAcc(size, size === 3 ? 8 : 1 << size, rn, rd, true)) as S,
  SQABS_sd: ((size, rn, rd) => scalar1(size, rn, rd, true, sqabs, sqabs64)) as S,
  SQNEG_sd: ((size, rn, rd) => scalar1(size, rn, rd, true, sqneg, sqneg64)) as S,
  CMGT_zero_sd: ((size, rn, rd) => (size === 3 ? scalar1(size, rn, rd, true, null, cmgt064) : null)) as S,
  CMGE_zero_sd: ((size, rn, rd) => (size === 3 ? scalar1(size, rn, rd, true, null, cmge064) : null)) as S,
  CMEQ_zero_sd: ((size, rn, rd) => (size === 3 ? scalar1(size, rn, rd, true, null, cmeq064) : null)) as S,
  CMLE_zero_sd: ((size, rn, rd) => (size === 3 ? scalar1(size, rn, rd, true, null, cmle064) : null)) as S,
  CMLT_zero_sd: ((size, rn, rd) => (size === 3 ? scalar1(size, rn, rd, true, null, cmlt064) : null)) as S,
  ABS_sd: ((size, rn, rd) => (size === 3 ? scalar1(size, rn, rd, true, null, abs64) : null)) as S,
  NEG_sd: ((size, rn, rd) => (size === 3 ? scalar1(size, rn, rd, true, null, neg64) : null)) as S,
  SQXTN_sd: ((size, rn, rd) => narrow(0, size, rn, rd, true, (e) => (a) => satS(a, e), true)) as S,
  UQXTN_sd: ((size, rn, rd) => narrow(0, size, rn, rd, false, (e) => (a) => satU(a, e), true)) as S,
  SQXTUN_sd: ((size, rn, rd) => narrow(0, size, rn, rd, true, (e) => (a) => satU(a, e), true)) as S,
};

