/**
 * The lane engine shared by the Advanced SIMD handlers: builds ops that apply a per-lane function
 * over the lanes of V registers, specialised at decode time per element size and signedness.
 *
 * Lane values reach the function as plain numbers: zero-extended for unsigned, sign-extended for
 * signed (esize <= 32). Results are stored through a typed array of the element's width, which
 * truncates them, so `a + b` is a correct modular add. 64-bit lanes use separate functions on
 * int32 halves that return through `R64`.
 *
 * Element-wise ops read lane i of each source and then write lane i, so a destination equal to a
 * source is safe; ops that read lanes in another order write to the scratch vector first.
 */
import { flushSat, S32, S8, S16, sx16, sx8 } from '../arm/simd.js';
import type { Cpu } from '../cpu.js';
import type { Op } from '../op.js';

export type Fn1 = (a: number) => number;
export type Fn2 = (a: number, b: number) => number;
export type Fn3 = (acc: number, a: number, b: number) => number;
/** 64-bit lane functions: operands as (lo, hi) halves, result into R64[0], R64[1]. */
export type Fn64x1 = (alo: number, ahi: number) => void;
export type Fn64x2 = (alo: number, ahi: number, blo: number, bhi: number) => void;
export type Fn64x3 = (dlo: number, dhi: number, alo: number, ahi: number, blo: number, bhi: number) => void;
export const R64 = new Int32Array(2);

/** Zeroes bytes [bytes, 16) of Vd (a 64-bit vector or scalar write clears the rest). */
export function zeroFrom(c: Cpu, rd: number, bytes: number): void {
  const v32 = c.vi32;
  const w = rd * 4;
  if (bytes === 8) {
    v32[w + 2] = 0;
    v32[w + 3] = 0;
    return;
  }
  if (bytes <= 4) {
    const v8 = c.vu8;
    for (let i = rd * 16 + bytes, e = rd * 16 + 4; i < e; i++) v8[i] = 0;
    v32[w + 1] = 0;
  }
  v32[w + 2] = 0;
  v32[w + 3] = 0;
}

/** Copies `bytes` bytes of the scratch vector into Vd, zeroing the rest. */
export function fromScratch(c: Cpu, rd: number, bytes: number): void {
  const v32 = c.vi32;
  const w = rd * 4;
  if (bytes === 16) {
    v32[w] = S32[0]!;
    v32[w + 1] = S32[1]!;
    v32[w + 2] = S32[2]!;
    v32[w + 3] = S32[3]!;
    return;
  }
  if (bytes === 8) {
    v32[w] = S32[0]!;
    v32[w + 1] = S32[1]!;
  } else {
    v32[w] = bytes === 4 ? S32[0]! : bytes === 2 ? S16[0]! : S8[0]!;
    v32[w + 1] = 0;
  }
  v32[w + 2] = 0;
  v32[w + 3] = 0;
}

/** Element-wise unary op: Vd[i] = f(Vn[i]) over `bytes` bytes (16, 8, or one scalar element). */
export function map1(esize: number, bytes: number, signed: boolean, f: Fn1, rd: number, rn: number): Op {
  const cnt = (bytes * 8) / esize;
  const tail = bytes < 16;
  switch (esize) {
    case 8: {
      const d = rd * 16;
      const n = rn * 16;
      if (signed)
        return (c) => {
          const v = c.vu8;
          for (let i = 0; i < cnt; i++) v[d + i] = f(sx8(v[n + i]!));
          if (tail) zeroFrom(c, rd, bytes);
          flushSat(c.x);
        };
      return (c) => {
        const v = c.vu8;
        for (let i = 0; i < cnt; i++) v[d + i] = f(v[n + i]!);
        if (tail) zeroFrom(c, rd, bytes);
        flushSat(c.x);
      };
    }
    case 16: {
      const d = rd * 8;
      const n = rn * 8;
      if (signed)
        return (c) => {
          const v = c.vu16;
          for (let i = 0; i < cnt; i++) v[d + i] = f(sx16(v[n + i]!));
          if (tail) zeroFrom(c, rd, bytes);
          flushSat(c.x);
        };
      return (c) => {
        const v = c.vu16;
        for (let i = 0; i < cnt; i++) v[d + i] = f(v[n + i]!);
        if (tail) zeroFrom(c, rd, bytes);
        flushSat(c.x);
      };
    }
    default: {
      const d = rd * 4;
      const n = rn * 4;
      if (signed)
        return (c) => {
          const v = c.vi32;
          for (let i = 0; i < cnt; i++) v[d + i] = f(v[n + i]!);
          if (tail) zeroFrom(c, rd, bytes);
          flushSat(c.x);
        };
      return (c) => {
        const v = c.vi32;
        for (let i = 0; i < cnt; i++) v[d + i] = f(v[n + i]! >>> 0);
        if (tail) zeroFrom(c, rd, bytes);
        flushSat(c.x);
      };
    }
  }
}

