/**
 * Scalar floating-point conversions: FCVT between half, single and double; FMOV (general) between
 * FP and general registers; SCVTF/UCVTF and FCVT{N,P,M,Z,A}{S,U} between FP and integers, with the
 * fixed-point forms of SCVTF/UCVTF/FCVTZS/FCVTZU; FJCVTZS.
 */
import {
  FPCR_AHP,
  FPCR_FZ,
  FPR,
  FPSR_IXC,
  RA,
  RM,
  RN,
  RP,
  RZ,
  fixedToFp,
  fpConvert,
  fpRoundingMode,
  fpToFixed,
  fpToInt32JS,
  halfBits,
  halfValue,
  nanConvert,
} from '../arm/fp.js';
import type { Cpu } from '../cpu.js';
import { I_C, I_FPCR, I_FPSR, I_N, I_V, I_Z } from '../layout.js';
import type { Op } from '../op.js';
import { xr, xw } from '../regs.js';
import { FAST_OFF, FEAT_FP16, MIN32, ftypeN, putH, zero64, zero96 } from './fp-common.js';

// ------------------------------------------------------------------------------- FCVT (precision)

/** FCVT's format fields: half is Armv8.0 here, so it does not depend on FEAT_FP16. */
function cvtN(t: number): number {
  return t === 0 ? 32 : t === 1 ? 64 : t === 3 ? 16 : 0;
}

/** Reads Vn in format N as a value (NaN for a NaN; AHP half when `ahp`). */
function readValue(c: Cpu, N: number, rn: number, ahp: boolean): number {
  if (N === 64) return c.vf64[rn * 2]!;
  if (N === 32) return c.vf32[rn * 4]!;
  return halfValue(c.vu16[rn * 8]!, ahp);
}

/** Writes a non-NaN value of format N to Vd, zeroing the rest of the register. */
function writeValue(c: Cpu, N: number, rd: number, v: number): void {
  if (N === 64) {
    c.vf64[rd * 2] = v;
    c.vf64[rd * 2 + 1] = 0;
  } else if (N === 32) {
    c.vf32[rd * 4] = v;
    zero96(c.vi32, rd * 4);
  } else putH(c.vu16, c.vi32, rd, halfBits(v));
}

function fcvt(ftype: number, opc: number, rn: number, rd: number): Op | null {
  const from = cvtN(ftype);
  const to = cvtN(opc);
  if (from === 0 || to === 0 || from === to) return null;
  const slow = (c: Cpu): void => {
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    const ahp = (fpcr & FPCR_AHP) !== 0;
    const v = readValue(c, from, rn, ahp);
    if (v === v) {
      writeValue(c, to, rd, fpConvert(v, from, to, fpcr, x));
      return;
    }
    // A NaN: FPConvertNaN on the raw bits
    const w = c.vi32;
    const hi = from === 16 ? c.vu16[rn * 8]! : from === 32 ? w[rn * 4]! : w[rn * 4 + 1]!;
    const lo = from === 64 ? w[rn * 4]! : 0;
    const r = nanConvert(hi, lo, from, to, fpcr, x);
    if (to === 16) putH(c.vu16, w, rd, r);
    else if (to === 32) {
      w[rd * 4] = r;
      zero96(w, rd * 4);
    } else {
      w[rd * 4] = FPR[0]!;
      w[rd * 4 + 1] = r;
      zero64(w, rd * 4);
    }
  };
  if (from === 32 && to === 64) {
    const n = rn * 4;
    const d = rd * 2;
    return (c) => {
      const a = c.vf32[n]!;
      if (a === a && (c.x[I_FPCR]! & FPCR_FZ) === 0) {
        c.vf64[d] = a; // exact
        c.vf64[d + 1] = 0;
      } else slow(c);
    };
  }
  if (from === 64 && to === 32) {
    const n = rn * 2;
    const d = rd * 4;
    return (c) => {
      const x = c.x;
      const a = c.vf64[n]!;
      const r = Math.fround(a);
      if ((x[I_FPCR]! & FAST_OFF) === 0 && (r > MIN32 || r < -MIN32) && r - r === 0) {
        if ((x[I_FPSR]! & FPSR_IXC) === 0 && (r !== a)) x[I_FPSR] |= FPSR_IXC;
        c.vf32[d] = r;
        zero96(c.vi32, d);
      } else slow(c);
    };
  }
  return slow;
}

// ------------------------------------------------------------------------------- FMOV (general)

