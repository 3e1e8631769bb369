/**
 * GNU as expressions: integers (decimal, 0x hex, 0b binary, leading-0 octal, 'c characters),
 * symbols, `.` (here), numeric local label references (`1b`, `2f`), unary - ~ !, and the binary
 * operators in GNU as's precedence: * / % << >> (highest), | & ^ !, + - == != <> < > <= >=, &&, ||.
 * Values are 64-bit (BigInt: the assembler is not a hot path) and either absolute or an offset
 * into a section; the difference of two places in one section is absolute.
 */
import { AsmError, type Loc } from './source.js';

export type Expr =
  | { t: 'num'; v: bigint }
  | { t: 'sym'; name: string; loc: Loc }
  | { t: 'dot' }
  | { t: 'un'; op: string; a: Expr }
  | { t: 'bin'; op: string; a: Expr; b: Expr; loc: Loc };

/** A value: `off` bytes into section `sec`, or absolute when `sec` is null. */
export interface Value {
  sec: string | null;
  off: bigint;
}

export const MASK64 = (1n << 64n) - 1n;
/** Two's complement 64-bit wrap, as a signed value. */
export const wrap64 = (v: bigint): bigint => BigInt.asIntN(64, v);

/** Turns `1b` / `1f` into the name of the numeric label instance it means at this point. */
export type LocalLabels = (n: string, dir: 'b' | 'f', loc: Loc) => string;

const BIN_LEVELS: string[][] = [['||'], ['&&'], ['+', '-', '==', '!=', '<>', '<', '>', '<=', '>='], ['|', '&', '^', '!'], ['*', '/', '%', '<<', '>>']];

class ExprParser {
  private pos = 0;
  constructor(
    private readonly s: string,
    private readonly loc: Loc,
    private readonly local: LocalLabels,
  ) {}

  private at(): Loc {
    return { line: this.loc.line, col: this.loc.col + this.pos };
  }
  private skip(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos]!)) this.pos++;
  }
  fail(msg: string): never {
    throw new AsmError(this.at(), msg);
  }

  parse(): Expr {
    const e = this.binary(0);
    this.skip();
    if (this.pos < this.s.length) this.fail(`unexpected '${this.s.slice(this.pos, this.pos + 12)}' in expression`);
    return e;
  }

  private binary(level: number): Expr {
    if (level === BIN_LEVELS.length) return this.unary();
    let a = this.binary(level + 1);
    for (;;) {
      this.skip();
      const ops = BIN_LEVELS[level]!;
      // longest operator first, and never take `||`'s `|` or `<<`'s `<` at the wrong level
      const op = [...ops].sort((x, y) => y.length - x.length).find((o) => this.s.startsWith(o, this.pos));
      if (!op) return a;
      const longer = ['||', '&&', '<<', '>>', '<=', '>=', '==', '!=', '<>'].find((o) => o !== op && o.startsWith(op) && this.s.startsWith(o, this.pos));
      if (longer) return a;
      const loc = this.at();
      this.pos += op.length;
      const b = this.binary(level + 1);
      a = { t: 'bin', op, a, b, loc };
    }
  }

  private unary(): Expr {
    this.skip();
    const ch = this.s[this.pos];
    if (ch === '-' || ch === '~' || ch === '!' || ch === '+') {
      this.pos++;
      const a = this.unary();
      return ch === '+' ? a : { t: 'un', op: ch, a };
    }
    return this.primary();
  }

  private primary(): Expr {
    this.skip();
    const rest = this.s.slice(this.pos);
    if (rest.startsWith('(')) {
      this.pos++;
      const e = this.binary(0);
      this.skip();
      if (this.s[this.pos] !== ')') this.fail("expected ')'");
      this.pos++;
      return e;
    }
    let m = /^(\d+)([bf])(?![A-Za-z0-9_.$])/.exec(rest);
    if (m) {
      const loc = this.at();
      this.pos += m[0].length;
      return { t: 'sym', name: this.local(m[1]!, m[2] as 'b' | 'f', loc), loc };
    }
    m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|\d+)(?![A-Za-z0-9_.$])/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      const t = m[1]!;
      let v: bigint;
      if (/^0[bB]/.test(t)) v = BigInt(`0b${t.slice(2)}`);
      else if (/^0[xX]/.test(t)) v = BigInt(t);
      else if (t.length > 1 && t.startsWith('0')) {
        if (!/^[0-7]+$/.test(t)) this.fail(`bad octal number '${t}'`);
        v = BigInt(`0o${t.slice(1)}`);
      } else v = BigInt(t);
      if (v > MASK64) this.fail(`number '${t}' does not fit in 64 bits`);
      return { t: 'num', v };
    }
    if (/^[0-9]/.test(rest)) this.fail(`bad number '${/^[0-9A-Za-z_.]+/.exec(rest)![0]}'`);
    if (rest.startsWith("'")) {
      const c = charConstant(rest);
      if (!c) this.fail('bad character constant');
      this.pos += c.length;
      return { t: 'num', v: BigInt(c.value) };
    }
    m = /^[A-Za-z_.$][A-Za-z0-9_.$]*/.exec(rest);
    if (m) {
      const loc = this.at();
      this.pos += m[0].length;
      if (m[0] === '.') return { t: 'dot' };
      return { t: 'sym', name: m[0], loc };
    }
    if (rest === '') this.fail('expected an expression');
    this.fail(`unexpected '${rest[0]}' in expression`);
  }
}