/** Element-wise binary op: Vd[i] = f(Vn[i], Vm[i]). */
export function map2(esize: number, bytes: number, signed: boolean, f: Fn2, rd: number, rn: number, rm: number): Op {
  const cnt = (bytes * 8) / esize;
  const tail = bytes < 16;
  switch (esize) {
    case 8: {
      const d = rd * 16;
      const n = rn * 16;
      const m = rm * 16;
      if (signed)
        return (c) => {
          const v = c.vu8;
          for (let i = 0; i < cnt; i++) v[d + i] = f(sx8(v[n + i]!), sx8(v[m + i]!));
          if (tail) zeroFrom(c, rd, bytes);
          flushSat(c.x);
        };
      return (c) => {
        const v = c.vu8;
        for (let i = 0; i < cnt; i++) v[d + i] = f(v[n + i]!, v[m + i]!);
        if (tail) zeroFrom(c, rd, bytes);
        flushSat(c.x);
      };
    }
    case 16: {
      const d = rd * 8;
      const n = rn * 8;
      const m = rm * 8;
      if (signed)
        return (c) => {
          const v = c.vu16;
          for (let i = 0; i < cnt; i++) v[d + i] = f(sx16(v[n + i]!), sx16(v[m + i]!));
          if (tail) zeroFrom(c, rd, bytes);
          flushSat(c.x);
        };
      return (c) => {
        const v = c.vu16;
        for (let i = 0; i < cnt; i++) v[d + i] = f(v[n + i]!, v[m + i]!);
        if (tail) zeroFrom(c, rd, bytes);
        flushSat(c.x);
      };
    }
    default: {
      const d = rd * 4;
      const n = rn * 4;
      const m = rm * 4;
      if (signed)
        return (c) => {
          const v = c.vi32;
          for (let i = 0; i < cnt; i++) v[d + i] = f(v[n + i]!, v[m + i]!);
          if (tail) zeroFrom(c, rd, bytes);
          flushSat(c.x);
        };
      return (c) => {
        const v = c.vi32;
        for (let i = 0; i < cnt; i++) v[d + i] = f(v[n + i]! >>> 0, v[m + i]! >>> 0);
        if (tail) zeroFrom(c, rd, bytes);
        flushSat(c.x);
      };
    }
  }
}

