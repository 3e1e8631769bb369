/**
 * Scalar floating-point compare: FCMP/FCMPE (with a register or #0.0) and the conditional compares
 * FCCMP/FCCMPE. Results go to NZCV: equal 0110, less 1000, greater 0010, unordered 0011. FCMPE and
 * FCCMPE raise IOC for any NaN, FCMP/FCCMP only for signalling NaNs.
 */
import { FPCR_FZ, SNAN, fpCompare, fpCompareUnordered, halfValue, nanKind16, nanKind32, nanKind64 } from '../arm/fp.js';
import { conditionTests } from '../arm/flags.js';
import type { Cpu } from '../cpu.js';
import { I_C, I_FPCR, I_N, I_V, I_Z } from '../layout.js';
import type { Op } from '../op.js';
import { ftypeN } from './fp-common.js';

function setNzcv(x: Int32Array, nzcv: number): void {
  x[I_N] = nzcv >>> 3;
  x[I_Z] = (nzcv >>> 2) & 1;
  x[I_C] = (nzcv >>> 1) & 1;
  x[I_V] = nzcv & 1;
}

/** FPCompare of Vn with Vm (or +0.0 when `zero`) in format N: NZCV as a 4-bit number. */
type Compare = (c: Cpu) => number;

function comparer(N: number, rn: number, rm: number, zero: boolean, signalAll: boolean): Compare {
  if (N === 64) {
    const n = rn * 2;
    const m = rm * 2;
    return (c) => {
      const x = c.x;
      const fpcr = x[I_FPCR]!;
      const a = c.vf64[n]!;
      const b = zero ? 0 : c.vf64[m]!;
      if (a === a && b === b) {
        if ((fpcr & FPCR_FZ) === 0) return a === b ? 0b0110 : a < b ? 0b1000 : 0b0010;
        return fpCompare(a, b, 64, fpcr, x);
      }
      const w = c.vi32;
      const sn = nanKind64(w[2 * n]!, w[2 * n + 1]!) === SNAN || (!zero && nanKind64(w[2 * m]!, w[2 * m + 1]!) === SNAN);
      return fpCompareUnordered(sn, signalAll, a === a ? a : b, 64, fpcr, x);
    };
  }
  if (N === 32) {
    const n = rn * 4;
    const m = rm * 4;
    return (c) => {
      const x = c.x;
      const fpcr = x[I_FPCR]!;
      const a = c.vf32[n]!;
      const b = zero ? 0 : c.vf32[m]!;
      if (a === a && b === b) {
        if ((fpcr & FPCR_FZ) === 0) return a === b ? 0b0110 : a < b ? 0b1000 : 0b0010;
        return fpCompare(a, b, 32, fpcr, x);
      }
      const w = c.vi32;
      const sn = nanKind32(w[n]!) === SNAN || (!zero && nanKind32(w[m]!) === SNAN);
      return fpCompareUnordered(sn, signalAll, a === a ? a : b, 32, fpcr, x);
    };
  }
  const n = rn * 8;
  const m = rm * 8;
  return (c) => {
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    const h = c.vu16;
    const a = halfValue(h[n]!);
    const b = zero ? 0 : halfValue(h[m]!);
    if (a === a && b === b) return fpCompare(a, b, 16, fpcr, x);
    const sn = nanKind16(h[n]!) === SNAN || (!zero && nanKind16(h[m]!) === SNAN);
    return fpCompareUnordered(sn, signalAll, a === a ? a : b, 16, fpcr, x);
  };
}

function fcmp(signalAll: boolean, ftype: number, rm: number, rn: number, z: number): Op | null {
  const N = ftypeN(ftype);
  if (N === 0) return null;
  const cmp = comparer(N, rn, rm, z === 1, signalAll);
  return (c) => setNzcv(c.x, cmp(c));
}

function fccmp(signalAll: boolean, ftype: number, rm: number, cond: number, rn: number, nzcv: number): Op | null {
  const N = ftypeN(ftype);
  if (N === 0) return null;
  const cmp = comparer(N, rn, rm, false, signalAll);
  const test = conditionTests[cond]!;
  return (c) => setNzcv(c.x, test(c.x) ? cmp(c) : nzcv);
}

export const fpCmpHandlers = {
  FCMP_float: (ftype: number, rm: number, rn: number, z: number) => fcmp(false, ftype, rm, rn, z),
  FCMPE_float: (ftype: number, rm: number, rn: number, z: number) => fcmp(true, ftype, rm, rn, z),
  FCCMP_float: (ftype: number, rm: number, cond: number, rn: number, nzcv: number) => fccmp(false, ftype, rm, cond, rn, nzcv),
  FCCMPE_float: (ftype: number, rm: number, cond: number, rn: number, nzcv: number) => fccmp(true, ftype, rm, cond, rn, nzcv),
};
