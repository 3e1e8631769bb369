/**
 * The disassembler: GNU objdump's text (`aarch64-linux-gnu-objdump -d`, aliases on) for one
 * instruction word, built on the encoding table. The table's decoder finds the entry and its
 * fields; a formatter keyed by the entry's handler name spells the operands (one file of
 * formatters per instruction class, beside `cpu/exec/`'s handlers). Words no entry matches, and
 * those a formatter refuses as unallocated, come out as objdump prints them: `.inst 0x… ; undefined`.
 */
import { Decoder } from '../cpu/decode/decoder.js';
import type { Encoding } from '../cpu/decode/encoding.js';
import { table } from '../cpu/decode/table.js';
import type { Ctx, Fields, Formatters, Insn } from './format.js';
import { branchSysFormatters } from './fmt-branch.js';
import { dpImmFormatters } from './fmt-dp-imm.js';
import { dpRegFormatters } from './fmt-dp-reg.js';
import { fpFormatters } from './fmt-fp.js';
import { ldstFormatters } from './fmt-ldst.js';
import { simdFormatters } from './fmt-simd.js';

export interface DisasmOptions {
  /** A name for an address (e.g. `main+0x10`), shown after branch and literal targets as `<name>`. */
  symbol?: (addr: number) => string | null;
  /**
   * Target addresses as `0x4001a0` rather than `4001a0`: objdump's spelling for a file without
   * symbols (with symbols it prints `4001a0 <main+0x10>`).
   */
  hexPrefix?: boolean;
}

export interface Disassembly {
  /** the whole line as objdump prints it after the word: `mnemonic operands <symbol> // comment` */
  text: string;
  mnemonic: string;
  operands: string;
  /** the address a branch, ADR/ADRP or literal load refers to (for links in a UI) */
  target?: number;
  /** the symbol name given for `target` by `opts.symbol` */
  symbol?: string;
  /** objdump's comment (after `//`), e.g. the decimal value of a `mov` immediate */
  comment?: string;
}

/** Formatters for every table entry the disassembler knows, by handler name. */
export const formatters: Formatters = {
  ...dpImmFormatters,
  ...branchSysFormatters,
  ...dpRegFormatters,
  ...ldstFormatters,
  ...fpFormatters,
  ...simdFormatters,
};

let decoder: Decoder | null = null;
/** The table's decoder, built on first use. */
export function tableDecoder(): Decoder {
  return (decoder ??= new Decoder(table));
}

/** The entry's fields of `word` by name. */
export function fieldsOf(enc: Encoding, word: number): Fields {
  const out: Record<string, number> = {};
  for (const f of enc.fields) out[f.name] = f.width === 32 ? word >>> 0 : (word >>> f.lsb) & ((1 << f.width) - 1);
  return out;
}

/** The word as objdump shows what it cannot decode. */
export function undefinedWord(word: number): Disassembly {
  const operands = `0x${(word >>> 0).toString(16).padStart(8, '0')}`;
  return { text: `.inst ${operands} ; undefined`, mnemonic: '.inst', operands };
}

/** Formats a table entry's instruction, or null (unallocated, or no formatter yet). */
export function formatEntry(enc: Encoding, word: number, addr: number): Insn | null {
  const fmt = formatters[enc.name];
  if (!fmt) return null;
  const ctx: Ctx = { word: word >>> 0, addr, enc };
  return fmt(fieldsOf(enc, word), ctx);
}

/** One instruction word at `addr`, as objdump -d prints it. */
export function disassemble(word: number, addr: number, opts: DisasmOptions = {}): Disassembly {
  const enc = tableDecoder().decode(word >>> 0);
  const insn = enc ? formatEntry(enc, word, addr) : null;
  if (!insn) return undefinedWord(word);
  const out: Disassembly = { text: '', mnemonic: insn.mnemonic, operands: insn.operands };
  if (insn.target !== undefined && opts.hexPrefix) out.operands = withHexTarget(insn.operands);
  let text = out.operands ? `${out.mnemonic} ${out.operands}` : out.mnemonic;
  if (insn.target !== undefined) {
    out.target = insn.target;
    const sym = opts.symbol?.(insn.target);
    if (sym) {
      out.symbol = sym;
      text += ` <${sym}>`;
    }
  }
  if (insn.comment !== undefined) {
    out.comment = insn.comment;
    text += ` // ${insn.comment}`;
  }
  out.text = text;
  return out;
}

/** The target is always the last operand: give it a 0x prefix. */
function withHexTarget(operands: string): string {
  const i = operands.lastIndexOf(' ');
  return `${operands.slice(0, i + 1)}0x${operands.slice(i + 1)}`;
}

export interface DisassembledWord extends Disassembly {
  addr: number;
  /** the word, or null where `read` found no readable memory */
  word: number | null;
}

/**
 * `count` consecutive instructions from `start`; `read` returns the 32-bit word at an address or
 * null (unmapped), which gives an entry with an empty text.
 */
export function disassembleRange(
  read: (addr: number) => number | null,
  start: number,
  count: number,
  opts: DisasmOptions = {},
): DisassembledWord[] {
  const out: DisassembledWord[] = [];
  for (let i = 0; i < count; i++) {
    const addr = start + 4 * i;
    const word = read(addr);
    if (word === null) out.push({ addr, word: null, text: '', mnemonic: '', operands: '' });
    else out.push({ addr, word: word >>> 0, ...disassemble(word, addr, opts) });
  }
  return out;
}