/** Element-wise op that also reads the destination: Vd[i] = f(Vd[i], Vn[i], Vm[i]). */
export function map3(esize: number, bytes: number, signed: boolean, f: Fn3, rd: number, rn: number, rm: number): Op {
  const cnt = (bytes * 8) / esize;
  const tail = bytes < 16;
  switch (esize) {
    case 8: {
      const d = rd * 16;
      const n = rn * 16;
      const m = rm * 16;
      if (signed)
        return (c) => {
          const v = c.vu8;
          for (let i = 0; i < cnt; i++) v[d + i] = f(sx8(v[d + i]!), sx8(v[n + i]!), sx8(v[m + i]!));
          if (tail) zeroFrom(c, rd, bytes);
          flushSat(c.x);
        };
      return (c) => {
        const v = c.vu8;
        for (let i = 0; i < cnt; i++) v[d + i] = f(v[d + i]!, v[n + i]!, v[m + i]!);
        if (tail) zeroFrom(c, rd, bytes);
        flushSat(c.x);
      };
    }
    case 16: {
      const d = rd * 8;
      const n = rn * 8;
      const m = rm * 8;
      if (signed)
        return (c) => {
          const v = c.vu16;
          for (let i = 0; i < cnt; i++) v[d + i] = f(sx16(v[d + i]!), sx16(v[n + i]!), sx16(v[m + i]!));
          if (tail) zeroFrom(c, rd, bytes);
          flushSat(c.x);
        };
      return (c) => {
        const v = c.vu16;
        for (let i = 0; i < cnt; i++) v[d + i] = f(v[d + i]!, v[n + i]!, v[m + i]!);
        if (tail) zeroFrom(c, rd, bytes);
        flushSat(c.x);
      };
    }
    default: {
      const d = rd * 4;
      const n = rn * 4;
      const m = rm * 4;
      if (signed)
        return (c) => {
          const v = c.vi32;
          for (let i = 0; i < cnt; i++) v[d + i] = f(v[d + i]!, v[n + i]!, v[m + i]!);
          if (tail) zeroFrom(c, rd, bytes);
          flushSat(c.x);
        };
      return (c) => {
        const v = c.vi32;
        for (let i = 0; i < cnt; i++) v[d + i] = f(v[d + i]! >>> 0, v[n + i]! >>> 0, v[m + i]! >>> 0);
        if (tail) zeroFrom(c, rd, bytes);
        flushSat(c.x);
      };
    }
  }
}

/** 64-bit lanes: Vd[i] = f(Vn[i]) over `bytes` bytes (16 or 8). */
export function map1x64(bytes: number, f: Fn64x1, rd: number, rn: number): Op {
  const cnt = bytes >> 3;
  const d = rd * 4;
  const n = rn * 4;
  return (c) => {
    const v = c.vi32;
    for (let i = 0; i < cnt * 2; i += 2) {
      f(v[n + i]!, v[n + i + 1]!);
      v[d + i] = R64[0]!;
      v[d + i + 1] = R64[1]!;
    }
    if (cnt === 1) zeroFrom(c, rd, 8);
    flushSat(c.x);
  };
}

export function map2x64(bytes: number, f: Fn64x2, rd: number, rn: number, rm: number): Op {
  const cnt = bytes >> 3;
  const d = rd * 4;
  const n = rn * 4;
  const m = rm * 4;
  return (c) => {
    const v = c.vi32;
    for (let i = 0; i < cnt * 2; i += 2) {
      f(v[n + i]!, v[n + i + 1]!, v[m + i]!, v[m + i + 1]!);
      v[d + i] = R64[0]!;
      v[d + i + 1] = R64[1]!;
    }
    if (cnt === 1) zeroFrom(c, rd, 8);
    flushSat(c.x);
  };
}

export function map3x64(bytes: number, f: Fn64x3, rd: number, rn: number, rm: number): Op {
  const cnt = bytes >> 3;
  const d = rd * 4;
  const n = rn * 4;
  const m = rm * 4;
  return (c) => {
    const v = c.vi32;
    for (let i = 0; i < cnt * 2; i += 2) {
      f(v[d + i]!, v[d + i + 1]!, v[n + i]!, v[n + i + 1]!, v[m + i]!, v[m + i + 1]!);
      v[d + i] = R64[0]!;
      v[d + i + 1] = R64[1]!;
    }
    if (cnt === 1) zeroFrom(c, rd, 8);
    flushSat(c.x);
  };
}

