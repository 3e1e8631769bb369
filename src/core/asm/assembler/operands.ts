/**
 * Instruction operands as GNU as spells them, parsed into typed values for the encoders:
 * general registers (x0, w3, sp, wsp, xzr, wzr, fp, lr, ip0, ip1), SIMD&FP scalars (b0 h1 s2 d3
 * q4), vectors (v0.4s, v1.s[2], v2.16b), register lists ({v0.8b-v3.8b}, {v1.s, v2.s}[1]),
 * immediates with or without `#` (integer expressions, floating-point constants, relocation
 * operators like `:lo12:sym`), shifts and extends (lsl #3, sxtw, msl #8), memory operands
 * ([x0], [x1, #8]!, [x2, x3, lsl #3], [sp, :lo12:var]) and bare names (conditions, system
 * registers, prefetch and barrier options), which the encoders interpret.
 */
import { type Expr, type LocalLabels, parseExpr } from './expr.js';
import { AsmError, type Loc, type Piece, splitTop } from './source.js';

/** A general-purpose register. n is 0-31; 31 is SP when `sp`, else the zero register. */
export interface GpReg {
  k: 'gp';
  /** 64 (x) or 32 (w) */
  size: 64 | 32;
  n: number;
  sp: boolean;
}

/** A SIMD&FP register as a scalar: b, h, s, d or q. */
export interface FpReg {
  k: 'fp';
  /** element letter */
  t: 'b' | 'h' | 's' | 'd' | 'q';
  n: number;
}

/** `v3`, `v3.4s`, `v3.s[1]` (element with an index), `v3.4s[1]` is not A64 */
export interface VecReg {
  k: 'vec';
  n: number;
  /** arrangement ('8b', '16b', '4h', '8h', '2s', '4s', '1d', '2d', '1q', '2h', '4b') or element letter when indexed */
  arr: string | null;
  index: number | null;
}

/** `{v0.16b, v1.16b}` / `{v0.4s-v3.4s}` / `{v0.s, v1.s}[3]` */
export interface RegList {
  k: 'list';
  first: number;
  count: number;
  arr: string;
  index: number | null;
}

/** Relocation operators GNU as knows for AArch64 static code. */
export type RelocOp =
  | 'lo12'
  | 'lo12_nc'
  | 'got'
  | 'got_lo12'
  | 'pg_hi21'
  | 'pg_hi21_nc'
  | 'abs_g0'
  | 'abs_g0_nc'
  | 'abs_g0_s'
  | 'abs_g1'
  | 'abs_g1_nc'
  | 'abs_g1_s'
  | 'abs_g2'
  | 'abs_g2_nc'
  | 'abs_g2_s'
  | 'abs_g3';

export interface Imm {
  k: 'imm';
  e: Expr;
  /** written with `#` */
  hash: boolean;
  reloc: RelocOp | null;
  /** the bare name, when the operand is a lone identifier (a symbol, condition, sysreg, …) */
  name: string | null;
  /** `=expr`: a literal pool entry (ldr x0, =value) */
  literal: boolean;
}

export interface FImm {
  k: 'fimm';
  v: number;
  text: string;
}

export interface Shift {
  k: 'shift';
  /** lsl lsr asr ror msl, or an extend: uxtb uxth uxtw uxtx sxtb sxth sxtw sxtx */
  op: string;
  /** the amount, null when none was written */
  amount: Expr | null;
}

export interface Mem {
  k: 'mem';
  base: GpReg;
  /** the offset: immediate, register, or none */
  off: Imm | GpReg | null;
  /** shift/extend of a register offset */
  ext: Shift | null;
  /** pre-index writeback `[...]!` */
  pre: boolean;
}

export type Operand = (GpReg | FpReg | VecReg | RegList | Imm | FImm | Shift | Mem) & { loc: Loc; text: string };

const GP_ALIAS: Record<string, [64 | 32, number, boolean]> = {
  sp: [64, 31, true],
  wsp: [32, 31, true],
  xzr: [64, 31, false],
  wzr: [32, 31, false],
  fp: [64, 29, false],
  lr: [64, 30, false],
  ip0: [64, 16, false],
  ip1: [64, 17, false],
};

/** A general register name, or null. */
export function gpReg(name: string): GpReg | null {
  const s = name.toLowerCase();
  const a = GP_ALIAS[s];
  if (a) return { k: 'gp', size: a[0], n: a[1], sp: a[2] };
  const m = /^([xw])(\d{1,2})$/.exec(s);
  if (m && Number(m[2]) <= 30 && String(Number(m[2])) === m[2]) return { k: 'gp', size: m[1] === 'x' ? 64 : 32, n: Number(m[2]), sp: false };
  return null;
}

