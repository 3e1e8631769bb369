/**
 * Advanced SIMD load/store structure: LD1-LD4/ST1-ST4 (multiple structures), LD1-LD4/ST1-ST4
 * (single structure, one lane), LD1R-LD4R (load and replicate), each with an optional
 * post-index by immediate (Rm = 31: the bytes transferred) or by register.
 *
 * LD1/ST1 of whole registers move 64-bit words straight between guest memory and the V registers;
 * the interleaving forms go through the scratch vector.
 */
import { S16, S32, S8 } from '../arm/simd.js';
import type { Cpu } from '../cpu.js';
import type { Op } from '../op.js';
import { xr, xsp } from '../regs.js';

const TWO32 = 4294967296;

/** The base address (lo as uint32 number, hi) plus `off`, as halves in A[0], A[1]. */
const A = new Int32Array(2);
function addr(lo: number, hi: number, off: number): void {
  const l = lo + off;
  if (l > 0xffffffff) {
    A[0] = l - TWO32;
    A[1] = hi + 1;
  } else {
    A[0] = l;
    A[1] = hi;
  }
}

/** Post-index write-back: Xn += imm (Rm = 31) or Xm; returns an updater or null when there is none. */
type Wb = ((c: Cpu) => void) | null;
function writeback(post: boolean, rm: number, n: number, imm: number): Wb {
  if (!post) return null;
  if (rm === 31)
    return (c) => {
      const x = c.x;
      const l = (x[n]! >>> 0) + imm;
      x[n + 1] = (x[n + 1]! + (l > 0xffffffff ? 1 : 0)) | 0;
      x[n] = l | 0;
    };
  const m = xr(rm);
  return (c) => {
    const x = c.x;
    const l = (x[n]! >>> 0) + (x[m]! >>> 0);
    x[n + 1] = (x[n + 1]! + x[m + 1]! + (l > 0xffffffff ? 1 : 0)) | 0;
    x[n] = l | 0;
  };
}

/** LD1/ST1 (multiple structures) of `regs` whole registers, as 64-bit accesses straight into Vt. */
function ldst1(load: boolean, Q: number, regs: number, rn: number, rt: number, post: boolean, rm: number): Op {
  const n = xsp(rn);
  const bytes = Q ? 16 : 8;
  const ts = new Int32Array(regs);
  for (let r = 0; r < regs; r++) ts[r] = ((rt + r) & 31) * 4;
  const wb = writeback(post, rm, n, bytes * regs);
  if (load)
    return (c) => {
      const x = c.x;
      const lo = x[n]! >>> 0;
      const hi = x[n + 1]!;
      const v = c.vi32;
      const mem = c.mem;
      for (let r = 0; r < regs; r++) {
        const t = ts[r]!;
        addr(lo, hi, r * bytes);
        mem.ld64(A[0]!, A[1]!, v, t);
        if (Q) {
          addr(lo, hi, r * bytes + 8);
          mem.ld64(A[0]!, A[1]!, v, t + 2);
        } else v[t + 2] = v[t + 3] = 0;
      }
      if (wb) wb(c);
    };
  return (c) => {
    const x = c.x;
    const lo = x[n]! >>> 0;
    const hi = x[n + 1]!;
    const v = c.vi32;
    const mem = c.mem;
    for (let r = 0; r < regs; r++) {
      const t = ts[r]!;
      addr(lo, hi, r * bytes);
      mem.st64(A[0]!, A[1]!, v[t]!, v[t + 1]!);
      if (Q) {
        addr(lo, hi, r * bytes + 8);
        mem.st64(A[0]!, A[1]!, v[t + 2]!, v[t + 3]!);
      }
    }
    if (wb) wb(c);
  };
}

/** LD2-LD4/ST2-ST4 (multiple structures): `selem` registers, elements interleaved in memory. */
function ldstN(load: boolean, Q: number, size: number, selem: number, rn: number, rt: number, post: boolean, rm: number): Op | null {
  if (size === 3 && !Q) return null;
  const n = xsp(rn);
  const bytes = Q ? 16 : 8;
  const eb = 1 << size;
  const elements = bytes / eb;
  const total = bytes * selem;
  const words = total >> 3;
  const ts: number[] = [];
  for (let s = 0; s < selem; s++) ts.push(((rt + s) & 31) * 16);
  const wb = writeback(post, rm, n, total);
  if (load)
    return (c) => {
      const x = c.x;
      const lo = x[n]! >>> 0;
      const hi = x[n + 1]!;
      for (let k = 0; k < words; k++) {
        addr(lo, hi, k * 8);
        c.mem.ld64(A[0]!, A[1]!, S32, 2 * k);
      }
      const u = c.vu8;
      for (let i = 0; i < elements; i++)
        for (let s = 0; s < selem; s++) {
          const src = (i * selem + s) * eb;
          const dst = ts[s]! + i * eb;
          for (let b = 0; b < eb; b++) u[dst + b] = S8[src + b]!;
        }
      if (!Q) {
        const v = c.vi32;
        for (let s = 0; s < selem; s++) v[(ts[s]! >> 2) + 2] = v[(ts[s]! >> 2) + 3] = 0;
      }
      if (wb) wb(c);
    };
  return (c) => {
    const u = c.vu8;
    for (let i = 0; i < elements; i++)
      for (let s = 0; s < selem; s++) {
        const dst = (i * selem + s) * eb;
        const src = ts[s]! + i * eb;
        for (let b = 0; b < eb; b++) S8[dst + b] = u[src + b]!;
      }
    const x = c.x;
    const lo = x[n]! >>> 0;
    const hi = x[n + 1]!;
    for (let k = 0; k < words; k++) {
      addr(lo, hi, k * 8);
      c.mem.st64(A[0]!, A[1]!, S32[2 * k]!, S32[2 * k + 1]!);
    }
    if (wb) wb(c);
  };
}

