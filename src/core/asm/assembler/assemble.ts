/**
 * The assembler: GNU as syntax in, a static aarch64 Linux executable out (as `as` + `ld` make it),
 * with every error of the file (line and column), a line table (address → source line) for
 * debuggers, and the symbols.
 *
 * Pass 1 walks the statements once (after macro expansion): it parses every operand, defines
 * labels as offsets into their section, sizes data and registers literal-pool entries. Sections
 * are then placed (link.ts). Pass 2 evaluates every expression with final addresses and encodes
 * the instructions through the encoding table.
 */
import { evaluate, type Expr, MASK64, parseExpr, type Scope, shownName, symbolsOf, type Value } from './expr.js';
import { type EncodeCtx } from './encode.js';
import { encodeInstruction, formsOf, unknownMnemonic } from './instruction.js';
import { type ElfSymbol, IMAGE_BASE, layout, type OutSection, outputName, padBss, rank, type StackNote, writeElf } from './link.js';
import { type Imm, type Operand, OperandParser } from './operands.js';
import { Preprocessor } from './preprocess.js';
import { applyReloc, parseString, substitute } from './values.js';
import { AsmError, type Loc, parseSource, type Piece, type Statement, splitTop } from './source.js';

export interface Diagnostic {
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface LineEntry {
  addr: number;
  line: number;
}

export interface AsmSymbol {
  name: string;
  addr: number;
  global: boolean;
  /** 'func', 'object' or '' */
  type: string;
  size: number;
}

export interface AsmOutput {
  ok: boolean;
  /** errors and warnings, in source order */
  diagnostics: Diagnostic[];
  /** the executable, or null when there were errors */
  elf: Uint8Array | null;
  entry: number;
  sections: { name: string; addr: number; size: number; data: Uint8Array; exec: boolean; write: boolean; nobits: boolean }[];
  symbols: AsmSymbol[];
  /** one entry per instruction, in address order */
  lines: LineEntry[];
}

const NOP = 0xd503201f;

interface Literal {
  key: string;
  expr: Imm & Operand;
  size: 4 | 8 | 16;
  pool: Pool;
  off: number;
}

interface Pool {
  sec: InSection;
  entries: Literal[];
}

type Item =
  | { k: 'insn'; off: number; st: Statement; ops: Operand[]; literal: Literal | null }
  | { k: 'data'; off: number; size: 1 | 2 | 4 | 8; exprs: { e: Expr; loc: Loc }[]; here: number; code: boolean }
  | { k: 'float'; off: number; size: 4 | 8; values: number[] }
  | { k: 'bytes'; off: number; bytes: Uint8Array }
  | { k: 'fill'; off: number; count: number; size: number; value: bigint; nops: boolean }
  | { k: 'pool'; off: number; size: 4 | 8 | 16; entries: Literal[] };

interface InSection {
  name: string;
  nobits: boolean;
  write: boolean;
  exec: boolean;
  align: number;
  size: number;
  items: Item[];
  pools: Map<number, Pool>;
  /** mapping symbols ($x code, $d data) by offset */
  mapping: { off: number; code: boolean }[];
  out: OutSection | null;
  /** offset within the output section */
  base: number;
}

interface Sym {
  name: string;
  /** a label: section and offset */
  sec: InSection | null;
  off: number;
  /** an assignment: expression and where `.` was */
  expr: Expr | null;
  exprHere: { sec: InSection; off: number } | null;
  loc: Loc | null;
  global: boolean;
  weak: boolean;
  type: string;
  size: { e: Expr; here: { sec: InSection; off: number }; loc: Loc } | null;
  /** .equiv: may not be redefined; .set: may */
  fixed: boolean;
}

function sectionFlags(name: string, flags: string | null, type: string | null): { nobits: boolean; write: boolean; exec: boolean } | null {
  if (flags !== null) return { write: flags.includes('w'), exec: flags.includes('x'), nobits: type === 'nobits' || (type === null && outputName(name) === '.bss') };
  const out = outputName(name);
  if (out === '.text') return { nobits: false, write: false, exec: true };
  if (out === '.data') return { nobits: false, write: true, exec: false };
  if (out === '.bss') return { nobits: true, write: true, exec: false };
  if (out === '.rodata') return { nobits: false, write: false, exec: false };
  return null;
}

/** Sections that are not loaded (debug info, notes a compiler emits): accepted and dropped. */
const IGNORED_SECTIONS = /^\.(note|comment|debug|eh_frame|gnu)/;

export function assemble(source: string): AsmOutput {
  return new Assembler().run(source);
}

class Assembler {
  private readonly diags: Diagnostic[] = [];
  private readonly sections = new Map<string, InSection>();
  private readonly symbols = new Map<string, Sym>();
  private cur!: InSection;
  private readonly sectionStack: InSection[] = [];
  private prev: InSection | null = null;
  private readonly localCount = new Map<string, number>();
  private readonly parser = new OperandParser((n, dir, loc) => this.localName(n, dir, loc));
  private ignoring = false;
  /** a .note.GNU-stack section was seen: the executable gets a PT_GNU_STACK header */
  private stack: StackNote = null;
  private lines: LineEntry[] = [];

