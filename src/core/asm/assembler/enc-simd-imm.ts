/**
 * Encoders: Advanced SIMD immediates — modified immediate (movi, mvni, orr, bic with `lsl`/`msl`,
 * movi with a 64-bit byte mask, fmov with an 8-bit FP constant), shift by immediate (vector and
 * scalar; the narrowing and widening forms with their `2` names; sxtl/uxtl for sshll/ushll #0)
 * and the fixed-point conversions (scvtf, ucvtf, fcvtzs, fcvtzu with #fbits). Immediates are
 * checked as GNU as checks them: imm8 from -128 to 255, shifts by the element size.
 */
import { vfpExpandImm } from '../../cpu/arm/fp.js';
import { simdImmFormatters } from '../fmt-simd-imm.js';
import { type EncodeCtx, type Encoded, type FormTable, bad, immIn, isFImm, isImm } from './encode.js';
import {
  ALL_BUT_1D,
  type ImmOp,
  type Ops,
  type Scalar,
  type ShiftOp,
  type Vec,
  add,
  arrangement,
  form,
  isScalar,
  isShift,
  isVecT,
  linesOf,
  sameArr,
  scalarOf,
  scalarSize,
  shiftOf,
  vecArr,
} from './enc-simd-common.js';
import type { FImm, Operand } from './operands.js';

type Shape =
  | 'mod32' | 'mod16' | 'msl' | 'mod8' | 'mod64' | 'fmovS' | 'fmovD' | 'fmovH'
  | 'right' | 'left' | 'narrow' | 'long' | 'sRightD' | 'sLeftD' | 'sLeft' | 'sNarrow' | 'vFixed' | 'sFixed';

/** The operand shape of each entry (the families of fmt-simd-imm.ts). */
const SHAPES: Record<string, Shape> = {};
function shape(s: Shape, names: string): void {
  for (const n of names.split(/\s+/)) SHAPES[n] = s;
}
shape('mod32', 'MOVI_32 ORR_vi32 MVNI_32 BIC_vi32');
shape('mod16', 'MOVI_16 ORR_vi16 MVNI_16 BIC_vi16');
shape('msl', 'MOVI_msl MVNI_msl');
shape('mod8', 'MOVI_8');
shape('mod64', 'MOVI_64');
shape('fmovS', 'FMOV_vi_s');
shape('fmovD', 'FMOV_vi_d');
shape('fmovH', 'FMOV_vi_h');
shape('right', 'SSHR_v USHR_v SSRA_v USRA_v SRSHR_v URSHR_v SRSRA_v URSRA_v SRI_v');
shape('left', 'SHL_v SLI_v SQSHLU_v SQSHL_imm_v UQSHL_imm_v');
shape('narrow', 'SHRN_v SQSHRUN_v RSHRN_v SQRSHRUN_v SQSHRN_v UQSHRN_v SQRSHRN_v UQRSHRN_v');
shape('long', 'SSHLL_v USHLL_v');
shape('sRightD', 'SSHR_sd USHR_sd SSRA_sd USRA_sd SRSHR_sd URSHR_sd SRSRA_sd URSRA_sd SRI_sd');
shape('sLeftD', 'SHL_sd SLI_sd');
shape('sLeft', 'SQSHLU_sd SQSHL_imm_sd UQSHL_imm_sd');
shape('sNarrow', 'SQSHRUN_sd SQRSHRUN_sd SQSHRN_sd UQSHRN_sd SQRSHRN_sd UQRSHRN_sd');
shape('vFixed', 'SCVTF_fix_v UCVTF_fix_v FCVTZS_fix_v FCVTZU_fix_v');
shape('sFixed', 'SCVTF_fix_sd UCVTF_fix_sd FCVTZS_fix_sd FCVTZU_fix_sd');

// ------------------------------------------------------------------------- modified immediate

/** imm8 as GNU as takes it: -128 to 255, stored as its low 8 bits. */
function imm8(o: ImmOp, c: EncodeCtx): { abc: number; defgh: number } {
  const v = immIn(o, c, -128, 255) & 0xff;
  return { abc: v >> 5, defgh: v & 31 };
}

/** imm8 of a 64-bit value whose bytes are each 0x00 or 0xff (bit i of imm8 is byte i). */
function byteMask(o: ImmOp, c: EncodeCtx): { abc: number; defgh: number } {
  const v = BigInt.asUintN(64, c.value(o));
  let m = 0;
  for (let i = 0; i < 8; i++) {
    const b = (v >> BigInt(8 * i)) & 0xffn;
    if (b === 0xffn) m |= 1 << i;
    else if (b !== 0n) bad(o, `immediate 0x${v.toString(16)} cannot be made by movi: every byte must be 0x00 or 0xff`);
  }
  return { abc: m >> 5, defgh: m & 31 };
}