/** Reads lane i (esize <= 32) of V register r as a signed or unsigned number. */
export function lane(c: Cpu, r: number, esize: number, i: number, signed: boolean): number {
  switch (esize) {
    case 8: {
      const v = c.vu8[r * 16 + i]!;
      return signed ? sx8(v) : v;
    }
    case 16: {
      const v = c.vu16[r * 8 + i]!;
      return signed ? sx16(v) : v;
    }
    default: {
      const v = c.vi32[r * 4 + i]!;
      return signed ? v : v >>> 0;
    }
  }
}

/** Writes lane i (esize <= 32) of the scratch vector. */
export function setScratch(esize: number, i: number, v: number): void {
  if (esize === 8) S8[i] = v;
  else if (esize === 16) S16[i] = v;
  else S32[i] = v;
}

/** Pairwise op over the concatenation Vm:Vn: result lane i = f(pair i). */
export function pairwise(esize: number, bytes: number, signed: boolean, f: Fn2, rd: number, rn: number, rm: number): Op {
  const cnt = (bytes * 8) / esize;
  const half = cnt >> 1;
  return (c) => {
    for (let i = 0; i < half; i++) {
      setScratch(esize, i, f(lane(c, rn, esize, 2 * i, signed), lane(c, rn, esize, 2 * i + 1, signed)));
      setScratch(esize, half + i, f(lane(c, rm, esize, 2 * i, signed), lane(c, rm, esize, 2 * i + 1, signed)));
    }
    fromScratch(c, rd, bytes);
  };
}

// ------------------------------------------------------------------------------------------------
// Fast element-wise loops for the common integer ops. One function per element size holds a tight
// loop per op behind a switch on the op kind: the op's closure makes one monomorphic call and the
// loop body has no call per lane (the generic map* above call a lane function per lane).

export const Bin = {
  ADD: 0,
  SUB: 1,
  MUL: 2,
  MLA: 3,
  MLS: 4,
  CMEQ: 5,
  CMTST: 6,
  CMGT: 7,
  CMGE: 8,
  CMHI: 9,
  CMHS: 10,
  SMAX: 11,
  SMIN: 12,
  UMAX: 13,
  UMIN: 14,
  SABD: 15,
  UABD: 16,
} as const;

function bin8(k: number, u: Uint8Array, d: number, n: number, m: number, cnt: number): void {
  switch (k) {
    case Bin.ADD:
      for (let i = 0; i < cnt; i++) u[d + i] = u[n + i]! + u[m + i]!;
      return;
    case Bin.SUB:
      for (let i = 0; i < cnt; i++) u[d + i] = u[n + i]! - u[m + i]!;
      return;
    case Bin.MUL:
      for (let i = 0; i < cnt; i++) u[d + i] = Math.imul(u[n + i]!, u[m + i]!);
      return;
    case Bin.MLA:
      for (let i = 0; i < cnt; i++) u[d + i] = u[d + i]! + Math.imul(u[n + i]!, u[m + i]!);
      return;
    case Bin.MLS:
      for (let i = 0; i < cnt; i++) u[d + i] = u[d + i]! - Math.imul(u[n + i]!, u[m + i]!);
      return;
    case Bin.CMEQ:
      for (let i = 0; i < cnt; i++) u[d + i] = u[n + i] === u[m + i] ? 0xff : 0;
      return;
    case Bin.CMTST:
      for (let i = 0; i < cnt; i++) u[d + i] = (u[n + i]! & u[m + i]!) !== 0 ? 0xff : 0;
      return;
    case Bin.CMGT: // signed compares on the bytes moved to the top of an int32
      for (let i = 0; i < cnt; i++) u[d + i] = u[n + i]! << 24 > u[m + i]! << 24 ? 0xff : 0;
      return;
    case Bin.CMGE:
      for (let i = 0; i < cnt; i++) u[d + i] = u[n + i]! << 24 >= u[m + i]! << 24 ? 0xff : 0;
      return;
    case Bin.CMHI:
      for (let i = 0; i < cnt; i++) u[d + i] = u[n + i]! > u[m + i]! ? 0xff : 0;
      return;
    case Bin.CMHS:
      for (let i = 0; i < cnt; i++) u[d + i] = u[n + i]! >= u[m + i]! ? 0xff : 0;
      return;
    case Bin.SMAX:
      for (let i = 0; i < cnt; i++) {
        const a = u[n + i]!;
        const b = u[m + i]!;
        u[d + i] = a << 24 > b << 24 ? a : b;
      }
      return;
    case Bin.SMIN:
      for (let i = 0; i < cnt; i++) {
        const a = u[n + i]!;
        const b = u[m + i]!;
        u[d + i] = a << 24 < b << 24 ? a : b;
      }
      return;
    case Bin.UMAX:
      for (let i = 0; i < cnt; i++) {
        const a = u[n + i]!;
        const b = u[m + i]!;
        u[d + i] = a > b ? a : b;
      }
      return;
    case Bin.UMIN:
      for (let i = 0; i < cnt; i++) {
        const a = u[n + i]!;
        const b = u[m + i]!;
        u[d + i] = a < b ? a : b;
      }
      return;
    case Bin.SABD:
      for (let i = 0; i < cnt; i++) u[d + i] = Math.abs(sx8(u[n + i]!) - sx8(u[m + i]!));
      return;
    case Bin.UABD:
      for (let i = 0; i < cnt; i++) u[d + i] = Math.abs(u[n + i]! - u[m + i]!);
      return;
  }
}

