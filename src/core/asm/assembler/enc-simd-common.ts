/**
 * Operand helpers shared by the Advanced SIMD encoders: arrangements (`v0.4s`) to size and Q,
 * lanes (`v1.s[2]`, which GNU as also accepts as `v1.4s[2]`), scalar registers by element size,
 * and the table lines of a formatter family. A form returns null when the operands are of other
 * kinds (another form or another class may take them); once the kinds are this form's, a wrong
 * arrangement or an index out of range is an error that says what is allowed.
 */
import { simd } from '../../cpu/decode/table-simd.js';
import type { TableLine } from '../../cpu/decode/encoding.js';
import { type EncodeCtx, type Encoded, type Form, bad, inRange, isFp, isGp, isImm, isVec } from './encode.js';
import type { FpReg, GpReg, Imm, Operand, RegList, Shift, VecReg } from './operands.js';

export type Ops = readonly Operand[];
export type Vec = VecReg & Operand;
export type Scalar = FpReg & Operand;
export type Gp = GpReg & Operand;
export type ImmOp = Imm & Operand;
export type ShiftOp = Shift & Operand;
export type List = RegList & Operand;

export function form(syntax: string, encode: (ops: Ops, c: EncodeCtx) => Encoded | null): Form {
  return { syntax, encode };
}

// ------------------------------------------------------------------------------- arrangements

/** size (0 b, 1 h, 2 s, 3 d) and Q (0: 64-bit vector, 1: 128-bit) of each arrangement */
const ARRANGEMENTS: Record<string, { size: number; q: number }> = {
  '8b': { size: 0, q: 0 },
  '16b': { size: 0, q: 1 },
  '4h': { size: 1, q: 0 },
  '8h': { size: 1, q: 1 },
  '2s': { size: 2, q: 0 },
  '4s': { size: 2, q: 1 },
  '1d': { size: 3, q: 0 },
  '2d': { size: 3, q: 1 },
};

/** The arrangement of size and Q: `arrangement(2, 1)` is `4s` */
export function arrangement(size: number, q: number): string {
  for (const [name, a] of Object.entries(ARRANGEMENTS)) if (a.size === size && a.q === q) return name;
  throw new Error(`assembler: no arrangement of size ${size}, Q ${q}`);
}

/** The element letter of a size: 0 b, 1 h, 2 s, 3 d, 4 q */
export const letter = (size: number): string => 'bhsdq'[size]!;

/** The size of an element letter (b 0 … q 4), or -1 */
export const sizeOfLetter = (l: string): number => 'bhsdq'.indexOf(l);

/** Every arrangement 8b..2d except 1d (the shape of most vector instructions) */
export const ALL_BUT_1D = ['8b', '16b', '4h', '8h', '2s', '4s', '2d'];

/** A whole vector with an arrangement: `v3.4s` (not `v3`, not a lane). */
export const isVecT = (o: Operand | undefined): o is Vec => isVec(o) && o.arr !== null && o.index === null && /^\d/.test(o.arr);

/** A lane: `v3.s[1]` (or `v3.4s[1]`). */
export const isLane = (o: Operand | undefined): o is Vec => isVec(o) && o.arr !== null && o.index !== null;

export const isScalar = (o: Operand | undefined): o is Scalar => isFp(o);
export const isGpReg = (o: Operand | undefined): o is Gp => isGp(o);
export const isImmOp = (o: Operand | undefined): o is ImmOp => isImm(o);
export const isShift = (o: Operand | undefined): o is ShiftOp => o?.k === 'shift';
export const isList = (o: Operand | undefined): o is List => o?.k === 'list';

/** `4s, 2d or 8h` */
export const orList = (items: readonly string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);

/** size and Q of a vector's arrangement, which must be one of `allowed` (`hint` explains why). */
export function vecArr(o: Vec, allowed: readonly string[], hint = ''): { size: number; q: number } {
  if (!allowed.includes(o.arr!)) bad(o, `arrangement .${o.arr} not allowed here (expected ${orList(allowed.map((a) => `.${a}`))}${hint ? `; ${hint}` : ''})`);
  return ARRANGEMENTS[o.arr!]!;
}

/** A vector's arrangement must be `want` (the one the other operands imply). */
export function sameArr(o: Vec, want: string): void {
  if (o.arr !== want) bad(o, `expected v${o.n}.${want} here, found '${o.text}'`);
}

/**
 * The element size of a lane: its letter (`v1.s[2]`), or the letter of the arrangement GNU as
 * also accepts there (`v1.4s[2]`).
 */
export function laneSize(o: Vec): number {
  return sizeOfLetter(o.arr!.slice(-1));
}

/**
 * A lane whose element size must be one of `sizes` (`why` says what decides it): its size and
 * index, checked against the lanes of a 128-bit vector.
 */
export function lane(o: Vec, sizes: readonly number[], why = ''): { size: number; index: number } {
  const size = laneSize(o);
  if (!sizes.includes(size)) bad(o, `expected a ${orList(sizes.map((s) => `.${letter(s)}`))} element${why ? ` (${why})` : ''}, found '${o.text}'`);
  return { size, index: inRange(o, BigInt(o.index!), 0, (16 >> size) - 1, 'element index') };
}

/** The index of a lane that must have element size `size`. */
export function laneIndex(o: Vec, size: number, why = ''): number {
  return lane(o, [size], why).index;
}

/** A scalar register whose element size must be one of `sizes`; returns the size. */
export function scalarSize(o: Scalar, sizes: readonly number[]): number {
  const s = sizeOfLetter(o.t);
  if (!sizes.includes(s)) bad(o, `expected ${orList(sizes.map((z) => `${letter(z)}${o.n}`))} here, found '${o.text}'`);
  return s;
}

/** A scalar register that must have element size `size`. */
export function scalarOf(o: Scalar, size: number): number {
  if (sizeOfLetter(o.t) !== size) bad(o, `expected ${letter(size)}${o.n} here, found '${o.text}'`);
  return o.n;
}

/** The register of a 16-bit lane of a by-element instruction: only v0-v15 fit its 4-bit field. */
export function lowReg(o: Vec): number {
  if (o.n > 15) bad(o, `register out of range: v${o.n} is not in v0 to v15 (the element register of a 16-bit lane has 4 bits)`);
  return o.n;
}

// --------------------------------------------------------------------------------- immediates

/**
 * A shift operand (`lsl #8`, `msl #16`) that must be one of `allowed` (amounts by operator);
 * the message lists them all.
 */
export function shiftOf(o: ShiftOp, c: EncodeCtx, allowed: Readonly<Record<string, readonly number[]>>): { op: string; amount: number } {
  const all = Object.entries(allowed).flatMap(([op, amounts]) => amounts.map((a) => `${op} #${a}`));
  const fail = (): never => bad(o, `shift must be ${orList(all)} here, found '${o.text}'`);
  if (!(o.op in allowed) || !o.amount) fail();
  const v = c.value({ k: 'imm', e: o.amount!, hash: true, reloc: null, name: null, literal: false, loc: o.loc, text: o.text });
  const amount = allowed[o.op]!.find((a) => BigInt(a) === v);
  if (amount === undefined) fail();
  return { op: o.op, amount: amount! };
}

// --------------------------------------------------------------------------------- the table

/** The table lines (Advanced SIMD) whose handler names are keys of `formatters`. */
export function linesOf(formatters: Record<string, unknown>): TableLine[] {
  return simd.filter((l) => l[0] in formatters);
}

/** Adds forms under a mnemonic. */
export function add(table: Record<string, Form[]>, mnemonic: string, ...f: Form[]): void {
  (table[mnemonic] ??= []).push(...f);
}
