/**
 * Shared pieces of the scalar floating-point handlers: the ftype field, and the layout of the
 * scalar registers inside the V views (Hn = vu16[8n], Sn = vf32/vi32[4n], Dn = vf64[2n] or the words
 * vi32[4n], vi32[4n + 1]). A scalar write zeroes the rest of the 128-bit register.
 */
import { FPCR_FZ, FPCR_RMODE } from '../arm/fp.js';

/**
 * Half-precision data processing (ftype = 11: FADD Hd, FCVTZS Wd, Hn, SCVTF Hd, …) is FEAT_FP16
 * (Armv8.2). Armv8.0 only has the FCVT conversions to and from half, which are always decoded.
 */
export const FEAT_FP16 = true;

/** FPCR bits that rule out the handlers' inline fast paths (any rounding but RN, or FZ). */
export const FAST_OFF = FPCR_RMODE | FPCR_FZ;

/** Smallest normal single and double (results above these are never tiny). */
export const MIN32 = 1.1754943508222875e-38;
export const MIN64 = 2.2250738585072014e-308;

/**
 * May an inline round-to-nearest path run? RN, and either FZ clear or no denormal operand (FZ
 * would flush it first). The fast paths also require a normal result, so FZ's output flushing
 * never applies to them.
 */
export function fast64(fpcr: number, a: number, b: number): boolean {
  if ((fpcr & FAST_OFF) === 0) return true;
  return (fpcr & FPCR_RMODE) === 0 && !denormal64(a) && !denormal64(b);
}
export function fast32(fpcr: number, a: number, b: number): boolean {
  if ((fpcr & FAST_OFF) === 0) return true;
  return (fpcr & FPCR_RMODE) === 0 && !denormal32(a) && !denormal32(b);
}
export const denormal64 = (v: number): boolean => v !== 0 && v < MIN64 && v > -MIN64;
export const denormal32 = (v: number): boolean => v !== 0 && v < MIN32 && v > -MIN32;

/** The format of an ftype field: 32 (00), 64 (01), 16 (11, when FEAT_FP16), or 0 (unallocated). */
export function ftypeN(ftype: number): number {
  return ftype === 0 ? 32 : ftype === 1 ? 64 : ftype === 3 && FEAT_FP16 ? 16 : 0;
}

/** Zeroes the words of a V register above its low 32 bits (w is vi32, i = 4n). */
export function zero96(w: Int32Array, i: number): void {
  w[i + 1] = 0;
  w[i + 2] = 0;
  w[i + 3] = 0;
}
/** Zeroes the words of a V register above its low 64 bits (w is vi32, i = 4n). */
export function zero64(w: Int32Array, i: number): void {
  w[i + 2] = 0;
  w[i + 3] = 0;
}
/** Writes half-precision bits to Hn and zeroes the rest of Vn (n given as register number). */
export function putH(h: Uint16Array, w: Int32Array, n: number, bits: number): void {
  h[8 * n] = bits;
  h[8 * n + 1] = 0;
  w[4 * n + 1] = 0;
  w[4 * n + 2] = 0;
  w[4 * n + 3] = 0;
}