function bin16(k: number, h: Uint16Array, d: number, n: number, m: number, cnt: number): void {
  switch (k) {
    case Bin.ADD:
      for (let i = 0; i < cnt; i++) h[d + i] = h[n + i]! + h[m + i]!;
      return;
    case Bin.SUB:
      for (let i = 0; i < cnt; i++) h[d + i] = h[n + i]! - h[m + i]!;
      return;
    case Bin.MUL:
      for (let i = 0; i < cnt; i++) h[d + i] = Math.imul(h[n + i]!, h[m + i]!);
      return;
    case Bin.MLA:
      for (let i = 0; i < cnt; i++) h[d + i] = h[d + i]! + Math.imul(h[n + i]!, h[m + i]!);
      return;
    case Bin.MLS:
      for (let i = 0; i < cnt; i++) h[d + i] = h[d + i]! - Math.imul(h[n + i]!, h[m + i]!);
      return;
    case Bin.CMEQ:
      for (let i = 0; i < cnt; i++) h[d + i] = h[n + i] === h[m + i] ? 0xffff : 0;
      return;
    case Bin.CMTST:
      for (let i = 0; i < cnt; i++) h[d + i] = (h[n + i]! & h[m + i]!) !== 0 ? 0xffff : 0;
      return;
    case Bin.CMGT:
      for (let i = 0; i < cnt; i++) h[d + i] = h[n + i]! << 16 > h[m + i]! << 16 ? 0xffff : 0;
      return;
    case Bin.CMGE:
      for (let i = 0; i < cnt; i++) h[d + i] = h[n + i]! << 16 >= h[m + i]! << 16 ? 0xffff : 0;
      return;
    case Bin.CMHI:
      for (let i = 0; i < cnt; i++) h[d + i] = h[n + i]! > h[m + i]! ? 0xffff : 0;
      return;
    case Bin.CMHS:
      for (let i = 0; i < cnt; i++) h[d + i] = h[n + i]! >= h[m + i]! ? 0xffff : 0;
      return;
    case Bin.SMAX:
      for (let i = 0; i < cnt; i++) {
        const a = h[n + i]!;
        const b = h[m + i]!;
        h[d + i] = a << 16 > b << 16 ? a : b;
      }
      return;
    case Bin.SMIN:
      for (let i = 0; i < cnt; i++) {
        const a = h[n + i]!;
        const b = h[m + i]!;
        h[d + i] = a << 16 < b << 16 ? a : b;
      }
      return;
    case Bin.UMAX:
      for (let i = 0; i < cnt; i++) {
        const a = h[n + i]!;
        const b = h[m + i]!;
        h[d + i] = a > b ? a : b;
      }
      return;
    case Bin.UMIN:
      for (let i = 0; i < cnt; i++) {
        const a = h[n + i]!;
        const b = h[m + i]!;
        h[d + i] = a < b ? a : b;
      }
      return;
    case Bin.SABD:
      for (let i = 0; i < cnt; i++) h[d + i] = Math.abs(sx16(h[n + i]!) - sx16(h[m + i]!));
      return;
    case Bin.UABD:
      for (let i = 0; i < cnt; i++) h[d + i] = Math.abs(h[n + i]! - h[m + i]!);
      return;
  }
}

