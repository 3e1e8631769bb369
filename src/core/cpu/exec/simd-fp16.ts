/**
 * Advanced SIMD half-precision floating point (FEAT_FP16), vector and scalar: three same, two-register
 * misc, across lanes, scalar pairwise, by element, FMOV (vector, immediate) and the fixed-point
 * conversions. Lanes are 16-bit (vu16); the arithmetic is arm/fp.ts's *16 helpers.
 */
import {
  fixedToFp,
  fpBinop16,
  fpCompare,
  fpCompareUnordered,
  fpFlushIn,
  fpMulAdd16,
  FPR,
  fpRoundingMode,
  fpToFixed,
  fpUnop16,
  halfBits,
  halfValue,
  nan2_16,
  nanKind16,
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
  RA,
  RM,
  RN,
  RP,
  RZ,
  SNAN,
} from '../arm/fp.js';
import { recipEstimate16, recpX16, rsqrtEstimate16, S16, stepFused, sx16 } from '../arm/simd.js';
import { I_FPCR, I_FPSR } from '../layout.js';
import type { Op } from '../op.js';
import { fromScratch, zeroFrom } from './simd-lanes.js';

type F2 = (a: number, b: number, fpcr: number, st: Int32Array) => number;
type F1 = (a: number, fpcr: number, st: Int32Array) => number;

const IOC = 1;
const IDC = 1 << 7;

// ----------------------------------------------------------------------------- lane functions

const bin =
  (op: number): F2 =>
  (a, b, fpcr, st) =>
    fpBinop16(op, a, b, fpcr, st);
const fabd: F2 = (a, b, fpcr, st) => fpBinop16(OP_SUB, a, b, fpcr, st) & 0x7fff;
const isInf = (v: number): boolean => v === Infinity || v === -Infinity;

const fmulx: F2 = (a, b, fpcr, st) => {
  const va = halfValue(a);
  const vb = halfValue(b);
  if (va === va && vb === vb) {
    const fa = fpFlushIn(va, 16, fpcr, st);
    const fb = fpFlushIn(vb, 16, fpcr, st);
    if ((isInf(fa) && fb === 0) || (fa === 0 && isInf(fb))) return ((a ^ b) & 0x8000) | 0x4000;
  }
  return fpBinop16(OP_MUL, a, b, fpcr, st);
};

/** FRECPS (2 - a*b) / FRSQRTS ((3 - a*b) / 2), fused. */
function step(rsqrt: boolean): F2 {
  return (a, b, fpcr, st) => {
    const va = halfValue(a);
    const vb = halfValue(b);
    if (va !== va || vb !== vb) return nan2_16(a ^ 0x8000, b, fpcr, st);
    return halfBits(stepFused(fpFlushIn(va, 16, fpcr, st), fpFlushIn(vb, 16, fpcr, st), 16, rsqrt, fpcr, st));
  };
}

const EQ = 0;
const GE = 1;
const GT = 2;
function cmp(rel: number, abs: boolean): F2 {
  return (a, b, fpcr, st) => {
    if (abs) {
      a &= 0x7fff;
      b &= 0x7fff;
    }
    const va = halfValue(a);
    const vb = halfValue(b);
    if (va !== va || vb !== vb) {
      const snan = nanKind16(a) === SNAN || nanKind16(b) === SNAN;
      fpCompareUnordered(snan, rel !== EQ, va !== va ? vb : va, 16, fpcr, st);
      return 0;
    }
    const r = fpCompare(va, vb, 16, fpcr, st);
    return (rel === EQ ? r === 0b0110 : rel === GE ? r !== 0b1000 : r === 0b0010) ? 0xffff : 0;
  };
}
const cmpZero = (rel: number, swap: boolean): F1 => {
  const f = cmp(rel, false);
  return swap ? (a, fpcr, st) => f(0, a, fpcr, st) : (a, fpcr, st) => f(a, 0, fpcr, st);
};

const unop =
  (op: number): F1 =>
  (a, fpcr, st) =>
    fpUnop16(op, a, fpcr, st);

