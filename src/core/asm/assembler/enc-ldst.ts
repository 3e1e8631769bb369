/**
 * Encoders: loads and stores of one register and of pairs — ldr/str and their byte, halfword and
 * sign-extending forms, of general and SIMD&FP registers, in every addressing mode (unsigned
 * offset, unscaled ldur/stur, pre- and post-index, register offset with extend or shift,
 * PC-relative literal, `=value` from a literal pool), the unprivileged ldtr/sttr family, prfm and
 * prfum, and ldp/stp/ldnp/stnp/ldpsw. As GNU as does, `ldr x0, [x1, #off]` whose offset cannot be
 * scaled into 12 unsigned bits becomes ldur when it fits 9 signed bits (likewise strb → sturb,
 * prfm → prfum, …). Exclusives, atomics and the SIMD structure forms live in enc-ldst-*.ts.
 */
import { prfop } from '../fmt-ldst.js';
import { type EncodeCtx, type Form, type FormTable, bad, inRange, isFp, isImm, pcRelTo, shiftAmount } from './encode.js';
import { type Addr, type ImmOp, addressAt, form, gpZr, plainOffset } from './enc-ldst-addr.js';
import { exclusiveAtomicForms } from './enc-ldst-atomic.js';
import { simdStructForms } from './enc-ldst-simd.js';
import type { Operand } from './operands.js';

// ------------------------------------------------------------------------- the transfer register

/**
 * Which registers a mnemonic transfers: `szfp` W/X (sz) or B/H/S/D/Q (size, opc1), as ldr/str;
 * `sz` W/X only (ldtr/sttr); `w` W only (ldrb, strh…); `opc0` W (opc0 = 1) or X (ldrsb, ldrsh);
 * `x` X only (ldrsw); `prf` a prefetch operation (prfm).
 */
type Kind = 'szfp' | 'sz' | 'w' | 'opc0' | 'x' | 'prf';

/** The transfer register: its number, the fields it sets, log2 of the access size, SIMD&FP or not. */
interface Rt {
  n: number;
  fields: Record<string, number>;
  scale: number;
  fp: boolean;
  /** the register's letter (w, x, b, h, s, d, q) for literal sizes; '' for prefetch */
  letter: string;
}

/** Prefetch operation names (pldl1keep …) by number, as the disassembler prints them. */
const PRFOPS = new Map<string, number>();
for (let i = 0; i < 32; i++) if (!prfop(i).startsWith('#')) PRFOPS.set(prfop(i), i);

function prefetchOp(o: ImmOp, c: EncodeCtx): number {
  if (o.name) {
    const v = PRFOPS.get(o.name.toLowerCase());
    if (v === undefined) bad(o, `unknown prefetch operation '${o.text}' (expected pld|pli|pst, l1|l2|l3, keep|strm as in pldl1keep, or #0-31)`);
    return v!;
  }
  if (o.reloc) bad(o, `a prefetch operation cannot take :${o.reloc}:`);
  return inRange(o, c.value(o), 0, 31, 'prefetch operation');
}

/** The transfer register of `kind` with a fixed access size `log2` (ignored for sz kinds), or null for another operand shape. */
function rtOf(o: Operand | undefined, kind: Kind, log2: number, c: EncodeCtx): Rt | null {
  if (kind === 'prf') return isImm(o) ? { n: prefetchOp(o, c), fields: {}, scale: 3, fp: false, letter: '' } : null;
  if (isFp(o)) {
    if (kind !== 'szfp') bad(o, `expected a general register (${kind === 'x' ? 'x' : kind === 'w' ? 'w' : 'w or x'}), found '${o.text}'`);
    const scale = 'bhsdq'.indexOf(o.t);
    return { n: o.n, fields: scale === 4 ? { size: 0, opc1: 1 } : { size: scale, opc1: 0 }, scale, fp: true, letter: o.t };
  }
  const r = gpZr(o);
  if (!r) return null;
  const x = r.size === 64;
  switch (kind) {
    case 'szfp':
    case 'sz':
      return { n: r.n, fields: { sz: x ? 1 : 0 }, scale: x ? 3 : 2, fp: false, letter: x ? 'x' : 'w' };
    case 'w':
      if (x) bad(r, `expected a w register, found '${r.text}'`);
      return { n: r.n, fields: {}, scale: log2, fp: false, letter: 'w' };
    case 'x':
      if (!x) bad(r, `expected an x register, found '${r.text}'`);
      return { n: r.n, fields: {}, scale: log2, fp: false, letter: 'x' };
    default:
      return { n: r.n, fields: { opc0: x ? 0 : 1 }, scale: log2, fp: false, letter: x ? 'x' : 'w' };
  }
}