function bin32(k: number, w: Int32Array, d: number, n: number, m: number, cnt: number): void {
  switch (k) {
    case Bin.ADD:
      for (let i = 0; i < cnt; i++) w[d + i] = (w[n + i]! + w[m + i]!) | 0;
      return;
    case Bin.SUB:
      for (let i = 0; i < cnt; i++) w[d + i] = (w[n + i]! - w[m + i]!) | 0;
      return;
    case Bin.MUL:
      for (let i = 0; i < cnt; i++) w[d + i] = Math.imul(w[n + i]!, w[m + i]!);
      return;
    case Bin.MLA:
      for (let i = 0; i < cnt; i++) w[d + i] = (w[d + i]! + Math.imul(w[n + i]!, w[m + i]!)) | 0;
      return;
    case Bin.MLS:
      for (let i = 0; i < cnt; i++) w[d + i] = (w[d + i]! - Math.imul(w[n + i]!, w[m + i]!)) | 0;
      return;
    case Bin.CMEQ:
      for (let i = 0; i < cnt; i++) w[d + i] = w[n + i] === w[m + i] ? -1 : 0;
      return;
    case Bin.CMTST:
      for (let i = 0; i < cnt; i++) w[d + i] = (w[n + i]! & w[m + i]!) !== 0 ? -1 : 0;
      return;
    case Bin.CMGT:
      for (let i = 0; i < cnt; i++) w[d + i] = w[n + i]! > w[m + i]! ? -1 : 0;
      return;
    case Bin.CMGE:
      for (let i = 0; i < cnt; i++) w[d + i] = w[n + i]! >= w[m + i]! ? -1 : 0;
      return;
    case Bin.CMHI:
      for (let i = 0; i < cnt; i++) w[d + i] = w[n + i]! >>> 0 > w[m + i]! >>> 0 ? -1 : 0;
      return;
    case Bin.CMHS:
      for (let i = 0; i < cnt; i++) w[d + i] = w[n + i]! >>> 0 >= w[m + i]! >>> 0 ? -1 : 0;
      return;
    case Bin.SMAX:
      for (let i = 0; i < cnt; i++) {
        const a = w[n + i]!;
        const b = w[m + i]!;
        w[d + i] = a > b ? a : b;
      }
      return;
    case Bin.SMIN:
      for (let i = 0; i < cnt; i++) {
        const a = w[n + i]!;
        const b = w[m + i]!;
        w[d + i] = a < b ? a : b;
      }
      return;
    case Bin.UMAX:
      for (let i = 0; i < cnt; i++) {
        const a = w[n + i]!;
        const b = w[m + i]!;
        w[d + i] = a >>> 0 > b >>> 0 ? a : b;
      }
      return;
    case Bin.UMIN:
      for (let i = 0; i < cnt; i++) {
        const a = w[n + i]!;
        const b = w[m + i]!;
        w[d + i] = a >>> 0 < b >>> 0 ? a : b;
      }
      return;
    case Bin.SABD:
      for (let i = 0; i < cnt; i++) w[d + i] = Math.abs(w[n + i]! - w[m + i]!);
      return;
    case Bin.UABD:
      for (let i = 0; i < cnt; i++) w[d + i] = Math.abs((w[n + i]! >>> 0) - (w[m + i]! >>> 0));
      return;
  }
}

