/**
 * Advanced SIMD shift by immediate, vector and scalar: SSHR/USHR and their rounding and
 * accumulating forms, SHL, SLI/SRI, the saturating left shifts, the narrowing shifts (SHRN and the
 * saturating family) and the widening SSHLL/USHLL. immh = 0 is the modified-immediate class.
 */
import { flushSat, S16, S32, SAT, satS, satU, shl64, sx16, sx8 } from '../arm/simd.js';
import type { Cpu } from '../cpu.js';
import type { Op } from '../op.js';
import { shl64By } from './simd-3same.js';
import {
  type Fn1,
  type Fn3,
  type Fn64x1,
  type Fn64x3,
  fromScratch,
  lane,
  map1,
  map1x64,
  map3,
  map3x64,
  R64,
  setScratch,
  fastShift,
  Sh,
} from './simd-lanes.js';

/** Element size in bits from immh (its highest set bit), or 0 when immh is 0. */
function esizeOf(immh: number): number {
  return immh === 0 ? 0 : 8 << (31 - Math.clz32(immh));
}

type Kind =
  | 'sshr'
  | 'ushr'
  | 'ssra'
  | 'usra'
  | 'srshr'
  | 'urshr'
  | 'srsra'
  | 'ursra'
  | 'sri'
  | 'shl'
  | 'sli'
  | 'sqshlu'
  | 'sqshl'
  | 'uqshl';

const signedKind = (k: Kind): boolean => k[0] === 's' && k !== 'sri' && k !== 'shl' && k !== 'sli';
const isLeft = (k: Kind): boolean => k === 'shl' || k === 'sli' || k === 'sqshlu' || k === 'sqshl' || k === 'uqshl';

/** Lane function for esize <= 32; `sh` is the decoded shift amount. */
function laneFn(k: Kind, e: number, sh: number): Fn1 | Fn3 {
  const p = 2 ** sh;
  const half = sh > 0 ? 2 ** (sh - 1) : 0;
  const ones = 2 ** e - 1;
  switch (k) {
    case 'sshr':
    case 'ushr':
      return (a: number) => Math.floor(a / p);
    case 'srshr':
    case 'urshr':
      return (a: number) => Math.floor((a + half) / p);
    case 'ssra':
    case 'usra':
      return (acc: number, a: number) => acc + Math.floor(a / p);
    case 'srsra':
    case 'ursra':
      return (acc: number, a: number) => acc + Math.floor((a + half) / p);
    case 'shl':
      return (a: number) => a * p;
    case 'sli': {
      const keep = (2 ** sh - 1) | 0;
      return (acc: number, a: number) => (a * p) | (acc & keep);
    }
    case 'sri': {
      const keep = ~Math.floor(ones / p);
      return (acc: number, a: number) => Math.floor(a / p) | (acc & keep);
    }
    case 'sqshl':
      return (a: number) => satS(a * p, e);
    case 'uqshl':
    case 'sqshlu':
      return (a: number) => satU(a * p, e);
  }
}