function fmovGen(sf: number, ftype: number, rmode: number, toFp: number, rn: number, rd: number): Op | null {
  const n = xr(rn);
  const d = xw(rd);
  if (rmode === 1) {
    // FMOV Xd, Vn.D[1] / FMOV Vd.D[1], Xn: the top half only; the rest of Vd is kept.
    if (sf !== 1 || ftype !== 2) return null;
    if (toFp)
      return (c) => {
        c.vi32[rd * 4 + 2] = c.x[n]!;
        c.vi32[rd * 4 + 3] = c.x[n + 1]!;
      };
    return (c) => {
      c.x[d] = c.vi32[rn * 4 + 2]!;
      c.x[d + 1] = c.vi32[rn * 4 + 3]!;
    };
  }
  if (ftype === 3) {
    if (!FEAT_FP16) return null;
    // Hn <-> Wn/Xn: the low 16 bits, zero-extended
    if (toFp) return (c) => putH(c.vu16, c.vi32, rd, c.x[n]! & 0xffff);
    return (c) => {
      c.x[d] = c.vu16[rn * 8]!;
      c.x[d + 1] = 0;
    };
  }
  if (sf === 0 && ftype === 0) {
    if (toFp)
      return (c) => {
        c.vi32[rd * 4] = c.x[n]!;
        zero96(c.vi32, rd * 4);
      };
    return (c) => {
      c.x[d] = c.vi32[rn * 4]!;
      c.x[d + 1] = 0;
    };
  }
  if (sf === 1 && ftype === 1) {
    if (toFp)
      return (c) => {
        const w = c.vi32;
        w[rd * 4] = c.x[n]!;
        w[rd * 4 + 1] = c.x[n + 1]!;
        zero64(w, rd * 4);
      };
    return (c) => {
      c.x[d] = c.vi32[rn * 4]!;
      c.x[d + 1] = c.vi32[rn * 4 + 1]!;
    };
  }
  return null;
}

// ------------------------------------------------------------------------------- FP -> integer

/**
 * FCVT{N,P,M,Z,A}{S,U} and the fixed-point FCVTZS/FCVTZU: `rounding` is RN/RP/RM/RZ/RA, fbits the
 * fraction bits (0 for integers). The W form of FCVTZS from a single or double runs inline.
 */
function toInt(rounding: number, unsigned: boolean, sf: number, ftype: number, fbits: number, rn: number, rd: number): Op | null {
  const N = ftypeN(ftype);
  if (N === 0) return null;
  const M = sf ? 64 : 32;
  const d = xw(rd);
  const slow = (c: Cpu): void => {
    const x = c.x;
    fpToFixed(readValue(c, N, rn, false), N, fbits, unsigned, M, rounding, x[I_FPCR]!, x);
    x[d] = FPR[0]!;
    x[d + 1] = FPR[1]!;
  };
  if (rounding === RZ && !unsigned && M === 32 && fbits === 0 && N !== 16) {
    return (c) => {
      const x = c.x;
      const v = N === 64 ? c.vf64[rn * 2]! : c.vf32[rn * 4]!;
      if ((x[I_FPCR]! & FPCR_FZ) === 0 && v > -2147483649 && v < 2147483648) {
        const r = v | 0; // truncation, in range
        if ((x[I_FPSR]! & FPSR_IXC) === 0 && (r !== v)) x[I_FPSR] |= FPSR_IXC;
        x[d] = r;
        x[d + 1] = 0;
      } else slow(c);
    };
  }
  return slow;
}

// ------------------------------------------------------------------------------- integer -> FP

/** SCVTF/UCVTF from Wn/Xn (fixed point when fbits > 0), rounding with FPCR.RMode. */
function fromInt(unsigned: boolean, sf: number, ftype: number, fbits: number, rn: number, rd: number): Op | null {
  const N = ftypeN(ftype);
  if (N === 0) return null;
  const n = xr(rn);
  const slow = (c: Cpu): void => {
    const x = c.x;
    const lo = x[n]!;
    const hi = sf ? x[n + 1]! : unsigned ? 0 : lo >> 31;
    const fpcr = x[I_FPCR]!;
    writeValue(c, N, rd, fixedToFp(lo, hi, unsigned, fbits, N, fpRoundingMode(fpcr), fpcr, x));
  };
  if (sf === 0 && fbits === 0 && N === 64) {
    // Every 32-bit integer is exact as a double.
    const d = rd * 2;
    if (unsigned)
      return (c) => {
        c.vf64[d] = c.x[n]! >>> 0;
        c.vf64[d + 1] = 0;
      };
    return (c) => {
      c.vf64[d] = c.x[n]!;
      c.vf64[d + 1] = 0;
    };
  }
  if (sf === 0 && fbits === 0 && N === 32) {
    const d = rd * 4;
    return (c) => {
      const x = c.x;
      if ((x[I_FPCR]! & FAST_OFF) !== 0) return slow(c);
      const v = unsigned ? x[n]! >>> 0 : x[n]!;
      const r = Math.fround(v);
      if ((x[I_FPSR]! & FPSR_IXC) === 0 && (r !== v)) x[I_FPSR] |= FPSR_IXC;
      c.vf32[d] = r;
      zero96(c.vi32, d);
    };
  }
  return slow;
}

