/**
 * Operand layouts: the encoders of scalar floating point and Advanced SIMD arithmetic describe
 * each instruction as the list of its valid operand type combinations (`fadd s0, s1, s2` is
 * FADD_float with ftype 0: three `s` registers going to Rd, Rn, Rm), generated from the encoding
 * table by family. An instruction is encoded by the layout its operands' types match; when the
 * operands have the right kinds (registers, vectors, immediates) but no layout of the mnemonic
 * takes their types, the message names the first operand that does not fit and what would.
 *
 * Operand types: `x` `w` (general registers), `b` `h` `s` `d` `q` (SIMD&FP scalars), `v.4s` (a
 * vector with an arrangement), `v.d[1]` (an element), and immediates: a fixed value (`#0`,
 * `#0.0`, `#8`) or a value slot that computes fields from the operand (`#fbits`, `cond`, …).
 */
import { type EncodeCtx, type Encoded, type Form, type FormTable, bad, zr } from './encode.js';
import type { Operand } from './operands.js';

/** A register operand of type `t` whose number goes to `field` (or to each of several fields). */
export interface RegSlot {
  t: string;
  field: string | readonly string[];
}

/** A fixed immediate: `#0` (any expression of value 0), `#0.0` (floating-point zero), `#8`, … */
export interface LitSlot {
  lit: string;
}

/** An immediate (or name) whose fields the slot computes; it throws when the value is not allowed. */
export interface ValueSlot {
  /** what is expected, for syntax and messages: `#fbits`, `cond` */
  value: string;
  set(op: Operand, c: EncodeCtx): Record<string, number>;
}

export type Slot = RegSlot | LitSlot | ValueSlot;

/** One valid way to write an instruction of a table entry. */
export interface Layout {
  mnemonic: string;
  entry: string;
  /** the operand syntax of the form this layout belongs to (layouts of one syntax make one form) */
  syntax: string;
  /** fixed fields of the entry (size, Q, ftype, …) */
  fields: Record<string, number>;
  slots: readonly Slot[];
}

export const reg = (t: string, field: string | readonly string[]): RegSlot => ({ t, field });
export const lit = (value: string): LitSlot => ({ lit: value });

/** The coarse kind of an operand: r general, f scalar, v vector, e element, # immediate. */
function opKind(o: Operand): string {
  switch (o.k) {
    case 'gp':
      return 'r';
    case 'fp':
      return 'f';
    case 'vec':
      return o.index === null ? 'v' : 'e';
    case 'imm':
      return o.literal ? '=' : '#';
    case 'fimm':
      return '#';
    default:
      return o.k;
  }
}

function slotKind(s: Slot): string {
  if (!('t' in s)) return '#';
  if (s.t === 'x' || s.t === 'w') return 'r';
  if (s.t.startsWith('v')) return s.t.includes('[') ? 'e' : 'v';
  return 'f';
}

/** An operand's type in the spelling of RegSlot.t (null for immediates). */
function opType(o: Operand): string | null {
  switch (o.k) {
    case 'gp':
      return o.size === 64 ? 'x' : 'w';
    case 'fp':
      return o.t;
    case 'vec':
      return o.arr === null ? 'v' : o.index === null ? `v.${o.arr}` : `v.${o.arr}[${o.index}]`;
    default:
      return null;
  }
}