/** Lane function for 64-bit lanes. */
function laneFn64(k: Kind, sh: number): Fn64x1 | Fn64x3 {
  switch (k) {
    case 'sshr':
    case 'ushr':
    case 'srshr':
    case 'urshr': {
      const s = k[0] === 's';
      const r = k === 'srshr' || k === 'urshr';
      return (l: number, h: number) => shl64(l, h, -sh, s, r, R64);
    }
    case 'ssra':
    case 'usra':
    case 'srsra':
    case 'ursra': {
      const s = k[0] === 's';
      const r = k === 'srsra' || k === 'ursra';
      return (dl: number, dh: number, l: number, h: number) => {
        shl64(l, h, -sh, s, r, R64);
        const lo = (R64[0]! >>> 0) + (dl >>> 0);
        R64[1] = (R64[1]! + dh + (lo > 0xffffffff ? 1 : 0)) | 0;
        R64[0] = lo | 0;
      };
    }
    case 'shl':
      return (l: number, h: number) => shl64(l, h, sh, false, false, R64);
    case 'sli': {
      // keep the low sh bits of the destination
      const kl = sh >= 32 ? -1 : (1 << sh) - 1;
      const kh = sh >= 32 ? (sh === 32 ? 0 : (1 << (sh - 32)) - 1) : 0;
      return (dl: number, dh: number, l: number, h: number) => {
        shl64(l, h, sh, false, false, R64);
        R64[0] = R64[0]! | (dl & kl);
        R64[1] = R64[1]! | (dh & kh);
      };
    }
    case 'sri': {
      // keep the high sh bits of the destination
      shl64(-1, -1, -sh, false, false, R64);
      const kl = ~R64[0]!;
      const kh = ~R64[1]!;
      return (dl: number, dh: number, l: number, h: number) => {
        shl64(l, h, -sh, false, false, R64);
        R64[0] = R64[0]! | (dl & kl);
        R64[1] = R64[1]! | (dh & kh);
      };
    }
    case 'sqshl':
    case 'uqshl': {
      const f = shl64By(k === 'sqshl', false, true);
      return (l: number, h: number) => f(l, h, sh, 0);
    }
    case 'sqshlu': {
      const f = shl64By(false, false, true);
      return (l: number, h: number) => {
        if (h < 0) {
          SAT[0] = 1;
          R64[0] = 0;
          R64[1] = 0;
        } else f(l, h, sh, 0);
      };
    }
  }
}

const ACCUMULATES: ReadonlySet<Kind> = new Set<Kind>(['ssra', 'usra', 'srsra', 'ursra', 'sli', 'sri']);

/** The shifts with fast loops (simd-lanes fastShift) for 8..32-bit lanes. */
const FAST_KIND: Partial<Record<Kind, number>> = { shl: Sh.SHL, ushr: Sh.USHR, sshr: Sh.SSHR, usra: Sh.USRA, ssra: Sh.SSRA };

/** A same-width shift; `bytes` is 16 or 8 for vectors, esize/8 for the scalar forms. */
function shiftImm(k: Kind, immh: number, immb: number, rn: number, rd: number, vector: boolean, Q: number): Op | null {
  const e = esizeOf(immh);
  if (e === 0) return null;
  if (vector && e === 64 && !Q) return null;
  const imm = (immh << 3) | immb;
  const sh = isLeft(k) ? imm - e : 2 * e - imm;
  const bytes = vector ? (Q ? 16 : 8) : e >> 3;
  const acc = ACCUMULATES.has(k);
  if (e === 64) {
    const f = laneFn64(k, sh);
    return acc ? map3x64(bytes, f as Fn64x3, rd, rn, rn) : map1x64(bytes, f as Fn64x1, rd, rn);
  }
  const fk = vector ? FAST_KIND[k] : undefined;
  if (fk !== undefined) return fastShift(fk, e, bytes, sh, rd, rn);
  // lane values: signed kinds see sign-extended lanes (SQSHLU too: its input is signed)
  const signed = signedKind(k);
  const f = laneFn(k, e, sh);
  if (!acc) return map1(e, bytes, signed, f as Fn1, rd, rn);
  return map3(e, bytes, signed, f as Fn3, rd, rn, rn);
}

type Narrow = 'shrn' | 'rshrn' | 'sqshrn' | 'sqrshrn' | 'uqshrn' | 'uqrshrn' | 'sqshrun' | 'sqrshrun';