// ----------------------------------------------------------------------------------- addresses

/** Extend options of a register offset: option field and the offset register's size. */
const EXTENDS: Record<string, { option: number; size: 32 | 64 }> = {
  uxtw: { option: 2, size: 32 },
  lsl: { option: 3, size: 64 },
  sxtw: { option: 6, size: 32 },
  sxtx: { option: 7, size: 64 },
};

/** option and S of `[Xn, Rm{, extend {#amount}}]` for an access of 2^scale bytes. */
function registerOffset(a: Addr & { mode: 'reg' }, scale: number, c: EncodeCtx): { option: number; S: number; Rm: number } {
  const { rm, ext } = a;
  if (!ext) {
    if (rm.size !== 64) bad(rm, `a w register offset needs uxtw or sxtw, as in [Xn, ${rm.text}, uxtw]`);
    return { option: 3, S: 0, Rm: rm.n };
  }
  const e = EXTENDS[ext.op];
  if (!e) bad(ext, `expected lsl, uxtw, sxtw or sxtx for a register offset, found '${ext.op}'`);
  if (rm.size !== e!.size) bad(rm, `${ext.op} needs ${e!.size === 64 ? 'an x' : 'a w'} offset register, found '${rm.text}'`);
  if (!ext.amount) {
    if (ext.op === 'lsl') bad(ext, `missing shift amount (lsl #${scale})`);
    return { option: e!.option, S: 0, Rm: rm.n };
  }
  const amount = shiftAmount(ext, c, 0, scale);
  if (amount !== 0 && amount !== scale) bad(ext, `shift amount must be #0 or #${scale}`);
  // a written amount sets S; for byte accesses #0 is S = 1, for larger ones #0 is S = 0
  return { option: e!.option, S: scale === 0 || amount === scale ? 1 : 0, Rm: rm.n };
}

// ---------------------------------------------------------------------------- single registers

/** Entry names of one mnemonic's single-register forms (null where there is none). */
interface Entries {
  /** unsigned offset (`_imm`), pre, post, register offset (`_reg`) and literal stems */
  stem: string | null;
  /** the unscaled entry: LDUR, STURB, PRFUM, … */
  unscaled: string | null;
  /** the unprivileged entry: LDTR, STTRB, … */
  unpriv: string | null;
}

/** The entry for a transfer register (SIMD&FP entries end in `_fp`). */
const fpName = (name: string, rt: Rt): string => (rt.fp ? `${name}_fp` : name);

function offsetForm(mn: string, kind: Kind, log2: number, e: Entries): Form {
  const syntax = `${kind === 'prf' ? 'prfop' : 'Rt'}, [Xn|SP{, #imm}]`;
  return form(syntax, (o, c) => {
    const rt = rtOf(o[0], kind, log2, c);
    const a = rt && addressAt(o, 1);
    if (!rt || a?.mode !== 'off') return null;
    const size = 1 << rt.scale;
    const fields = (imm: Record<string, number>) => ({ ...rt.fields, ...imm, Rn: a.base, Rt: rt.n });
    if (a.imm?.reloc) {
      if (!e.stem) bad(a.imm, `:${a.imm.reloc}: cannot be used with ${mn}`);
      if (a.imm.reloc !== 'lo12' && a.imm.reloc !== 'lo12_nc') bad(a.imm, `:${a.imm.reloc}: cannot be used with ${mn} (use :lo12:)`);
      const v = c.value(a.imm);
      if (v % BigInt(size) !== 0n) bad(a.imm, `:lo12: offset 0x${v.toString(16)} is not a multiple of ${size} (the access size)`);
      return { entry: fpName(`${e.stem}_imm`, rt), fields: fields({ imm12: Number(v) >> rt.scale }) };
    }
    const v = plainOffset(a.imm, c, mn);
    if (e.stem) {
      if (v >= 0n && v % BigInt(size) === 0n && v >> BigInt(rt.scale) <= 4095n) return { entry: fpName(`${e.stem}_imm`, rt), fields: fields({ imm12: Number(v >> BigInt(rt.scale)) }) };
      if (v < -256n || v > 255n) {
        const why = `${v} is neither a multiple of ${size} in 0 to ${4095 * size} nor in -256 to 255`;
        bad(a.imm!, `offset out of range: ${why}`);
      }
    }
    const imm9 = inRange(a.imm ?? a.mem, v, -256, 255, 'offset') & 0x1ff;
    const name = e.unscaled ?? e.unpriv!;
    return { entry: fpName(name, rt), fields: fields({ imm9 }) };
  });
}