  private error(loc: Loc, message: string): void {
    this.diags.push({ line: loc.line, col: loc.col, message, severity: 'error' });
  }
  private warn(loc: Loc, message: string): void {
    this.diags.push({ line: loc.line, col: loc.col, message, severity: 'warning' });
  }

  private localName(n: string, dir: 'b' | 'f', _loc: Loc): string {
    const count = this.localCount.get(n) ?? 0;
    return `${n}\x02${dir === 'b' ? count : count + 1}`;
  }

  private section(name: string, flags: string | null = null, type: string | null = null, loc?: Loc): InSection {
    let s = this.sections.get(name);
    if (!s) {
      const f = sectionFlags(name, flags, type);
      if (!f) {
        if (loc) this.error(loc, `section '${name}' needs flags, e.g. .section ${name}, "a" (read-only), "aw" (data) or "ax" (code)`);
        return this.section('.data');
      }
      s = { name, ...f, align: 1, size: 0, items: [], pools: new Map(), mapping: [], out: null, base: 0 };
      this.sections.set(name, s);
    }
    return s;
  }

  private switchTo(s: InSection): void {
    if (s !== this.cur) this.prev = this.cur;
    this.cur = s;
  }

  run(source: string): AsmOutput {
    const { statements, errors } = parseSource(source);
    for (const e of errors) this.error(e.loc, e.message);
    const pre = new Preprocessor();
    const expanded = pre.run(statements);
    for (const e of pre.errors) this.error(e.loc, e.message);
    this.cur = this.section('.text');
    for (const st of expanded) {
      try {
        this.pass1(st);
      } catch (e) {
        if (!(e instanceof AsmError)) throw e;
        this.error(e.loc, e.message);
      }
    }
    for (const s of this.sections.values()) this.flushPools(s);
    const out = this.link();
    this.diags.sort((a, b) => a.line - b.line || a.col - b.col);
    return out;
  }

  // --------------------------------------------------------------------------------- pass 1

  private define(label: Piece): void {
    let name = label.text;
    if (/^\d+$/.test(name)) {
      const count = (this.localCount.get(name) ?? 0) + 1;
      this.localCount.set(name, count);
      name = `${name}\x02${count}`;
    }
    const old = this.symbols.get(name);
    if (old && (old.sec || old.expr)) throw new AsmError(label, `symbol '${label.text}' is already defined${old.loc ? ` (line ${old.loc.line})` : ''}`);
    const s = old ?? this.newSym(name);
    s.sec = this.cur;
    s.off = this.cur.size;
    s.loc = label;
    this.symbols.set(name, s);
  }

  private newSym(name: string): Sym {
    return { name, sec: null, off: 0, expr: null, exprHere: null, loc: null, global: false, weak: false, type: '', size: null, fixed: false };
  }

  private sym(name: string): Sym {
    let s = this.symbols.get(name);
    if (!s) this.symbols.set(name, (s = this.newSym(name)));
    return s;
  }

  private here(): { sec: InSection; off: number } {
    return { sec: this.cur, off: this.cur.size };
  }

  /** Pass-1 scope: labels as section offsets, assignments evaluated; forward references undefined. */
  private pass1Scope(): Scope {
    const here = this.here();
    return {
      symbol: (name) => this.valueOf(name, 1, new Set()),
      here: () => ({ sec: here.sec.name, off: BigInt(here.off) }),
    };
  }