/** Flags of a conversion computed at 32 bits, before deciding whether it saturates at 16. */
const TMP = new Int32Array(I_FPSR + 1);

/** FCVT*S/U to a 16-bit integer: FPToFixed with M = 16 (saturation raises IOC and no IXC). */
function toInt(rounding: number, unsigned: boolean, fbits = 0): F1 {
  return (a, fpcr, st) => {
    TMP[I_FPSR] = 0;
    fpToFixed(halfValue(a), 16, fbits, unsigned, 32, rounding < 0 ? fpRoundingMode(fpcr) : rounding, fpcr, TMP);
    const r = FPR[0]!;
    const lo = unsigned ? 0 : -32768;
    const hi = unsigned ? 65535 : 32767;
    const v = unsigned ? r >>> 0 : r;
    const flags = TMP[I_FPSR]!;
    if (v < lo || v > hi) {
      st[I_FPSR] |= IOC | (flags & IDC);
      return v < lo ? lo : hi;
    }
    st[I_FPSR] |= flags;
    return v;
  };
}

/** SCVTF/UCVTF from a 16-bit integer lane (divided by 2^fbits). */
function fromInt(unsigned: boolean, fbits = 0): F1 {
  return (a, fpcr, st) => {
    const x = unsigned ? a & 0xffff : sx16(a);
    return halfBits(fixedToFp(x, x < 0 ? -1 : 0, unsigned, fbits, 16, fpRoundingMode(fpcr), fpcr, st));
  };
}

// ----------------------------------------------------------------------------- builders

/** Lane count: 8 or 4 for vectors, 1 for scalars. */
const lanes = (Q: number, scalarForm: boolean): number => (scalarForm ? 1 : Q ? 8 : 4);

function h2(Q: number, rm: number, rn: number, rd: number, f: F2, scalarForm = false): Op {
  const cnt = lanes(Q, scalarForm);
  const bytes = cnt * 2;
  const d = rd * 8;
  const n = rn * 8;
  const m = rm * 8;
  return (c) => {
    const h = c.vu16;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    for (let i = 0; i < cnt; i++) h[d + i] = f(h[n + i]!, h[m + i]!, fpcr, x);
    if (bytes < 16) zeroFrom(c, rd, bytes);
  };
}

function h1(Q: number, rn: number, rd: number, f: F1, scalarForm = false): Op {
  const cnt = lanes(Q, scalarForm);
  const bytes = cnt * 2;
  const d = rd * 8;
  const n = rn * 8;
  return (c) => {
    const h = c.vu16;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    for (let i = 0; i < cnt; i++) h[d + i] = f(h[n + i]!, fpcr, x);
    if (bytes < 16) zeroFrom(c, rd, bytes);
  };
}

/** FMLA/FMLS (neg = 2 negates the Vn operand); `idx` >= 0 takes Vm's element idx. */
function hfmla(Q: number, rm: number, rn: number, rd: number, neg: number, idx = -1, scalarForm = false): Op {
  const cnt = lanes(Q, scalarForm);
  const bytes = cnt * 2;
  const d = rd * 8;
  const n = rn * 8;
  const m = rm * 8;
  return (c) => {
    const h = c.vu16;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    const e = idx >= 0 ? h[m + idx]! : 0;
    for (let i = 0; i < cnt; i++) h[d + i] = fpMulAdd16(h[d + i]!, h[n + i]!, idx >= 0 ? e : h[m + i]!, neg, fpcr, x);
    if (bytes < 16) zeroFrom(c, rd, bytes);
  };
}

function helem(Q: number, rm: number, rn: number, rd: number, idx: number, f: F2, scalarForm = false): Op {
  const cnt = lanes(Q, scalarForm);
  const bytes = cnt * 2;
  const d = rd * 8;
  const n = rn * 8;
  const mi = rm * 8 + idx;
  return (c) => {
    const h = c.vu16;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    const e = h[mi]!;
    for (let i = 0; i < cnt; i++) h[d + i] = f(h[n + i]!, e, fpcr, x);
    if (bytes < 16) zeroFrom(c, rd, bytes);
  };
}

