/**
 * How an instruction becomes a word. Encoders are written per mnemonic as a list of forms (one per
 * operand shape, in the order GNU as tries them); a form checks the operands' shape, computes the
 * table entry's fields by name, and `buildWord` places them with the entry's own pattern from the
 * encoding table. The word is then decoded again and must come back to the same entry, so an
 * encoder cannot produce a word the CPU and the disassembler would read differently.
 */
import { Decoder } from '../../cpu/decode/decoder.js';
import { type Encoding, makeEncoding } from '../../cpu/decode/encoding.js';
import { table } from '../../cpu/decode/table.js';
import type { FImm, FpReg, GpReg, Imm, Operand, VecReg } from './operands.js';
import { AsmError, type Loc } from './source.js';

/** A form's result: the table entry's handler name and its fields by name (missing fields are 0). */
export interface Encoded {
  entry: string;
  fields: Record<string, number>;
}

/** What an encoder may ask about the program. */
export interface EncodeCtx {
  /** the instruction's address */
  readonly pc: number;
  /**
   * An immediate's value with its relocation operator applied (`:lo12:x` is x & 0xfff;
   * `:abs_g1:x` is (x >> 16) & 0xffff, …). Throws AsmError for undefined symbols.
   */
  value(op: Imm & Operand): bigint;
  /** The address an operand names (a label or an expression), for branches and ADR. */
  address(op: Imm & Operand): bigint;
  /** The address of the literal pool entry `=expr` of `size` bytes. */
  literal(op: Imm & Operand, size: 4 | 8 | 16): bigint;
}

/** One way to write a mnemonic. */
export interface Form {
  /** the operand syntax shown in messages and hovers, e.g. `Xd|SP, Xn|SP, #imm{, lsl #12}` */
  syntax: string;
  /** the fields, or null when the operands do not have this form's shape */
  encode(ops: readonly Operand[], c: EncodeCtx): Encoded | null;
}

/** Forms by mnemonic (lower case). */
export type FormTable = Record<string, Form[]>;

/** An operand that has the right shape but a wrong value: the message says what is allowed. */
export function bad(op: { loc: Loc }, message: string): never {
  throw new AsmError(op.loc, message);
}

// ------------------------------------------------------------------------------ building words

let decoder: Decoder | null = null;
let byName: Map<string, Encoding> | null = null;

function entries(): Map<string, Encoding> {
  if (!byName) {
    byName = new Map();
    for (const line of table) byName.set(line[0], makeEncoding(line));
  }
  return byName;
}

/** The table entry named `name` (a handler name like ADD_imm). */
export function entry(name: string): Encoding {
  const e = entries().get(name);
  if (!e) throw new Error(`assembler: no table entry '${name}'`);
  return e;
}

const fieldMasks = new Map<Encoding, number>();
function fieldBits(e: Encoding): number {
  let m = fieldMasks.get(e);
  if (m === undefined) {
    m = 0;
    for (const f of e.fields) m |= f.width === 32 ? -1 : ((1 << f.width) - 1) << f.lsb;
    fieldMasks.set(e, m >>> 0);
  }
  return m;
}

/**
 * The word of `enc.entry` with its fields; throws (an internal error) when a field does not fit or
 * the word decodes to another entry.
 */
export function buildWord(enc: Encoded, loc: Loc): number {
  const e = entry(enc.entry);
  // bits the entry ignores are "should be one" in every such entry (Ra of smulh, Rs/Rt2 of the
  // exclusive and acquire/release loads and stores): set, as GNU as sets them
  let word = (e.value | ~(e.mask | fieldBits(e))) >>> 0;
  for (const f of e.fields) {
    const v = enc.fields[f.name] ?? 0;
    if (!Number.isInteger(v) || v < 0 || v >= 2 ** f.width) throw new Error(`assembler: field ${f.name}=${v} does not fit ${f.width} bits of ${enc.entry}`);
    word = (word | (f.width === 32 ? v : v << f.lsb)) >>> 0;
  }
  for (const k of Object.keys(enc.fields)) {
    if (!e.fields.some((f) => f.name === k)) throw new Error(`assembler: ${enc.entry} has no field '${k}'`);
  }
  decoder ??= new Decoder(table);
  const back = decoder.decode(word);
  if (back?.name !== enc.entry) {
    throw new AsmError(loc, `this combination of operands is not a valid instruction (${enc.entry} ${word.toString(16).padStart(8, '0')} reads back as ${back?.name ?? 'nothing'})`);
  }
  return word;
}

// ------------------------------------------------------------------------ operand shape tests