/** The entries a modified-immediate mnemonic has, by shape. */
type ModEntries = Partial<Record<Shape, string>>;

/**
 * movi/mvni/orr/bic `Vd.T, #imm8{, lsl #n | msl #n}` for the arrangements the mnemonic has, and
 * movi's byte-mask forms `Vd.2d, #imm64` / `Dd, #imm64`.
 */
function modImm(e: ModEntries, d: Vec | Scalar, i: ImmOp, s: ShiftOp | undefined, c: EncodeCtx): Encoded {
  if (d.k === 'fp') {
    if (!e.mod64) bad(d, `expected a vector like v${d.n}.4s, found '${d.text}'`);
    scalarSize(d, [3]);
    if (s) bad(s, 'no shift with a 64-bit byte-mask immediate');
    return { entry: e.mod64!, fields: { Q: 0, ...byteMask(i, c), Rd: d.n } };
  }
  const arrangements = [...(e.mod8 ? ['8b', '16b'] : []), ...(e.mod16 ? ['4h', '8h'] : []), ...(e.mod32 ? ['2s', '4s'] : []), ...(e.mod64 ? ['2d'] : [])];
  const { size, q } = vecArr(d, arrangements);
  if (size === 3) {
    if (s) bad(s, 'no shift with a 64-bit byte-mask immediate');
    return { entry: e.mod64!, fields: { Q: 1, ...byteMask(i, c), Rd: d.n } };
  }
  const imm = imm8(i, c);
  const allowed: Record<string, number[]> = { lsl: size === 0 ? [0] : size === 1 ? [0, 8] : [0, 8, 16, 24] };
  if (e.msl && size === 2) allowed.msl = [8, 16];
  const sh = s ? shiftOf(s, c, allowed) : { op: 'lsl', amount: 0 };
  if (sh.op === 'msl') return { entry: e.msl!, fields: { Q: q, ...imm, s: sh.amount === 16 ? 1 : 0, Rd: d.n } };
  if (size === 0) return { entry: e.mod8!, fields: { Q: q, ...imm, Rd: d.n } };
  return { entry: size === 1 ? e.mod16! : e.mod32!, fields: { Q: q, ...imm, amt: sh.amount / 8, Rd: d.n } };
}

// ----------------------------------------------------------------------- FP 8-bit immediates

/** The imm8 whose VFPExpandImm is `v`, or -1 (±n/16 × 2^e, n 16-31, e -3 to 4). */
export function fp8(v: number): number {
  for (let i = 0; i < 256; i++) if (vfpExpandImm(i) === v) return i;
  return -1;
}

/**
 * The value of fmov's immediate: a floating-point constant, a decimal integer, or (GNU as) a hex
 * integer giving the IEEE bits of a single or double.
 */
function fpValue(o: (ImmOp | (FImm & Operand)), size: number, c: EncodeCtx): number {
  if (o.k === 'fimm') return o.v;
  const v = c.value(o);
  if (/^#?\s*0x/i.test(o.text)) {
    if (size === 1) bad(o, 'a half-precision immediate must be written as a number (e.g. #1.5), not as its bits');
    const view = new DataView(new ArrayBuffer(8));
    if (size === 2) {
      if (v < 0n || v > 0xffffffffn) bad(o, `'${o.text}' is not the bits of a single-precision value (32 bits)`);
      view.setUint32(0, Number(v));
      return view.getFloat32(0);
    }
    view.setBigUint64(0, BigInt.asUintN(64, v));
    return view.getFloat64(0);
  }
  return Number(v);
}

/** fmov `Vd.T, #fp8` */
function fmovImm(e: ModEntries, d: Vec, o: ImmOp | (FImm & Operand), c: EncodeCtx): Encoded {
  const allowed = [...(e.fmovH ? ['4h', '8h'] : []), ...(e.fmovS ? ['2s', '4s'] : []), ...(e.fmovD ? ['2d'] : [])];
  const { size, q } = vecArr(d, allowed);
  const v = fpValue(o, size, c);
  const i = fp8(v);
  if (i < 0) bad(o, `'${o.text}' is not an 8-bit floating-point immediate (±n/16 × 2^e with n 16 to 31 and e -3 to 4: 0.125 to 31.0, not 0)`);
  const entry = size === 1 ? e.fmovH! : size === 2 ? e.fmovS! : e.fmovD!;
  return { entry, fields: { Q: q, abc: i >> 5, defgh: i & 31, Rd: d.n } };
}

// ------------------------------------------------------------------------- shift by immediate

/** immh:immb of a right shift (2 × esize − shift) or a left shift (esize + shift) */
function shiftFields(size: number, dir: 'right' | 'left', shift: number): { immh: number; immb: number } {
  const esize = 8 << size;
  const v = dir === 'right' ? 2 * esize - shift : esize + shift;
  return { immh: v >> 3, immb: v & 7 };
}

