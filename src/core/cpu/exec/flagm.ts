/**
 * Flag manipulation: FEAT_FlagM (Armv8.4: CFINV, RMIF, SETF8, SETF16) and FEAT_FlagM2 (Armv8.5:
 * AXFLAG, XAFLAG, which convert between the Arm floating-point comparison flags and an "external"
 * format where unordered is Z=1 and C=0). CFINV/AXFLAG/XAFLAG live in the MSR (immediate) space
 * (PSTATE field with CRn = 0100); RMIF/SETF* in data processing (register).
 */
import { I_C, I_N, I_V, I_Z } from '../layout.js';
import type { Op } from '../op.js';
import { xr } from '../regs.js';

export const flagmHandlers = {
  /** CFINV: C = NOT C. */
  CFINV: (): Op => (c) => {
    c.x[I_C] ^= 1;
  },

  /** XAFLAG: N = !C & !Z, Z = Z & C, C = C | Z, V = !C & Z (all from the old flags). */
  XAFLAG: (): Op => (c) => {
    const x = c.x;
    const z = x[I_Z]!;
    const cf = x[I_C]!;
    x[I_N] = (cf | z) ^ 1;
    x[I_Z] = z & cf;
    x[I_C] = cf | z;
    x[I_V] = (cf ^ 1) & z;
  },

  /** AXFLAG: N = 0, Z = Z | V, C = C & !V, V = 0. */
  AXFLAG: (): Op => (c) => {
    const x = c.x;
    const v = x[I_V]!;
    x[I_N] = 0;
    x[I_Z] = x[I_Z]! | v;
    x[I_C] = x[I_C]! & (v ^ 1);
    x[I_V] = 0;
  },

  /** RMIF Xn, #imm6, #mask: the low four bits of ROR(Xn, imm6) into the flags that mask selects. */
  RMIF(imm6: number, rn: number, mask: number): Op {
    const n = xr(rn);
    // the low word of ROR(Xn, imm6): the word holding bit imm6, topped up from the other word
    const first = imm6 < 32 ? n : n + 1;
    const second = imm6 < 32 ? n + 1 : n;
    const r = imm6 & 31;
    const setN = (mask & 8) !== 0;
    const setZ = (mask & 4) !== 0;
    const setC = (mask & 2) !== 0;
    const setV = (mask & 1) !== 0;
    return (c) => {
      const x = c.x;
      const t = r === 0 ? x[first]! : (x[first]! >>> r) | (x[second]! << (32 - r));
      if (setN) x[I_N] = (t >>> 3) & 1;
      if (setZ) x[I_Z] = (t >>> 2) & 1;
      if (setC) x[I_C] = (t >>> 1) & 1;
      if (setV) x[I_V] = t & 1;
    };
  },

  /** SETF8 Wn: N = Wn<7>, Z = (Wn<7:0> == 0), V = Wn<8> ^ Wn<7>; C unchanged. */
  SETF8: (rn: number): Op => setf(rn, 8),
  /** SETF16 Wn: N = Wn<15>, Z = (Wn<15:0> == 0), V = Wn<16> ^ Wn<15>; C unchanged. */
  SETF16: (rn: number): Op => setf(rn, 16),
};

function setf(rn: number, bits: number): Op {
  const n = xr(rn);
  const top = bits - 1;
  const low = bits === 8 ? 0xff : 0xffff;
  return (c) => {
    const x = c.x;
    const w = x[n]!;
    const msb = (w >>> top) & 1;
    x[I_N] = msb;
    x[I_Z] = (w & low) === 0 ? 1 : 0;
    x[I_V] = ((w >>> bits) & 1) ^ msb;
  };
}
