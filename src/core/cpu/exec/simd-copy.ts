/**
 * Advanced SIMD copy (DUP, INS, UMOV, SMOV, scalar DUP) and modified immediate
 * (MOVI, MVNI, ORR, BIC, FMOV vector immediate).
 */
import { expandImm, sx16, sx8 } from '../arm/simd.js';
import type { Op } from '../op.js';
import { xr, xw } from '../regs.js';

/** Element size index (0..3) from imm5's lowest set bit, or -1 when reserved. */
function sizeOf(imm5: number): number {
  if (imm5 & 1) return 0;
  if (imm5 & 2) return 1;
  if (imm5 & 4) return 2;
  if (imm5 & 8) return 3;
  return -1;
}

/** Writes the 64-bit pattern (lo, hi) to Vd: both halves when Q, else the low half and zeroes. */
function fill(Q: number, rd: number): (v: Int32Array, lo: number, hi: number) => void {
  const d = rd * 4;
  if (Q)
    return (v, lo, hi) => {
      v[d] = lo;
      v[d + 1] = hi;
      v[d + 2] = lo;
      v[d + 3] = hi;
    };
  return (v, lo, hi) => {
    v[d] = lo;
    v[d + 1] = hi;
    v[d + 2] = 0;
    v[d + 3] = 0;
  };
}

function dupElement(Q: number, imm5: number, rn: number, rd: number): Op | null {
  const size = sizeOf(imm5);
  if (size < 0 || (size === 3 && !Q)) return null;
  const idx = imm5 >> (size + 1);
  const d = rd * 4;
  const w = Q ? 4 : 2;
  switch (size) {
    case 0: {
      const s = rn * 16 + idx;
      return (c) => {
        const x = c.vu8[s]! * 0x01010101;
        const v = c.vi32;
        for (let i = 0; i < w; i++) v[d + i] = x;
        if (!Q) v[d + 2] = v[d + 3] = 0;
      };
    }
    case 1: {
      const s = rn * 8 + idx;
      return (c) => {
        const h = c.vu16[s]!;
        const x = h | (h << 16);
        const v = c.vi32;
        for (let i = 0; i < w; i++) v[d + i] = x;
        if (!Q) v[d + 2] = v[d + 3] = 0;
      };
    }
    case 2: {
      const s = rn * 4 + idx;
      return (c) => {
        const v = c.vi32;
        const x = v[s]!;
        for (let i = 0; i < w; i++) v[d + i] = x;
        if (!Q) v[d + 2] = v[d + 3] = 0;
      };
    }
    default: {
      const s = rn * 4 + idx * 2;
      return (c) => {
        const v = c.vi32;
        const lo = v[s]!;
        const hi = v[s + 1]!;
        v[d] = v[d + 2] = lo;
        v[d + 1] = v[d + 3] = hi;
      };
    }
  }
}

function dupGeneral(Q: number, imm5: number, rn: number, rd: number): Op | null {
  const size = sizeOf(imm5);
  if (size < 0 || (size === 3 && !Q)) return null;
  const n = xr(rn);
  const d = rd * 4;
  const w = Q ? 4 : 2;
  if (size === 3)
    return (c) => {
      const x = c.x;
      const v = c.vi32;
      v[d] = v[d + 2] = x[n]!;
      v[d + 1] = v[d + 3] = x[n + 1]!;
    };
  const mul = size === 0 ? 0x01010101 : size === 1 ? 0x00010001 : 1;
  const mask = size === 0 ? 0xff : size === 1 ? 0xffff : -1;
  return (c) => {
    const y = Math.imul(c.x[n]! & mask, mul);
    const v = c.vi32;
    for (let i = 0; i < w; i++) v[d + i] = y;
    if (!Q) v[d + 2] = v[d + 3] = 0;
  };
}

function umov(Q: number, imm5: number, rn: number, rd: number): Op | null {
  const size = sizeOf(imm5);
  if (size < 0 || (Q ? size !== 3 : size === 3)) return null;
  const idx = imm5 >> (size + 1);
  const d = xw(rd);
  switch (size) {
    case 0: {
      const s = rn * 16 + idx;
      return (c) => {
        c.x[d] = c.vu8[s]!;
        c.x[d + 1] = 0;
      };
    }
    case 1: {
      const s = rn * 8 + idx;
      return (c) => {
        c.x[d] = c.vu16[s]!;
        c.x[d + 1] = 0;
      };
    }
    case 2: {
      const s = rn * 4 + idx;
      return (c) => {
        c.x[d] = c.vi32[s]!;
        c.x[d + 1] = 0;
      };
    }
    default: {
      const s = rn * 4 + idx * 2;
      return (c) => {
        const v = c.vi32;
        c.x[d] = v[s]!;
        c.x[d + 1] = v[s + 1]!;
      };
    }
  }
}