/** A shift amount: right shifts 1..esize, left shifts 0..esize-1. */
function amount(o: ImmOp, c: EncodeCtx, size: number, dir: 'right' | 'left', what = 'shift amount'): number {
  const esize = 8 << size;
  return dir === 'right' ? immIn(o, c, 1, esize, what) : immIn(o, c, 0, esize - 1, what);
}

/** `op Vd.T, Vn.T, #shift` */
function vshift(entry: string, dir: 'right' | 'left', allowed: readonly string[], d: Vec, n: Vec, i: ImmOp, c: EncodeCtx, what?: string): Encoded {
  const { size, q } = vecArr(d, allowed);
  sameArr(n, d.arr!);
  return { entry, fields: { Q: q, ...shiftFields(size, dir, amount(i, c, size, dir, what)), Rn: n.n, Rd: d.n } };
}

/** `op{2} Vd.Tb, Vn.Ta, #shift`: Tb narrow (upper half for the `2` form), Ta twice as wide */
function vnarrow(entry: string, mn: string, upper: boolean, d: Vec, n: Vec, i: ImmOp, c: EncodeCtx): Encoded {
  const { size, q } = vecArr(d, upper ? ['16b', '8h', '4s'] : ['8b', '4h', '2s'], `${mn}2 writes the upper half`);
  sameArr(n, arrangement(size + 1, 1));
  return { entry, fields: { Q: q, ...shiftFields(size, 'right', amount(i, c, size, 'right')), Rn: n.n, Rd: d.n } };
}

/** `op{2} Vd.Ta, Vn.Tb, #shift` (shift 0 when `i` is absent: sxtl/uxtl) */
function vlong(entry: string, mn: string, upper: boolean, d: Vec, n: Vec, i: ImmOp | null, c: EncodeCtx): Encoded {
  const { size, q } = vecArr(n, upper ? ['16b', '8h', '4s'] : ['8b', '4h', '2s'], `${mn}2 reads the upper half`);
  sameArr(d, arrangement(size + 1, 1));
  const sh = i ? amount(i, c, size, 'left') : 0;
  return { entry, fields: { Q: q, ...shiftFields(size, 'left', sh), Rn: n.n, Rd: d.n } };
}

/** Scalar `op Vd, Vn, #shift` with the element sizes `sizes` */
function sshift(entry: string, dir: 'right' | 'left', sizes: readonly number[], d: Scalar, n: Scalar, i: ImmOp, c: EncodeCtx, what?: string): Encoded {
  const size = scalarSize(d, sizes);
  return { entry, fields: { ...shiftFields(size, dir, amount(i, c, size, dir, what)), Rn: scalarOf(n, size), Rd: d.n } };
}

/** Scalar narrowing `op Bd, Hn, #shift` (Hd, Sn / Sd, Dn) */
function snarrow(entry: string, d: Scalar, n: Scalar, i: ImmOp, c: EncodeCtx): Encoded {
  const size = scalarSize(d, [0, 1, 2]);
  return { entry, fields: { ...shiftFields(size, 'right', amount(i, c, size, 'right')), Rn: scalarOf(n, size + 1), Rd: d.n } };
}

// ------------------------------------------------------------------------------------ forms

const vvi = (o: Ops): o is [Vec, Vec, ImmOp] => o.length === 3 && isVecT(o[0]) && isVecT(o[1]) && isImm(o[2]);
const ssi = (o: Ops): o is [Scalar, Scalar, ImmOp] => o.length === 3 && isScalar(o[0]) && isScalar(o[1]) && isImm(o[2]);

const byMnemonic = new Map<string, Partial<Record<Shape, string>>>();
for (const [name, mnemonic] of linesOf(simdImmFormatters)) {
  const s = SHAPES[name];
  if (!s) throw new Error(`assembler: no operand shape for ${name}`);
  const m = byMnemonic.get(mnemonic) ?? {};
  m[s] = name;
  byMnemonic.set(mnemonic, m);
}