export const isGp = (o: Operand | undefined): o is GpReg & Operand => o?.k === 'gp';
export const isX = (o: Operand | undefined): o is GpReg & Operand => o?.k === 'gp' && o.size === 64;
export const isW = (o: Operand | undefined): o is GpReg & Operand => o?.k === 'gp' && o.size === 32;
export const isImm = (o: Operand | undefined): o is Imm & Operand => o?.k === 'imm' && !o.literal;
export const isFImm = (o: Operand | undefined): o is FImm & Operand => o?.k === 'fimm';
export const isFp = (o: Operand | undefined): o is FpReg & Operand => o?.k === 'fp';
export const isVec = (o: Operand | undefined): o is VecReg & Operand => o?.k === 'vec';

/** The register number of a general register where 31 means the zero register (rejects sp/wsp). */
export function zr(o: GpReg & Operand): number {
  if (o.n === 31 && o.sp) bad(o, `'${o.text}' cannot be used here (the zero register ${o.size === 64 ? 'xzr' : 'wzr'} can)`);
  return o.n;
}

/** The register number of a general register where 31 means SP (rejects xzr/wzr). */
export function sp(o: GpReg & Operand): number {
  if (o.n === 31 && !o.sp) bad(o, `'${o.text}' cannot be used here (the stack pointer ${o.size === 64 ? 'sp' : 'wsp'} can)`);
  return o.n;
}

/** sf: 1 for x registers, 0 for w; all the given registers must be the same size. */
export function sameSize(...ops: (GpReg & Operand)[]): number {
  const size = ops[0]!.size;
  for (const o of ops) if (o.size !== size) bad(o, `'${o.text}' must be a ${size === 64 ? '64-bit (x)' : '32-bit (w)'} register like the first operand`);
  return size === 64 ? 1 : 0;
}

/** Decimal or hex text of a range bound. */
const show = (v: bigint | number): string => (BigInt(v) > 4096n || BigInt(v) < -4096n ? `${BigInt(v) < 0n ? '-' : ''}0x${(BigInt(v) < 0n ? -BigInt(v) : BigInt(v)).toString(16)}` : String(v));

/** Checks lo <= v <= hi (and v a multiple of `step`), with GNU-like messages; returns v as a number. */
export function inRange(op: { loc: Loc }, v: bigint, lo: number, hi: number, what = 'immediate', step = 1): number {
  if (v < BigInt(lo) || v > BigInt(hi)) bad(op, `${what} out of range: ${show(v)} is not in ${show(lo)} to ${show(hi)}`);
  if (step > 1 && v % BigInt(step) !== 0n) bad(op, `${what} must be a multiple of ${step}`);
  return Number(v);
}

/** An immediate's value as a number in [lo, hi] (and a multiple of step). */
export function immIn(op: Imm & Operand, c: EncodeCtx, lo: number, hi: number, what = 'immediate', step = 1): number {
  return inRange(op, c.value(op), lo, hi, what, step);
}

/** The value of an optional shift amount (0 when not written). */
export function shiftAmount(op: { amount: Imm['e'] | null; loc: Loc; text: string }, c: EncodeCtx, lo: number, hi: number): number {
  if (!op.amount) return 0;
  const v = c.value({ k: 'imm', e: op.amount, hash: true, reloc: null, name: null, literal: false, loc: op.loc, text: op.text });
  return inRange(op, v, lo, hi, 'shift amount');
}

/**
 * The offset in `scale`-byte units from the instruction to `target`, as a `bits`-bit field; the
 * target must be aligned to `scale` and within the field's reach (a 64-bit wrap-around counts).
 */
export function pcRelTo(op: { loc: Loc }, c: EncodeCtx, target: bigint, bits: number, scale: number): number {
  const delta = BigInt.asIntN(64, target - BigInt(c.pc));
  if (scale > 1 && delta % BigInt(scale) !== 0n) bad(op, `target is not ${scale}-byte aligned`);
  const units = delta / BigInt(scale);
  const lim = 1n << BigInt(bits - 1);
  if (units < -lim || units >= lim) bad(op, `target out of range: ${delta} bytes is beyond -${show(lim * BigInt(scale))} to ${show((lim - 1n) * BigInt(scale))}`);
  return Number(BigInt.asUintN(bits, units));
}

/** The PC-relative offset to the address an operand names (branches, adr, literal loads). */
export function pcRel(op: Imm & Operand, c: EncodeCtx, bits: number, scale: number): number {
  return pcRelTo(op, c, c.address(op), bits, scale);
}