// ------------------------------------------------------------------------------- handlers

const fix = (sf: number, scale: number): number => (sf === 0 && scale < 32 ? -1 : 64 - scale);

export const fpCvtHandlers = {
  FCVT_float: (ftype: number, opc: number, rn: number, rd: number) => fcvt(ftype, opc, rn, rd),

  FMOV_float_gen: (sf: number, ftype: number, rmode: number, toFp: number, rn: number, rd: number) =>
    fmovGen(sf, ftype, rmode, toFp, rn, rd),

  // Conversion between floating-point and integer
  FCVTNS_float: (sf: number, ftype: number, rn: number, rd: number) => toInt(RN, false, sf, ftype, 0, rn, rd),
  FCVTNU_float: (sf: number, ftype: number, rn: number, rd: number) => toInt(RN, true, sf, ftype, 0, rn, rd),
  FCVTPS_float: (sf: number, ftype: number, rn: number, rd: number) => toInt(RP, false, sf, ftype, 0, rn, rd),
  FCVTPU_float: (sf: number, ftype: number, rn: number, rd: number) => toInt(RP, true, sf, ftype, 0, rn, rd),
  FCVTMS_float: (sf: number, ftype: number, rn: number, rd: number) => toInt(RM, false, sf, ftype, 0, rn, rd),
  FCVTMU_float: (sf: number, ftype: number, rn: number, rd: number) => toInt(RM, true, sf, ftype, 0, rn, rd),
  FCVTZS_float_int: (sf: number, ftype: number, rn: number, rd: number) => toInt(RZ, false, sf, ftype, 0, rn, rd),
  FCVTZU_float_int: (sf: number, ftype: number, rn: number, rd: number) => toInt(RZ, true, sf, ftype, 0, rn, rd),
  FCVTAS_float: (sf: number, ftype: number, rn: number, rd: number) => toInt(RA, false, sf, ftype, 0, rn, rd),
  FCVTAU_float: (sf: number, ftype: number, rn: number, rd: number) => toInt(RA, true, sf, ftype, 0, rn, rd),
  SCVTF_float_int: (sf: number, ftype: number, rn: number, rd: number) => fromInt(false, sf, ftype, 0, rn, rd),
  UCVTF_float_int: (sf: number, ftype: number, rn: number, rd: number) => fromInt(true, sf, ftype, 0, rn, rd),

  // Conversion between floating-point and fixed-point
  FCVTZS_float_fix(sf: number, ftype: number, scale: number, rn: number, rd: number): Op | null {
    const fbits = fix(sf, scale);
    return fbits < 0 ? null : toInt(RZ, false, sf, ftype, fbits, rn, rd);
  },
  FCVTZU_float_fix(sf: number, ftype: number, scale: number, rn: number, rd: number): Op | null {
    const fbits = fix(sf, scale);
    return fbits < 0 ? null : toInt(RZ, true, sf, ftype, fbits, rn, rd);
  },
  SCVTF_float_fix(sf: number, ftype: number, scale: number, rn: number, rd: number): Op | null {
    const fbits = fix(sf, scale);
    return fbits < 0 ? null : fromInt(false, sf, ftype, fbits, rn, rd);
  },
  UCVTF_float_fix(sf: number, ftype: number, scale: number, rn: number, rd: number): Op | null {
    const fbits = fix(sf, scale);
    return fbits < 0 ? null : fromInt(true, sf, ftype, fbits, rn, rd);
  },

  // FJCVTZS Wd, Dn (FEAT_JSCVT): JavaScript's ToInt32, Z set when exact
  FJCVTZS(rn: number, rd: number): Op {
    const n = rn * 2;
    const d = xw(rd);
    return (c) => {
      const x = c.x;
      x[d] = fpToInt32JS(c.vf64[n]!, x[I_FPCR]!, x);
      x[d + 1] = 0;
      x[I_N] = 0;
      x[I_Z] = FPR[1]!;
      x[I_C] = 0;
      x[I_V] = 0;
    };
  },
};