/** Pairwise over Vm:Vn (vector), or the one pair of Vn (scalar). */
function hpair(Q: number, rm: number, rn: number, rd: number, f: F2, scalarForm = false): Op {
  const n = rn * 8;
  const m = rm * 8;
  if (scalarForm)
    return (c) => {
      const h = c.vu16;
      S16[0] = f(h[n]!, h[n + 1]!, c.x[I_FPCR]!, c.x);
      fromScratch(c, rd, 2);
    };
  const half = Q ? 4 : 2;
  return (c) => {
    const h = c.vu16;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    for (let i = 0; i < half; i++) {
      S16[i] = f(h[n + 2 * i]!, h[n + 2 * i + 1]!, fpcr, x);
      S16[half + i] = f(h[m + 2 * i]!, h[m + 2 * i + 1]!, fpcr, x);
    }
    fromScratch(c, rd, Q ? 16 : 8);
  };
}

/** FMAXV etc. on 4 or 8 half lanes: Arm's Reduce tree (pairs, then pairs of results). */
function hacross(Q: number, rn: number, rd: number, f: F2): Op {
  const n = rn * 8;
  const cnt = Q ? 8 : 4;
  return (c) => {
    const h = c.vu16;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    for (let i = 0; i < cnt; i++) S16[i] = h[n + i]!;
    for (let w = cnt; w > 1; w >>= 1) for (let i = 0; i < w >> 1; i++) S16[i] = f(S16[2 * i]!, S16[2 * i + 1]!, fpcr, x);
    fromScratch(c, rd, 2);
  };
}

/** FMOV Vd.4H/8H, #imm: a:NOT(b):b:b:cdefgh:Zeros(6), replicated. */
function fmovImm(Q: number, abc: number, defgh: number, rd: number): Op {
  const imm8 = (abc << 5) | defgh;
  const b = (imm8 >> 6) & 1;
  const h = ((imm8 >> 7) << 15) | ((b ^ 1) << 14) | ((b ? 3 : 0) << 12) | ((imm8 & 0x3f) << 6);
  const w = h | (h << 16);
  const d = rd * 4;
  return (c) => {
    const v = c.vi32;
    v[d] = w;
    v[d + 1] = w;
    v[d + 2] = Q ? w : 0;
    v[d + 3] = Q ? w : 0;
  };
}

/** Fixed-point conversions with 16-bit lanes (immh = 001x). */
function fixed16(Q: number, immh: number, immb: number, rn: number, rd: number, toFixed: boolean, unsigned: boolean, scalarForm: boolean): Op | null {
  if ((immh & 0xe) !== 2) return null;
  const fbits = 32 - ((immh << 3) | immb);
  return h1(Q, rn, rd, toFixed ? toInt(RZ, unsigned, fbits) : fromInt(unsigned, fbits), scalarForm);
}

// ----------------------------------------------------------------------------- handlers

type V3 = (Q: number, rm: number, rn: number, rd: number) => Op | null;
type S3 = (rm: number, rn: number, rd: number) => Op | null;
type V2 = (Q: number, rn: number, rd: number) => Op | null;
type S2 = (rn: number, rd: number) => Op | null;
type E = (Q: number, L: number, M: number, rm: number, H: number, rn: number, rd: number) => Op | null;
type ES = (L: number, M: number, rm: number, H: number, rn: number, rd: number) => Op | null;
type Hn = (...a: number[]) => Op | null;

const v3 = (f: F2): V3 => (Q, rm, rn, rd) => h2(Q, rm, rn, rd, f);
const s3 = (f: F2): S3 => (rm, rn, rd) => h2(0, rm, rn, rd, f, true);
const v2 = (f: F1): V2 => (Q, rn, rd) => h1(Q, rn, rd, f);
const s2 = (f: F1): S2 => (rn, rd) => h1(0, rn, rd, f, true);
const vp = (f: F2): V3 => (Q, rm, rn, rd) => hpair(Q, rm, rn, rd, f);
const sp = (f: F2): S2 => (rn, rd) => hpair(0, rn, rn, rd, f, true);
const acr = (f: F2): V2 => (Q, rn, rd) => hacross(Q, rn, rd, f);
const idx = (L: number, M: number, H: number): number => (H << 2) | (L << 1) | M;

