/** Data processing — immediate: PC-relative addressing, add/sub, logical, move wide, bitfield, extract. */
import { bitfieldMasks, decodeBitMasks, sext } from '../arm/bits.js';
import { addWithCarry32, addWithCarry32Source, addWithCarry64, addWithCarry64Source, logicFlags32, logicFlags64 } from '../arm/flags.js';
import { type Op, withSource } from '../op.js';
import { xr, xsp, xw } from '../regs.js';

const TWO32 = 4294967296;

/** An op that writes a 64-bit constant. */
function setConst(d: number, v: number): Op {
  const lo = v % TWO32 | 0;
  const hi = Math.floor(v / TWO32) | 0;
  return (c) => {
    const x = c.x;
    x[d] = lo;
    x[d + 1] = hi;
  };
}

function addSubImm(sf: number, sub: boolean, setFlags: boolean, sh: number, imm12: number, rn: number, rd: number): Op {
  const imm = imm12 << (sh * 12);
  const n = xsp(rn);
  const d = setFlags ? xw(rd) : xsp(rd);
  if (sf) {
    const blo = sub ? ~imm : imm;
    const bhi = sub ? -1 : 0;
    const cin = sub ? 1 : 0;
    const src = addWithCarry64Source(d, `x[${n}]`, `x[${n + 1}]`, `${blo}`, `${bhi}`, `${cin}`, setFlags);
    if (!setFlags) {
      if (!sub)
        return withSource((c) => {
          const x = c.x;
          const l = (x[n]! >>> 0) + imm;
          x[d + 1] = (x[n + 1]! + (l > 0xffffffff ? 1 : 0)) | 0;
          x[d] = l | 0;
        }, src);
      return withSource((c) => {
        const x = c.x;
        const l = (x[n]! >>> 0) - imm;
        x[d + 1] = (x[n + 1]! - (l < 0 ? 1 : 0)) | 0;
        x[d] = l | 0;
      }, src);
    }
    return withSource((c) => addWithCarry64(c.x, d, c.x[n]!, c.x[n + 1]!, blo, bhi, cin, true), src);
  }
  const src32 = addWithCarry32Source(d, `x[${n}]`, `${sub ? ~imm : imm}`, sub ? '1' : '0', setFlags);
  if (!setFlags) {
    if (!sub)
      return withSource((c) => {
        const x = c.x;
        x[d] = (x[n]! + imm) | 0;
        x[d + 1] = 0;
      }, src32);
    return withSource((c) => {
      const x = c.x;
      x[d] = (x[n]! - imm) | 0;
      x[d + 1] = 0;
    }, src32);
  }
  if (!sub) return withSource((c) => addWithCarry32(c.x, d, c.x[n]!, imm, 0, true), src32);
  return withSource((c) => addWithCarry32(c.x, d, c.x[n]!, ~imm, 1, true), src32);
}

function logicalImm(kind: 0 | 1 | 2 | 3, sf: number, N: number, immr: number, imms: number, rn: number, rd: number): Op | null {
  const m = decodeBitMasks(N, imms, immr, sf === 1);
  if (!m) return null;
  const [mlo, mhi] = m;
  const n = xr(rn);
  const d = kind === 3 ? xw(rd) : xsp(rd);
  if (sf) {
    switch (kind) {
      case 0:
        return (c) => {
          const x = c.x;
          x[d] = x[n]! & mlo;
          x[d + 1] = x[n + 1]! & mhi;
        };
      case 1:
        return (c) => {
          const x = c.x;
          x[d] = x[n]! | mlo;
          x[d + 1] = x[n + 1]! | mhi;
        };
      case 2:
        return (c) => {
          const x = c.x;
          x[d] = x[n]! ^ mlo;
          x[d + 1] = x[n + 1]! ^ mhi;
        };
      case 3:
        return (c) => {
          const x = c.x;
          const lo = x[n]! & mlo;
          const hi = x[n + 1]! & mhi;
          x[d] = lo;
          x[d + 1] = hi;
          logicFlags64(x, lo, hi);
        };
    }
  }
  switch (kind) {
    case 0:
      return (c) => {
        const x = c.x;
        x[d] = x[n]! & mlo;
        x[d + 1] = 0;
      };
    case 1:
      return (c) => {
        const x = c.x;
        x[d] = x[n]! | mlo;
        x[d + 1] = 0;
      };
    case 2:
      return (c) => {
        const x = c.x;
        x[d] = x[n]! ^ mlo;
        x[d + 1] = 0;
      };
    case 3:
      return (c) => {
        const x = c.x;
        const r = x[n]! & mlo;
        x[d] = r;
        x[d + 1] = 0;
        logicFlags32(x, r);
      };
  }
}