/** A fast element-wise integer op (esize 8, 16 or 32) over `bytes` bytes (16 or 8). */
export function fastBin(k: number, esize: number, bytes: number, rd: number, rn: number, rm: number): Op {
  const cnt = (bytes * 8) / esize;
  const tail = bytes < 16;
  if (esize === 8) {
    const d = rd * 16;
    const n = rn * 16;
    const m = rm * 16;
    return (c) => {
      bin8(k, c.vu8, d, n, m, cnt);
      if (tail) zeroFrom(c, rd, bytes);
    };
  }
  if (esize === 16) {
    const d = rd * 8;
    const n = rn * 8;
    const m = rm * 8;
    return (c) => {
      bin16(k, c.vu16, d, n, m, cnt);
      if (tail) zeroFrom(c, rd, bytes);
    };
  }
  const d = rd * 4;
  const n = rn * 4;
  const m = rm * 4;
  return (c) => {
    bin32(k, c.vi32, d, n, m, cnt);
    if (tail) zeroFrom(c, rd, bytes);
  };
}

export const Sh = {
  SHL: 0,
  USHR: 1,
  SSHR: 2,
  USRA: 3,
  SSRA: 4,
} as const;

/** Fast shifts by an immediate for esize 8, 16, 32 (sh in range for the op: 0..e-1 left, 1..e right). */
export function fastShift(k: number, esize: number, bytes: number, sh: number, rd: number, rn: number): Op {
  const cnt = (bytes * 8) / esize;
  const tail = bytes < 16;
  // a lane moved to the top of an int32, then shifted right arithmetically by `top` (<= 31)
  const up = 32 - esize;
  const top = Math.min(up + sh, 31);
  const ush = sh >= esize ? 31 : sh; // logical right shift: >= esize gives 0 (lanes are < 2^esize)
  const zeroU = sh >= esize;
  if (esize === 32) {
    const d = rd * 4;
    const n = rn * 4;
    return (c) => {
      const w = c.vi32;
      switch (k) {
        case Sh.SHL:
          for (let i = 0; i < cnt; i++) w[d + i] = w[n + i]! << sh;
          break;
        case Sh.USHR:
          for (let i = 0; i < cnt; i++) w[d + i] = zeroU ? 0 : w[n + i]! >>> ush;
          break;
        case Sh.SSHR:
          for (let i = 0; i < cnt; i++) w[d + i] = w[n + i]! >> top;
          break;
        case Sh.USRA:
          for (let i = 0; i < cnt; i++) w[d + i] = (w[d + i]! + (zeroU ? 0 : w[n + i]! >>> ush)) | 0;
          break;
        case Sh.SSRA:
          for (let i = 0; i < cnt; i++) w[d + i] = (w[d + i]! + (w[n + i]! >> top)) | 0;
          break;
      }
      if (tail) zeroFrom(c, rd, bytes);
    };
  }
  const scale = esize === 8 ? 16 : 8;
  const d = rd * scale;
  const n = rn * scale;
  return (c) => {
    const a = esize === 8 ? c.vu8 : c.vu16;
    switch (k) {
      case Sh.SHL:
        for (let i = 0; i < cnt; i++) a[d + i] = a[n + i]! << sh;
        break;
      case Sh.USHR:
        for (let i = 0; i < cnt; i++) a[d + i] = a[n + i]! >>> ush;
        break;
      case Sh.SSHR:
        for (let i = 0; i < cnt; i++) a[d + i] = (a[n + i]! << up) >> top;
        break;
      case Sh.USRA:
        for (let i = 0; i < cnt; i++) a[d + i] = a[d + i]! + (a[n + i]! >>> ush);
        break;
      case Sh.SSRA:
        for (let i = 0; i < cnt; i++) a[d + i] = a[d + i]! + ((a[n + i]! << up) >> top);
        break;
    }
    if (tail) zeroFrom(c, rd, bytes);
  };
}
