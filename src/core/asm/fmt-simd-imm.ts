/**
 * Advanced SIMD immediates: modified immediate (movi, mvni, orr, bic, fmov), shift by immediate
 * (vector and scalar, with the sxtl/uxtl aliases) and the fixed-point conversions.
 */
import { family, type Formatter, type Formatters, hexHalves, ins } from './format.js';
import { fpImmText } from './fmt-fp.js';
import { arr, elem, immhSize, vt } from './fmt-simd-common.js';

const imm8 = (f: Record<string, number>): number => (f.abc << 5) | f.defgh;
const hex8 = (v: number): string => `#0x${v.toString(16)}`;

/** MOVI/MVNI/ORR/BIC with 32-bit (`lsl` 0, 8, 16, 24) or 16-bit (`lsl` 0, 8) lanes */
const shiftedImm = (lanes: 32 | 16): Formatter => (f, c) => {
  const t = lanes === 32 ? (f.Q ? '4s' : '2s') : f.Q ? '8h' : '4h';
  const ops = [vt(f.Rd, t), hex8(imm8(f))];
  if (f.amt) ops.push(`lsl #${8 * f.amt}`);
  return ins(c.enc.mnemonic, ...ops);
};

const mslImm: Formatter = (f, c) => ins(c.enc.mnemonic, vt(f.Rd, f.Q ? '4s' : '2s'), hex8(imm8(f)), `msl #${f.s ? 16 : 8}`);

const movi8: Formatter = (f) => ins('movi', vt(f.Rd, f.Q ? '16b' : '8b'), hex8(imm8(f)));

/** MOVI with a byte mask: every bit of imm8 a byte of ones */
const movi64: Formatter = (f) => {
  const v = imm8(f);
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < 4; i++) {
    if ((v >> i) & 1) lo |= 0xff << (8 * i);
    if ((v >> (i + 4)) & 1) hi |= 0xff << (8 * i);
  }
  const imm = `#0x${hexHalves(lo, hi)}`;
  return f.Q ? ins('movi', vt(f.Rd, '2d'), imm) : ins('movi', `d${f.Rd}`, imm);
};

const fmovImm = (kind: 's' | 'd' | 'h'): Formatter => (f) => {
  if (kind === 'd' && !f.Q) return null;
  const t = kind === 's' ? (f.Q ? '4s' : '2s') : kind === 'd' ? '2d' : f.Q ? '8h' : '4h';
  return ins('fmov', vt(f.Rd, t), `#${fpImmText(imm8(f))}`);
};

// ------------------------------------------------------------------------------- shift by immediate

/** Right shifts: 2*esize - immh:immb; left shifts: immh:immb - esize */
const rightShift = (f: Record<string, number>, size: number): number => (16 << size) - ((f.immh << 3) | f.immb);
const leftShift = (f: Record<string, number>, size: number): number => ((f.immh << 3) | f.immb) - (8 << size);

/** `op Vd.T, Vn.T, #shift` */
const vshift = (dir: 'right' | 'left'): Formatter => (f, c) => {
  const size = immhSize(f.immh);
  if (size < 0 || (size === 3 && !f.Q)) return null;
  const t = arr(size, f.Q);
  const sh = dir === 'right' ? rightShift(f, size) : leftShift(f, size);
  return ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t), `#${sh}`);
};

/** Narrowing shifts: `shrn{2} Vd.Tb, Vn.Ta, #shift` */
const vshiftNarrow: Formatter = (f, c) => {
  const size = immhSize(f.immh);
  if (size < 0 || size === 3) return null;
  return ins(c.enc.mnemonic + (f.Q ? '2' : ''), vt(f.Rd, arr(size, f.Q)), vt(f.Rn, arr(size + 1, 1)), `#${rightShift(f, size)}`);
};

