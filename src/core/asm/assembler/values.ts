/**
 * Values of the assembler's operands and data: an immediate with its relocation operator applied
 * (`:lo12:`, `:abs_g1:` …), a `.set` symbol's old value put into its new expression, and the
 * bytes of a string with GNU as's escapes.
 */
import { utf8Encode } from '../../util/utf8.js';
import type { Expr } from './expr.js';
import type { Imm, Operand } from './operands.js';
import { AsmError, type Piece } from './source.js';

/** An immediate with its relocation operator applied. */
export function applyReloc(op: Imm & Operand, v: bigint, _pc: number): bigint {
  const u = BigInt.asUintN(64, v);
  switch (op.reloc) {
    case null:
      return v;
    case 'lo12':
    case 'lo12_nc':
      return u & 0xfffn;
    case 'abs_g0':
    case 'abs_g0_nc':
    case 'abs_g0_s':
      if (op.reloc === 'abs_g0' && u > 0xffffn) throw new AsmError(op.loc, `value 0x${u.toString(16)} does not fit :abs_g0: (16 bits; use :abs_g0_nc: with movk)`);
      return u & 0xffffn;
    case 'abs_g1':
    case 'abs_g1_nc':
    case 'abs_g1_s':
      if (op.reloc === 'abs_g1' && u > 0xffffffffn) throw new AsmError(op.loc, `value 0x${u.toString(16)} does not fit :abs_g1: (32 bits; use :abs_g1_nc: with movk)`);
      return (u >> 16n) & 0xffffn;
    case 'abs_g2':
    case 'abs_g2_nc':
    case 'abs_g2_s':
      if (op.reloc === 'abs_g2' && u > 0xffffffffffffn) throw new AsmError(op.loc, `value 0x${u.toString(16)} does not fit :abs_g2: (48 bits; use :abs_g2_nc: with movk)`);
      return (u >> 32n) & 0xffffn;
    case 'abs_g3':
      return (u >> 48n) & 0xffffn;
    case 'pg_hi21':
    case 'pg_hi21_nc':
      return v;
    case 'got':
    case 'got_lo12':
      throw new AsmError(op.loc, `:${op.reloc}: needs a global offset table, which a static program from a64as does not have: use adrp and :lo12: instead`);
  }
}

/** Replaces a symbol by a constant in an expression. */
export function substitute(e: Expr, name: string, v: bigint): Expr {
  if (e.t === 'sym' && e.name === name) return { t: 'num', v };
  if (e.t === 'un') return { ...e, a: substitute(e.a, name, v) };
  if (e.t === 'bin') return { ...e, a: substitute(e.a, name, v), b: substitute(e.b, name, v) };
  return e;
}

/** The bytes of a "string" operand with GNU as's escapes. */
export function parseString(p: Piece): number[] {
  const t = p.text;
  if (!t.startsWith('"') || !t.endsWith('"') || t.length < 2) throw new AsmError(p, `expected a string in double quotes, found '${t}'`);
  const out: number[] = [];
  for (let i = 1; i < t.length - 1; i++) {
    const ch = t[i]!;
    if (ch !== '\\') {
      const cp = t.codePointAt(i)!;
      if (cp > 0xffff) i++;
      out.push(...utf8Encode(String.fromCodePoint(cp)));
      continue;
    }
    const e = t[++i];
    if (e === undefined || i >= t.length - 1) throw new AsmError({ line: p.line, col: p.col + i }, 'unfinished escape at the end of the string');
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, e: 27, '\\': 92, '"': 34, "'": 39 };
    if (e in simple) out.push(simple[e]!);
    else if (/[0-7]/.test(e)) {
      let s = e;
      while (s.length < 3 && /[0-7]/.test(t[i + 1] ?? '') && i + 1 < t.length - 1) s += t[++i];
      out.push(parseInt(s, 8) & 0xff);
    } else if (e === 'x' || e === 'X') {
      let s = '';
      while (/[0-9a-fA-F]/.test(t[i + 1] ?? '') && i + 1 < t.length - 1) s += t[++i];
      if (!s) throw new AsmError({ line: p.line, col: p.col + i }, '\\x needs hex digits');
      out.push(parseInt(s.slice(-2), 16));
    } else throw new AsmError({ line: p.line, col: p.col + i - 1 }, `unknown escape '\\${e}' in string`);
  }
  return out;
}