function indexForm(mode: 'pre' | 'post', mn: string, kind: Kind, log2: number, stem: string): Form {
  const syntax = mode === 'pre' ? 'Rt, [Xn|SP, #imm]!' : 'Rt, [Xn|SP], #imm';
  return form(syntax, (o, c) => {
    const rt = rtOf(o[0], kind, log2, c);
    const a = rt && addressAt(o, 1);
    if (!rt || a?.mode !== mode) return null;
    const imm9 = inRange(a.imm ?? a.mem, plainOffset(a.imm, c, `a ${mode}-indexed ${mn}`), -256, 255, 'offset') & 0x1ff;
    return { entry: fpName(`${stem}_${mode}`, rt), fields: { ...rt.fields, imm9, Rn: a.base, Rt: rt.n } };
  });
}

function regForm(kind: Kind, log2: number, stem: string): Form {
  return form(`${kind === 'prf' ? 'prfop' : 'Rt'}, [Xn|SP, Rm{, lsl|uxtw|sxtw|sxtx {#amount}}]`, (o, c) => {
    const rt = rtOf(o[0], kind, log2, c);
    const a = rt && addressAt(o, 1);
    if (!rt || a?.mode !== 'reg') return null;
    return { entry: fpName(`${stem}_reg`, rt), fields: { ...rt.fields, ...registerOffset(a, rt.scale, c), Rn: a.base, Rt: rt.n } };
  });
}

/** Literal loads: `Rt, label` and (pool) `Rt, =value`. */
function literalForm(pool: boolean, mn: string, kind: Kind, log2: number, stem: string): Form {
  return form(pool ? 'Rt, =value' : `${kind === 'prf' ? 'prfop' : 'Rt'}, label`, (o, c) => {
    const t = o[1];
    if (o.length !== 2 || t?.k !== 'imm' || t.literal !== pool) return null;
    const rt = rtOf(o[0], kind, log2, c);
    if (!rt) return null;
    if (rt.letter === 'b' || rt.letter === 'h') bad(o[0]!, `${mn} from a literal loads s, d or q registers, not '${o[0]!.text}'`);
    if (t.reloc) bad(t, `:${t.reloc}: cannot be used with a literal load`);
    const size = rt.letter === 'x' && mn !== 'ldrsw' ? 8 : rt.letter === 'd' ? 8 : rt.letter === 'q' ? 16 : 4;
    const imm19 = pool ? pcRelTo(t, c, c.literal(t, size), 19, 4) : pcRelTo(t, c, c.address(t), 19, 4);
    const fields: Record<string, number> = rt.fp ? { opc: 'sdq'.indexOf(rt.letter) } : rt.fields;
    return { entry: fpName(`${stem}_lit`, rt), fields: { ...fields, imm19, Rt: rt.n } };
  });
}

/** [mnemonic, entry stem, kind, log2 of the access size for fixed kinds, has a literal form, has `=value`] */
const SINGLES: [string, string, Kind, number, boolean, boolean][] = [
  ['ldr', 'LDR', 'szfp', 0, true, true],
  ['str', 'STR', 'szfp', 0, false, false],
  ['ldrb', 'LDRB', 'w', 0, false, false],
  ['strb', 'STRB', 'w', 0, false, false],
  ['ldrh', 'LDRH', 'w', 1, false, false],
  ['strh', 'STRH', 'w', 1, false, false],
  ['ldrsb', 'LDRSB', 'opc0', 0, false, false],
  ['ldrsh', 'LDRSH', 'opc0', 1, false, false],
  ['ldrsw', 'LDRSW', 'x', 2, true, true],
  ['prfm', 'PRFM', 'prf', 3, true, false],
];