/** Widening shifts: `sshll{2} Vd.Ta, Vn.Tb, #shift`, `sxtl{2}`/`uxtl{2}` for a shift of 0 */
const vshiftLong = (alias: string): Formatter => (f, c) => {
  const size = immhSize(f.immh);
  if (size < 0 || size === 3) return null;
  const sh = leftShift(f, size);
  const q2 = f.Q ? '2' : '';
  const d = vt(f.Rd, arr(size + 1, 1));
  const n = vt(f.Rn, arr(size, f.Q));
  return sh === 0 ? ins(alias + q2, d, n) : ins(c.enc.mnemonic + q2, d, n, `#${sh}`);
};

/** Scalar shifts: `op Dd, Dn, #shift`; `dOnly` for the forms defined on 64-bit lanes only */
const sshift = (dir: 'right' | 'left', dOnly: boolean): Formatter => (f, c) => {
  const size = immhSize(f.immh);
  if (size < 0 || (dOnly && size !== 3)) return null;
  const sh = dir === 'right' ? rightShift(f, size) : leftShift(f, size);
  return ins(c.enc.mnemonic, `${elem(size)}${f.Rd}`, `${elem(size)}${f.Rn}`, `#${sh}`);
};

const sshiftNarrow: Formatter = (f, c) => {
  const size = immhSize(f.immh);
  if (size < 0 || size === 3) return null;
  return ins(c.enc.mnemonic, `${elem(size)}${f.Rd}`, `${elem(size + 1)}${f.Rn}`, `#${rightShift(f, size)}`);
};

/** Fixed-point conversions: half (immh 001x), single (01xx), double (1xxx) lanes; #fbits */
const vfixed: Formatter = (f, c) => {
  const size = immhSize(f.immh);
  if (size < 1 || (size === 3 && !f.Q)) return null;
  const t = arr(size, f.Q);
  return ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t), `#${rightShift(f, size)}`);
};
const sfixed: Formatter = (f, c) => {
  const size = immhSize(f.immh);
  if (size < 1) return null;
  return ins(c.enc.mnemonic, `${elem(size)}${f.Rd}`, `${elem(size)}${f.Rn}`, `#${rightShift(f, size)}`);
};

export const simdImmFormatters: Formatters = {
  ...family(shiftedImm(32), 'MOVI_32 ORR_vi32 MVNI_32 BIC_vi32'),
  ...family(shiftedImm(16), 'MOVI_16 ORR_vi16 MVNI_16 BIC_vi16'),
  ...family(mslImm, 'MOVI_msl MVNI_msl'),
  MOVI_8: movi8,
  MOVI_64: movi64,
  FMOV_vi_s: fmovImm('s'),
  FMOV_vi_d: fmovImm('d'),
  FMOV_vi_h: fmovImm('h'),
  ...family(vshift('right'), 'SSHR_v USHR_v SSRA_v USRA_v SRSHR_v URSHR_v SRSRA_v URSRA_v SRI_v'),
  ...family(vshift('left'), 'SHL_v SLI_v SQSHLU_v SQSHL_imm_v UQSHL_imm_v'),
  ...family(vshiftNarrow, 'SHRN_v SQSHRUN_v RSHRN_v SQRSHRUN_v SQSHRN_v UQSHRN_v SQRSHRN_v UQRSHRN_v'),
  SSHLL_v: vshiftLong('sxtl'),
  USHLL_v: vshiftLong('uxtl'),
  ...family(sshift('right', true), 'SSHR_sd USHR_sd SSRA_sd USRA_sd SRSHR_sd URSHR_sd SRSRA_sd URSRA_sd SRI_sd'),
  ...family(sshift('left', true), 'SHL_sd SLI_sd'),
  ...family(sshift('left', false), 'SQSHLU_sd SQSHL_imm_sd UQSHL_imm_sd'),
  ...family(sshiftNarrow, 'SQSHRUN_sd SQRSHRUN_sd SQSHRN_sd UQSHRN_sd SQRSHRN_sd UQRSHRN_sd'),
  ...family(vfixed, 'SCVTF_fix_v UCVTF_fix_v FCVTZS_fix_v FCVTZU_fix_v'),
  ...family(sfixed, 'SCVTF_fix_sd UCVTF_fix_sd FCVTZS_fix_sd FCVTZU_fix_sd'),
};