  /** A symbol's value: pass 1 as section offsets, pass 2 as addresses. */
  private valueOf(name: string, pass: 1 | 2, seen: Set<string>): Value | undefined {
    const s = this.symbols.get(name);
    if (!s) return undefined;
    if (s.sec) return pass === 1 ? { sec: s.sec.name, off: BigInt(s.off) } : { sec: null, off: BigInt(this.addrOf(s.sec, s.off)) };
    if (s.expr && s.exprHere) {
      if (seen.has(name)) throw new AsmError(s.loc ?? { line: 1, col: 1 }, `symbol '${name}' is defined in terms of itself`);
      seen.add(name);
      const h = s.exprHere;
      const v = evaluate(
        s.expr,
        {
          symbol: (n) => this.valueOf(n, pass, seen),
          here: () => (pass === 1 ? { sec: h.sec.name, off: BigInt(h.off) } : { sec: null, off: BigInt(this.addrOf(h.sec, h.off)) }),
        },
        s.loc!,
      );
      seen.delete(name);
      return v;
    }
    return undefined;
  }

  private addrOf(sec: InSection, off: number): number {
    return (sec.out?.addr ?? 0) + sec.base + off;
  }

  /** A constant known in pass 1 (sizes, counts, alignments). */
  private constant(p: Piece, what: string): bigint {
    const e = parseExpr(p.text, p, (n, d, l) => this.localName(n, d, l));
    let v: Value;
    try {
      v = evaluate(e, this.pass1Scope(), p);
    } catch (err) {
      if (err instanceof AsmError && /undefined symbol/.test(err.message)) throw new AsmError(err.loc, `${err.message}: ${what} must be known where it is used`);
      throw err;
    }
    if (v.sec !== null) throw new AsmError(p, `${what} must be a constant, not an address`);
    return v.off;
  }

  private markCode(code: boolean): void {
    const m = this.cur.mapping;
    const last = m[m.length - 1];
    if (last && last.off === this.cur.size) last.code = code;
    else if (!last || last.code !== code) m.push({ off: this.cur.size, code });
  }

  private emit(item: Item, size: number): void {
    const s = this.cur;
    if (s.nobits && item.k !== 'fill') throw new AsmError(this.curLoc, `only zeros can go in ${s.name} (.space/.zero/.skip)`);
    if (s.nobits && item.k === 'fill' && item.value !== 0n) throw new AsmError(this.curLoc, `only zeros can go in ${s.name}`);
    s.items.push(item);
    s.size += size;
  }

  private curLoc: Loc = { line: 1, col: 1 };

  private pass1(st: Statement): void {
    this.curLoc = st;
    if (this.ignoring && st.op !== '.section' && st.op !== '.text' && st.op !== '.data' && st.op !== '.bss' && st.op !== '.previous' && st.op !== '.popsection' && st.op !== '.pushsection') return;
    // labels name the place before any padding an instruction adds (as in GNU as, where a branch
    // to such a label is then an error: its target is not word aligned)
    for (const l of st.labels) this.define(l);
    if (st.op === '') return;
    if (st.op === '=') {
      this.assign(st.assign!.name, st.assign!.value, false);
      return;
    }
    if (st.op.startsWith('.')) {
      this.directive(st);
      return;
    }
    this.instruction(st);
  }

  private instruction(st: Statement): void {
    const s = this.cur;
    if (!s.exec) this.warn(st.opLoc, `instruction in ${s.name}, a section that is not code`);
    // after data of odd length GNU as pads to the instruction's 4-byte boundary with zeros
    if (s.size % 4 !== 0) this.alignTo(4, 0n, false);
    s.align = Math.max(s.align, 4);
    const list = formsOf(st.op);
    if (!list) {
      // still take the room, so the addresses after it stay right
      s.items.push({ k: 'fill', off: s.size, count: 1, size: 4, value: 0n, nops: false });
      s.size += 4;
      this.markCode(true);
      throw new AsmError(st.opLoc, unknownMnemonic(st.op));
    }
    let ops: Operand[] = [];
    let literal: Literal | null = null;
    const off = s.size;
    this.markCode(true);
    s.size += 4;
    try {
      ops = st.args.map((a) => this.parser.parse(a));
      const lit = ops.find((o) => o.k === 'imm' && o.literal) as (Imm & Operand) | undefined;
      if (lit) literal = this.addLiteral(lit, ops[0], st.op);
    } catch (e) {
      s.items.push({ k: 'fill', off, count: 1, size: 4, value: 0n, nops: false });
      throw e;
    }
    s.items.push({ k: 'insn', off, st, ops, literal });
  }

