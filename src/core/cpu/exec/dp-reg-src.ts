/**
 * Data processing — register: 1 source (RBIT, REV16, REV32, REV, CLZ, CLS) and 2 source (UDIV,
 * SDIV, LSLV, LSRV, ASRV, RORV; CRC32 lives in dp-reg-crc.ts). Registers are XZR when 31.
 */
import { bswap16x2, bswap32, cls32, cls64, rbit32 } from '../arm/bits.js';
import { clz64, R, sdiv64, udiv64 } from '../arm/int64.js';
import type { Op } from '../op.js';
import { xr, xw } from '../regs.js';

/** The 1-source ops, 32-bit (W) and 64-bit (X), each its own closure (no shared call site). */
export const dpRegSrcHandlers = {
  RBIT(sf: number, rn: number, rd: number): Op {
    const n = xr(rn);
    const d = xw(rd);
    if (!sf)
      return (c) => {
        const x = c.x;
        x[d] = rbit32(x[n]!);
        x[d + 1] = 0;
      };
    return (c) => {
      const x = c.x;
      const lo = x[n]!;
      x[d] = rbit32(x[n + 1]!);
      x[d + 1] = rbit32(lo);
    };
  },
  REV16(sf: number, rn: number, rd: number): Op {
    const n = xr(rn);
    const d = xw(rd);
    if (!sf)
      return (c) => {
        const x = c.x;
        x[d] = bswap16x2(x[n]!);
        x[d + 1] = 0;
      };
    return (c) => {
      const x = c.x;
      x[d] = bswap16x2(x[n]!);
      x[d + 1] = bswap16x2(x[n + 1]!);
    };
  },
  /** REV Wd, Wn */
  REV_w(rn: number, rd: number): Op {
    const n = xr(rn);
    const d = xw(rd);
    return (c) => {
      const x = c.x;
      x[d] = bswap32(x[n]!);
      x[d + 1] = 0;
    };
  },
  REV32(rn: number, rd: number): Op {
    const n = xr(rn);
    const d = xw(rd);
    return (c) => {
      const x = c.x;
      x[d] = bswap32(x[n]!);
      x[d + 1] = bswap32(x[n + 1]!);
    };
  },
  /** REV Xd, Xn */
  REV_x(rn: number, rd: number): Op {
    const n = xr(rn);
    const d = xw(rd);
    return (c) => {
      const x = c.x;
      const lo = x[n]!;
      x[d] = bswap32(x[n + 1]!);
      x[d + 1] = bswap32(lo);
    };
  },
  CLZ(sf: number, rn: number, rd: number): Op {
    const n = xr(rn);
    const d = xw(rd);
    if (!sf)
      return (c) => {
        const x = c.x;
        x[d] = Math.clz32(x[n]!);
        x[d + 1] = 0;
      };
    return (c) => {
      const x = c.x;
      x[d] = clz64(x[n + 1]!, x[n]!);
      x[d + 1] = 0;
    };
  },
  CLS(sf: number, rn: number, rd: number): Op {
    const n = xr(rn);
    const d = xw(rd);
    if (!sf)
      return (c) => {
        const x = c.x;
        x[d] = cls32(x[n]!);
        x[d + 1] = 0;
      };
    return (c) => {
      const x = c.x;
      x[d] = cls64(x[n + 1]!, x[n]!);
      x[d + 1] = 0;
    };
  },

  UDIV(sf: number, rm: number, rn: number, rd: number): Op {
    const n = xr(rn);
    const m = xr(rm);
    const d = xw(rd);
    // x / 0 is Infinity or NaN in doubles, and both become 0 through `| 0`: Arm's result.
    if (!sf)
      return (c) => {
        const x = c.x;
        x[d] = ((x[n]! >>> 0) / (x[m]! >>> 0)) | 0;
        x[d + 1] = 0;
      };
    return (c) => {
      const x = c.x;
      const al = x[n]!;
      const ah = x[n + 1]!;
      const bl = x[m]!;
      const bh = x[m + 1]!;
      if ((ah | bh) === 0) {
        x[d] = ((al >>> 0) / (bl >>> 0)) | 0;
        x[d + 1] = 0;
      } else {
        udiv64(al, ah, bl, bh);
        x[d] = R[0]!;
        x[d + 1] = R[1]!;
      }
    };
  },

  SDIV(sf: number, rm: number, rn: number, rd: number): Op {
    const n = xr(rn);
    const m = xr(rm);
    const d = xw(rd);
    // `| 0` truncates toward zero, maps /0 to 0 and INT32_MIN / -1 (2^31) back to INT32_MIN.
    if (!sf)
      return (c) => {
        const x = c.x;
        x[d] = (x[n]! / x[m]!) | 0;
        x[d + 1] = 0;
      };
    return (c) => {
      const x = c.x;
      const al = x[n]!;
      const ah = x[n + 1]!;
      const bl = x[m]!;
      const bh = x[m + 1]!;
      if (ah === al >> 31 && bh === bl >> 31 && bl !== 0) {
        // both operands are int32: the double quotient is exact enough to truncate
        const q = al / bl;
        x[d] = q | 0;
        x[d + 1] = q <= -1 ? -1 : 0;
      } else {
        sdiv64(al, ah, bl, bh);
        x[d] = R[0]!;
        x[d + 1] = R[1]!;
      }
    };
  },

  LSLV(sf: number, rm: number, rn: number, rd: number): Op {
    const n = xr(rn);
    const m = xr(rm);
    const d = xw(rd);
    // JavaScript shifts take the count mod 32, as Arm's 32-bit variable shifts do.
    if (!sf)
      return (c) => {
        const x = c.x;
        x[d] = x[n]! << x[m]!;
        x[d + 1] = 0;
      };
    // 64-bit, branch-free: s is the amount within a word, big is -1 for amounts 32..63,
    // and (v >>> 1) >>> (31 - s) is v >>> (32 - s) that gives 0 when s is 0.
    return (c) => {
      const x = c.x;
      const a = x[m]! & 63;
      const s = a & 31;
      const big = -(a >>> 5);
      const nl = x[n]!;
      const tl = nl << s;
      const th = (x[n + 1]! << s) | ((nl >>> 1) >>> (31 - s));
      x[d] = tl & ~big;
      x[d + 1] = (th & ~big) | (tl & big);
    };
  },

  LSRV(sf: number, rm: number, rn: number, rd: number): Op {
    const n = xr(rn);
    const m = xr(rm);
    const d = xw(rd);
    if (!sf)
      return (c) => {
        const x = c.x;
        x[d] = x[n]! >>> x[m]!;
        x[d + 1] = 0;
      };
    return (c) => {
      const x = c.x;
      const a = x[m]! & 63;
      const s = a & 31;
      const big = -(a >>> 5);
      const nh = x[n + 1]!;
      const th = nh >>> s;
      const tl = (x[n]! >>> s) | ((nh << 1) << (31 - s));
      x[d] = (tl & ~big) | (th & big);
      x[d + 1] = th & ~big;
    };
  },

  ASRV(sf: number, rm: number, rn: number, rd: number): Op {
    const n = xr(rn);
    const m = xr(rm);
    const d = xw(rd);
    if (!sf)
      return (c) => {
        const x = c.x;
        x[d] = x[n]! >> x[m]!;
        x[d + 1] = 0;
      };
    return (c) => {
      const x = c.x;
      const a = x[m]! & 63;
      const s = a & 31;
      const big = -(a >>> 5);
      const nh = x[n + 1]!;
      const th = nh >> s;
      const tl = (x[n]! >>> s) | ((nh << 1) << (31 - s));
      x[d] = (tl & ~big) | (th & big);
      x[d + 1] = (th & ~big) | ((nh >> 31) & big);
    };
  },

  RORV(sf: number, rm: number, rn: number, rd: number): Op {
    const n = xr(rn);
    const m = xr(rm);
    const d = xw(rd);
    if (!sf)
      return (c) => {
        const x = c.x;
        const v = x[n]!;
        const s = x[m]! & 31;
        x[d] = (v >>> s) | (v << (32 - s)); // s = 0: v << 32 is v << 0, and v | v = v
        x[d + 1] = 0;
      };
    return (c) => {
      const x = c.x;
      const a = x[m]! & 63;
      const s = a & 31;
      const big = -(a >>> 5);
      const nl = x[n]!;
      const nh = x[n + 1]!;
      // rotating by 32 or more swaps the words, then rotates by s
      const l0 = (nl & ~big) | (nh & big);
      const h0 = (nh & ~big) | (nl & big);
      x[d] = (l0 >>> s) | ((h0 << 1) << (31 - s));
      x[d + 1] = (h0 >>> s) | ((l0 << 1) << (31 - s));
    };
  },
};