/** Rotate right of a 64-bit value held in (lo, hi) by a constant, as an op-time expression. */
function bitfield(kind: 'sbfm' | 'bfm' | 'ubfm', sf: number, N: number, immr: number, imms: number, rn: number, rd: number): Op | null {
  if (N !== sf) return null;
  if (!sf && (immr & 0x20 || imms & 0x20)) return null;
  const m = bitfieldMasks(N, imms, immr, sf === 1);
  if (!m) return null;
  const [wlo, whi, tlo, thi] = m as [number, number, number, number];
  const n = xr(rn);
  const d = xw(rd);
  const r = immr;
  const s = imms;
  if (!sf) {
    // 32-bit: ROR32(src, r)
    return (c) => {
      const x = c.x;
      const src = x[n]!;
      const rot = r === 0 ? src : (src >>> r) | (src << (32 - r));
      const dst = kind === 'bfm' ? x[d]! : 0;
      const bot = (dst & ~wlo) | (rot & wlo);
      const top = kind === 'sbfm' ? -((src >>> s) & 1) : dst;
      x[d] = (top & ~tlo) | (bot & tlo);
      x[d + 1] = 0;
    };
  }
  // Fast common aliases on 64-bit values.
  if (kind !== 'bfm' && r === 0 && s === 63) {
    // LSR/ASR #0: a plain copy (the shift-by-r code below would shift by 32 - 0)
    return withSource((c) => {
      const x = c.x;
      x[d] = x[n]!;
      x[d + 1] = x[n + 1]!;
    }, `{const lo = x[${n}], hi = x[${n + 1}]; x[${d}] = lo; x[${d + 1}] = hi;}`);
  }
  if (kind === 'ubfm' && s + 1 === r) {
    // LSL #(64 - r)
    const sh = 64 - r;
    if (sh >= 32)
      return withSource((c) => {
        const x = c.x;
        x[d + 1] = x[n]! << (sh - 32);
        x[d] = 0;
      }, `x[${d + 1}] = x[${n}] << ${sh - 32}; x[${d}] = 0;`);
    return withSource((c) => {
      const x = c.x;
      const lo = x[n]!;
      x[d + 1] = (x[n + 1]! << sh) | (lo >>> (32 - sh));
      x[d] = lo << sh;
    }, `{const lo = x[${n}]; x[${d + 1}] = (x[${n + 1}] << ${sh}) | (lo >>> ${32 - sh}); x[${d}] = lo << ${sh};}`);
  }
  if (kind === 'ubfm' && s === 63) {
    // LSR #r
    if (r >= 32)
      return withSource((c) => {
        const x = c.x;
        x[d] = x[n + 1]! >>> (r - 32);
        x[d + 1] = 0;
      }, `x[${d}] = x[${n + 1}] >>> ${r - 32}; x[${d + 1}] = 0;`);
    return withSource((c) => {
      const x = c.x;
      const hi = x[n + 1]!;
      x[d] = (x[n]! >>> r) | (hi << (32 - r));
      x[d + 1] = hi >>> r;
    }, `{const hi = x[${n + 1}]; x[${d}] = (x[${n}] >>> ${r}) | (hi << ${32 - r}); x[${d + 1}] = hi >>> ${r};}`);
  }
  if (kind === 'sbfm' && s === 63) {
    // ASR #r
    if (r >= 32)
      return (c) => {
        const x = c.x;
        const hi = x[n + 1]!;
        x[d] = hi >> (r - 32);
        x[d + 1] = hi >> 31;
      };
    return (c) => {
      const x = c.x;
      const hi = x[n + 1]!;
      x[d] = (x[n]! >>> r) | (hi << (32 - r));
      x[d + 1] = hi >> r;
    };
  }
  return (c) => {
    const x = c.x;
    const slo = x[n]!;
    const shi = x[n + 1]!;
    let rlo: number;
    let rhi: number;
    if (r === 0) {
      rlo = slo;
      rhi = shi;
    } else if (r < 32) {
      rlo = (slo >>> r) | (shi << (32 - r));
      rhi = (shi >>> r) | (slo << (32 - r));
    } else if (r === 32) {
      rlo = shi;
      rhi = slo;
    } else {
      const q = r - 32;
      rlo = (shi >>> q) | (slo << (32 - q));
      rhi = (slo >>> q) | (shi << (32 - q));
    }
    const dlo = kind === 'bfm' ? x[d]! : 0;
    const dhi = kind === 'bfm' ? x[d + 1]! : 0;
    const blo = (dlo & ~wlo) | (rlo & wlo);
    const bhi = (dhi & ~whi) | (rhi & whi);
    let tplo = dlo;
    let tphi = dhi;
    if (kind === 'sbfm') {
      const bit = s < 32 ? (slo >>> s) & 1 : (shi >>> (s - 32)) & 1;
      tplo = tphi = -bit;
    }
    x[d] = (tplo & ~tlo) | (blo & tlo);
    x[d + 1] = (tphi & ~thi) | (bhi & thi);
  };
}