  private addLiteral(op: Imm & Operand, dest: Operand | undefined, mnemonic: string): Literal {
    let size: 4 | 8 | 16;
    // ldrsw loads a word into an x register: its literal is 4 bytes
    if (dest?.k === 'gp') size = dest.size === 64 && mnemonic !== 'ldrsw' ? 8 : 4;
    else if (dest?.k === 'fp' && (dest.t === 's' || dest.t === 'd' || dest.t === 'q')) size = dest.t === 's' ? 4 : dest.t === 'd' ? 8 : 16;
    else throw new AsmError(op.loc, "'=value' needs a destination register (x, w, s, d or q) to size the literal");
    let key: string;
    try {
      const v = evaluate(op.e, this.pass1Scope(), op.loc);
      key = v.sec === null ? `c${BigInt.asUintN(64, v.off)}` : `e${op.text}`;
    } catch {
      key = `e${op.text}`;
    }
    let pool = this.cur.pools.get(0);
    if (!pool) this.cur.pools.set(0, (pool = { sec: this.cur, entries: [] }));
    const found = pool.entries.find((l) => l.key === key && l.size === size);
    if (found) return found;
    const l: Literal = { key, expr: op, size, pool, off: -1 };
    pool.entries.push(l);
    return l;
  }

  /** Places the pending literals of a section here (at .ltorg or its end): 4-, 8- then 16-byte ones. */
  private flushPools(s: InSection): void {
    const pool = s.pools.get(0);
    if (!pool || pool.entries.length === 0) return;
    s.pools.delete(0);
    const saved = this.cur;
    this.cur = s;
    for (const size of [4, 8, 16] as const) {
      const entries = pool.entries.filter((l) => l.size === size);
      if (!entries.length) continue;
      this.markCode(false);
      this.alignTo(size, 0n, false); // GNU as pads a pool with zeros, even in code
      const off = s.size;
      entries.forEach((l, i) => (l.off = off + i * size));
      s.items.push({ k: 'pool', off, size, entries });
      s.size += size * entries.length;
      s.align = Math.max(s.align, size);
    }
    this.cur = saved;
  }

  /** Pads to a multiple of `align` bytes: with `fill`, or zeros (NOPs once 4-aligned in code). */
  private alignTo(align: number, fill: bigint | null, limit: number | false): void {
    const s = this.cur;
    s.align = Math.max(s.align, align);
    const pad = (align - (s.size % align)) % align;
    if (pad === 0 || (limit !== false && pad > limit)) return;
    if (fill === null && s.exec) {
      const zeros = (4 - (s.size % 4)) % 4;
      if (zeros) this.emit({ k: 'fill', off: s.size, count: zeros, size: 1, value: 0n, nops: false }, zeros);
      if (pad - zeros) this.emit({ k: 'fill', off: s.size, count: (pad - zeros) / 4, size: 4, value: 0n, nops: true }, pad - zeros);
    } else this.emit({ k: 'fill', off: s.size, count: pad, size: 1, value: fill ?? 0n, nops: false }, pad);
  }

  private assign(name: Piece, value: Piece, fixed: boolean): void {
    const e = parseExpr(value.text, value, (n, d, l) => this.localName(n, d, l));
    const s = this.sym(name.text);
    if (s.sec) throw new AsmError(name, `symbol '${name.text}' is already defined as a label`);
    if (s.fixed || (fixed && s.expr)) throw new AsmError(name, `symbol '${name.text}' is already defined`);
    // `.set x, x + 1`: the old value is taken now
    if (s.expr && symbolsOf(e).includes(name.text)) {
      const v = this.valueOf(name.text, 1, new Set());
      if (v && v.sec === null) {
        s.expr = substitute(e, name.text, v.off);
        s.exprHere = this.here();
        s.loc = name;
        return;
      }
    }
    s.expr = e;
    s.exprHere = this.here();
    s.loc = name;
    s.fixed = fixed;
  }

  private args(st: Statement, min: number, max: number): Piece[] {
    const a = st.args;
    if (a.length < min || a.length > max) {
      const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      const one = min === 1 && (max === 1 || max === Infinity);
      throw new AsmError(st.opLoc, `'${st.op}' takes ${want} argument${one ? '' : 's'}, found ${a.length}`);
    }
    return a;
  }