function smov(Q: number, imm5: number, rn: number, rd: number): Op | null {
  const size = sizeOf(imm5);
  if (size < 0 || size === 3 || (!Q && size === 2)) return null;
  const idx = imm5 >> (size + 1);
  const d = xw(rd);
  const wide = Q === 1;
  switch (size) {
    case 0: {
      const s = rn * 16 + idx;
      return (c) => {
        const y = sx8(c.vu8[s]!);
        c.x[d] = y;
        c.x[d + 1] = wide ? y >> 31 : 0;
      };
    }
    case 1: {
      const s = rn * 8 + idx;
      return (c) => {
        const y = sx16(c.vu16[s]!);
        c.x[d] = y;
        c.x[d + 1] = wide ? y >> 31 : 0;
      };
    }
    default: {
      const s = rn * 4 + idx;
      return (c) => {
        const y = c.vi32[s]!;
        c.x[d] = y;
        c.x[d + 1] = y >> 31;
      };
    }
  }
}

function insGeneral(imm5: number, rn: number, rd: number): Op | null {
  const size = sizeOf(imm5);
  if (size < 0) return null;
  const idx = imm5 >> (size + 1);
  const n = xr(rn);
  switch (size) {
    case 0: {
      const t = rd * 16 + idx;
      return (c) => {
        c.vu8[t] = c.x[n]!;
      };
    }
    case 1: {
      const t = rd * 8 + idx;
      return (c) => {
        c.vu16[t] = c.x[n]!;
      };
    }
    case 2: {
      const t = rd * 4 + idx;
      return (c) => {
        c.vi32[t] = c.x[n]!;
      };
    }
    default: {
      const t = rd * 4 + idx * 2;
      return (c) => {
        c.vi32[t] = c.x[n]!;
        c.vi32[t + 1] = c.x[n + 1]!;
      };
    }
  }
}

function insElement(imm5: number, imm4: number, rn: number, rd: number): Op | null {
  const size = sizeOf(imm5);
  if (size < 0) return null;
  const di = imm5 >> (size + 1);
  const si = imm4 >> size;
  switch (size) {
    case 0: {
      const t = rd * 16 + di;
      const s = rn * 16 + si;
      return (c) => {
        c.vu8[t] = c.vu8[s]!;
      };
    }
    case 1: {
      const t = rd * 8 + di;
      const s = rn * 8 + si;
      return (c) => {
        c.vu16[t] = c.vu16[s]!;
      };
    }
    case 2: {
      const t = rd * 4 + di;
      const s = rn * 4 + si;
      return (c) => {
        c.vi32[t] = c.vi32[s]!;
      };
    }
    default: {
      const t = rd * 4 + di * 2;
      const s = rn * 4 + si * 2;
      return (c) => {
        const v = c.vi32;
        const lo = v[s]!;
        v[t + 1] = v[s + 1]!;
        v[t] = lo;
      };
    }
  }
}

/** DUP (element), scalar form: MOV b/h/s/d, Vn.T[i] — the element alone, rest zeroed. */
function dupScalar(imm5: number, rn: number, rd: number): Op | null {
  const size = sizeOf(imm5);
  if (size < 0) return null;
  const idx = imm5 >> (size + 1);
  const d = rd * 4;
  switch (size) {
    case 0: {
      const s = rn * 16 + idx;
      return (c) => {
        const v = c.vi32;
        const y = c.vu8[s]!;
        v[d] = y;
        v[d + 1] = v[d + 2] = v[d + 3] = 0;
      };
    }
    case 1: {
      const s = rn * 8 + idx;
      return (c) => {
        const v = c.vi32;
        const y = c.vu16[s]!;
        v[d] = y;
        v[d + 1] = v[d + 2] = v[d + 3] = 0;
      };
    }
    case 2: {
      const s = rn * 4 + idx;
      return (c) => {
        const v = c.vi32;
        const y = v[s]!;
        v[d] = y;
        v[d + 1] = v[d + 2] = v[d + 3] = 0;
      };
    }
    default: {
      const s = rn * 4 + idx * 2;
      return (c) => {
        const v = c.vi32;
        const lo = v[s]!;
        const hi = v[s + 1]!;
        v[d] = lo;
        v[d + 1] = hi;
        v[d + 2] = v[d + 3] = 0;
      };
    }
  }
}

// ----------------------------------------------------------------------------- modified immediate