/** Narrowing shift right: 2*esize lanes of Vn, shifted and narrowed to esize lanes. */
function shiftNarrow(k: Narrow, Q: number, immh: number, immb: number, rn: number, rd: number, scalarForm: boolean): Op | null {
  const e = esizeOf(immh);
  if (e === 0 || e === 64) return null;
  const sh = 2 * e - ((immh << 3) | immb);
  const round = k === 'rshrn' || k === 'sqrshrn' || k === 'uqrshrn' || k === 'sqrshrun';
  const signedIn = k === 'sqshrn' || k === 'sqrshrn' || k === 'sqshrun' || k === 'sqrshrun';
  const sat: 0 | 1 | 2 = k === 'shrn' || k === 'rshrn' ? 0 : k === 'sqshrn' || k === 'sqrshrn' ? 1 : 2;
  const cnt = scalarForm ? 1 : 64 / e;
  const outBytes = (cnt * e) >> 3;
  if (e === 32) {
    return (c) => {
      const v = c.vi32;
      for (let i = 0; i < cnt; i++) {
        shl64(v[rn * 4 + 2 * i]!, v[rn * 4 + 2 * i + 1]!, -sh, signedIn, round, R64);
        const lo = R64[0]!;
        const hi = R64[1]!;
        if (sat === 0) S32[i] = lo;
        else {
          const x = signedIn ? hi * 4294967296 + (lo >>> 0) : (hi >>> 0) * 4294967296 + (lo >>> 0);
          S32[i] = sat === 1 ? satS(x, 32) : satU(x, 32);
        }
      }
      finish(c, rd, Q, outBytes, scalarForm);
    };
  }
  const p = 2 ** sh;
  const half = round ? 2 ** (sh - 1) : 0;
  if (k === 'shrn' && e === 8 && !scalarForm) {
    // SHRN Vd.8B, Vn.8H, #sh: the string functions' syndrome builder
    const n = rn * 8;
    const d = rd * 4;
    return (c) => {
      const h = c.vu16;
      let w0 = 0;
      let w1 = 0;
      for (let i = 0; i < 4; i++) {
        w0 |= ((h[n + i]! >>> sh) & 0xff) << (8 * i);
        w1 |= ((h[n + 4 + i]! >>> sh) & 0xff) << (8 * i);
      }
      const v = c.vi32;
      if (Q) {
        v[d + 2] = w0;
        v[d + 3] = w1;
      } else {
        v[d] = w0;
        v[d + 1] = w1;
        v[d + 2] = v[d + 3] = 0;
      }
    };
  }
  return (c) => {
    for (let i = 0; i < cnt; i++) {
      const x = Math.floor((lane(c, rn, 2 * e, i, signedIn) + half) / p);
      setScratch(e, i, sat === 0 ? x : sat === 1 ? satS(x, e) : satU(x, e));
    }
    finish(c, rd, Q, outBytes, scalarForm);
  };
}

function finish(c: Cpu, rd: number, Q: number, bytes: number, scalarForm: boolean): void {
  flushSat(c.x);
  if (scalarForm || !Q) {
    fromScratch(c, rd, bytes);
    return;
  }
  const v = c.vi32;
  v[rd * 4 + 2] = S32[0]!;
  v[rd * 4 + 3] = S32[1]!;
}

/** SSHLL/USHLL{2}: widen the low (or, with Q, high) half's lanes and shift left. */
function shiftLong(Q: number, immh: number, immb: number, rn: number, rd: number, signed: boolean): Op | null {
  const e = esizeOf(immh);
  if (e === 0 || e === 64) return null;
  const sh = ((immh << 3) | immb) - e;
  const cnt = 64 / e;
  const base = Q ? cnt : 0;
  if (e === 32)
    return (c) => {
      const v = c.vi32;
      for (let i = 0; i < cnt; i++) {
        const a = v[rn * 4 + base + i]!;
        shl64(a, signed ? a >> 31 : 0, sh, false, false, R64);
        S32[2 * i] = R64[0]!;
        S32[2 * i + 1] = R64[1]!;
      }
      fromScratch(c, rd, 16);
    };
  if (e === 8) {
    const n = rn * 16 + base;
    return (c) => {
      const u = c.vu8;
      if (signed) for (let i = 0; i < 8; i++) S16[i] = sx8(u[n + i]!) << sh;
      else for (let i = 0; i < 8; i++) S16[i] = u[n + i]! << sh;
      fromScratch(c, rd, 16);
    };
  }
  const n = rn * 8 + base;
  return (c) => {
    const h = c.vu16;
    if (signed) for (let i = 0; i < 4; i++) S32[i] = sx16(h[n + i]!) << sh;
    else for (let i = 0; i < 4; i++) S32[i] = h[n + i]! << sh;
    fromScratch(c, rd, 16);
  };
}