  private directive(st: Statement): void {
    const op = st.op;
    const s = this.cur;
    switch (op) {
      case '.text':
      case '.data':
      case '.bss':
        this.ignoring = false;
        this.switchTo(this.section(op));
        return;
      case '.section':
      case '.pushsection': {
        const parts = splitTop(st.rest.text, ',', st.line, st.rest.col);
        const name = parts[0]?.text.replace(/^"(.*)"$/, '$1') ?? '';
        if (!name) throw new AsmError(st.rest, 'expected a section name');
        if (op === '.pushsection') this.sectionStack.push(this.cur);
        if (name === '.note.GNU-stack') this.stack = (parts[1]?.text ?? '').includes('x') ? 'rwx' : 'rw';
        if (IGNORED_SECTIONS.test(name)) {
          this.ignoring = true;
          return;
        }
        this.ignoring = false;
        const flags = parts[1] ? parts[1].text.replace(/^"(.*)"$/, '$1') : null;
        const type = parts[2] ? parts[2].text.replace(/^[@%]/, '') : null;
        if (flags !== null && !/^[awxMSGTR?o]*$/.test(flags)) throw new AsmError(parts[1]!, `unknown section flags '${flags}' (use a, w, x)`);
        this.switchTo(this.section(name, flags, type, parts[0]));
        return;
      }
      case '.previous':
        if (this.prev) this.switchTo(this.prev);
        this.ignoring = false;
        return;
      case '.popsection': {
        const p = this.sectionStack.pop();
        if (!p) throw new AsmError(st.opLoc, "'.popsection' without '.pushsection'");
        this.ignoring = false;
        this.switchTo(p);
        return;
      }
      case '.global':
      case '.globl':
      case '.weak':
      case '.local':
      case '.hidden':
      case '.protected':
      case '.internal':
        for (const a of st.args) {
          if (!/^[A-Za-z_.$][A-Za-z0-9_.$]*$/.test(a.text)) throw new AsmError(a, `expected a symbol name, found '${a.text}'`);
          const sy = this.sym(a.text);
          if (op === '.global' || op === '.globl') sy.global = true;
          else if (op === '.weak') sy.weak = true;
          else if (op === '.local') sy.global = false;
        }
        return;
      case '.type': {
        const [name, kind] = this.args(st, 2, 2);
        const k = kind!.text.replace(/^[@%]/, '');
        const map: Record<string, string> = { function: 'func', object: 'object', notype: '', gnu_indirect_function: 'func', tls_object: 'object' };
        if (!(k in map)) throw new AsmError(kind!, `unknown symbol type '${kind!.text}' (use %function or %object)`);
        this.sym(name!.text).type = map[k]!;
        return;
      }
      case '.size': {
        const [name, size] = this.args(st, 2, 2);
        this.sym(name!.text).size = { e: parseExpr(size!.text, size!, (n, d, l) => this.localName(n, d, l)), here: this.here(), loc: size! };
        return;
      }
      case '.equ':
      case '.set':
      case '.equiv': {
        const [name, value] = this.args(st, 2, 2);
        this.assign(name!, value!, op === '.equiv');
        return;
      }
      case '.align':
      case '.p2align':
      case '.balign': {
        const a = this.args(st, 1, 3);
        const n = Number(this.constant(a[0]!, 'the alignment'));
        const align = op === '.balign' ? n : 2 ** n;
        if (op === '.balign' ? n < 1 || n > 65536 || (n & (n - 1)) !== 0 : n < 0 || n > 16) {
          throw new AsmError(a[0]!, op === '.balign' ? `alignment must be a power of two up to 65536, found ${n}` : `alignment out of range: ${n} is not in 0 to 16`);
        }
        const fill = a[1] && a[1].text !== '' ? this.constant(a[1], 'the fill value') : null;
        const max = a[2] ? Number(this.constant(a[2], 'the maximum padding')) : false;
        this.alignTo(align, fill, max);
        return;
      }
      case '.byte':
      case '.hword':
      case '.short':
      case '.2byte':
      case '.word':
      case '.int':
      case '.long':
      case '.4byte':
      case '.quad':
      case '.xword':
      case '.dword':
      case '.8byte':
      case '.inst': {
        const size = op === '.byte' ? 1 : ['.hword', '.short', '.2byte'].includes(op) ? 2 : ['.quad', '.xword', '.dword', '.8byte'].includes(op) ? 8 : 4;
        if (op === '.inst' && s.size % 4 !== 0) this.alignTo(4, 0n, false);
        const exprs = this.args(st, 1, Infinity).map((a) => ({ e: parseExpr(a.text, a, (n, d, l) => this.localName(n, d, l)), loc: a as Loc }));
        this.markCode(op === '.inst');
        this.emit({ k: 'data', off: s.size, size: size as 1 | 2 | 4 | 8, exprs, here: s.size, code: op === '.inst' }, size * exprs.length);
        return;
      }
      case '.float':
      case '.single':
      case '.double': {
        const size = op === '.double' ? 8 : 4;
        const values = this.args(st, 1, Infinity).map((a) => {
          const v = Number(a.text.replace(/^0[fFdD]/, ''));
          if (a.text === '' || Number.isNaN(v)) throw new AsmError(a, `expected a floating-point number, found '${a.text}'`);
          return v;
        });
        this.markCode(false);
        this.emit({ k: 'float', off: s.size, size, values }, size * values.length);
        return;
      }
      case '.ascii':
      case '.asciz':
      case '.string': {
        const parts = this.args(st, 1, Infinity);
        const chunks: number[] = [];
        for (const p of parts) {
          chunks.push(...parseString(p));
          if (op !== '.ascii') chunks.push(0);
        }
        this.markCode(false);
        this.emit({ k: 'bytes', off: s.size, bytes: new Uint8Array(chunks) }, chunks.length);
        return;
      }
      case '.space':
      case '.skip':
      case '.zero': {
        const a = this.args(st, 1, op === '.zero' ? 1 : 2);
        const n = this.constant(a[0]!, 'the size');
        if (n < 0n || n > 1n << 28n) throw new AsmError(a[0]!, `size out of range: ${n} is not in 0 to 268435456`);
        const value = a[1] ? this.constant(a[1], 'the fill value') : 0n;
        this.markCode(false);
        this.emit({ k: 'fill', off: s.size, count: Number(n), size: 1, value, nops: false }, Number(n));
        return;
      }
      case '.fill': {
        const a = this.args(st, 1, 3);
        const n = this.constant(a[0]!, 'the repeat count');
        const size = a[1] ? Number(this.constant(a[1], 'the size')) : 1;
        const value = a[2] ? this.constant(a[2], 'the value') : 0n;
        if (n < 0n || n * BigInt(Math.max(size, 1)) > 1n << 28n) throw new AsmError(a[0]!, `repeat count out of range: ${n}`);
        if (size < 0 || size > 8) throw new AsmError(a[1]!, `size out of range: ${size} is not in 0 to 8`);
        this.markCode(false);
        this.emit({ k: 'fill', off: s.size, count: Number(n), size, value, nops: false }, Number(n) * size);
        return;
      }
      case '.comm':
      case '.lcomm': {
        const a = this.args(st, 2, 3);
        const size = this.constant(a[1]!, 'the size');
        const align = a[2] ? Number(this.constant(a[2], 'the alignment')) : Math.min(16, 2 ** Math.floor(Math.log2(Math.max(1, Number(size)))));
        const saved = this.cur;
        this.cur = this.section('.bss');
        this.alignTo(Math.max(1, align), null, false);
        this.define(a[0]!);
        if (op === '.comm') this.sym(a[0]!.text).global = true;
        this.sym(a[0]!.text).type = 'object';
        this.sym(a[0]!.text).size = { e: { t: 'num', v: size }, here: this.here(), loc: a[1]! };
        this.emit({ k: 'fill', off: this.cur.size, count: Number(size), size: 1, value: 0n, nops: false }, Number(size));
        this.cur = saved;
        return;
      }
      case '.ltorg':
      case '.pool':
        this.flushPools(s);
        return;
      case '.include':
        throw new AsmError(st.opLoc, '.include is not supported: put everything in one file');
      case '.incbin':
        throw new AsmError(st.opLoc, '.incbin is not supported');
      case '.end':
        return;
      case '.arch':
      case '.arch_extension':
      case '.cpu':
      case '.file':
      case '.ident':
      case '.loc':
      case '.variant_pcs':
      case '.addrsig':
      case '.addrsig_sym':
      case '.build_attributes':
      case '.aeabi_subsection':
      case '.aeabi_attribute':
        return;
      case '.err':
        throw new AsmError(st.opLoc, '.err encountered');
      case '.error':
        throw new AsmError(st.opLoc, parseString(st.args[0] ?? st.rest).map((c) => String.fromCharCode(c)).join('') || '.error encountered');
      case '.warning':
        this.warn(st.opLoc, st.rest.text.replace(/^"(.*)"$/, '$1'));
        return;
      default:
        if (op.startsWith('.cfi_')) return;
        throw new AsmError(st.opLoc, `unknown directive '${op}'`);
    }
  }

