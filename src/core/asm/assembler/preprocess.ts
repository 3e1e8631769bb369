/**
 * The statement-level features of GNU as that rewrite the program before it is assembled:
 * macros (`.macro name a, b=default` … `.endm`, `\a` and `\@` in the body, `.exitm`), repeats
 * (`.rept n`, `.irp x, a, b`, `.irpc x, chars` … `.endr`) and conditional assembly (`.if`,
 * `.ifdef`, `.ifndef`, `.ifeq`, `.ifne`, `.ifc`, `.ifnc`, `.elseif`, `.else`, `.endif`).
 * Conditions and counts are constant expressions over the `.equ`/`.set`/`=` symbols seen so far.
 */
import { evaluate, type Expr, parseExpr } from './expr.js';
import { AsmError, parseStatement, type Statement, splitTop } from './source.js';

interface Macro {
  name: string;
  params: { name: string; def: string | null; vararg: boolean }[];
  body: Statement[];
}

const MAX_DEPTH = 100;
const MAX_STATEMENTS = 1_000_000;

export class Preprocessor {
  private readonly macros = new Map<string, Macro>();
  private readonly consts = new Map<string, bigint>();
  private counter = 0;
  private produced = 0;
  readonly errors: AsmError[] = [];

  /** Whether a mnemonic is a macro (so the assembler does not call it unknown). */
  isMacro(name: string): boolean {
    return this.macros.has(name);
  }

  run(input: Statement[]): Statement[] {
    const out: Statement[] = [];
    this.expand(input, out, 0);
    return out;
  }

  private constValue(text: string, st: Statement, col = st.rest.col): bigint {
    const e: Expr = parseExpr(text, { line: st.line, col }, () => {
      throw new AsmError({ line: st.line, col }, 'local labels cannot be used here');
    });
    const v = evaluate(e, { symbol: (n) => (this.consts.has(n) ? { sec: null, off: this.consts.get(n)! } : undefined), here: () => ({ sec: null, off: 0n }) }, st);
    return v.off;
  }

  /** The statements up to the matching end directive (nesting counted); returns the index after it. */
  private block(list: Statement[], start: number, opens: string[], close: string): { body: Statement[]; next: number } {
    let depth = 1;
    for (let i = start; i < list.length; i++) {
      const op = list[i]!.op;
      if (opens.includes(op)) depth++;
      else if (op === close || (close === '.endr' && op === '.endr')) {
        depth--;
        if (depth === 0) return { body: list.slice(start, i), next: i + 1 };
      }
    }
    throw new AsmError(list[start - 1]!, `missing '${close}'`);
  }

  private expand(list: Statement[], out: Statement[], depth: number): void {
    if (depth > MAX_DEPTH) throw new AsmError(list[0] ?? { line: 1, col: 1 }, 'macros nested too deeply (recursive macro?)');
    // conditional state: a stack of [active now, some branch already taken]
    const cond: { active: boolean; taken: boolean; parentActive: boolean }[] = [];
    const active = () => cond.every((c) => c.active);
    for (let i = 0; i < list.length; i++) {
      const st = list[i]!;
      try {
        const op = st.op;
        if (op.startsWith('.if')) {
          const parent = active();
          const v = parent ? this.condition(st) : false;
          cond.push({ active: parent && v, taken: v, parentActive: parent });
          continue;
        }
        if (op === '.elseif' || op === '.else' || op === '.endif') {
          const top = cond[cond.length - 1];
          if (!top) throw new AsmError(st.opLoc, `'${op}' without '.if'`);
          if (op === '.endif') cond.pop();
          else if (op === '.else') {
            top.active = top.parentActive && !top.taken;
            top.taken = true;
          } else {
            const v = top.parentActive && !top.taken ? this.condition({ ...st, op: '.if' }) : false;
            top.active = v;
            top.taken ||= v;
          }
          continue;
        }
        if (!active()) {
          // skip whole blocks so their `.endif`s are not taken for ours
          if (op === '.macro') i = this.block(list, i + 1, ['.macro'], '.endm').next - 1;
          else if (op === '.rept' || op === '.irp' || op === '.irpc') i = this.block(list, i + 1, ['.rept', '.irp', '.irpc'], '.endr').next - 1;
          continue;
        }
        if (op === '.macro') {
          const { body, next } = this.block(list, i + 1, ['.macro'], '.endm');
          this.defineMacro(st, body);
          i = next - 1;
          continue;
        }
        if (op === '.rept' || op === '.irp' || op === '.irpc') {
          const { body, next } = this.block(list, i + 1, ['.rept', '.irp', '.irpc'], '.endr');
          i = next - 1;
          this.repeat(st, body, out, depth);
          continue;
        }
        if (op === '.endm' || op === '.endr') throw new AsmError(st.opLoc, `'${op}' without its opening directive`);
        if (op === '.exitm') return;
        if (op === '=' || op === '.equ' || op === '.set' || op === '.equiv') this.noteConstant(st);
        const m = this.macros.get(op);
        if (m) {
          if (st.labels.length) out.push({ ...st, op: '', args: [], rest: { ...st.rest, text: '' } });
          this.invoke(m, st, out, depth);
          continue;
        }
        if (++this.produced > MAX_STATEMENTS) throw new AsmError(st, 'the program expands to more than a million statements');
        out.push(st);
      } catch (e) {
        if (!(e instanceof AsmError)) throw e;
        this.errors.push(e);
        if (/too deeply|million/.test(e.message)) return;
      }
    }
    if (cond.length) this.errors.push(new AsmError(list[list.length - 1]!, "missing '.endif'"));
  }