/**
 * LDn/STn (single structure): lane `index` of `selem` registers. `scale` is log2 of the element
 * size in bytes; returns null for reserved size/S combinations.
 */
function ldstLane(
  load: boolean,
  Q: number,
  scale: number,
  S: number,
  size: number,
  selem: number,
  rn: number,
  rt: number,
  post: boolean,
  rm: number,
): Op | null {
  let index: number;
  switch (scale) {
    case 0:
      index = (Q << 3) | (S << 2) | size;
      break;
    case 1:
      if (size & 1) return null;
      index = (Q << 2) | (S << 1) | (size >> 1);
      break;
    case 3:
      return null; // the replicate forms (loads) have their own encodings
    default:
      if (size & 2) return null;
      if (size & 1) {
        if (S) return null;
        scale = 3;
        index = Q;
      } else index = (Q << 1) | S;
  }
  const n = xsp(rn);
  const eb = 1 << scale;
  const regs: number[] = [];
  for (let s = 0; s < selem; s++) regs.push((rt + s) & 31);
  const wb = writeback(post, rm, n, eb * selem);
  const sc = scale;
  if (load)
    return (c) => {
      const x = c.x;
      const lo = x[n]! >>> 0;
      const hi = x[n + 1]!;
      const mem = c.mem;
      // load every element before changing any register
      for (let s = 0; s < selem; s++) {
        addr(lo, hi, s * eb);
        if (sc === 0) S8[s] = mem.ld8(A[0]!, A[1]!);
        else if (sc === 1) S16[s] = mem.ld16(A[0]!, A[1]!);
        else if (sc === 2) S32[s] = mem.ld32(A[0]!, A[1]!);
        else mem.ld64(A[0]!, A[1]!, S32, 2 * s);
      }
      for (let s = 0; s < selem; s++) {
        const t = regs[s]!;
        if (sc === 0) c.vu8[t * 16 + index] = S8[s]!;
        else if (sc === 1) c.vu16[t * 8 + index] = S16[s]!;
        else if (sc === 2) c.vi32[t * 4 + index] = S32[s]!;
        else {
          c.vi32[t * 4 + 2 * index] = S32[2 * s]!;
          c.vi32[t * 4 + 2 * index + 1] = S32[2 * s + 1]!;
        }
      }
      if (wb) wb(c);
    };
  return (c) => {
    const x = c.x;
    const lo = x[n]! >>> 0;
    const hi = x[n + 1]!;
    const mem = c.mem;
    for (let s = 0; s < selem; s++) {
      const t = regs[s]!;
      addr(lo, hi, s * eb);
      if (sc === 0) mem.st8(A[0]!, A[1]!, c.vu8[t * 16 + index]!);
      else if (sc === 1) mem.st16(A[0]!, A[1]!, c.vu16[t * 8 + index]!);
      else if (sc === 2) mem.st32(A[0]!, A[1]!, c.vi32[t * 4 + index]!);
      else mem.st64(A[0]!, A[1]!, c.vi32[t * 4 + 2 * index]!, c.vi32[t * 4 + 2 * index + 1]!);
    }
    if (wb) wb(c);
  };
}

/** LDnR: load one structure and replicate each element to all lanes of its register. */
function ldRep(Q: number, size: number, selem: number, rn: number, rt: number, post: boolean, rm: number): Op {
  const n = xsp(rn);
  const eb = 1 << size;
  const regs: number[] = [];
  for (let s = 0; s < selem; s++) regs.push((rt + s) & 31);
  const wb = writeback(post, rm, n, eb * selem);
  return (c) => {
    const x = c.x;
    const lo = x[n]! >>> 0;
    const hi = x[n + 1]!;
    const mem = c.mem;
    for (let s = 0; s < selem; s++) {
      addr(lo, hi, s * eb);
      if (size === 0) S32[2 * s] = S32[2 * s + 1] = Math.imul(mem.ld8(A[0]!, A[1]!), 0x01010101);
      else if (size === 1) S32[2 * s] = S32[2 * s + 1] = Math.imul(mem.ld16(A[0]!, A[1]!), 0x00010001);
      else if (size === 2) S32[2 * s] = S32[2 * s + 1] = mem.ld32(A[0]!, A[1]!);
      else mem.ld64(A[0]!, A[1]!, S32, 2 * s);
    }
    const v = c.vi32;
    for (let s = 0; s < selem; s++) {
      const d = regs[s]! * 4;
      const wl = S32[2 * s]!;
      const wh = S32[2 * s + 1]!;
      v[d] = wl;
      v[d + 1] = wh;
      v[d + 2] = Q ? wl : 0;
      v[d + 3] = Q ? wh : 0;
    }
    if (wb) wb(c);
  };
}

