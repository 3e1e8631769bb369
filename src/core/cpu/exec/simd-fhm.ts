/**
 * FEAT_FHM (Armv8.2): FMLAL, FMLAL2, FMLSL, FMLSL2, vector and by element. Each single-precision
 * lane of Vd accumulates the product of two half-precision elements (from the lower half of Vn/Vm,
 * or the upper half for the "2" forms), fused, with one rounding: FPMulAddH.
 *
 * FPMulAddH unpacks the half operands with FPCR.FZ16 (a flushed half raises no IDC) and the single
 * addend with FPCR.FZ, then rounds as single precision. A half value is exact as a single and never
 * a single denormal, so widening each half to single bits (denormals flushed when FZ16) and running
 * the single-precision FPMulAdd gives exactly that, NaN propagation included: a half NaN widened by
 * bits keeps its sign, quiet bit and payload, which is what FPConvertNaN(FPProcessNaN(half)) yields.
 */
import { FPCR_FZ16, fpMulAdd32 } from '../arm/fp.js';
import { S32 } from '../arm/simd.js';
import { I_FPCR } from '../layout.js';
import type { Op } from '../op.js';
import { fromScratch } from './simd-lanes.js';

/** Half-precision bits widened to single-precision bits, exactly; a denormal becomes zero when `fz16`. */
function halfToSingleBits(h: number, fz16: boolean): number {
  const sign = (h & 0x8000) << 16;
  const exp = (h >>> 10) & 0x1f;
  let frac = h & 0x3ff;
  if (exp === 0x1f) return sign | 0x7f800000 | (frac << 13); // infinity or NaN
  if (exp === 0) {
    if (frac === 0 || fz16) return sign;
    // denormal half: normalise (value frac * 2^-24; every such value is a normal single)
    let e = 127 - 15 + 1;
    while ((frac & 0x400) === 0) {
      frac <<= 1;
      e--;
    }
    return sign | (e << 23) | ((frac & 0x3ff) << 13);
  }
  return sign | ((exp + 127 - 15) << 23) | (frac << 13);
}

/**
 * Vd.(2S|4S) += (-)Vn.H[part * lanes + e] * (Vm.H[part * lanes + e] or Vm.H[idx]).
 * `neg` flips op1's sign first (FMLSL: FPNeg before the NaN checks, as the pseudocode does).
 */
function fmlal(Q: number, rm: number, rn: number, rd: number, neg: boolean, upper: boolean, idx: number): Op {
  const lanes = Q ? 4 : 2;
  const base = upper ? lanes : 0;
  const d = rd * 4;
  const n = rn * 8 + base;
  const m = idx >= 0 ? rm * 8 + idx : rm * 8 + base;
  const mStep = idx >= 0 ? 0 : 1;
  const flip = neg ? 0x8000 : 0;
  return (c) => {
    const h = c.vu16;
    const w = c.vi32;
    const x = c.x;
    const fpcr = x[I_FPCR]!;
    const fz16 = (fpcr & FPCR_FZ16) !== 0;
    for (let e = 0; e < lanes; e++) {
      const a = halfToSingleBits(h[n + e]! ^ flip, fz16);
      const b = halfToSingleBits(h[m + e * mStep]!, fz16);
      S32[e] = fpMulAdd32(w[d + e]!, a, b, 0, fpcr, x);
    }
    fromScratch(c, rd, Q ? 16 : 8);
  };
}

type V = (Q: number, rm: number, rn: number, rd: number) => Op;
type E = (Q: number, L: number, M: number, rm: number, H: number, rn: number, rd: number) => Op;

/** By element: the index is H:L:M and Rm names V0-V15. */
const elem =
  (neg: boolean, upper: boolean): E =>
  (Q, L, M, rm, H, rn, rd) =>
    fmlal(Q, rm, rn, rd, neg, upper, (H << 2) | (L << 1) | M);

export const simdFhmHandlers: Record<string, V | E> = {
  FMLAL_v: ((Q, rm, rn, rd) => fmlal(Q, rm, rn, rd, false, false, -1)) as V,
  FMLSL_v: ((Q, rm, rn, rd) => fmlal(Q, rm, rn, rd, true, false, -1)) as V,
  FMLAL2_v: ((Q, rm, rn, rd) => fmlal(Q, rm, rn, rd, false, true, -1)) as V,
  FMLSL2_v: ((Q, rm, rn, rd) => fmlal(Q, rm, rn, rd, true, true, -1)) as V,
  FMLAL_elem: elem(false, false),
  FMLSL_elem: elem(true, false),
  FMLAL2_elem: elem(false, true),
  FMLSL2_elem: elem(true, true),
};
