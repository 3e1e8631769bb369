/**
 * Advanced SIMD three different: the long (widening) ops ADDL/SUBL/ADDW/SUBW/ABAL/ABDL/MLAL/MLSL/
 * MULL, their saturating doubling forms, PMULL, and the narrowing-high ADDHN/SUBHN (and rounding
 * forms). Q selects the "2" variant, which reads the upper half of the narrow sources (or writes
 * the upper half of the destination for the narrowing ops).
 */
import { R, umul32 } from '../arm/int64.js';
import { flushSat, pmul, S32, SAT, satS, sx16, sx8, toHalves } from '../arm/simd.js';
import type { Cpu } from '../cpu.js';
import type { Op } from '../op.js';
import { add64, sqadd64, sqsub64, sub64 } from './simd-3same.js';
import { fromScratch, lane, R64, setScratch } from './simd-lanes.js';

export type LongKind =
  | 'addl'
  | 'addw'
  | 'subl'
  | 'subw'
  | 'abal'
  | 'abdl'
  | 'mlal'
  | 'mlsl'
  | 'mull'
  | 'sqdmlal'
  | 'sqdmlsl'
  | 'sqdmull'
  | 'pmull';

const ACC: ReadonlySet<LongKind> = new Set<LongKind>(['abal', 'mlal', 'mlsl', 'sqdmlal', 'sqdmlsl']);

/** Per-lane result for wide lanes of up to 32 bits; values are exact numbers. */
function small(k: LongKind, acc: number, a: number, b: number): number {
  switch (k) {
    case 'addl':
    case 'addw':
      return a + b;
    case 'subl':
    case 'subw':
      return a - b;
    case 'abal':
      return acc + Math.abs(a - b);
    case 'abdl':
      return Math.abs(a - b);
    case 'mlal':
      return acc + a * b;
    case 'mlsl':
      return acc - a * b;
    case 'mull':
      return a * b;
    case 'sqdmull':
      return satS(2 * a * b, 32);
    case 'sqdmlal':
      return satS(acc + satS(2 * a * b, 32), 32);
    case 'sqdmlsl':
      return satS(acc - satS(2 * a * b, 32), 32);
    case 'pmull':
      return pmul(a, b, 8);
  }
}

/** Signed or unsigned 32x32 -> 64 product into R64. */
export function mul32x32(a: number, b: number, signed: boolean): void {
  umul32(a, b);
  R64[0] = R[0]!;
  R64[1] = signed ? (R[1]! - (a < 0 ? b : 0) - (b < 0 ? a : 0)) | 0 : R[1]!;
}

/** Per-lane result for 64-bit wide lanes into R64. a is (alo, ahi) when wide, else a 32-bit value in alo. */
function big(k: LongKind, signed: boolean, dlo: number, dhi: number, alo: number, ahi: number, b: number): void {
  switch (k) {
    case 'addl':
      toHalves(alo + b, R64, 0);
      return;
    case 'subl':
      toHalves(alo - b, R64, 0);
      return;
    case 'addw':
      add64(alo, ahi, b | 0, signed ? b >> 31 : 0);
      return;
    case 'subw':
      sub64(alo, ahi, b | 0, signed ? b >> 31 : 0);
      return;
    case 'abdl':
      toHalves(Math.abs(alo - b), R64, 0);
      return;
    case 'abal': {
      toHalves(Math.abs(alo - b), R64, 0);
      add64(dlo, dhi, R64[0]!, R64[1]!);
      return;
    }
    case 'mull':
      mul32x32(alo, b, signed);
      return;
    case 'mlal':
      mul32x32(alo, b, signed);
      add64(dlo, dhi, R64[0]!, R64[1]!);
      return;
    case 'mlsl':
      mul32x32(alo, b, signed);
      sub64(dlo, dhi, R64[0]!, R64[1]!);
      return;
    case 'sqdmull':
    case 'sqdmlal':
    case 'sqdmlsl': {
      if (alo === -0x80000000 && b === -0x80000000) {
        SAT[0] = 1;
        R64[0] = -1;
        R64[1] = 0x7fffffff;
      } else {
        mul32x32(alo, b, true);
        const l = R64[0]!;
        R64[1] = (R64[1]! << 1) | (l >>> 31);
        R64[0] = l << 1;
      }
      if (k === 'sqdmlal') sqadd64(dlo, dhi, R64[0]!, R64[1]!);
      else if (k === 'sqdmlsl') sqsub64(dlo, dhi, R64[0]!, R64[1]!);
      return;
    }
    case 'pmull':
      return;
  }
}