  private noteConstant(st: Statement): void {
    let name: string;
    let value: string;
    let col: number;
    if (st.assign) {
      name = st.assign.name.text;
      value = st.assign.value.text;
      col = st.assign.value.col;
    } else {
      if (st.args.length !== 2) return;
      name = st.args[0]!.text;
      value = st.args[1]!.text;
      col = st.args[1]!.col;
    }
    try {
      this.consts.set(name, this.constValue(value, st, col));
    } catch {
      // not a constant (an address): the assembler evaluates it
    }
  }

  private condition(st: Statement): boolean {
    const arg = st.rest.text;
    switch (st.op) {
      case '.if':
      case '.ifne':
        return this.constValue(arg, st) !== 0n;
      case '.ifeq':
        return this.constValue(arg, st) === 0n;
      case '.ifdef':
        return this.consts.has(arg) || this.macros.has(arg);
      case '.ifndef':
        return !(this.consts.has(arg) || this.macros.has(arg));
      case '.ifc':
      case '.ifnc': {
        const parts = splitTop(arg, ',', st.line, st.rest.col).map((p) => p.text.replace(/^'(.*)'$/, '$1'));
        const same = parts[0] === parts[1];
        return st.op === '.ifc' ? same : !same;
      }
      case '.ifb':
        return arg === '';
      case '.ifnb':
        return arg !== '';
      default:
        throw new AsmError(st.opLoc, `unknown directive '${st.op}'`);
    }
  }

  private defineMacro(st: Statement, body: Statement[]): void {
    const m = /^([A-Za-z_.$][A-Za-z0-9_.$]*)\s*,?\s*(.*)$/.exec(st.rest.text);
    if (!m) throw new AsmError(st.rest, 'expected a macro name');
    const params = m[2]!
      .split(/\s*,\s*|\s+/)
      .filter(Boolean)
      .map((p) => {
        const q = /^([A-Za-z_][A-Za-z0-9_]*)(?::(req|vararg))?(?:=(.*))?$/.exec(p);
        if (!q) throw new AsmError(st.rest, `bad macro parameter '${p}'`);
        return { name: q[1]!, def: q[3] ?? null, vararg: q[2] === 'vararg' };
      });
    this.macros.set(m[1]!.toLowerCase(), { name: m[1]!, params, body });
  }

  private invoke(m: Macro, st: Statement, out: Statement[], depth: number): void {
    const args = st.rest.text === '' ? [] : splitTop(st.rest.text, ',', st.line, st.rest.col).map((p) => p.text);
    // GNU as also separates arguments with blanks when there are no commas
    const list = args.length === 1 && m.params.length > 1 ? args[0]!.split(/\s+/) : args;
    const values = new Map<string, string>();
    m.params.forEach((p, i) => {
      let v: string | undefined = p.vararg ? list.slice(i).join(', ') : list[i];
      if (v !== undefined && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) v = undefined; // keyword arguments: below
      values.set(p.name, v ?? p.def ?? '');
    });
    for (const a of list) {
      const kw = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(a);
      if (kw && m.params.some((p) => p.name === kw[1])) values.set(kw[1]!, kw[2]!);
    }
    if (list.length > m.params.length && !m.params.some((p) => p.vararg)) throw new AsmError(st.rest, `too many arguments for macro '${m.name}' (it takes ${m.params.length})`);
    const n = this.counter++;
    const subst = (text: string) =>
      text.replace(/\\(@|[A-Za-z_][A-Za-z0-9_]*)(\(\))?/g, (all, name: string) => {
        if (name === '@') return String(n);
        return values.has(name) ? values.get(name)! : all;
      });
    this.expand(this.reparse(m.body, subst), out, depth + 1);
  }

  private repeat(st: Statement, body: Statement[], out: Statement[], depth: number): void {
    if (st.op === '.rept') {
      const n = this.constValue(st.rest.text, st);
      if (n < 0n || n > 100000n) throw new AsmError(st.rest, `repeat count out of range: ${n} is not in 0 to 100000`);
      for (let k = 0n; k < n; k++) this.expand(this.reparse(body, (t) => t), out, depth + 1);
      return;
    }
    const parts = splitTop(st.rest.text, ',', st.line, st.rest.col);
    const name = parts[0]!.text;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new AsmError(parts[0]!, `expected a parameter name, found '${name}'`);
    const items = st.op === '.irp' ? parts.slice(1).map((p) => p.text) : [...(parts[1]?.text ?? '')];
    const re = new RegExp(`\\\\${name}(?![A-Za-z0-9_])(\\(\\))?`, 'g');
    for (const item of items) this.expand(this.reparse(body, (t) => t.replace(re, item)), out, depth + 1);
  }

  /** The body statements again after substituting their text. */
  private reparse(body: Statement[], subst: (t: string) => string): Statement[] {
    const out: Statement[] = [];
    for (const b of body) {
      const text = subst(b.raw);
      for (const piece of text.split(';')) {
        const s = parseStatement(piece, b.line, b.rawCol);
        if (s) out.push(s);
      }
    }
    return out;
  }
}