/** The text of an immediate operand without `#` and blanks. */
export function immText(o: Operand): string {
  return o.text.replace(/^#\s*/, '').trim();
}

/** A plain integer literal (decimal, or hex with a lower-case 0x), as GNU as wants for FP operands. */
export function plainInteger(o: Operand): bigint | null {
  if (o.k !== 'imm' || o.reloc || o.literal) return null;
  const t = immText(o);
  if (/^[-+]?\d+$/.test(t)) return BigInt(t.replace(/^\+/, ''));
  if (/^0x[0-9a-f]+$/i.test(t) && t[1] === 'x') return BigInt(t);
  return null;
}

function litMatches(l: string, o: Operand, c: EncodeCtx): boolean {
  if (l === '#0.0') {
    // floating-point zero: 0.0, 0e0, or an integer literal 0 (not an expression, not -0.0)
    if (o.k === 'fimm') return o.v === 0 && !Object.is(o.v, -0);
    return plainInteger(o) === 0n;
  }
  // an integer: any constant expression of that value
  return o.k === 'imm' && !o.literal && !o.reloc && c.value(o) === BigInt(l.slice(1));
}

function slotMatches(s: Slot, o: Operand, c: EncodeCtx): boolean {
  if ('t' in s) return opType(o) === s.t;
  if ('lit' in s) return litMatches(s.lit, o, c);
  return opKind(o) === '#';
}

/** How a slot would be written with the operand's register number: `v2.4s`, `s3`, `#0`. */
function shown(s: Slot, o: Operand): string {
  if ('lit' in s) return s.lit;
  if ('value' in s) return s.value;
  const n = o.k === 'gp' || o.k === 'fp' || o.k === 'vec' ? o.n : 0;
  if (s.t.startsWith('v')) return `v${n}${s.t.slice(1)}`;
  return `${s.t}${n}`;
}

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function build(l: Layout, ops: readonly Operand[], c: EncodeCtx): Encoded {
  const fields: Record<string, number> = { ...l.fields };
  l.slots.forEach((s, i) => {
    const o = ops[i]!;
    if ('t' in s) {
      const n = o.k === 'gp' ? zr(o) : (o as { n: number }).n;
      for (const f of typeof s.field === 'string' ? [s.field] : s.field) fields[f] = n;
    } else if ('value' in s) Object.assign(fields, s.set(o, c));
  });
  return { entry: l.entry, fields };
}

/** Every layout by mnemonic, across the files that use layouts (so a form can leave operands to another). */
const registry = new Map<string, Layout[]>();

const kindsMatch = (l: Layout, kinds: readonly string[]): boolean => l.slots.length === kinds.length && l.slots.every((s, i) => slotKind(s) === kinds[i]);
const typesMatch = (l: Layout, ops: readonly Operand[], c: EncodeCtx): boolean => l.slots.every((s, i) => slotMatches(s, ops[i]!, c));

/** Throws the message for operands of the right kinds whose types fit none of `layouts`. */
function mismatch(mnemonic: string, layouts: readonly Layout[], ops: readonly Operand[], c: EncodeCtx): never {
  let cur = layouts;
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i]!;
    const next = cur.filter((l) => slotMatches(l.slots[i]!, o, c));
    if (next.length === 0) {
      const want = [...new Set(cur.map((l) => shown(l.slots[i]!, o)))];
      const after = i === 0 ? '' : ` after '${ops.slice(0, i).map((p) => p.text).join(', ')}'`;
      bad(o, `'${o.text}' does not fit '${mnemonic}'${after}: expected ${orList(want)}`);
    }
    cur = next;
  }
  bad(ops[0]!, `operands do not fit '${mnemonic}'`);
}

function layoutForm(mnemonic: string, syntax: string, mine: readonly Layout[]): Form {
  return {
    syntax,
    encode(ops, c) {
      const kinds = ops.map(opKind);
      const cands = mine.filter((l) => kindsMatch(l, kinds));
      if (cands.length === 0) return null;
      const exact = cands.find((l) => typesMatch(l, ops, c));
      if (exact) return build(exact, ops, c);
      const all = (registry.get(mnemonic) ?? []).filter((l) => kindsMatch(l, kinds));
      if (all.some((l) => typesMatch(l, ops, c))) return null; // another form of this mnemonic takes them
      return mismatch(mnemonic, all, ops, c);
    },
  };
}

/** Forms for layouts: one per mnemonic and syntax, in the order given. */
export function layoutForms(layouts: readonly Layout[]): FormTable {
  const groups = new Map<string, Layout[]>();
  for (const l of layouts) {
    const key = `${l.mnemonic}\u0000${l.syntax}`;
    const g = groups.get(key);
    if (g) g.push(l);
    else groups.set(key, [l]);
    const r = registry.get(l.mnemonic);
    if (r) r.push(l);
    else registry.set(l.mnemonic, [l]);
  }
  const out: FormTable = {};
  for (const [key, g] of groups) {
    const [mnemonic, syntax] = key.split('\u0000') as [string, string];
    (out[mnemonic] ??= []).push(layoutForm(mnemonic, syntax, g));
  }
  return out;
}