type H = (...a: number[]) => Op | null;

/** Handlers for the multiple-structure forms: `regs` registers of one structure element (LD1/ST1) or one register per element. */
function mult(load: boolean, selem: number, regs: number, post: boolean): H {
  if (post)
    return ((Q: number, rm: number, size: number, rn: number, rt: number) =>
      selem === 1 ? ldst1(load, Q, regs, rn, rt, true, rm) : ldstN(load, Q, size, selem, rn, rt, true, rm)) as H;
  return ((Q: number, size: number, rn: number, rt: number) =>
    selem === 1 ? ldst1(load, Q, regs, rn, rt, false, 31) : ldstN(load, Q, size, selem, rn, rt, false, 31)) as H;
}

function single(load: boolean, selem: number, post: boolean): H {
  if (post)
    return ((Q: number, rm: number, scale: number, S: number, size: number, rn: number, rt: number) =>
      ldstLane(load, Q, scale, S, size, selem, rn, rt, true, rm)) as H;
  return ((Q: number, scale: number, S: number, size: number, rn: number, rt: number) =>
    ldstLane(load, Q, scale, S, size, selem, rn, rt, false, 31)) as H;
}

function rep(selem: number, post: boolean): H {
  if (post)
    return ((Q: number, rm: number, size: number, rn: number, rt: number) => ldRep(Q, size, selem, rn, rt, true, rm)) as H;
  return ((Q: number, size: number, rn: number, rt: number) => ldRep(Q, size, selem, rn, rt, false, 31)) as H;
}

export const simdLdstHandlers: Record<string, H> = {
  ST1_1: mult(false, 1, 1, false),
  ST1_2: mult(false, 1, 2, false),
  ST1_3: mult(false, 1, 3, false),
  ST1_4: mult(false, 1, 4, false),
  ST2_m: mult(false, 2, 2, false),
  ST3_m: mult(false, 3, 3, false),
  ST4_m: mult(false, 4, 4, false),
  LD1_1: mult(true, 1, 1, false),
  LD1_2: mult(true, 1, 2, false),
  LD1_3: mult(true, 1, 3, false),
  LD1_4: mult(true, 1, 4, false),
  LD2_m: mult(true, 2, 2, false),
  LD3_m: mult(true, 3, 3, false),
  LD4_m: mult(true, 4, 4, false),
  ST1_1_post: mult(false, 1, 1, true),
  ST1_2_post: mult(false, 1, 2, true),
  ST1_3_post: mult(false, 1, 3, true),
  ST1_4_post: mult(false, 1, 4, true),
  ST2_m_post: mult(false, 2, 2, true),
  ST3_m_post: mult(false, 3, 3, true),
  ST4_m_post: mult(false, 4, 4, true),
  LD1_1_post: mult(true, 1, 1, true),
  LD1_2_post: mult(true, 1, 2, true),
  LD1_3_post: mult(true, 1, 3, true),
  LD1_4_post: mult(true, 1, 4, true),
  LD2_m_post: mult(true, 2, 2, true),
  LD3_m_post: mult(true, 3, 3, true),
  LD4_m_post: mult(true, 4, 4, true),

  ST1_s: single(false, 1, false),
  ST2_s: single(false, 2, false),
  ST3_s: single(false, 3, false),
  ST4_s: single(false, 4, false),
  LD1_s: single(true, 1, false),
  LD2_s: single(true, 2, false),
  LD3_s: single(true, 3, false),
  LD4_s: single(true, 4, false),
  ST1_s_post: single(false, 1, true),
  ST2_s_post: single(false, 2, true),
  ST3_s_post: single(false, 3, true),
  ST4_s_post: single(false, 4, true),
  LD1_s_post: single(true, 1, true),
  LD2_s_post: single(true, 2, true),
  LD3_s_post: single(true, 3, true),
  LD4_s_post: single(true, 4, true),

  LD1R: rep(1, false),
  LD2R: rep(2, false),
  LD3R: rep(3, false),
  LD4R: rep(4, false),
  LD1R_post: rep(1, true),
  LD2R_post: rep(2, true),
  LD3R_post: rep(3, true),
  LD4R_post: rep(4, true),
};