  // ------------------------------------------------------------------------------- linking

  private link(): AsmOutput {
    // output sections: inputs merged by ld's rules, in output order, empty ones dropped
    const outs = new Map<string, OutSection & { inputs: InSection[] }>();
    for (const s of this.sections.values()) {
      const name = outputName(s.name);
      let o = outs.get(name);
      if (!o) outs.set(name, (o = { name, nobits: s.nobits, write: s.write, exec: s.exec, align: 1, addr: 0, offset: 0, size: 0, data: new Uint8Array(0), inputs: [] }));
      o.inputs.push(s);
    }
    const list = [...outs.values()].filter((o) => o.inputs.some((s) => s.size > 0)).sort((a, b) => rank(a) - rank(b));
    for (const o of list) {
      for (const s of o.inputs) {
        o.size = Math.ceil(o.size / s.align) * s.align;
        s.base = o.size;
        s.out = o;
        o.size += s.size;
        o.align = Math.max(o.align, s.align);
      }
    }
    const phnum = layout(list, this.stack);
    for (const o of list) padBss(o);
    // pass 2
    for (const o of list) {
      o.data = new Uint8Array(o.nobits ? 0 : o.size);
      for (const s of o.inputs) this.pass2(s, o.data.subarray(s.base, s.base + s.size), o.nobits);
    }
    this.lines.sort((a, b) => a.addr - b.addr);
    const symbols = this.finishSymbols(list);
    const start = this.symbols.get('_start');
    const text = list.find((o) => o.exec);
    let entry = text?.addr ?? IMAGE_BASE;
    if (start?.sec && start.global) entry = this.addrOf(start.sec, start.off);
    else if (this.lines.length) this.warn({ line: 1, col: 1 }, `no global _start: the program starts at the beginning of .text (0x${entry.toString(16)}); add '.global _start' and a '_start:' label`);
    // a .global that is never defined (ld would complain only where it is used)
    for (const s of this.symbols.values()) {
      if (s.global && !s.sec && !s.expr && s.name !== '_start') this.warn({ line: 1, col: 1 }, `'${s.name}' is declared global but never defined`);
    }
    const ok = !this.diags.some((d) => d.severity === 'error');
    const elfSymbols: ElfSymbol[] = [];
    const outIndex = (o: OutSection | null) => (o ? list.indexOf(o as OutSection & { inputs: InSection[] }) : -1);
    for (const o of list) {
      for (const s of o.inputs) {
        for (const m of s.mapping) {
          if (m.off < s.size || (m.off === s.size && s.size === 0)) elfSymbols.push({ name: m.code ? '$x' : '$d', value: this.addrOf(s, m.off), size: 0, type: 0, global: false, weak: false, section: outIndex(o) });
        }
      }
    }
    for (const sy of symbols) elfSymbols.push(sy.elf);
    return {
      ok,
      diagnostics: this.diags,
      elf: ok ? writeElf(list, phnum, elfSymbols, entry, this.stack) : null,
      entry,
      sections: list.map((o) => ({ name: o.name, addr: o.addr, size: o.size, data: o.data, exec: o.exec, write: o.write, nobits: o.nobits })),
      symbols: symbols.map((s) => s.pub),
      lines: this.lines,
    };
  }

