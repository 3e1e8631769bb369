/**
 * What every operand formatter shares: the formatter type, register names, immediates in the
 * spelling GNU objdump uses, conditions, shifts and extends, and 64-bit address arithmetic on
 * JavaScript numbers (no BigInt).
 */
import type { Encoding } from '../cpu/decode/encoding.js';

/** An instruction's fields by name (the table pattern's names). */
export type Fields = Readonly<Record<string, number>>;

/** Where the instruction is: its word, address and table entry. */
export interface Ctx {
  readonly word: number;
  readonly addr: number;
  readonly enc: Encoding;
}

/** A formatted instruction. `target` is a code or data address the operands name (branch, ADR, literal). */
export interface Insn {
  mnemonic: string;
  operands: string;
  target?: number;
  /** objdump's trailing comment (after `//`), e.g. the decimal value of a MOV immediate */
  comment?: string;
}

/** Formats one table entry's instruction, or returns null when objdump would not (`.inst … ; undefined`). */
export type Formatter = (f: Fields, c: Ctx) => Insn | null;
export type Formatters = Record<string, Formatter>;

/** `mnemonic op1, op2, …` */
export function ins(mnemonic: string, ...operands: string[]): Insn {
  return { mnemonic, operands: operands.join(', ') };
}

/** The same formatter for every listed entry name (space-separated). */
export function family(fmt: Formatter, names: string): Formatters {
  const out: Formatters = {};
  for (const n of names.trim().split(/\s+/)) out[n] = fmt;
  return out;
}

// ---------------------------------------------------------------------------------- registers

/** Xn, 31 = XZR */
export const x = (n: number): string => (n === 31 ? 'xzr' : `x${n}`);
/** Wn, 31 = WZR */
export const w = (n: number): string => (n === 31 ? 'wzr' : `w${n}`);
/** Xn, 31 = SP */
export const xsp = (n: number): string => (n === 31 ? 'sp' : `x${n}`);
/** Wn, 31 = WSP */
export const wsp = (n: number): string => (n === 31 ? 'wsp' : `w${n}`);
/** Xn or Wn by sf, 31 = ZR */
export const r = (sf: number, n: number): string => (sf ? x(n) : w(n));
/** Xn or Wn by sf, 31 = SP */
export const rsp = (sf: number, n: number): string => (sf ? xsp(n) : wsp(n));

// --------------------------------------------------------------------------------- immediates

/** Lower-case hex of a value, negatives as 64-bit two's complement (exact for |v| < 2^53). */
export function hex64(v: number): string {
  if (v >= 0) return v.toString(16);
  const hi = Math.floor(v / 4294967296);
  const lo = v - hi * 4294967296;
  return (hi >>> 0).toString(16) + lo.toString(16).padStart(8, '0');
}

/** Hex of a 64-bit value given as two 32-bit halves. */
export function hexHalves(lo: number, hi: number): string {
  if (hi === 0) return (lo >>> 0).toString(16);
  return (hi >>> 0).toString(16) + (lo >>> 0).toString(16).padStart(8, '0');
}

/** Decimal of a signed 64-bit value given as halves (exact: uses string long division when needed). */
export function decHalves(lo: number, hi: number): string {
  const neg = hi < 0;
  let l = lo >>> 0;
  let h = hi >>> 0;
  if (neg) {
    // two's complement negate
    l = (~l + 1) >>> 0;
    h = (~h + (l === 0 ? 1 : 0)) >>> 0;
  }
  const s = unsignedDecimal(l, h);
  return neg ? `-${s}` : s;
}

/** Decimal of an unsigned 64-bit value in halves. */
function unsignedDecimal(lo: number, hi: number): string {
  const v = hi * 4294967296 + (lo >>> 0);
  if (v <= Number.MAX_SAFE_INTEGER) return String(v);
  // split into 10^9 limbs: value = hi*2^32 + lo
  let h = hi >>> 0;
  let l = lo >>> 0;
  const limbs: number[] = [];
  while (h !== 0 || l !== 0) {
    // divide (h:l) by 1e9 using 16-bit chunks
    const parts = [h >>> 16, h & 0xffff, l >>> 16, l & 0xffff];
    let rem = 0;
    for (let i = 0; i < 4; i++) {
      const cur = rem * 65536 + parts[i]!;
      parts[i] = Math.floor(cur / 1e9);
      rem = cur % 1e9;
    }
    h = ((parts[0]! << 16) | parts[1]!) >>> 0;
    l = ((parts[2]! << 16) | parts[3]!) >>> 0;
    limbs.push(rem);
  }
  let s = String(limbs.pop()!);
  while (limbs.length) s += String(limbs.pop()!).padStart(9, '0');
  return s;
}

// ---------------------------------------------------------------------------------- addresses

const TWO64 = 18446744073709551616;

/** addr + offset as an address; below zero it wraps (approximately, as a number) like a 64-bit one. */
function addrPlus(addr: number, offset: number): number {
  const v = addr + offset;
  return v < 0 ? TWO64 + v : v;
}

/**
 * A branch/ADR/literal operand: the target as objdump prints it (lower-case hex without 0x, 64-bit
 * wrap below zero) and as a number.
 */
export function target(addr: number, offset: number): { text: string; target: number } {
  return { text: hex64(addr + offset), target: addrPlus(addr, offset) };
}

export { sext } from '../cpu/arm/bits.js';

// --------------------------------------------------------------------------------- conditions

export const COND = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le', 'al', 'nv'] as const;
export const cond = (c: number): string => COND[c & 15]!;

export const SHIFT = ['lsl', 'lsr', 'asr', 'ror'] as const;
export const EXTEND = ['uxtb', 'uxth', 'uxtw', 'uxtx', 'sxtb', 'sxth', 'sxtw', 'sxtx'] as const;

/** The other names of each condition (SVE's among them), which objdump lists in a comment. */
const COND_OTHER_NAMES: readonly (readonly string[])[] = [
  ['none'], ['any'], ['hs', 'nlast'], ['lo', 'ul', 'last'], ['first'], ['nfrst'], [], [],
  ['pmore'], ['plast'], ['tcont'], ['tstop'], [], [], [], [],
];
export const condOtherNames = (c: number): readonly string[] => COND_OTHER_NAMES[c & 15]!;

/** objdump's comment for a condition operand: `cs = hs, nlast`, or undefined. */
export function condComment(c: number): string | undefined {
  const o = condOtherNames(c);
  return o.length ? `${COND[c & 15]} = ${o.join(', ')}` : undefined;
}

/** `, lsl #3` (nothing for LSL #0) */
export function shiftSuffix(shift: number, amount: number): string {
  return shift === 0 && amount === 0 ? '' : `, ${SHIFT[shift]} #${amount}`;
}