const ARRANGEMENTS = new Set(['8b', '16b', '4h', '8h', '2s', '4s', '1d', '2d', '1q', '2h', '4b']);
const SHIFTS = new Set(['lsl', 'lsr', 'asr', 'ror', 'msl', 'uxtb', 'uxth', 'uxtw', 'uxtx', 'sxtb', 'sxth', 'sxtw', 'sxtx']);
export const RELOCS = new Set<string>([
  'lo12', 'lo12_nc', 'got', 'got_lo12', 'pg_hi21', 'pg_hi21_nc',
  'abs_g0', 'abs_g0_nc', 'abs_g0_s', 'abs_g1', 'abs_g1_nc', 'abs_g1_s', 'abs_g2', 'abs_g2_nc', 'abs_g2_s', 'abs_g3',
]);

/** `v3.4s` / `v3.s[1]` / `v3` / `v3.4s[1]`; the index text is parsed as a constant expression. */
function vecReg(s: string, fail: (m: string) => never): VecReg | null {
  const m = /^v(\d{1,2})(?:\.(\w+))?\s*(?:\[\s*(\d+)\s*\])?$/i.exec(s);
  if (!m || Number(m[1]) > 31) return null;
  const arr = m[2]?.toLowerCase() ?? null;
  const index = m[3] !== undefined ? Number(m[3]) : null;
  if (arr !== null && !ARRANGEMENTS.has(arr) && !/^[bhsdq]$/.test(arr)) fail(`unknown arrangement '.${m[2]}' (expected 8b, 16b, 4h, 8h, 2s, 4s, 1d, 2d, or an element b, h, s, d)`);
  return { k: 'vec', n: Number(m[1]), arr, index };
}

function fpReg(s: string): FpReg | null {
  const m = /^([bhsdq])(\d{1,2})$/i.exec(s);
  if (!m || Number(m[2]) > 31 || String(Number(m[2])) !== m[2]) return null;
  return { k: 'fp', t: m[1]!.toLowerCase() as FpReg['t'], n: Number(m[2]) };
}

const FLOAT = /^[-+]?(\d+\.\d*([eE][-+]?\d+)?|\d+[eE][-+]?\d+|\.\d+([eE][-+]?\d+)?)$/;

export class OperandParser {
  constructor(private readonly local: LocalLabels) {}

