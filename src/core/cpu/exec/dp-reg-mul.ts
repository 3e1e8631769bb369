/**
 * Data processing — register: 3 source. MADD/MSUB (MUL/MNEG when Ra is XZR), the widening
 * SMADDL/SMSUBL/UMADDL/UMSUBL (SMULL/UMULL), and SMULH/UMULH. Registers are XZR when 31.
 * Products come back from arm/int64.ts through the scratch R.
 */
import { mul64, R, smul32, smulh, umul32, umulh } from '../arm/int64.js';
import type { Op } from '../op.js';
import { xr, xw } from '../regs.js';

function multiplyAdd(sf: number, sub: boolean, rm: number, ra: number, rn: number, rd: number): Op {
  const n = xr(rn);
  const m = xr(rm);
  const a = xr(ra);
  const d = xw(rd);
  if (!sf) {
    if (ra === 31 && !sub)
      return (c) => {
        const x = c.x;
        x[d] = Math.imul(x[n]!, x[m]!);
        x[d + 1] = 0;
      };
    if (sub)
      return (c) => {
        const x = c.x;
        x[d] = (x[a]! - Math.imul(x[n]!, x[m]!)) | 0;
        x[d + 1] = 0;
      };
    return (c) => {
      const x = c.x;
      x[d] = (x[a]! + Math.imul(x[n]!, x[m]!)) | 0;
      x[d + 1] = 0;
    };
  }
  if (ra === 31 && !sub)
    return (c) => {
      const x = c.x;
      mul64(x[n]!, x[n + 1]!, x[m]!, x[m + 1]!);
      x[d] = R[0]!;
      x[d + 1] = R[1]!;
    };
  if (sub)
    return (c) => {
      const x = c.x;
      mul64(x[n]!, x[n + 1]!, x[m]!, x[m + 1]!);
      subFromR(x, a, d);
    };
  return (c) => {
    const x = c.x;
    mul64(x[n]!, x[n + 1]!, x[m]!, x[m + 1]!);
    addToR(x, a, d);
  };
}

/** SMADDL/SMSUBL/UMADDL/UMSUBL: a 32x32 -> 64 product of Wn and Wm, plus or minus Xa. */
function multiplyAddLong(signed: boolean, sub: boolean, rm: number, ra: number, rn: number, rd: number): Op {
  const n = xr(rn);
  const m = xr(rm);
  const a = xr(ra);
  const d = xw(rd);
  if (ra === 31 && !sub) {
    if (signed)
      return (c) => {
        const x = c.x;
        smul32(x[n]!, x[m]!);
        x[d] = R[0]!;
        x[d + 1] = R[1]!;
      };
    return (c) => {
      const x = c.x;
      umul32(x[n]!, x[m]!);
      x[d] = R[0]!;
      x[d + 1] = R[1]!;
    };
  }
  if (signed) {
    if (sub)
      return (c) => {
        const x = c.x;
        smul32(x[n]!, x[m]!);
        subFromR(x, a, d);
      };
    return (c) => {
      const x = c.x;
      smul32(x[n]!, x[m]!);
      addToR(x, a, d);
    };
  }
  if (sub)
    return (c) => {
      const x = c.x;
      umul32(x[n]!, x[m]!);
      subFromR(x, a, d);
    };
  return (c) => {
    const x = c.x;
    umul32(x[n]!, x[m]!);
    addToR(x, a, d);
  };
}

/** Xd = Xa + R (the product just computed). */
function addToR(x: Int32Array, a: number, d: number): void {
  const l = (x[a]! >>> 0) + (R[0]! >>> 0);
  x[d + 1] = (x[a + 1]! + R[1]! + (l > 0xffffffff ? 1 : 0)) | 0;
  x[d] = l | 0;
}

/** Xd = Xa - R (the product just computed). */
function subFromR(x: Int32Array, a: number, d: number): void {
  const l = (x[a]! >>> 0) - (R[0]! >>> 0);
  x[d + 1] = (x[a + 1]! - R[1]! - (l < 0 ? 1 : 0)) | 0;
  x[d] = l | 0;
}

export const dpRegMulHandlers = {
  MADD: (sf: number, rm: number, ra: number, rn: number, rd: number) => multiplyAdd(sf, false, rm, ra, rn, rd),
  MSUB: (sf: number, rm: number, ra: number, rn: number, rd: number) => multiplyAdd(sf, true, rm, ra, rn, rd),
  SMADDL: (rm: number, ra: number, rn: number, rd: number) => multiplyAddLong(true, false, rm, ra, rn, rd),
  SMSUBL: (rm: number, ra: number, rn: number, rd: number) => multiplyAddLong(true, true, rm, ra, rn, rd),
  UMADDL: (rm: number, ra: number, rn: number, rd: number) => multiplyAddLong(false, false, rm, ra, rn, rd),
  UMSUBL: (rm: number, ra: number, rn: number, rd: number) => multiplyAddLong(false, true, rm, ra, rn, rd),
  SMULH(rm: number, rn: number, rd: number): Op {
    const n = xr(rn);
    const m = xr(rm);
    const d = xw(rd);
    return (c) => {
      const x = c.x;
      smulh(x[n]!, x[n + 1]!, x[m]!, x[m + 1]!);
      x[d] = R[0]!;
      x[d + 1] = R[1]!;
    };
  },
  UMULH(rm: number, rn: number, rd: number): Op {
    const n = xr(rn);
    const m = xr(rm);
    const d = xw(rd);
    return (c) => {
      const x = c.x;
      umulh(x[n]!, x[n + 1]!, x[m]!, x[m + 1]!);
      x[d] = R[0]!;
      x[d + 1] = R[1]!;
    };
  },
};