/** MOVI/MVNI/FMOV: Vd = imm (or NOT imm), replicated to Q ? 128 : 64 bits. */
function movImm(Q: number, op: number, cmode: number, imm8: number, rd: number, invert: boolean): Op {
  let [lo, hi] = expandImm(op, cmode, imm8);
  if (invert) {
    lo = ~lo;
    hi = ~hi;
  }
  const f = fill(Q, rd);
  return (c) => f(c.vi32, lo, hi);
}

/** ORR/BIC (vector, immediate): Vd = Vd | imm, or Vd & ~imm. */
function orrBicImm(Q: number, cmode: number, imm8: number, rd: number, bic: boolean): Op {
  let [lo, hi] = expandImm(0, cmode, imm8);
  if (bic) {
    lo = ~lo;
    hi = ~hi;
  }
  const d = rd * 4;
  if (bic)
    return (c) => {
      const v = c.vi32;
      v[d] &= lo;
      v[d + 1] &= hi;
      if (Q) {
        v[d + 2] &= lo;
        v[d + 3] &= hi;
      } else v[d + 2] = v[d + 3] = 0;
    };
  return (c) => {
    const v = c.vi32;
    v[d] |= lo;
    v[d + 1] |= hi;
    if (Q) {
      v[d + 2] |= lo;
      v[d + 3] |= hi;
    } else v[d + 2] = v[d + 3] = 0;
  };
}

type H = (...a: number[]) => Op | null;
const imm8 = (abc: number, defgh: number): number => (abc << 5) | defgh;

export const simdCopyHandlers: Record<string, H> = {
  DUP_elem_v: ((Q, imm5, rn, rd) => dupElement(Q, imm5, rn, rd)) as H,
  DUP_gen_v: ((Q, imm5, rn, rd) => dupGeneral(Q, imm5, rn, rd)) as H,
  SMOV: ((Q, imm5, rn, rd) => smov(Q, imm5, rn, rd)) as H,
  UMOV: ((Q, imm5, rn, rd) => umov(Q, imm5, rn, rd)) as H,
  INS_gen: ((imm5, rn, rd) => insGeneral(imm5, rn, rd)) as H,
  INS_elem: ((imm5, imm4, rn, rd) => insElement(imm5, imm4, rn, rd)) as H,
  DUP_elem_sd: ((imm5, rn, rd) => dupScalar(imm5, rn, rd)) as H,

  MOVI_32: ((Q, abc, amt, defgh, rd) => movImm(Q, 0, amt << 1, imm8(abc, defgh), rd, false)) as H,
  MOVI_16: ((Q, abc, amt, defgh, rd) => movImm(Q, 0, 8 | (amt << 1), imm8(abc, defgh), rd, false)) as H,
  MOVI_msl: ((Q, abc, s, defgh, rd) => movImm(Q, 0, 12 | s, imm8(abc, defgh), rd, false)) as H,
  MOVI_8: ((Q, abc, defgh, rd) => movImm(Q, 0, 14, imm8(abc, defgh), rd, false)) as H,
  MOVI_64: ((Q, abc, defgh, rd) => movImm(Q, 1, 14, imm8(abc, defgh), rd, false)) as H,
  FMOV_vi_s: ((Q, abc, defgh, rd) => movImm(Q, 0, 15, imm8(abc, defgh), rd, false)) as H,
  FMOV_vi_d: ((Q, abc, defgh, rd) => (Q ? movImm(Q, 1, 15, imm8(abc, defgh), rd, false) : null)) as H,
  MVNI_32: ((Q, abc, amt, defgh, rd) => movImm(Q, 1, amt << 1, imm8(abc, defgh), rd, true)) as H,
  MVNI_16: ((Q, abc, amt, defgh, rd) => movImm(Q, 1, 8 | (amt << 1), imm8(abc, defgh), rd, true)) as H,
  MVNI_msl: ((Q, abc, s, defgh, rd) => movImm(Q, 1, 12 | s, imm8(abc, defgh), rd, true)) as H,
  ORR_vi32: ((Q, abc, amt, defgh, rd) => orrBicImm(Q, (amt << 1) | 1, imm8(abc, defgh), rd, false)) as H,
  ORR_vi16: ((Q, abc, amt, defgh, rd) => orrBicImm(Q, 9 | (amt << 1), imm8(abc, defgh), rd, false)) as H,
  BIC_vi32: ((Q, abc, amt, defgh, rd) => orrBicImm(Q, (amt << 1) | 1, imm8(abc, defgh), rd, true)) as H,
  BIC_vi16: ((Q, abc, amt, defgh, rd) => orrBicImm(Q, 9 | (amt << 1), imm8(abc, defgh), rd, true)) as H,
};
