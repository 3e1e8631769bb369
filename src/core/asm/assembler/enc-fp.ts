/**
 * Encoders: scalar floating point — conversions to and from fixed point and integers, fmov
 * between general and FP registers (and the top half `v0.d[1]`), 1-, 2- and 3-source arithmetic,
 * compares (`#0.0`, or `#0` as GNU as also takes), conditional compare and select, and fmov with
 * an FP8 immediate (`#1.5`, `#-0.125`, `#2`, or the IEEE bits in hex like GNU as: `#0x3fc00000`).
 * The forms come from the lines of table-fp by the shape of their fields (ftype names the
 * register: 00 s, 01 d, 11 h), so every entry of the class is covered.
 */
import { fp } from '../../cpu/decode/table-fp.js';
import { makeEncoding } from '../../cpu/decode/encoding.js';
import { condNumber } from './enc-branch.js';
import { type EncodeCtx, type FormTable, bad, immIn, isImm } from './encode.js';
import { type Layout, type Slot, type ValueSlot, immText, layoutForms, lit, plainInteger, reg } from './enc-fp-layout.js';
import type { Imm, Operand } from './operands.js';

// ------------------------------------------------------------------------------ FP8 immediates

/** imm8 for a value of the form ±n/16 × 2^r (n 16-31, r -3..4), or null (VFPExpandImm's inverse). */
export function fp8(v: number): number | null {
  if (!Number.isFinite(v) || v === 0) return null;
  const sign = v < 0 ? 1 : 0;
  const a = Math.abs(v);
  for (let r = -3; r <= 4; r++) {
    const n = (a / 2 ** r) * 16;
    if (Number.isInteger(n) && n >= 16 && n <= 31) {
      // exponent r is b6 = 0, bits 5:4 = r - 1 for r 1..4, and b6 = 1, bits 5:4 = r + 3 for r -3..0
      const [b6, e] = r >= 1 ? [0, r - 1] : [1, r + 3];
      return (sign << 7) | (b6 << 6) | (e << 4) | (n - 16);
    }
  }
  return null;
}

const FP8_RULE = '(±n/16 × 2^r, n 16-31, r -3..4)';

/** The double whose IEEE bits are `bits`. */
function doubleOfBits(bits: bigint): number {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setBigUint64(0, bits);
  return dv.getFloat64(0);
}

/** The single whose IEEE bits are `bits`. */
function singleOfBits(bits: number): number {
  const dv = new DataView(new ArrayBuffer(4));
  dv.setUint32(0, bits);
  return dv.getFloat32(0);
}

/**
 * The value of an FP immediate operand as GNU as reads it for a register of type `t`: a decimal
 * constant rounded to single precision (GNU as parses it so), or hex as the register's IEEE bits
 * (single precision for s and h; a double for d, which must then be exact in single precision).
 */
export function fpImmValue(o: Operand, t: string): number {
  if (o.k === 'fimm') return Math.fround(o.v);
  const v = plainInteger(o);
  if (v === null) bad(o, `expected a floating-point constant like #1.5, found '${o.text}'`);
  if (!immText(o).startsWith('0x')) return Math.fround(Number(v));
  if (t === 'd') {
    if (v! > 0xffffffffffffffffn) bad(o, `'${o.text}' has more than 64 bits`);
    const d = doubleOfBits(v!);
    if (Math.fround(d) !== d) bad(o, `${immText(o)} is not an FP8 immediate (as a double: ${d}) ${FP8_RULE}`);
    return d;
  }
  if (v! > 0xffffffffn) bad(o, `'${o.text}' has more than 32 bits (the bits of a single-precision value)`);
  return singleOfBits(Number(v));
}

function fp8Slot(t: string): ValueSlot {
  return {
    value: '#fp8',
    set(o) {
      const v = fpImmValue(o, t);
      const imm8 = fp8(v);
      if (imm8 === null) bad(o, `${o.k === 'fimm' ? immText(o) : v} cannot be an FP8 immediate ${FP8_RULE}`);
      return { imm8: imm8! };
    },
  };
}