  private finishSymbols(list: OutSection[]): { pub: AsmSymbol; elf: ElfSymbol }[] {
    const out: { pub: AsmSymbol; elf: ElfSymbol }[] = [];
    for (const s of this.symbols.values()) {
      if (s.name.includes('\x02') || s.name.startsWith('.L')) continue;
      let addr: number;
      let section = -1;
      if (s.sec) {
        addr = this.addrOf(s.sec, s.off);
        section = s.sec.out ? list.indexOf(s.sec.out) : -1;
      } else if (s.expr) {
        try {
          const v = this.valueOf(s.name, 2, new Set());
          if (!v) continue;
          addr = Number(BigInt.asUintN(64, v.off));
        } catch (e) {
          if (e instanceof AsmError) this.error(e.loc, e.message);
          continue;
        }
      } else continue;
      let size = 0;
      if (s.size) {
        try {
          const h = s.size.here;
          const v = evaluate(s.size.e, { symbol: (n) => this.valueOf(n, 2, new Set()), here: () => ({ sec: null, off: BigInt(this.addrOf(h.sec, h.off)) }) }, s.size.loc);
          size = Number(BigInt.asUintN(64, v.off));
        } catch (e) {
          if (e instanceof AsmError) this.error(e.loc, e.message);
        }
      }
      const type = s.type === 'func' ? 2 : s.type === 'object' ? 1 : 0;
      out.push({
        pub: { name: s.name, addr, global: s.global || s.weak, type: s.type, size },
        elf: { name: s.name, value: addr, size, type, global: s.global, weak: s.weak, section },
      });
    }
    return out;
  }