/**
 * A widening op: `e`-bit lanes (from the low or high half, by Q) of Vn and Vm into 2e-bit lanes
 * of Vd. `rmIdx`, when >= 0, makes Vm a single element (the by-element forms).
 */
export function longOp(k: LongKind, Q: number, size: number, rm: number, rn: number, rd: number, signed: boolean, mIdx = -1): Op | null {
  if (size === 3) return null;
  const e = 8 << size;
  const cnt = 64 / e;
  const base = Q ? cnt : 0;
  const wideN = k === 'addw' || k === 'subw';
  const acc = ACC.has(k);
  const accum = acc;
  const sat = k === 'sqdmull' || k === 'sqdmlal' || k === 'sqdmlsl';
  if (e === 32)
    return (c) => {
      const v = c.vi32;
      for (let i = 0; i < cnt; i++) {
        const b = mIdx >= 0 ? lane(c, rm, 32, mIdx, signed) : lane(c, rm, 32, base + i, signed);
        let alo: number;
        let ahi = 0;
        if (wideN) {
          alo = v[rn * 4 + 2 * i]!;
          ahi = v[rn * 4 + 2 * i + 1]!;
        } else alo = lane(c, rn, 32, base + i, signed);
        big(k, signed, acc ? v[rd * 4 + 2 * i]! : 0, acc ? v[rd * 4 + 2 * i + 1]! : 0, alo, ahi, b);
        S32[2 * i] = R64[0]!;
        S32[2 * i + 1] = R64[1]!;
      }
      fromScratch(c, rd, 16);
      if (sat) flushSat(c.x);
    };
  // e = 8 or 16: lanes read straight from the typed arrays, results (exact numbers) packed as words
  const half = e === 8;
  const nb = half ? rn * 16 + base : rn * 8 + base; // narrow Vn lanes
  const nw = half ? rn * 8 : rn * 4; // wide Vn lanes (ADDW/SUBW), in units of 2e
  const mb = half ? rm * 16 + (mIdx >= 0 ? mIdx : base) : rm * 8 + (mIdx >= 0 ? mIdx : base);
  const mStep = mIdx >= 0 ? 0 : 1;
  return (c) => {
    const u = c.vu8;
    const h = c.vu16;
    const w = c.vi32;
    for (let i = 0; i < cnt; i++) {
      let a: number;
      let b: number;
      let acc = 0;
      if (half) {
        b = u[mb + i * mStep]!;
        a = wideN ? h[nw + i]! : u[nb + i]!;
        if (signed) {
          b = sx8(b);
          a = wideN ? sx16(a) : sx8(a);
        }
        if (accum) acc = sx16(h[rd * 8 + i]!);
      } else {
        b = h[mb + i * mStep]!;
        a = wideN ? w[nw + i]! : h[nb + i]!;
        if (signed) {
          b = sx16(b);
          if (!wideN) a = sx16(a);
        } else if (wideN) a >>>= 0;
        if (accum) acc = w[rd * 4 + i]!;
      }
      RES[i] = small(k, acc, a, b);
    }
    if (half) for (let j = 0; j < 4; j++) W4[j] = (RES[2 * j]! & 0xffff) | (RES[2 * j + 1]! << 16);
    else for (let j = 0; j < 4; j++) W4[j] = RES[j]!;
    w[rd * 4] = W4[0]!;
    w[rd * 4 + 1] = W4[1]!;
    w[rd * 4 + 2] = W4[2]!;
    w[rd * 4 + 3] = W4[3]!;
    if (sat) flushSat(c.x);
  };
}
const RES = new Float64Array(8);
const W4 = new Int32Array(4);

/**
 * The scalar SQDMULL/SQDMLAL/SQDMLSL (Hn -> Sd, Sn -> Dd): lane 0 of Vn and of Vm (or Vm's element
 * `mIdx`), the rest of Vd zeroed.
 */
export function scalarLongOp(k: LongKind, size: number, rm: number, rn: number, rd: number, mIdx = 0): Op | null {
  if (size !== 1 && size !== 2) return null;
  const e = 8 << size;
  const acc = ACC.has(k);
  return (c) => {
    const v = c.vi32;
    const a = lane(c, rn, e, 0, true);
    const b = lane(c, rm, e, mIdx, true);
    if (e === 16) {
      v[rd * 4] = small(k, acc ? v[rd * 4]! : 0, a, b);
      v[rd * 4 + 1] = 0;
    } else {
      big(k, true, acc ? v[rd * 4]! : 0, acc ? v[rd * 4 + 1]! : 0, a, 0, b);
      v[rd * 4] = R64[0]!;
      v[rd * 4 + 1] = R64[1]!;
    }
    v[rd * 4 + 2] = v[rd * 4 + 3] = 0;
    flushSat(c.x);
  };
}