function singleForms(): FormTable {
  const out: FormTable = {};
  for (const [mn, stem, kind, log2, lit, pool] of SINGLES) {
    const unscaled = stem === 'PRFM' ? 'PRFUM' : stem.replace(/^(LD|ST)R/, '$1UR');
    const e: Entries = { stem, unscaled, unpriv: null };
    const list = [offsetForm(mn, kind, log2, e)];
    if (kind !== 'prf') list.push(indexForm('pre', mn, kind, log2, stem), indexForm('post', mn, kind, log2, stem));
    list.push(regForm(kind, log2, stem));
    if (lit) list.push(literalForm(false, mn, kind, log2, stem));
    if (pool) list.push(literalForm(true, mn, kind, log2, stem));
    out[mn] = list;
    // ldur & co. and ldtr & co.: only [Xn{, #simm9}]
    const umn = mn === 'prfm' ? 'prfum' : mn.replace(/^(ld|st)r/, '$1ur');
    out[umn] = [offsetForm(umn, kind, log2, { stem: null, unscaled, unpriv: null })];
    if (kind !== 'prf') {
      const tmn = mn.replace(/^(ld|st)r/, '$1tr');
      const tkind = kind === 'szfp' ? 'sz' : kind;
      out[tmn] = [offsetForm(tmn, tkind, log2, { stem: null, unscaled: null, unpriv: stem.replace(/^(LD|ST)R/, '$1TR') })];
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------- pairs

/** The two registers of a pair: same kind (w/x, or s/d/q where fp) and the fields they set. */
function pairRegs(o: readonly Operand[], xOnly: boolean): { t: number; t2: number; scale: number; fp: boolean; fields: Record<string, number> } | null {
  const [a, b] = o;
  if (isFp(a) && isFp(b)) {
    if (xOnly) bad(a, `expected an x register, found '${a.text}'`);
    const opc = 'sdq'.indexOf(a.t);
    if (opc < 0) bad(a, `a register pair is w, x, s, d or q registers, not '${a.text}'`);
    if (b.t !== a.t) bad(b, `expected ${a.t} registers for both of the pair, found '${b.text}'`);
    return { t: a.n, t2: b.n, scale: 2 + opc, fp: true, fields: { opc } };
  }
  const ra = gpZr(a);
  const rb = gpZr(b);
  if (!ra || !rb) {
    if ((ra || isFp(a)) && o.length >= 3 && b) bad(b, `expected a register of the same kind as '${a!.text}', found '${b.text}'`);
    return null;
  }
  if (ra.size !== rb.size) bad(rb, `expected ${ra.size === 64 ? 'an x' : 'a w'} register like the first, found '${rb.text}'`);
  if (xOnly && ra.size !== 64) bad(ra, `expected an x register, found '${ra.text}'`);
  const x = ra.size === 64;
  // ldpsw loads two 4-byte words (scale 2) into x registers
  return { t: ra.n, t2: rb.n, scale: x && !xOnly ? 3 : 2, fp: false, fields: xOnly ? {} : { sf: x ? 1 : 0 } };
}

/** One addressing mode of a pair; `only` for ldnp/stnp, which have no other (so writeback is an error here). */
function pairForm(mode: 'off' | 'pre' | 'post', mn: string, entryOf: (fp: boolean) => string, xOnly: boolean, only = false): Form {
  const syntax = { off: 'Rt, Rt2, [Xn|SP{, #imm}]', pre: 'Rt, Rt2, [Xn|SP, #imm]!', post: 'Rt, Rt2, [Xn|SP], #imm' }[mode];
  return form(syntax, (o, c) => {
    const r = pairRegs(o, xOnly);
    const a = r && addressAt(o, 2);
    if (!r || !a) return null;
    if (a.mode !== mode) {
      if (only && (a.mode === 'pre' || a.mode === 'post')) bad(a.mem, `${mn} has no writeback form: use [Xn|SP{, #imm}]`);
      if (a.mode === 'reg') bad(a.mem, `${mn} takes [Xn|SP{, #imm}], not a register offset`);
      return null;
    }
    const size = 1 << r.scale;
    const v = plainOffset(a.imm, c, mn);
    const imm7 = inRange(a.imm ?? a.mem, v, -64 * size, 63 * size, 'offset', size) / size;
    return { entry: entryOf(r.fp), fields: { ...r.fields, imm7: imm7 & 0x7f, Rt2: r.t2, Rn: a.base, Rt: r.t } };
  });
}

function pairForms(): FormTable {
  const out: FormTable = {};
  for (const [mn, stem] of [['ldp', 'LDP'], ['stp', 'STP']] as const) {
    out[mn] = (['off', 'pre', 'post'] as const).map((mode) => pairForm(mode, mn, (fp) => `${stem}_${mode}${fp ? '_fp' : ''}`, false));
  }
  out.ldpsw = (['off', 'pre', 'post'] as const).map((mode) => pairForm(mode, 'ldpsw', () => `LDPSW_${mode}`, true));
  out.ldnp = [pairForm('off', 'ldnp', (fp) => (fp ? 'LDNP_fp' : 'LDNP'), false, true)];
  out.stnp = [pairForm('off', 'stnp', (fp) => (fp ? 'STNP_fp' : 'STNP'), false, true)];
  return out;
}

// ------------------------------------------------- RCpc unscaled (FEAT_LRCPC2) and ldraa/ldrab (PAuth)

/**
 * stlur/ldapur/ldapurs: `Rt, [Xn|SP{, #simm9}]`; `size` is log2 of the access (null: by Rt, w 2 or
 * x 3); `signed` gives opc0 (W 1, X 0) of the sign-extending loads.
 */
function rcpc(entry: string, size: number | null, signed: boolean, only?: 'w' | 'x'): Form[] {
  return [
    form('Rt, [Xn|SP{, #simm9}]', (o, c) => {
      const r = gpZr(o[0]);
      const a = r && addressAt(o, 1);
      if (!r || !a) return null;
      if (a.mode !== 'off') bad(a.mem, `expected [Xn|SP{, #simm9}] (no writeback or register offset), found '${a.mem.text}'`);
      const x = r.size === 64;
      if (only && x !== (only === 'x')) bad(r, `expected ${only === 'x' ? 'an x' : 'a w'} register, found '${r.text}'`);
      const imm9 = inRange(a.imm ?? a.mem, plainOffset(a.imm, c, entry.toLowerCase()), -256, 255, 'offset') & 0x1ff;
      const fields: Record<string, number> = { size: size ?? (x ? 3 : 2), imm9, Rn: a.base, Rt: r.n };
      if (signed) fields.opc0 = x ? 0 : 1;
      return { entry, fields };
    }),
  ];
}

/** ldraa/ldrab: `Xt, [Xn|SP{, #simm10*8}]{!}` */
function ldra(M: number): Form[] {
  return [
    form('Xt, [Xn|SP{, #imm}]{!}', (o, c) => {
      const r = gpZr(o[0]);
      const a = r && addressAt(o, 1, true);
      if (!r || !a) return null;
      if (a.mode !== 'off' && a.mode !== 'pre') bad(a.mem, `expected [Xn|SP{, #imm}] or [Xn|SP, #imm]!, found '${a.mem.text}'`);
      if (r.size !== 64) bad(r, `expected an x register, found '${r.text}'`);
      const v = inRange(a.imm ?? a.mem, plainOffset(a.imm, c, M ? 'ldrab' : 'ldraa'), -4096, 4088, 'offset', 8) / 8;
      return { entry: 'LDRAA_LDRAB', fields: { M, S: (v >> 9) & 1, imm9: v & 0x1ff, W: a.mode === 'pre' ? 1 : 0, Rn: a.base, Rt: r.n } };
    }),
  ];
}

const rcpcForms: FormTable = {
  stlurb: rcpc('STLUR', 0, false, 'w'),
  stlurh: rcpc('STLUR', 1, false, 'w'),
  stlur: rcpc('STLUR', null, false),
  ldapurb: rcpc('LDAPUR', 0, false, 'w'),
  ldapurh: rcpc('LDAPUR', 1, false, 'w'),
  ldapur: rcpc('LDAPUR', null, false),
  ldapursb: rcpc('LDAPURS', 0, true),
  ldapursh: rcpc('LDAPURS', 1, true),
  ldapursw: rcpc('LDAPURS', 2, true, 'x'),
  ldraa: ldra(0),
  ldrab: ldra(1),
};

export const ldstForms: FormTable = { ...singleForms(), ...pairForms(), ...rcpcForms, ...exclusiveAtomicForms, ...simdStructForms };