// ------------------------------------------------------------------------------- value slots

/** An integer immediate (not a floating-point one, not a literal). */
function intImm(o: Operand, what: string): Imm & Operand {
  if (!isImm(o) || o.reloc) bad(o, `expected ${what}, found '${o.text}'`);
  return o as Imm & Operand;
}

/** #fbits of a fixed-point conversion (1 to the general register's size): scale = 64 - fbits. */
const fbitsSlot = (size: number): ValueSlot => ({
  value: '#fbits',
  set: (o, c) => ({ scale: 64 - immIn(intImm(o, '#fbits'), c, 1, size, 'fbits') }),
});

export const nzcvSlot: ValueSlot = {
  value: '#nzcv',
  set: (o, c: EncodeCtx) => ({ nzcv: immIn(intImm(o, '#nzcv (0-15)'), c, 0, 15, 'nzcv') }),
};

export const condSlot: ValueSlot = {
  value: 'cond',
  set(o) {
    const n = o.k === 'imm' && o.name ? condNumber(o.name) : -1;
    if (n < 0) bad(o, `expected a condition (eq, ne, cs/hs, cc/lo, mi, pl, vs, vc, hi, ls, ge, lt, gt, le, al, nv), found '${o.text}'`);
    return { cond: n };
  },
};

// ------------------------------------------------------------------------------ the layouts

/** The scalar types of a 2-bit ftype: s (00), d (01), h (11); of a 1-bit one: s, d. */
const FTYPES: readonly (readonly [string, number])[] = [['s', 0], ['d', 1], ['h', 3]];
const FTYPES_SD = FTYPES.slice(0, 2);
const GPRS: readonly (readonly [string, number])[] = [['w', 0], ['x', 1]];

/** `Sd|Dd|Hd` style names for syntax. */
const F = (r: string, types: readonly (readonly [string, number])[] = FTYPES): string => types.map(([t]) => `${t.toUpperCase()}${r}`).join('|');

const TO_FP = new Set(['scvtf', 'ucvtf']);

