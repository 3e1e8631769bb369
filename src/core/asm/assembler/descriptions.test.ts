import { readdirSync, readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import { table } from '../../cpu/decode/table.js';
import { CONDITIONS, DESCRIPTIONS, DIRECTIVE_DESCRIPTIONS, describe } from './descriptions.js';
import { forms } from './forms.js';

const ASM_DIR = new URL('..', import.meta.url);

/** Quoted words in the disassembler's formatters that are operands or option names, not mnemonics. */
const NOT_MNEMONICS = new Set(
  `a any bhsd bhsdq clr d first h ish ishld ishst keep l l1 l2 l3 last ld left nfrst nlast none nsh
   nshld nshst off osh oshld oshst plast pld pli pmore post pre prfop pst q right s sdq set sp st strm
   sxtx sy sz tcont todo tstop ul uxtw uxtx w wsp wzr x xzr`.split(/\s+/),
);

/** Mnemonics the table names, with `pac/aut/xpac`-style families split into their members. */
function tableMnemonics(): string[] {
  const out = new Set<string>();
  for (const [, mnemonic] of table) {
    if (!mnemonic.includes('/')) out.add(mnemonic);
    else for (const prefix of mnemonic.split('/')) for (const m of Object.keys(DESCRIPTIONS)) if (m.startsWith(prefix)) out.add(m);
  }
  return [...out];
}

/** Words the disassembler's formatters quote, less the operand words: the aliases it prints. */
function formatterWords(): string[] {
  const out = new Set<string>();
  for (const f of readdirSync(ASM_DIR).filter((n) => /^fmt-.*\.ts$/.test(n) && !n.endsWith('.test.ts'))) {
    const text = readFileSync(new URL(f, ASM_DIR), 'utf8');
    for (const m of text.matchAll(/'([a-z][a-z0-9.]*)'/g)) out.add(m[1]!);
  }
  return [...out].filter((w) => !NOT_MNEMONICS.has(w) && !Object.hasOwn(CONDITIONS, w));
}

const missing = (names: Iterable<string>): string[] => [...names].filter((n) => describe(n) === undefined);

group('mnemonic descriptions', () => {
  it('cover every mnemonic of the encoding table', () => {
    expect(missing(tableMnemonics())).toEqual([]);
    for (const family of ['pacia', 'pacdzb', 'pacib1716', 'paciasp', 'autia', 'autdzb', 'autibsp', 'xpaci', 'xpacd', 'xpaclri']) {
      expect(DESCRIPTIONS[family], family).toBeDefined();
    }
  });

  it('cover every mnemonic the assembler accepts', () => {
    expect(missing(Object.keys(forms))).toEqual([]);
  });

  it('cover the aliases the disassembler prints', () => {
    const words = formatterWords();
    expect(words.length).toBeGreaterThan(50);
    expect(missing(words)).toEqual([]);
  });

  it('cover the usual aliases and the atomics', () => {
    const aliases = `mov movz movn movk cmp cmn tst neg negs mvn ngc ngcs lsl lsr asr ror ubfx sbfx ubfiz sbfiz
      bfi bfxil bfc sxtb sxth sxtw uxtb uxth cset csetm cinc cinv cneg mneg smnegl umnegl umov smov ins dup
      movi mvni sxtl sxtl2 uxtl uxtl2 not cmeq cmle cmlt fcmle fcmlt nop yield wfe wfi sev sevl bti dc ic at
      tlbi ldaddal ldaddalb stsmaxlh ldumina swpalh casalb caspal casp stclr ld1r ld4r st4 ldxp stlxp prfum`;
    expect(missing(aliases.split(/\s+/))).toEqual([]);
  });

  it('are one short line each, with no trailing period', () => {
    for (const [name, text] of [...Object.entries(DESCRIPTIONS), ...Object.entries(DIRECTIVE_DESCRIPTIONS)]) {
      expect(name, name).toBe(name.toLowerCase());
      expect(text.length, `${name}: ${text}`).toBeGreaterThan(10);
      expect(text.length, `${name}: ${text}`).toBeLessThanOrEqual(90);
      expect(text, name).not.toMatch(/[\r\n]/);
      expect(text, name).not.toMatch(/\.$/);
      expect(text, name).toBe(text.trim());
    }
  });
});

group('describe', () => {
  it('handles conditional branches in both spellings and any case', () => {
    expect(describe('B.EQ')).toMatch(/equal/);
    expect(describe('b.eq')).toBe(describe('beq'));
    expect(describe('b.ne')).toMatch(/not equal/);
    expect(describe('B.HS')).toMatch(/unsigned higher or same/);
    expect(describe('b.lt')).toMatch(/signed less than/);
    for (const cond of Object.keys(CONDITIONS)) {
      expect(describe(`b.${cond}`), cond).toBeDefined();
      expect(describe(`B${cond.toUpperCase()}`), cond).toBe(describe(`b.${cond}`));
    }
    expect(describe('b.xx')).toBeUndefined();
  });

  it('looks up mnemonics in any case', () => {
    expect(describe('ADD')).toBe(DESCRIPTIONS['add']);
    expect(describe('Ldr')).toMatch(/^Load register/);
    expect(describe('bl')).toMatch(/link/);
    expect(describe('nosuchop')).toBeUndefined();
    expect(describe('toString')).toBeUndefined();
  });

  it('describes the directives', () => {
    const listed = `.text .data .bss .section .global .globl .type .size .align .p2align .balign .byte .hword .short
      .word .int .long .quad .xword .ascii .asciz .string .space .skip .zero .fill .equ .set .equiv .arch .cpu
      .macro .endm .rept .irp .irpc .endr .if .ifdef .ifndef .else .endif .ltorg .pool .inst .float .double
      .comm .lcomm .weak .local .pushsection .popsection .previous`;
    expect(missing(listed.split(/\s+/))).toEqual([]);
    expect(describe('.TEXT')).toBe(DIRECTIVE_DESCRIPTIONS['.text']);
    expect(describe('.cfi_startproc')).toBe(DIRECTIVE_DESCRIPTIONS['.cfi_*']);
    expect(describe('.cfi_def_cfa_offset')).toMatch(/frame/);
    expect(describe('.nosuch')).toBeUndefined();
  });
});