/** ADDHN/SUBHN/RADDHN/RSUBHN{2}: the high half of each 2e-bit sum or difference. */
function highNarrow(Q: number, size: number, rm: number, rn: number, rd: number, subtract: boolean, round: boolean): Op | null {
  if (size === 3) return null;
  const e = 8 << size;
  const cnt = 64 / e;
  if (e === 32)
    return (c) => {
      const v = c.vi32;
      for (let i = 0; i < cnt; i++) {
        const al = v[rn * 4 + 2 * i]!;
        const ah = v[rn * 4 + 2 * i + 1]!;
        const bl = v[rm * 4 + 2 * i]!;
        const bh = v[rm * 4 + 2 * i + 1]!;
        if (subtract) sub64(al, ah, bl, bh);
        else add64(al, ah, bl, bh);
        if (round) add64(R64[0]!, R64[1]!, 0x80000000 | 0, 0);
        S32[i] = R64[1]!;
      }
      finishHigh(c, rd, Q);
    };
  const rc = round ? 2 ** (e - 1) : 0;
  const p = 2 ** e;
  return (c) => {
    for (let i = 0; i < cnt; i++) {
      const a = lane(c, rn, 2 * e, i, false);
      const b = lane(c, rm, 2 * e, i, false);
      setScratch(e, i, Math.floor(((subtract ? a - b : a + b) + rc) / p));
    }
    finishHigh(c, rd, Q);
  };
}

function finishHigh(c: Cpu, rd: number, Q: number): void {
  const v = c.vi32;
  if (Q) {
    v[rd * 4 + 2] = S32[0]!;
    v[rd * 4 + 3] = S32[1]!;
  } else fromScratch(c, rd, 8);
}

type T = (Q: number, size: number, rm: number, rn: number, rd: number) => Op | null;
const L = (k: LongKind, signed: boolean): T => (Q, size, rm, rn, rd) => longOp(k, Q, size, rm, rn, rd, signed);

export const simd3DiffHandlers: Record<string, T> = {
  SADDL: L('addl', true),
  UADDL: L('addl', false),
  SADDW: L('addw', true),
  UADDW: L('addw', false),
  SSUBL: L('subl', true),
  USUBL: L('subl', false),
  SSUBW: L('subw', true),
  USUBW: L('subw', false),
  SABAL: L('abal', true),
  UABAL: L('abal', false),
  SABDL: L('abdl', true),
  UABDL: L('abdl', false),
  SMLAL: L('mlal', true),
  UMLAL: L('mlal', false),
  SMLSL: L('mlsl', true),
  UMLSL: L('mlsl', false),
  SMULL: L('mull', true),
  UMULL: L('mull', false),
  SQDMLAL: (Q, size, rm, rn, rd) => (size === 1 || size === 2 ? longOp('sqdmlal', Q, size, rm, rn, rd, true) : null),
  SQDMLSL: (Q, size, rm, rn, rd) => (size === 1 || size === 2 ? longOp('sqdmlsl', Q, size, rm, rn, rd, true) : null),
  SQDMULL: (Q, size, rm, rn, rd) => (size === 1 || size === 2 ? longOp('sqdmull', Q, size, rm, rn, rd, true) : null),
  PMULL: (Q, size, rm, rn, rd) => (size === 0 ? longOp('pmull', Q, size, rm, rn, rd, false) : null),
  ADDHN: (Q, size, rm, rn, rd) => highNarrow(Q, size, rm, rn, rd, false, false),
  RADDHN: (Q, size, rm, rn, rd) => highNarrow(Q, size, rm, rn, rd, false, true),
  SUBHN: (Q, size, rm, rn, rd) => highNarrow(Q, size, rm, rn, rd, true, false),
  RSUBHN: (Q, size, rm, rn, rd) => highNarrow(Q, size, rm, rn, rd, true, true),
  SQDMLAL_sd: ((size: number, rm: number, rn: number, rd: number) => scalarLongOp('sqdmlal', size, rm, rn, rd)) as unknown as T,
  SQDMLSL_sd: ((size: number, rm: number, rn: number, rd: number) => scalarLongOp('sqdmlsl', size, rm, rn, rd)) as unknown as T,
  SQDMULL_sd: ((size: number, rm: number, rn: number, rd: number) => scalarLongOp('sqdmull', size, rm, rn, rd)) as unknown as T,
};