function layoutsOf(line: (typeof fp)[number]): Layout[] {
  const enc = makeEncoding(line);
  const { name: entry, mnemonic } = enc;
  const shape = enc.fields.map((f) => f.name).join(',');
  const out: Layout[] = [];
  const add = (syntax: string, fields: Record<string, number>, ...slots: Slot[]): void => {
    out.push({ mnemonic, entry, syntax, fields, slots });
  };
  const ftypes = enc.fields.find((f) => f.name === 'ftype')?.width === 1 ? FTYPES_SD : FTYPES;
  switch (shape) {
    case 'sf,ftype,scale,Rn,Rd': // fixed point
      for (const [t, ftype] of ftypes)
        for (const [g, sf] of GPRS) {
          if (TO_FP.has(mnemonic)) add(`${F('d')}, Rn, #fbits`, { sf, ftype }, reg(t, 'Rd'), reg(g, 'Rn'), fbitsSlot(32 << sf));
          else add(`Rd, ${F('n')}, #fbits`, { sf, ftype }, reg(g, 'Rd'), reg(t, 'Rn'), fbitsSlot(32 << sf));
        }
      break;
    case 'sf,ftype,Rn,Rd': // integer
      for (const [t, ftype] of ftypes)
        for (const [g, sf] of GPRS) {
          if (TO_FP.has(mnemonic)) add(`${F('d')}, Rn`, { sf, ftype }, reg(t, 'Rd'), reg(g, 'Rn'));
          else add(`Rd, ${F('n')}`, { sf, ftype }, reg(g, 'Rd'), reg(t, 'Rn'));
        }
      break;
    case 'sf,ftype,rmode,toFp,Rn,Rd': // fmov between general and FP registers
      for (const [t, g, sf, ftype] of [['s', 'w', 0, 0], ['d', 'x', 1, 1], ['h', 'w', 0, 3], ['h', 'x', 1, 3]] as const) {
        add('Sd|Dd|Hd, Rn', { sf, ftype, rmode: 0, toFp: 1 }, reg(t, 'Rd'), reg(g, 'Rn'));
        add('Rd, Sn|Dn|Hn', { sf, ftype, rmode: 0, toFp: 0 }, reg(g, 'Rd'), reg(t, 'Rn'));
      }
      add('Vd.D[1], Xn', { sf: 1, ftype: 2, rmode: 1, toFp: 1 }, reg('v.d[1]', 'Rd'), reg('x', 'Rn'));
      add('Xd, Vn.D[1]', { sf: 1, ftype: 2, rmode: 1, toFp: 0 }, reg('x', 'Rd'), reg('v.d[1]', 'Rn'));
      break;
    case 'Rn,Rd': // fjcvtzs
      add('Wd, Dn', {}, reg('w', 'Rd'), reg('d', 'Rn'));
      break;
    case 'ftype,Rn,Rd': // 1 source
      for (const [t, ftype] of ftypes) add(`${F('d', ftypes)}, ${F('n', ftypes)}`, { ftype }, reg(t, 'Rd'), reg(t, 'Rn'));
      break;
    case 'ftype,opc,Rn,Rd': // fcvt between precisions
      for (const [from, ftype] of FTYPES)
        for (const [to, opc] of FTYPES) if (from !== to) add(`${F('d')}, ${F('n')}`, { ftype, opc }, reg(to, 'Rd'), reg(from, 'Rn'));
      // FEAT_BF16's bfcvt is FCVT with ftype 01, opc 10
      out.push({ mnemonic: 'bfcvt', entry, syntax: 'Hd, Sn', fields: { ftype: 1, opc: 2 }, slots: [reg('h', 'Rd'), reg('s', 'Rn')] });
      break;
    case 'ftype,Rm,Rn,z': // compare
      for (const [t, ftype] of ftypes) {
        add(`${F('n')}, ${F('m')}`, { ftype, z: 0 }, reg(t, 'Rn'), reg(t, 'Rm'));
        add(`${F('n')}, #0.0`, { ftype, z: 1 }, reg(t, 'Rn'), lit('#0.0'));
      }
      break;
    case 'ftype,imm8,Rd': // fmov immediate
      for (const [t, ftype] of ftypes) add(`${F('d')}, #fp8`, { ftype }, reg(t, 'Rd'), fp8Slot(t));
      break;
    case 'ftype,Rm,cond,Rn,nzcv': // conditional compare
      for (const [t, ftype] of ftypes) add(`${F('n')}, ${F('m')}, #nzcv, cond`, { ftype }, reg(t, 'Rn'), reg(t, 'Rm'), nzcvSlot, condSlot);
      break;
    case 'ftype,Rm,Rn,Rd': // 2 source
      for (const [t, ftype] of ftypes) add(`${F('d')}, ${F('n')}, ${F('m')}`, { ftype }, reg(t, 'Rd'), reg(t, 'Rn'), reg(t, 'Rm'));
      break;
    case 'ftype,Rm,cond,Rn,Rd': // conditional select
      for (const [t, ftype] of ftypes) add(`${F('d')}, ${F('n')}, ${F('m')}, cond`, { ftype }, reg(t, 'Rd'), reg(t, 'Rn'), reg(t, 'Rm'), condSlot);
      break;
    case 'ftype,Rm,Ra,Rn,Rd': // 3 source
      for (const [t, ftype] of ftypes) add(`${F('d')}, ${F('n')}, ${F('m')}, ${F('a')}`, { ftype }, reg(t, 'Rd'), reg(t, 'Rn'), reg(t, 'Rm'), reg(t, 'Ra'));
      break;
    default:
      throw new Error(`enc-fp: no operand layout for ${entry} (fields ${shape})`);
  }
  return out;
}

export const fpForms: FormTable = layoutForms(fp.flatMap(layoutsOf));