type VS = (Q: number, immh: number, immb: number, rn: number, rd: number) => Op | null;
type SS = (immh: number, immb: number, rn: number, rd: number) => Op | null;

const vecShift = (k: Kind): VS => (Q, immh, immb, rn, rd) => shiftImm(k, immh, immb, rn, rd, true, Q);
/** Scalar shifts that exist only for 64-bit elements (immh<3> set). */
const sc64Shift = (k: Kind): SS => (immh, immb, rn, rd) => (immh & 8 ? shiftImm(k, immh, immb, rn, rd, false, 0) : null);
const scShift = (k: Kind): SS => (immh, immb, rn, rd) => shiftImm(k, immh, immb, rn, rd, false, 0);
const vecNarrow = (k: Narrow): VS => (Q, immh, immb, rn, rd) => shiftNarrow(k, Q, immh, immb, rn, rd, false);
const scNarrow = (k: Narrow): SS => (immh, immb, rn, rd) => shiftNarrow(k, 0, immh, immb, rn, rd, true);

export const simdShiftHandlers: Record<string, VS | SS> = {
  SSHR_v: vecShift('sshr'),
  USHR_v: vecShift('ushr'),
  SSRA_v: vecShift('ssra'),
  USRA_v: vecShift('usra'),
  SRSHR_v: vecShift('srshr'),
  URSHR_v: vecShift('urshr'),
  SRSRA_v: vecShift('srsra'),
  URSRA_v: vecShift('ursra'),
  SRI_v: vecShift('sri'),
  SHL_v: vecShift('shl'),
  SLI_v: vecShift('sli'),
  SQSHLU_v: vecShift('sqshlu'),
  SQSHL_imm_v: vecShift('sqshl'),
  UQSHL_imm_v: vecShift('uqshl'),
  SHRN_v: vecNarrow('shrn'),
  RSHRN_v: vecNarrow('rshrn'),
  SQSHRN_v: vecNarrow('sqshrn'),
  SQRSHRN_v: vecNarrow('sqrshrn'),
  UQSHRN_v: vecNarrow('uqshrn'),
  UQRSHRN_v: vecNarrow('uqrshrn'),
  SQSHRUN_v: vecNarrow('sqshrun'),
  SQRSHRUN_v: vecNarrow('sqrshrun'),
  SSHLL_v: ((Q, immh, immb, rn, rd) => shiftLong(Q, immh, immb, rn, rd, true)) as VS,
  USHLL_v: ((Q, immh, immb, rn, rd) => shiftLong(Q, immh, immb, rn, rd, false)) as VS,

  SSHR_sd: sc64Shift('sshr'),
  USHR_sd: sc64Shift('ushr'),
  SSRA_sd: sc64Shift('ssra'),
  USRA_sd: sc64Shift('usra'),
  SRSHR_sd: sc64Shift('srshr'),
  URSHR_sd: sc64Shift('urshr'),
  SRSRA_sd: sc64Shift('srsra'),
  URSRA_sd: sc64Shift('ursra'),
  SRI_sd: sc64Shift('sri'),
  SHL_sd: sc64Shift('shl'),
  SLI_sd: sc64Shift('sli'),
  SQSHLU_sd: scShift('sqshlu'),
  SQSHL_imm_sd: scShift('sqshl'),
  UQSHL_imm_sd: scShift('uqshl'),
  SQSHRN_sd: scNarrow('sqshrn'),
  SQRSHRN_sd: scNarrow('sqrshrn'),
  UQSHRN_sd: scNarrow('uqshrn'),
  UQRSHRN_sd: scNarrow('uqrshrn'),
  SQSHRUN_sd: scNarrow('sqshrun'),
  SQRSHRUN_sd: scNarrow('sqrshrun'),
};