  parse(p: Piece): Operand {
    const fail = (msg: string, col = p.col): never => {
      throw new AsmError({ line: p.line, col }, msg);
    };
    const s = p.text;
    const loc: Loc = { line: p.line, col: p.col };
    const withLoc = <T extends object>(o: T): T & { loc: Loc; text: string } => ({ ...o, loc, text: s });
    if (s === '') fail('missing operand');
    if (s.startsWith('[')) return withLoc(this.mem(p, fail));
    if (s.startsWith('{')) return withLoc(this.list(p, fail));
    const gp = gpReg(s);
    if (gp) return withLoc(gp);
    const fp = fpReg(s);
    if (fp) return withLoc(fp);
    const v = vecReg(s, fail);
    if (v) return withLoc(v);
    const sh = /^([a-z]{3,4})(?:\s+(.*)|\s*(#.*))?$/i.exec(s);
    if (sh && SHIFTS.has(sh[1]!.toLowerCase())) {
      const amtText = (sh[2] ?? sh[3])?.trim();
      let amount: Expr | null = null;
      if (amtText) {
        const at = p.col + s.indexOf(amtText);
        const t = amtText.startsWith('#') ? amtText.slice(1) : amtText;
        amount = parseExpr(t, { line: p.line, col: at + (amtText.length - t.length) }, this.local);
      }
      return withLoc({ k: 'shift' as const, op: sh[1]!.toLowerCase(), amount });
    }
    return withLoc(this.imm(p, fail));
  }

  private imm(p: Piece, fail: (m: string, col?: number) => never): Imm | FImm {
    let s = p.text;
    let col = p.col;
    const literal = s.startsWith('=');
    if (literal) {
      s = s.slice(1);
      col++;
    }
    const hash = s.startsWith('#');
    if (hash) {
      s = s.slice(1);
      col++;
    }
    const lead = s.length - s.trimStart().length;
    s = s.trimStart();
    col += lead;
    let reloc: RelocOp | null = null;
    const r = /^:([a-z0-9_]+):/i.exec(s);
    if (r) {
      const name = r[1]!.toLowerCase();
      if (!RELOCS.has(name)) fail(`unknown relocation operator ':${r[1]}:'`, col);
      reloc = name as RelocOp;
      s = s.slice(r[0].length);
      col += r[0].length;
    }
    const t = s.trim();
    if (!reloc && !literal && FLOAT.test(t)) return { k: 'fimm', v: Number(t), text: t };
    if (t === '') fail('expected a value', col);
    const e = parseExpr(t, { line: p.line, col }, this.local);
    const name = !reloc && !literal && !hash && /^[A-Za-z_.$][A-Za-z0-9_.$]*$/.test(t) ? t : null;
    return { k: 'imm', e, hash, reloc, name, literal };
  }

  private mem(p: Piece, fail: (m: string, col?: number) => never): Mem {
    const s = p.text;
    const close = s.lastIndexOf(']');
    if (close < 0) fail("missing ']'");
    const after = s.slice(close + 1).trim();
    if (after !== '' && after !== '!') fail(`unexpected '${after}' after ']'`, p.col + close + 1);
    const parts = splitTop(s.slice(1, close), ',', p.line, p.col + 1);
    const base = gpReg(parts[0]!.text);
    if (!base || base.size !== 64) fail(`expected a 64-bit base register (x0-x30 or sp), found '${parts[0]!.text}'`, parts[0]!.col);
    let off: Imm | GpReg | null = null;
    let ext: Shift | null = null;
    if (parts.length > 3) fail('too many parts in the address', parts[3]!.col);
    if (parts[1]) {
      const o = this.parse(parts[1]);
      if (o.k === 'gp') off = o;
      else if (o.k === 'imm') off = o;
      else fail(`expected an offset register or immediate, found '${parts[1].text}'`, parts[1].col);
    }
    if (parts[2]) {
      const o = this.parse(parts[2]);
      if (o.k !== 'shift') fail(`expected a shift or extend (lsl, uxtw, sxtw, sxtx), found '${parts[2].text}'`, parts[2].col);
      ext = o;
    }
    return { k: 'mem', base: base!, off, ext, pre: after === '!' };
  }

  private list(p: Piece, fail: (m: string, col?: number) => never): RegList {
    const s = p.text;
    const close = s.indexOf('}');
    if (close < 0) fail("missing '}'");
    const after = s.slice(close + 1).trim();
    let index: number | null = null;
    if (after) {
      const m = /^\[\s*(\d+)\s*\]$/.exec(after);
      if (!m) fail(`unexpected '${after}' after '}'`, p.col + close + 1);
      index = Number(m![1]);
    }
    const inner = s.slice(1, close).trim();
    const regs: VecReg[] = [];
    const range = /^(v\d+\.\w+)\s*-\s*(v\d+\.\w+)$/i.exec(inner);
    const parseV = (t: string): VecReg => {
      const v = vecReg(t.trim(), fail);
      if (!v || v.arr === null || v.index !== null) fail(`expected a vector register like v0.4s in the list, found '${t.trim()}'`);
      return v!;
    };
    if (range) {
      const a = parseV(range[1]!);
      const b = parseV(range[2]!);
      if (a.arr !== b.arr) fail('registers of a list must have the same arrangement');
      // GNU as takes a range only upwards; a list that wraps past v31 is written register by register
      if (b.n < a.n) fail(`invalid range v${a.n}-v${b.n}: a range cannot wrap past v31 (write {v${a.n}.${a.arr}, v${(a.n + 1) & 31}.${a.arr}, …})`);
      const count = ((b.n - a.n) & 31) + 1;
      if (count > 4) fail('a register list has at most 4 registers');
      return { k: 'list', first: a.n, count, arr: a.arr!, index };
    }
    for (const part of inner.split(',')) regs.push(parseV(part));
    if (regs.length === 0 || regs.length > 4) fail('a register list has 1 to 4 registers');
    for (let i = 1; i < regs.length; i++) {
      if (regs[i]!.arr !== regs[0]!.arr) fail('registers of a list must have the same arrangement');
      if (regs[i]!.n !== ((regs[0]!.n + i) & 31)) fail('registers of a list must be consecutive');
    }
    return { k: 'list', first: regs[0]!.n, count: regs.length, arr: regs[0]!.arr!, index };
  }
}
