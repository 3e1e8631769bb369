/**
 * Source text to statements, as GNU as reads AArch64 assembly: `//` and `/* *\/` comments, a `#`
 * in the first column comments out its line, `;` separates statements on one line, and a
 * statement is any number of labels (`name:`, `1:`) followed by a directive, an assignment
 * (`name = expr`) or an instruction. Every piece keeps its line and column for messages.
 */

/** Where something is in the source: 1-based line and column. */
export interface Loc {
  line: number;
  col: number;
}

/** A piece of text with its location. */
export interface Piece extends Loc {
  text: string;
}

export interface Statement extends Loc {
  /** the statement's text as written (for macro bodies) */
  raw: string;
  /** the column where raw starts */
  rawCol: number;
  labels: Piece[];
  /** the directive (with its dot) or mnemonic, lower-cased; '' for a statement of labels only */
  op: string;
  /** where op is */
  opLoc: Loc;
  /** the operands as written, split at top-level commas (directives: see `rest`) */
  args: Piece[];
  /** everything after op, trimmed (for directives that parse their own text, like .ascii) */
  rest: Piece;
  /** `name = expr` */
  assign?: { name: Piece; value: Piece };
}

/** An error at a place in the source. */
export class AsmError extends Error {
  constructor(
    readonly loc: Loc,
    message: string,
  ) {
    super(message);
  }
}

/** Blanks out comments (keeping line and column positions) and splits into physical lines. */
export function stripComments(src: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inBlock = false;
  let quote: string | null = null;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\n') {
      out.push(cur);
      cur = '';
      quote = null; // a string never spans lines
      continue;
    }
    if (inBlock) {
      if (ch === '*' && src[i + 1] === '/') {
        inBlock = false;
        cur += '  ';
        i++;
      } else cur += ch === '\t' ? '\t' : ' ';
      continue;
    }
    if (quote) {
      cur += ch;
      if (ch === '\\' && i + 1 < src.length && src[i + 1] !== '\n') cur += src[++i]!;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"') {
      quote = ch;
      cur += ch;
      continue;
    }
    if (ch === "'" && i + 1 < src.length && src[i + 1] !== '\n') {
      // a character constant: 'c or '\n (GNU as needs no closing quote)
      cur += ch;
      if (src[i + 1] === '\\' && i + 2 < src.length) {
        cur += src[i + 1]! + src[i + 2]!;
        i += 2;
      } else cur += src[++i]!;
      if (src[i + 1] === "'") cur += src[++i]!;
      continue;
    }
    if (ch === '/' && src[i + 1] === '/') {
      while (i + 1 < src.length && src[i + 1] !== '\n') i++;
      continue;
    }
    if (ch === '/' && src[i + 1] === '*') {
      inBlock = true;
      cur += '  ';
      i++;
      continue;
    }
    if (ch === '#' && cur === '') {
      // '#' in the first column: a comment line (and cpp's `# 1 "file"` markers)
      while (i + 1 < src.length && src[i + 1] !== '\n') i++;
      continue;
    }
    if (ch === '\r') continue;
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** Splits text at top-level occurrences of `sep` (outside strings, (), [] and {}), with columns. */
export function splitTop(text: string, sep: string, line: number, col0: number): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), line, col: col0 + start + lead });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === '"') quote = false;
      continue;
    }
    if (ch === '"') quote = true;
    else if (ch === "'") i += text[i + 1] === '\\' ? 2 : 1;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === sep && depth <= 0) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}

const LABEL = /^\s*([A-Za-z_.$][A-Za-z0-9_.$]*|\d+)\s*:(?!:)/;
const ASSIGN = /^\s*([A-Za-z_.$][A-Za-z0-9_.$]*)\s*=(?!=)/;
const OP = /^\s*(\.[A-Za-z0-9_][A-Za-z0-9_.]*|[A-Za-z_][A-Za-z0-9_.]*)/;

/** Parses one statement (the text between `;`s of a line). */
export function parseStatement(text: string, line: number, col0: number): Statement | null {
  const labels: Piece[] = [];
  let pos = 0;
  for (;;) {
    const m = LABEL.exec(text.slice(pos));
    if (!m) break;
    const at = pos + m[0].indexOf(m[1]!);
    labels.push({ text: m[1]!, line, col: col0 + at });
    pos += m[0].length;
  }
  const body = text.slice(pos);
  if (body.trim() === '') {
    if (!labels.length) return null;
    const loc = labels[0]!;
    return { raw: text, rawCol: col0, line, col: loc.col, labels, op: '', opLoc: loc, args: [], rest: { text: '', line, col: col0 + text.length } };
  }
  const lead = body.length - body.trimStart().length;
  const opCol = col0 + pos + lead;
  const a = ASSIGN.exec(body);
  if (a) {
    const valueAt = pos + a[0].length;
    const valueText = text.slice(valueAt);
    const vlead = valueText.length - valueText.trimStart().length;
    return {
      raw: text, rawCol: col0,
      line,
      col: labels[0]?.col ?? opCol,
      labels,
      op: '=',
      opLoc: { line, col: opCol },
      args: [],
      rest: { text: valueText.trim(), line, col: col0 + valueAt + vlead },
      assign: { name: { text: a[1]!, line, col: opCol }, value: { text: valueText.trim(), line, col: col0 + valueAt + vlead } },
    };
  }
  const m = OP.exec(body);
  if (!m) throw new AsmError({ line, col: opCol }, `expected an instruction or directive, found '${body.trim().slice(0, 20)}'`);
  const op = m[1]!;
  const afterOp = pos + m[0].length;
  const restText = text.slice(afterOp);
  const rlead = restText.length - restText.trimStart().length;
  const rest: Piece = { text: restText.trim(), line, col: col0 + afterOp + rlead };
  // a directive or instruction name must be followed by a blank or the end
  if (restText.length && !/^\s/.test(restText)) {
    throw new AsmError({ line, col: col0 + afterOp }, `unexpected '${restText[0]}' after '${op}'`);
  }
  const args = rest.text === '' ? [] : splitTop(restText, ',', line, col0 + afterOp);
  return { raw: text, rawCol: col0, line, col: labels[0]?.col ?? opCol, labels, op: op.toLowerCase(), opLoc: { line, col: opCol }, args, rest };
}

/** The statements of a source text, and the errors of statements that could not be parsed. */
export function parseSource(src: string): { statements: Statement[]; errors: AsmError[] } {
  const statements: Statement[] = [];
  const errors: AsmError[] = [];
  stripComments(src).forEach((text, i) => {
    for (const part of splitStatements(text, i + 1)) {
      try {
        const st = parseStatement(part.text, part.line, part.col);
        if (st) statements.push(st);
      } catch (e) {
        if (e instanceof AsmError) errors.push(e);
        else throw e;
      }
    }
  });
  return { statements, errors };
}

/** A line's statements: split at `;` outside strings and character constants. */
function splitStatements(text: string, line: number): Piece[] {
  const out: Piece[] = [];
  let quote = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === '"') quote = false;
    } else if (ch === '"') quote = true;
    else if (ch === "'") i += text[i + 1] === '\\' ? 2 : 1;
    else if (ch === ';') {
      out.push({ text: text.slice(start, i), line, col: start + 1 });
      start = i + 1;
    }
  }
  out.push({ text: text.slice(start), line, col: start + 1 });
  return out;
}