const recpe: F1 = (a, fpcr, st) => recipEstimate16(a, fpcr, st);
const rsqrte: F1 = (a, fpcr, st) => rsqrtEstimate16(a, fpcr, st);
const recpx: F1 = (a, fpcr, st) => recpX16(a, fpcr, st);

export const simdFp16Handlers: Record<string, V3 | S3 | V2 | S2 | E | ES | Hn> = {
  FMAXNM_h: v3(bin(OP_MAXNM)),
  FMLA_h: ((Q, rm, rn, rd) => hfmla(Q, rm, rn, rd, 0)) as V3,
  FADD_h: v3(bin(OP_ADD)),
  FMULX_h: v3(fmulx),
  FCMEQ_h: v3(cmp(EQ, false)),
  FMAX_h: v3(bin(OP_MAX)),
  FRECPS_h: v3(step(false)),
  FMINNM_h: v3(bin(OP_MINNM)),
  FMLS_h: ((Q, rm, rn, rd) => hfmla(Q, rm, rn, rd, 2)) as V3,
  FSUB_h: v3(bin(OP_SUB)),
  FMIN_h: v3(bin(OP_MIN)),
  FRSQRTS_h: v3(step(true)),
  FMAXNMP_h: vp(bin(OP_MAXNM)),
  FADDP_h: vp(bin(OP_ADD)),
  FMUL_h: v3(bin(OP_MUL)),
  FCMGE_h: v3(cmp(GE, false)),
  FACGE_h: v3(cmp(GE, true)),
  FMAXP_h: vp(bin(OP_MAX)),
  FDIV_h: v3(bin(OP_DIV)),
  FMINNMP_h: vp(bin(OP_MINNM)),
  FABD_h: v3(fabd),
  FCMGT_h: v3(cmp(GT, false)),
  FACGT_h: v3(cmp(GT, true)),
  FMINP_h: vp(bin(OP_MIN)),

  FMULX_hsd: s3(fmulx),
  FCMEQ_hsd: s3(cmp(EQ, false)),
  FRECPS_hsd: s3(step(false)),
  FRSQRTS_hsd: s3(step(true)),
  FCMGE_hsd: s3(cmp(GE, false)),
  FACGE_hsd: s3(cmp(GE, true)),
  FABD_hsd: s3(fabd),
  FCMGT_hsd: s3(cmp(GT, false)),
  FACGT_hsd: s3(cmp(GT, true)),

  FRINTN_h: v2(unop(OP_FRINTN)),
  FRINTM_h: v2(unop(OP_FRINTM)),
  FRINTP_h: v2(unop(OP_FRINTP)),
  FRINTZ_h: v2(unop(OP_FRINTZ)),
  FRINTA_h: v2(unop(OP_FRINTA)),
  FRINTX_h: v2(unop(OP_FRINTX)),
  FRINTI_h: v2(unop(OP_FRINTI)),
  FSQRT_h: v2(unop(OP_SQRT)),
  FABS_h: v2((a) => a & 0x7fff),
  FNEG_h: v2((a) => a ^ 0x8000),
  FCVTNS_h: v2(toInt(RN, false)),
  FCVTMS_h: v2(toInt(RM, false)),
  FCVTAS_h: v2(toInt(RA, false)),
  FCVTPS_h: v2(toInt(RP, false)),
  FCVTZS_h: v2(toInt(RZ, false)),
  FCVTNU_h: v2(toInt(RN, true)),
  FCVTMU_h: v2(toInt(RM, true)),
  FCVTAU_h: v2(toInt(RA, true)),
  FCVTPU_h: v2(toInt(RP, true)),
  FCVTZU_h: v2(toInt(RZ, true)),
  SCVTF_h: v2(fromInt(false)),
  UCVTF_h: v2(fromInt(true)),
  FCMGT_zero_h: v2(cmpZero(GT, false)),
  FCMGE_zero_h: v2(cmpZero(GE, false)),
  FCMEQ_zero_h: v2(cmpZero(EQ, false)),
  FCMLE_zero_h: v2(cmpZero(GE, true)),
  FCMLT_zero_h: v2(cmpZero(GT, true)),
  FRECPE_h: v2(recpe),
  FRSQRTE_h: v2(rsqrte),

  FCVTNS_hsd: s2(toInt(RN, false)),
  FCVTMS_hsd: s2(toInt(RM, false)),
  FCVTAS_hsd: s2(toInt(RA, false)),
  FCVTPS_hsd: s2(toInt(RP, false)),
  FCVTZS_hsd: s2(toInt(RZ, false)),
  FCVTNU_hsd: s2(toInt(RN, true)),
  FCVTMU_hsd: s2(toInt(RM, true)),
  FCVTAU_hsd: s2(toInt(RA, true)),
  FCVTPU_hsd: s2(toInt(RP, true)),
  FCVTZU_hsd: s2(toInt(RZ, true)),
  SCVTF_hsd: s2(fromInt(false)),
  UCVTF_hsd: s2(fromInt(true)),
  FCMGT_zero_hsd: s2(cmpZero(GT, false)),
  FCMGE_zero_hsd: s2(cmpZero(GE, false)),
  FCMEQ_zero_hsd: s2(cmpZero(EQ, false)),
  FCMLE_zero_hsd: s2(cmpZero(GE, true)),
  FCMLT_zero_hsd: s2(cmpZero(GT, true)),
  FRECPE_hsd: s2(recpe),
  FRSQRTE_hsd: s2(rsqrte),
  FRECPX_hsd: s2(recpx),

  FMAXNMV_h: acr(bin(OP_MAXNM)),
  FMINNMV_h: acr(bin(OP_MINNM)),
  FMAXV_h: acr(bin(OP_MAX)),
  FMINV_h: acr(bin(OP_MIN)),
  FADDP_hsd: sp(bin(OP_ADD)),
  FMAXNMP_hsd: sp(bin(OP_MAXNM)),
  FMINNMP_hsd: sp(bin(OP_MINNM)),
  FMAXP_hsd: sp(bin(OP_MAX)),
  FMINP_hsd: sp(bin(OP_MIN)),

  FMLA_elem_h: ((Q, L, M, rm, H, rn, rd) => hfmla(Q, rm, rn, rd, 0, idx(L, M, H))) as E,
  FMLS_elem_h: ((Q, L, M, rm, H, rn, rd) => hfmla(Q, rm, rn, rd, 2, idx(L, M, H))) as E,
  FMUL_elem_h: ((Q, L, M, rm, H, rn, rd) => helem(Q, rm, rn, rd, idx(L, M, H), bin(OP_MUL))) as E,
  FMULX_elem_h: ((Q, L, M, rm, H, rn, rd) => helem(Q, rm, rn, rd, idx(L, M, H), fmulx)) as E,
  FMLA_elem_hsd: ((L, M, rm, H, rn, rd) => hfmla(0, rm, rn, rd, 0, idx(L, M, H), true)) as ES,
  FMLS_elem_hsd: ((L, M, rm, H, rn, rd) => hfmla(0, rm, rn, rd, 2, idx(L, M, H), true)) as ES,
  FMUL_elem_hsd: ((L, M, rm, H, rn, rd) => helem(0, rm, rn, rd, idx(L, M, H), bin(OP_MUL), true)) as ES,
  FMULX_elem_hsd: ((L, M, rm, H, rn, rd) => helem(0, rm, rn, rd, idx(L, M, H), fmulx, true)) as ES,

  FMOV_vi_h: ((Q, abc, defgh, rd) => fmovImm(Q, abc, defgh, rd)) as Hn,
};

/** Fixed-point FP16 conversions, called from the shift-by-immediate handlers for immh = 001x. */
export { fixed16 };