export const dpImmHandlers = {
  ADR(immlo: number, immhi: number, rd: number, pc: number): Op {
    const off = sext((immhi << 2) | immlo, 21);
    return setConst(xw(rd), pc + off);
  },
  ADRP(immlo: number, immhi: number, rd: number, pc: number): Op {
    const off = sext((immhi << 2) | immlo, 21) * 4096;
    return setConst(xw(rd), Math.floor(pc / 4096) * 4096 + off);
  },
  ADD_imm: (sf: number, sh: number, imm12: number, rn: number, rd: number) => addSubImm(sf, false, false, sh, imm12, rn, rd),
  ADDS_imm: (sf: number, sh: number, imm12: number, rn: number, rd: number) => addSubImm(sf, false, true, sh, imm12, rn, rd),
  SUB_imm: (sf: number, sh: number, imm12: number, rn: number, rd: number) => addSubImm(sf, true, false, sh, imm12, rn, rd),
  SUBS_imm: (sf: number, sh: number, imm12: number, rn: number, rd: number) => addSubImm(sf, true, true, sh, imm12, rn, rd),
  AND_imm: (sf: number, N: number, immr: number, imms: number, rn: number, rd: number) => logicalImm(0, sf, N, immr, imms, rn, rd),
  ORR_imm: (sf: number, N: number, immr: number, imms: number, rn: number, rd: number) => logicalImm(1, sf, N, immr, imms, rn, rd),
  EOR_imm: (sf: number, N: number, immr: number, imms: number, rn: number, rd: number) => logicalImm(2, sf, N, immr, imms, rn, rd),
  ANDS_imm: (sf: number, N: number, immr: number, imms: number, rn: number, rd: number) => logicalImm(3, sf, N, immr, imms, rn, rd),
  MOVN(sf: number, hw: number, imm16: number, rd: number): Op | null {
    if (!sf && hw > 1) return null;
    const d = xw(rd);
    let lo = ~(hw === 0 ? imm16 : hw === 1 ? imm16 << 16 : 0);
    let hi = ~(hw === 2 ? imm16 : hw === 3 ? imm16 << 16 : 0);
    if (!sf) hi = 0;
    lo |= 0;
    hi |= 0;
    return withSource((c) => {
      c.x[d] = lo;
      c.x[d + 1] = hi;
    }, `x[${d}] = ${lo}; x[${d + 1}] = ${hi};`);
  },
  MOVZ(sf: number, hw: number, imm16: number, rd: number): Op | null {
    if (!sf && hw > 1) return null;
    const d = xw(rd);
    const lo = (hw === 0 ? imm16 : hw === 1 ? imm16 << 16 : 0) | 0;
    const hi = (hw === 2 ? imm16 : hw === 3 ? imm16 << 16 : 0) | 0;
    return withSource((c) => {
      c.x[d] = lo;
      c.x[d + 1] = hi;
    }, `x[${d}] = ${lo}; x[${d + 1}] = ${hi};`);
  },
  MOVK(sf: number, hw: number, imm16: number, rd: number): Op | null {
    if (!sf && hw > 1) return null;
    const d = xw(rd);
    const word = d + (hw >> 1);
    const shift = (hw & 1) * 16;
    const keep = ~(0xffff << shift);
    const ins = imm16 << shift;
    if (!sf)
      return withSource((c) => {
        const x = c.x;
        x[d] = (x[d]! & keep) | ins;
        x[d + 1] = 0;
      }, `x[${d}] = (x[${d}] & ${keep}) | ${ins}; x[${d + 1}] = 0;`);
    return withSource((c) => {
      const x = c.x;
      x[word] = (x[word]! & keep) | ins;
    }, `x[${word}] = (x[${word}] & ${keep}) | ${ins};`);
  },
  SBFM: (sf: number, N: number, immr: number, imms: number, rn: number, rd: number) => bitfield('sbfm', sf, N, immr, imms, rn, rd),
  BFM: (sf: number, N: number, immr: number, imms: number, rn: number, rd: number) => bitfield('bfm', sf, N, immr, imms, rn, rd),
  UBFM: (sf: number, N: number, immr: number, imms: number, rn: number, rd: number) => bitfield('ubfm', sf, N, immr, imms, rn, rd),
  EXTR(sf: number, N: number, rm: number, imms: number, rn: number, rd: number): Op | null {
    if (N !== sf || (!sf && imms & 0x20)) return null;
    const n = xr(rn);
    const m = xr(rm);
    const d = xw(rd);
    const lsb = imms;
    const op = extrOp(sf, lsb, n, m, d);
    return op && withSource(op, extrSource(sf, lsb, n, m, d));
  },
};