/** `'a` or `'\n` (with an optional closing quote): its value and length in the text. */
function charConstant(s: string): { value: number; length: number } | null {
  if (s[1] === undefined) return null;
  let value: number;
  let len: number;
  if (s[1] === '\\') {
    const e = s[2];
    if (e === undefined) return null;
    const map: Record<string, number> = { n: 10, t: 9, r: 13, '0': 0, '\\': 92, "'": 39, '"': 34, b: 8, f: 12 };
    value = map[e] ?? e.charCodeAt(0);
    len = 3;
  } else {
    value = s.codePointAt(1)!;
    len = 2;
  }
  if (s[len] === "'") len++;
  return { value, length: len };
}

export function parseExpr(text: string, loc: Loc, local: LocalLabels): Expr {
  return new ExprParser(text, loc, local).parse();
}

/** How an expression finds its symbols and `.` */
export interface Scope {
  /** a symbol's value, or undefined when it is not (yet) defined */
  symbol(name: string): Value | undefined;
  /** the value of `.` */
  here(): Value;
}

/** The names of the symbols an expression refers to. */
export function symbolsOf(e: Expr, out: string[] = []): string[] {
  if (e.t === 'sym') out.push(e.name);
  else if (e.t === 'un') symbolsOf(e.a, out);
  else if (e.t === 'bin') {
    symbolsOf(e.a, out);
    symbolsOf(e.b, out);
  }
  return out;
}

/** Evaluates; throws AsmError for undefined symbols and operations a relocatable value cannot take. */
export function evaluate(e: Expr, scope: Scope, loc: Loc): Value {
  switch (e.t) {
    case 'num':
      return { sec: null, off: e.v };
    case 'dot':
      return scope.here();
    case 'sym': {
      const v = scope.symbol(e.name);
      if (!v) throw new AsmError(e.loc, `undefined symbol '${shownName(e.name)}'`);
      return v;
    }
    case 'un': {
      const a = evaluate(e.a, scope, loc);
      if (a.sec !== null) throw new AsmError(loc, `'${e.op}' needs an absolute value, not an address`);
      const v = e.op === '-' ? -a.off : e.op === '~' ? ~a.off : a.off === 0n ? 1n : 0n;
      return { sec: null, off: wrap64(v) };
    }
    case 'bin': {
      const a = evaluate(e.a, scope, loc);
      const b = evaluate(e.b, scope, loc);
      if (e.op === '+') {
        if (a.sec !== null && b.sec !== null) throw new AsmError(e.loc, 'cannot add two addresses');
        return { sec: a.sec ?? b.sec, off: wrap64(a.off + b.off) };
      }
      if (e.op === '-') {
        if (b.sec !== null && a.sec !== b.sec) throw new AsmError(e.loc, 'cannot subtract an address in another section');
        return { sec: b.sec !== null ? null : a.sec, off: wrap64(a.off - b.off) };
      }
      if (a.sec !== null || b.sec !== null) {
        if (['==', '!=', '<>', '<', '>', '<=', '>='].includes(e.op) && a.sec === b.sec) {
          return { sec: null, off: compare(e.op, a.off, b.off) };
        }
        throw new AsmError(e.loc, `'${e.op}' needs absolute values, not addresses`);
      }
      return { sec: null, off: binary(e.op, a.off, b.off, e.loc) };
    }
  }
}

function compare(op: string, a: bigint, b: bigint): bigint {
  const r = op === '==' ? a === b : op === '!=' || op === '<>' ? a !== b : op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
  return r ? -1n : 0n; // GNU as: true is all ones
}

function binary(op: string, a: bigint, b: bigint, loc: Loc): bigint {
  switch (op) {
    case '*':
      return wrap64(a * b);
    case '/':
    case '%':
      if (b === 0n) throw new AsmError(loc, 'division by zero');
      return wrap64(op === '/' ? a / b : a % b);
    case '<<':
      return b >= 64n || b < 0n ? 0n : wrap64(a << b);
    case '>>':
      return b >= 64n || b < 0n ? 0n : wrap64(BigInt.asUintN(64, a) >> b);
    case '|':
      return wrap64(a | b);
    case '&':
      return wrap64(a & b);
    case '^':
      return wrap64(a ^ b);
    case '!':
      return wrap64(a | ~b);
    case '&&':
      return a !== 0n && b !== 0n ? 1n : 0n;
    case '||':
      return a !== 0n || b !== 0n ? 1n : 0n;
    default:
      return compare(op, a, b);
  }
}

/** A numeric local label instance's internal name (`1\x02 3`) as the source spells it. */
export function shownName(name: string): string {
  const i = name.indexOf('\x02');
  return i < 0 ? name : name.slice(0, i);
}
