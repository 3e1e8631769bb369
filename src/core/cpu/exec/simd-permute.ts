/**
 * Advanced SIMD permutes (ZIP/UZP/TRN), EXT and table lookup (TBL/TBX). Results go through the
 * scratch vector: every source may alias the destination.
 */
import type { Op } from '../op.js';

/**
 * A byte shuffle: result byte i = (Vn bytes 0..15, Vm bytes 16..31)[map[i]], over `map.length`
 * bytes (16 or 8; an 8-byte result zeroes the upper half of Vd).
 */
function shuffle(map: Uint8Array, rn: number, rm: number, rd: number): Op {
  const bytes = map.length;
  // absolute offsets into the V register file
  const src = new Int32Array(bytes);
  for (let i = 0; i < bytes; i++) src[i] = map[i]! < 16 ? rn * 16 + map[i]! : rm * 16 + map[i]! - 16;
  const d = rd * 4;
  const words = bytes >> 2;
  return (c) => {
    const u = c.vu8;
    // assemble whole words before writing any (sources may alias Vd)
    for (let j = 0; j < words; j++) {
      const k = 4 * j;
      W[j] = u[src[k]!]! | (u[src[k + 1]!]! << 8) | (u[src[k + 2]!]! << 16) | (u[src[k + 3]!]! << 24);
    }
    const v = c.vi32;
    v[d] = W[0]!;
    v[d + 1] = W[1]!;
    if (bytes === 16) {
      v[d + 2] = W[2]!;
      v[d + 3] = W[3]!;
    } else v[d + 2] = v[d + 3] = 0;
  };
}

/** Result words, assembled from bytes in registers (never written bytewise: no store-forwarding stalls). */
const W = new Int32Array(4);

/** Builds a byte map from an element map: element j of the result comes from element src(j). */
function elementMap(bytes: number, esize: number, src: (j: number) => number): Uint8Array {
  const eb = esize >> 3;
  const map = new Uint8Array(bytes);
  for (let j = 0; j < bytes / eb; j++) {
    const s = src(j); // index into Vn (0..) then Vm (elements..)
    const elements = bytes / eb;
    const base = s < elements ? s * eb : 16 + (s - elements) * eb;
    for (let k = 0; k < eb; k++) map[j * eb + k] = base + k;
  }
  return map;
}

function permute(kind: 'uzp' | 'trn' | 'zip', part: number, Q: number, size: number, rm: number, rn: number, rd: number): Op | null {
  if (size === 3 && !Q) return null;
  const bytes = Q ? 16 : 8;
  const esize = 8 << size;
  const elements = (bytes * 8) / esize;
  const pairs = elements >> 1;
  let src: (j: number) => number;
  switch (kind) {
    case 'uzp':
      src = (j) => 2 * j + part;
      break;
    case 'trn':
      src = (j) => (j & 1 ? elements : 0) + (j & ~1) + part;
      break;
    case 'zip':
      src = (j) => (j & 1 ? elements : 0) + part * pairs + (j >> 1);
      break;
  }
  return shuffle(elementMap(bytes, esize, src), rn, rm, rd);
}

function ext(Q: number, rm: number, imm4: number, rn: number, rd: number): Op | null {
  if (!Q && imm4 & 8) return null;
  const bytes = Q ? 16 : 8;
  const map = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    const s = i + imm4;
    map[i] = s < bytes ? s : 16 + (s - bytes);
  }
  return shuffle(map, rn, rm, rd);
}

/** TBL/TBX with `regs` table registers starting at Vn (wrapping at V31). */
function tbl(Q: number, rm: number, len: number, rn: number, rd: number, tbx: boolean): Op {
  const regs = len + 1;
  const limit = regs * 16;
  const bytes = Q ? 16 : 8;
  const m = rm * 16;
  const d = rd * 16;
  // byte offset of table byte k, for k < limit
  const at = new Int32Array(limit);
  for (let k = 0; k < limit; k++) at[k] = ((rn + (k >> 4)) & 31) * 16 + (k & 15);
  const o = rd * 4;
  const words = bytes >> 2;
  return (c) => {
    const u = c.vu8;
    for (let j = 0; j < words; j++) {
      let w = 0;
      for (let k = 0; k < 4; k++) {
        const i = 4 * j + k;
        const idx = u[m + i]!;
        w |= (idx < limit ? u[at[idx]!]! : tbx ? u[d + i]! : 0) << (8 * k);
      }
      W[j] = w;
    }
    const v = c.vi32;
    v[o] = W[0]!;
    v[o + 1] = W[1]!;
    if (Q) {
      v[o + 2] = W[2]!;
      v[o + 3] = W[3]!;
    } else v[o + 2] = v[o + 3] = 0;
  };
}

type P = (Q: number, size: number, rm: number, rn: number, rd: number) => Op | null;
type H = (...a: number[]) => Op | null;

export const simdPermuteHandlers: Record<string, P | H> = {
  UZP1: ((Q, size, rm, rn, rd) => permute('uzp', 0, Q, size, rm, rn, rd)) as P,
  UZP2: ((Q, size, rm, rn, rd) => permute('uzp', 1, Q, size, rm, rn, rd)) as P,
  TRN1: ((Q, size, rm, rn, rd) => permute('trn', 0, Q, size, rm, rn, rd)) as P,
  TRN2: ((Q, size, rm, rn, rd) => permute('trn', 1, Q, size, rm, rn, rd)) as P,
  ZIP1: ((Q, size, rm, rn, rd) => permute('zip', 0, Q, size, rm, rn, rd)) as P,
  ZIP2: ((Q, size, rm, rn, rd) => permute('zip', 1, Q, size, rm, rn, rd)) as P,
  EXT: ((Q, rm, imm4, rn, rd) => ext(Q, rm, imm4, rn, rd)) as H,
  TBL: ((Q, rm, len, rn, rd) => tbl(Q, rm, len, rn, rd, false)) as H,
  TBX: ((Q, rm, len, rn, rd) => tbl(Q, rm, len, rn, rd, true)) as H,
};
