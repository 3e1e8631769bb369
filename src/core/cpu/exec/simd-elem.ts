/**
 * Advanced SIMD vector x indexed element (integer): MUL/MLA/MLS, the long multiplies, and the
 * saturating doubling multiplies, each with one element of Vm as the second operand.
 */
import { flushSat, sqdmulh } from '../arm/simd.js';
import type { Op } from '../op.js';
import { type LongKind, longOp, scalarLongOp } from './simd-3diff.js';
import { fromScratch, lane, setScratch } from './simd-lanes.js';

/** Decodes (index, register) of the element operand; null when the size is reserved. */
export function elemOperand(size: number, L: number, M: number, rm: number, H: number): [number, number] | null {
  if (size === 1) return [(H << 2) | (L << 1) | M, rm];
  if (size === 2) return [(H << 1) | L, (M << 4) | rm];
  return null;
}

type Same = 'mul' | 'mla' | 'mls' | 'sqdmulh' | 'sqrdmulh';

/** Same-width ops by element; `bytes` is 16/8 (vector) or the element size (scalar). */
function sameElem(k: Same, size: number, bytes: number, L: number, M: number, rm: number, H: number, rn: number, rd: number): Op | null {
  const op = elemOperand(size, L, M, rm, H);
  if (!op) return null;
  const [idx, m] = op;
  const e = 8 << size;
  const cnt = (bytes * 8) / e;
  const signed = k === 'sqdmulh' || k === 'sqrdmulh';
  return (c) => {
    const b = lane(c, m, e, idx, signed);
    for (let i = 0; i < cnt; i++) {
      const a = lane(c, rn, e, i, signed);
      let r: number;
      switch (k) {
        case 'mul':
          r = Math.imul(a, b);
          break;
        case 'mla':
          r = lane(c, rd, e, i, false) + Math.imul(a, b);
          break;
        case 'mls':
          r = lane(c, rd, e, i, false) - Math.imul(a, b);
          break;
        default:
          r = sqdmulh(a, b, e, k === 'sqrdmulh');
      }
      setScratch(e, i, r);
    }
    fromScratch(c, rd, bytes);
    flushSat(c.x);
  };
}

type E = (Q: number, size: number, L: number, M: number, rm: number, H: number, rn: number, rd: number) => Op | null;
type ES = (size: number, L: number, M: number, rm: number, H: number, rn: number, rd: number) => Op | null;

const same = (k: Same): E => (Q, size, L, M, rm, H, rn, rd) => sameElem(k, size, Q ? 16 : 8, L, M, rm, H, rn, rd);
const long = (k: LongKind, signed: boolean): E => (Q, size, L, M, rm, H, rn, rd) => {
  const op = elemOperand(size, L, M, rm, H);
  return op ? longOp(k, Q, size, op[1], rn, rd, signed, op[0]) : null;
};
const sat = (k: LongKind): E => (Q, size, L, M, rm, H, rn, rd) => {
  const op = elemOperand(size, L, M, rm, H);
  return op ? longOp(k, Q, size, op[1], rn, rd, true, op[0]) : null;
};

function scalarLong(k: LongKind, size: number, L: number, M: number, rm: number, H: number, rn: number, rd: number): Op | null {
  const op = elemOperand(size, L, M, rm, H);
  return op ? scalarLongOp(k, size, op[1], rn, rd, op[0]) : null;
}

export const simdElemHandlers: Record<string, E | ES> = {
  MUL_elem: same('mul'),
  MLA_elem: same('mla'),
  MLS_elem: same('mls'),
  SQDMULH_elem: ((Q, size, L, M, rm, H, rn, rd) =>
    size === 1 || size === 2 ? sameElem('sqdmulh', size, Q ? 16 : 8, L, M, rm, H, rn, rd) : null) as E,
  SQRDMULH_elem: ((Q, size, L, M, rm, H, rn, rd) =>
    size === 1 || size === 2 ? sameElem('sqrdmulh', size, Q ? 16 : 8, L, M, rm, H, rn, rd) : null) as E,
  SMLAL_elem: long('mlal', true),
  UMLAL_elem: long('mlal', false),
  SMLSL_elem: long('mlsl', true),
  UMLSL_elem: long('mlsl', false),
  SMULL_elem: long('mull', true),
  UMULL_elem: long('mull', false),
  SQDMLAL_elem: sat('sqdmlal'),
  SQDMLSL_elem: sat('sqdmlsl'),
  SQDMULL_elem: sat('sqdmull'),

  SQDMULH_elem_sd: ((size, L, M, rm, H, rn, rd) => sameElem('sqdmulh', size, 1 << size, L, M, rm, H, rn, rd)) as ES,
  SQRDMULH_elem_sd: ((size, L, M, rm, H, rn, rd) => sameElem('sqrdmulh', size, 1 << size, L, M, rm, H, rn, rd)) as ES,
  SQDMLAL_elem_sd: ((size, L, M, rm, H, rn, rd) => scalarLong('sqdmlal', size, L, M, rm, H, rn, rd)) as ES,
  SQDMLSL_elem_sd: ((size, L, M, rm, H, rn, rd) => scalarLong('sqdmlsl', size, L, M, rm, H, rn, rd)) as ES,
  SQDMULL_elem_sd: ((size, L, M, rm, H, rn, rd) => scalarLong('sqdmull', size, L, M, rm, H, rn, rd)) as ES,
};
