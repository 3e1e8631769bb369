/**
 * Advanced SIMD across lanes (integer): ADDV, SMAXV/UMAXV, SMINV/UMINV, SADDLV/UADDLV. The result
 * is a scalar in lane 0 of Vd, the rest zeroed.
 */
import type { Op } from '../op.js';
import { lane } from './simd-lanes.js';

type Kind = 'add' | 'max' | 'min' | 'addl';

function across(Q: number, size: number, rn: number, rd: number, kind: Kind, signed: boolean): Op | null {
  if (size === 3 || (size === 2 && !Q)) return null;
  const e = 8 << size;
  const cnt = ((Q ? 128 : 64) / e) | 0;
  const d = rd * 4;
  if (size === 0 && !signed && (kind === 'max' || kind === 'min')) {
    // UMAXV/UMINV Bd, Vn.16B: the string functions' "any byte set" test
    const n = rn * 16;
    const isMax = kind === 'max';
    return (c) => {
      const u = c.vu8;
      let r = u[n]!;
      for (let i = 1; i < cnt; i++) {
        const x = u[n + i]!;
        if (isMax ? x > r : x < r) r = x;
      }
      const v = c.vi32;
      v[d] = r;
      v[d + 1] = v[d + 2] = v[d + 3] = 0;
    };
  }
  const mask = e === 32 ? -1 : (1 << e) - 1;
  return (c) => {
    let r = lane(c, rn, e, 0, signed);
    for (let i = 1; i < cnt; i++) {
      const x = lane(c, rn, e, i, signed);
      if (kind === 'max') {
        if (x > r) r = x;
      } else if (kind === 'min') {
        if (x < r) r = x;
      } else r += x;
    }
    const v = c.vi32;
    if (kind === 'addl') {
      // 2*esize-bit result; exact in a double
      if (e === 32) {
        v[d] = r % 4294967296 | 0;
        v[d + 1] = Math.floor(r / 4294967296) | 0;
      } else {
        v[d] = r & (e === 16 ? -1 : 0xffff);
        v[d + 1] = 0;
      }
    } else {
      v[d] = r & mask;
      v[d + 1] = 0;
    }
    v[d + 2] = v[d + 3] = 0;
  };
}

type A = (Q: number, size: number, rn: number, rd: number) => Op | null;

export const simdAcrossHandlers: Record<string, A> = {
  ADDV: (Q, size, rn, rd) => across(Q, size, rn, rd, 'add', false),
  SMAXV: (Q, size, rn, rd) => across(Q, size, rn, rd, 'max', true),
  UMAXV: (Q, size, rn, rd) => across(Q, size, rn, rd, 'max', false),
  SMINV: (Q, size, rn, rd) => across(Q, size, rn, rd, 'min', true),
  UMINV: (Q, size, rn, rd) => across(Q, size, rn, rd, 'min', false),
  SADDLV: (Q, size, rn, rd) => across(Q, size, rn, rd, 'addl', true),
  UADDLV: (Q, size, rn, rd) => across(Q, size, rn, rd, 'addl', false),
};
