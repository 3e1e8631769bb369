/** Advanced SIMD by element: `op Vd.T, Vn.T, Vm.Ts[index]`, vector and scalar, integer, FP, FP16, dot, FHM. */
import { family, type Formatter, type Formatters, ins } from './format.js';
import { arr, elem, fpArr, hArr, vt } from './fmt-simd-common.js';

type F = Record<string, number>;

/** The element register and index for 16-bit (H:L:M, v0-v15) and 32-bit (H:L, M:Rm) lanes */
function lane(f: F, size: number): { rm: number; index: number } | null {
  if (size === 1) return { rm: f.Rm, index: (f.H << 2) | (f.L << 1) | f.M };
  if (size === 2) return { rm: (f.M << 4) | f.Rm, index: (f.H << 1) | f.L };
  return null;
}

const elemOp = (f: F, size: number): string | null => {
  const l = lane(f, size);
  return l && `v${l.rm}.${elem(size)}[${l.index}]`;
};

/** `op Vd.T, Vn.T, Vm.Ts[i]` */
const same: Formatter = (f, c) => {
  const m = elemOp(f, f.size);
  if (!m) return null;
  const t = arr(f.size, f.Q);
  return ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t), m);
};

/** `op{2} Vd.Ta, Vn.Tb, Vm.Ts[i]` */
const long: Formatter = (f, c) => {
  const m = elemOp(f, f.size);
  if (!m) return null;
  return ins(c.enc.mnemonic + (f.Q ? '2' : ''), vt(f.Rd, arr(f.size + 1, 1)), vt(f.Rn, arr(f.size, f.Q)), m);
};

/** Scalar: `op Hd, Hn, Vm.h[i]` (same) or `op Sd, Hn, Vm.h[i]` (long) */
const scalar = (widen: boolean): Formatter => (f, c) => {
  const m = elemOp(f, f.size);
  if (!m) return null;
  return ins(c.enc.mnemonic, `${elem(f.size + (widen ? 1 : 0))}${f.Rd}`, `${elem(f.size)}${f.Rn}`, m);
};

/** FP lane by sz: single (H:L, M:Rm) or double (H, M:Rm; L = 0) */
function fpLane(f: F): string | null {
  const rm = (f.M << 4) | f.Rm;
  if (!f.sz) return `v${rm}.s[${(f.H << 1) | f.L}]`;
  return f.L ? null : `v${rm}.d[${f.H}]`;
}

const fpVec: Formatter = (f, c) => {
  const t = fpArr(f.sz, f.Q);
  const m = fpLane(f);
  return t && m ? ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t), m) : null;
};
const fpScalar: Formatter = (f, c) => {
  const m = fpLane(f);
  const s = f.sz ? 'd' : 's';
  return m ? ins(c.enc.mnemonic, `${s}${f.Rd}`, `${s}${f.Rn}`, m) : null;
};

const halfLane = (f: F): string => `v${f.Rm}.h[${(f.H << 2) | (f.L << 1) | f.M}]`;
const hVec: Formatter = (f, c) => ins(c.enc.mnemonic, vt(f.Rd, hArr(f.Q)), vt(f.Rn, hArr(f.Q)), halfLane(f));
const hScalar: Formatter = (f, c) => ins(c.enc.mnemonic, `h${f.Rd}`, `h${f.Rn}`, halfLane(f));

const dot: Formatter = (f, c) => {
  if (f.size !== 2) return null;
  return ins(c.enc.mnemonic, vt(f.Rd, f.Q ? '4s' : '2s'), vt(f.Rn, f.Q ? '16b' : '8b'), `v${(f.M << 4) | f.Rm}.4b[${(f.H << 1) | f.L}]`);
};

const fhm: Formatter = (f, c) => ins(c.enc.mnemonic, vt(f.Rd, f.Q ? '4s' : '2s'), vt(f.Rn, f.Q ? '4h' : '2h'), halfLane(f));

export const simdElemFormatters: Formatters = {
  ...family(same, 'MUL_elem MLA_elem MLS_elem SQDMULH_elem SQRDMULH_elem SQRDMLAH_elem SQRDMLSH_elem'),
  ...family(long, 'SMLAL_elem UMLAL_elem SMLSL_elem UMLSL_elem SMULL_elem UMULL_elem SQDMLAL_elem SQDMLSL_elem SQDMULL_elem'),
  ...family(scalar(false), 'SQDMULH_elem_sd SQRDMULH_elem_sd'),
  ...family(scalar(true), 'SQDMLAL_elem_sd SQDMLSL_elem_sd SQDMULL_elem_sd'),
  ...family(fpVec, 'FMLA_elem FMLS_elem FMUL_elem FMULX_elem'),
  ...family(fpScalar, 'FMLA_elem_sd FMLS_elem_sd FMUL_elem_sd FMULX_elem_sd'),
  ...family(hVec, 'FMLA_elem_h FMLS_elem_h FMUL_elem_h FMULX_elem_h'),
  ...family(hScalar, 'FMLA_elem_hsd FMLS_elem_hsd FMUL_elem_hsd FMULX_elem_hsd'),
  ...family(dot, 'SDOT_elem UDOT_elem'),
  ...family(fhm, 'FMLAL_elem FMLSL_elem FMLAL2_elem FMLSL2_elem'),
};
