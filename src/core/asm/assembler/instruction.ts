/**
 * One instruction to one word: the operands are parsed, the mnemonic's forms are tried in order,
 * and the first whose shape fits encodes. Unknown mnemonics are answered with the nearest known
 * ones; operands that fit no form with the forms that exist.
 */
import { type EncodeCtx, type Form, buildWord } from './encode.js';
import { evaluate } from './expr.js';
import { forms } from './forms.js';
import { type Operand, OperandParser } from './operands.js';
import { AsmError, type Loc, parseStatement } from './source.js';

/** Every mnemonic the assembler knows (b.cond as b.eq, b.ne, …). */
export function mnemonics(): string[] {
  return Object.keys(forms);
}

/** The forms of a mnemonic, or undefined. */
export function formsOf(mnemonic: string): Form[] | undefined {
  return forms[mnemonic.toLowerCase()];
}

/** Encodes one instruction; throws AsmError with what was expected. */
export function encodeInstruction(mnemonic: string, ops: readonly Operand[], c: EncodeCtx, loc: Loc): number {
  const list = forms[mnemonic];
  if (!list) throw new AsmError(loc, unknownMnemonic(mnemonic));
  for (const f of list) {
    const enc = f.encode(ops, c);
    if (enc) return buildWord(enc, loc);
  }
  const want = list.map((f) => `${mnemonic} ${f.syntax}`.trim());
  const shown = want.length > 4 ? [...want.slice(0, 4), `… (${want.length - 4} more)`] : want;
  throw new AsmError(ops[0]?.loc ?? loc, `operands do not fit '${mnemonic}': expected ${shown.join(' | ')}`);
}

/** `unknown mnemonic 'mvo' (did you mean mov, mvn?)` */
export function unknownMnemonic(m: string): string {
  const near = nearest(m, mnemonics(), 3);
  return `unknown instruction '${m}'${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`;
}

/** Up to `n` names closest to `word` by edit distance (at most 2 edits, or a shared prefix). */
export function nearest(word: string, names: readonly string[], n: number): string[] {
  const scored = names
    .map((name) => ({ name, d: distance(word, name) }))
    .filter((s) => s.d <= Math.max(1, Math.min(2, Math.floor(word.length / 2))))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name));
  return scored.slice(0, n).map((s) => s.name);
}

/** Edit distance with transpositions (optimal string alignment): `mvo` is one edit from `mov`. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
/**
 * Assembles one instruction line (no labels: operands are numbers and addresses) placed at `pc`.
 * Throws AsmError. For tests and tools; programs go through `assemble`.
 */
export function assembleLine(text: string, pc: number): number {
  const st = parseStatement(text, 1, 1);
  if (!st || !st.op || st.op.startsWith('.')) throw new AsmError({ line: 1, col: 1 }, 'expected one instruction');
  const parser = new OperandParser(() => {
    throw new AsmError({ line: 1, col: 1 }, 'no local labels in a single line');
  });
  const ops = st.args.map((a) => parser.parse(a));
  const scope = { symbol: () => undefined, here: () => ({ sec: null, off: BigInt(pc) }) };
  const c: EncodeCtx = {
    pc,
    value: (op) => {
      const v = evaluate(op.e, scope, op.loc).off;
      if (op.reloc) throw new AsmError(op.loc, 'relocation operators need a program');
      return v;
    },
    address: (op) => BigInt.asUintN(64, evaluate(op.e, scope, op.loc).off),
    literal: (op) => {
      throw new AsmError(op.loc, 'literal pools need a program');
    },
  };
  return encodeInstruction(st.op, ops, c, st.opLoc);
}