/** EXTR's result words as inline source: (Xn:Xm) >> lsb (or Wn:Wm), all reads before the writes. */
function extrSource(sf: number, lsb: number, n: number, m: number, d: number): string {
  if (!sf) {
    const r = lsb === 0 ? `x[${m}]` : `((x[${m}] >>> ${lsb}) | (x[${n}] << ${32 - lsb}))`;
    return `{x[${d}] = ${r}; x[${d + 1}] = 0;}`;
  }
  const w = [`x[${m}]`, `x[${m + 1}]`, `x[${n}]`, `x[${n + 1}]`];
  const q = lsb & 31;
  const first = lsb >> 5; // the word the result's low word starts in
  const word = (i: number) => (q === 0 ? w[i]! : `((${w[i]} >>> ${q}) | (${w[i + 1]} << ${32 - q}))`);
  return `{const lo = ${word(first)}, hi = ${word(first + 1)}; x[${d}] = lo; x[${d + 1}] = hi;}`;
}

function extrOp(sf: number, lsb: number, n: number, m: number, d: number): Op {
  if (!sf)
    return (c) => {
      const x = c.x;
      const lo = x[m]!;
      const hi = x[n]!;
      x[d] = lsb === 0 ? lo : (lo >>> lsb) | (hi << (32 - lsb));
      x[d + 1] = 0;
    };
  // result = (Xn:Xm) >> lsb, low 64 bits
  return (c) => {
    const x = c.x;
    const w0 = x[m]!;
    const w1 = x[m + 1]!;
    const w2 = x[n]!;
    const w3 = x[n + 1]!;
    let lo: number;
    let hi: number;
    if (lsb === 0) {
      lo = w0;
      hi = w1;
    } else if (lsb < 32) {
      lo = (w0 >>> lsb) | (w1 << (32 - lsb));
      hi = (w1 >>> lsb) | (w2 << (32 - lsb));
    } else if (lsb === 32) {
      lo = w1;
      hi = w2;
    } else {
      const q = lsb - 32;
      lo = (w1 >>> q) | (w2 << (32 - q));
      hi = (w2 >>> q) | (w3 << (32 - q));
    }
    x[d] = lo;
    x[d + 1] = hi;
  };
}