export const simdImmForms: FormTable = {};
for (const [mn, e] of byMnemonic) {
  if (e.mod8 || e.mod16 || e.mod32 || e.mod64) {
    const vecs = [...(e.mod8 ? ['8b', '16b'] : []), ...(e.mod16 ? ['4h', '8h'] : []), ...(e.mod32 ? ['2s', '4s'] : [])].join(' ');
    const shifts = e.msl ? '{, lsl #n | msl #n}' : '{, lsl #n}';
    const mask = e.mod64 ? ' | Vd.2d, #imm64 | Dd, #imm64 (bytes 0x00 or 0xff)' : '';
    add(simdImmForms, mn, form(`Vd.<T>, #imm8${shifts} (T: ${vecs})${mask}`, (o, c) => {
      const d = o[0];
      if (!(isVecT(d) || (e.mod64 && isScalar(d))) || !isImm(o[1]) || !(o.length === 2 || (o.length === 3 && isShift(o[2])))) return null;
      return modImm(e, d, o[1], o[2] as ShiftOp | undefined, c);
    }));
  }
  if (e.fmovS || e.fmovD || e.fmovH) {
    add(simdImmForms, mn, form('Vd.<T>, #fpimm (T: 4h 8h 2s 4s 2d)', (o, c) => (o.length === 2 && isVecT(o[0]) && (isImm(o[1]) || isFImm(o[1])) ? fmovImm(e, o[0], o[1], c) : null)));
  }
  for (const dir of ['right', 'left'] as const) {
    const entry = e[dir];
    if (entry) {
      const range = dir === 'right' ? '1 to esize' : '0 to esize-1';
      add(simdImmForms, mn, form(`Vd.<T>, Vn.<T>, #shift (T: 8b 16b 4h 8h 2s 4s 2d; ${range})`, (o, c) => (vvi(o) ? vshift(entry, dir, ALL_BUT_1D, o[0], o[1], o[2], c) : null)));
    }
  }
  if (e.narrow) {
    const entry = e.narrow;
    add(simdImmForms, mn, form('Vd.<Tb>, Vn.<Ta>, #shift (Tb/Ta: 8b/8h 4h/4s 2s/2d)', (o, c) => (vvi(o) ? vnarrow(entry, mn, false, o[0], o[1], o[2], c) : null)));
    add(simdImmForms, `${mn}2`, form('Vd.<Tb>, Vn.<Ta>, #shift (Tb/Ta: 16b/8h 8h/4s 4s/2d)', (o, c) => (vvi(o) ? vnarrow(entry, mn, true, o[0], o[1], o[2], c) : null)));
  }
  if (e.long) {
    const entry = e.long;
    const alias = entry === 'SSHLL_v' ? 'sxtl' : 'uxtl';
    for (const upper of [false, true]) {
      const q2 = upper ? '2' : '';
      const pairs = upper ? '8h/16b 4s/8h 2d/4s' : '8h/8b 4s/4h 2d/2s';
      add(simdImmForms, mn + q2, form(`Vd.<Ta>, Vn.<Tb>, #shift (Ta/Tb: ${pairs})`, (o, c) => (vvi(o) ? vlong(entry, mn, upper, o[0], o[1], o[2], c) : null)));
      add(simdImmForms, alias + q2, form(`Vd.<Ta>, Vn.<Tb> (Ta/Tb: ${pairs})`, (o, c) => (o.length === 2 && isVecT(o[0]) && isVecT(o[1]) ? vlong(entry, alias, upper, o[0], o[1], null, c) : null)));
    }
  }
  if (e.sRightD) {
    const entry = e.sRightD;
    add(simdImmForms, mn, form('Dd, Dn, #shift (1 to 64)', (o, c) => (ssi(o) ? sshift(entry, 'right', [3], o[0], o[1], o[2], c) : null)));
  }
  if (e.sLeftD) {
    const entry = e.sLeftD;
    add(simdImmForms, mn, form('Dd, Dn, #shift (0 to 63)', (o, c) => (ssi(o) ? sshift(entry, 'left', [3], o[0], o[1], o[2], c) : null)));
  }
  if (e.sLeft) {
    const entry = e.sLeft;
    add(simdImmForms, mn, form('<V>d, <V>n, #shift (V: b h s d; 0 to esize-1)', (o, c) => (ssi(o) ? sshift(entry, 'left', [0, 1, 2, 3], o[0], o[1], o[2], c) : null)));
  }
  if (e.sNarrow) {
    const entry = e.sNarrow;
    add(simdImmForms, mn, form('<Vb>d, <Va>n, #shift (Vb/Va: b/h h/s s/d)', (o, c) => (ssi(o) ? snarrow(entry, o[0], o[1], o[2], c) : null)));
  }
  if (e.vFixed) {
    const entry = e.vFixed;
    add(simdImmForms, mn, form('Vd.<T>, Vn.<T>, #fbits (T: 4h 8h 2s 4s 2d; 1 to esize)', (o, c) => (vvi(o) ? vshift(entry, 'right', ['4h', '8h', '2s', '4s', '2d'], o[0], o[1], o[2], c, 'fraction bits') : null)));
  }
  if (e.sFixed) {
    const entry = e.sFixed;
    add(simdImmForms, mn, form('<V>d, <V>n, #fbits (V: h s d; 1 to esize)', (o, c) => (ssi(o) ? sshift(entry, 'right', [1, 2, 3], o[0], o[1], o[2], c, 'fraction bits') : null)));
  }
}