  // --------------------------------------------------------------------------------- pass 2

  private pass2(s: InSection, data: Uint8Array, nobits: boolean): void {
    if (nobits) return;
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const put = (off: number, size: number, v: bigint) => {
      const u = BigInt.asUintN(64, v);
      if (size === 1) view.setUint8(off, Number(u & 0xffn));
      else if (size === 2) view.setUint16(off, Number(u & 0xffffn), true);
      else if (size === 4) view.setUint32(off, Number(u & 0xffffffffn), true);
      else if (size === 8) view.setBigUint64(off, u, true);
      else for (let i = 0; i < size; i++) view.setUint8(off + i, Number((u >> BigInt(8 * i)) & 0xffn));
    };
    for (const it of s.items) {
      try {
        switch (it.k) {
          case 'insn': {
            const pc = this.addrOf(s, it.off);
            this.lines.push({ addr: pc, line: it.st.line });
            view.setUint32(it.off, encodeInstruction(it.st.op, it.ops, this.ctx(s, it.off, it.literal), it.st.opLoc), true);
            break;
          }
          case 'data': {
            it.exprs.forEach((x, i) => {
              const here = this.addrOf(s, it.here + i * it.size);
              const v = evaluate(x.e, this.pass2Scope(here), x.loc);
              const u = v.off;
              if (it.size < 8) {
                const bitsN = BigInt(it.size * 8);
                if (u >= 1n << bitsN || u < -(1n << (bitsN - 1n))) this.warn(x.loc, `value 0x${BigInt.asUintN(64, u).toString(16)} truncated to ${it.size} byte${it.size > 1 ? 's' : ''}`);
              }
              put(it.off + i * it.size, it.size, u);
              if (it.code) this.lines.push({ addr: here, line: x.loc.line });
            });
            break;
          }
          case 'float':
            it.values.forEach((v, i) => (it.size === 4 ? view.setFloat32(it.off + i * 4, v, true) : view.setFloat64(it.off + i * 8, v, true)));
            break;
          case 'bytes':
            data.set(it.bytes, it.off);
            break;
          case 'fill':
            for (let i = 0; i < it.count; i++) put(it.off + i * it.size, it.size, it.nops ? BigInt(NOP) : it.value);
            break;
          case 'pool':
            it.entries.forEach((l, i) => {
              const v = this.immValue(l.expr, this.addrOf(s, it.off + i * it.size));
              if (it.size === 16) {
                put(it.off + i * 16, 8, v);
                put(it.off + i * 16 + 8, 8, v < 0n ? -1n : 0n);
              } else {
                if (it.size === 4 && (v > 0xffffffffn || v < -0x80000000n)) this.error(l.expr.loc, `literal does not fit 32 bits`);
                put(it.off + i * it.size, it.size, v);
              }
            });
            break;
        }
      } catch (e) {
        if (!(e instanceof AsmError)) throw e;
        this.error(e.loc, e.message);
      }
    }
  }

  private pass2Scope(here: number): Scope {
    return { symbol: (n) => this.valueOf(n, 2, new Set()), here: () => ({ sec: null, off: BigInt(here) }) };
  }

  private immValue(op: Imm & Operand, here: number): bigint {
    return evaluate(op.e, this.pass2Scope(here), op.loc).off;
  }

  private ctx(s: InSection, off: number, literal: Literal | null): EncodeCtx {
    const pc = this.addrOf(s, off);
    return {
      pc,
      address: (op) => BigInt.asUintN(64, this.immValue(op, pc)),
      value: (op) => applyReloc(op, this.immValue(op, pc), pc),
      literal: (op) => {
        if (!literal) throw new AsmError(op.loc, 'internal: no literal registered');
        return BigInt(this.addrOf(literal.pool.sec, literal.off));
      },
    };
  }
}

export { shownName, MASK64 };
export { parseString } from './values.js';
