/**
 * The assembler as a whole: directives, expressions, labels, macros, sections and the executable's
 * layout against GNU as + ld (every loaded section's address and bytes, and the entry point), and
 * its error reports (every error of a file, with line, column and what was expected).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AS, LD, objdumpMissing } from '../../../../tests/helpers/objdump.js';
import { readSections } from '../listing.js';
import { assemble } from './assemble.js';

const tmp = mkdtempSync(join(tmpdir(), 'a64play-asm-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function image(elf: Uint8Array) {
  const entry = Number(new DataView(elf.buffer, elf.byteOffset).getBigUint64(24, true));
  const sections = readSections(elf)
    .filter((s) => s.flags & 2)
    .map((s) => ({ name: s.name, addr: s.addr.toString(16), size: s.size, data: s.type === 8 ? null : Buffer.from(elf.subarray(s.offset, s.offset + s.size)).toString('hex') }));
  return { entry: entry.toString(16), sections };
}

let n = 0;
function gnu(src: string): ReturnType<typeof image> {
  const base = join(tmp, `p${n++}`);
  writeFileSync(`${base}.s`, src);
  const as = spawnSync(AS, ['-march=all', `${base}.s`, '-o', `${base}.o`], { encoding: 'utf8' });
  if (as.status !== 0) throw new Error(as.stderr);
  const ld = spawnSync(LD, [`${base}.o`, '-o', base], { encoding: 'utf8' });
  if (ld.status !== 0) throw new Error(ld.stderr);
  return image(readFileSync(base));
}

function ours(src: string): ReturnType<typeof image> {
  const r = assemble(src);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return image(r.elf!);
}

const PROGRAMS: Record<string, string> = {
  'data directives and expressions': `
    .global _start
_start: adr x0, table
        mov x1, #(end - table) / 4
        mov x2, #(1 << 12) | 0x34
        mov w3, #'A' + 2
        mov x4, #-(3 * 4) % 7
        mov x5, #~0xf0 & 0xff
        mov x6, #0x10 >> 2 ^ 1
        mov x7, #(5 > 3) & 1
        b 1f
1:      b 1f
1:      nop
        .byte 1, 2, 0xff, -1, 'z
        .hword 0x1234, -2
        .short 7
        .align 3
table:  .word 1, 2, 3, table - _start
        .quad 0x123456789abcdef0, table, -1
        .xword end
        .int 9
        .long 10
        .2byte 0x55
        .4byte 0x66
        .8byte 0x77
        .ascii "a\\tb\\n\\x41\\101\\"q\\\\"
        .asciz "zero", "terminated"
        .string "s"
        .float 1.5, -2
        .double 3.25
        .p2align 2
        .space 5
        .skip 3, 0xaa
        .zero 2
        .fill 3, 2, 0x102
        .balign 8, 0xcc
end:    .inst 0xd503201f
        .equ answer, 42
        .set twice, answer * 2
        answer2 = twice + 1
        mov x0, #answer2
`,
  'sections, bss, rodata and adrp/:lo12:': `
        .text
        .global _start
_start: adrp x0, message
        add x0, x0, :lo12:message
        adrp x1, counter
        ldr w2, [x1, :lo12:counter]
        adrp x3, buffer
        add x3, x3, #:lo12:buffer
        movz x4, #:abs_g1:message
        movk x4, #:abs_g0_nc:message
        ldr x5, =message
        ldr w6, =0x12345
        ldr x7, =0x123456789
        ldr w8, =0x12345
        .section .rodata
message: .asciz "hello"
        .data
        .p2align 4
counter: .word 7
        .section .data.more, "aw"
more:   .quad message
        .bss
        .p2align 5
buffer: .space 100
        .text
        nop
`,
  'macros, .rept, .irp and conditions': `
        .macro  push2 a, b
        stp     \\a, \\b, [sp, #-16]!
        .endm
        .macro  pop2 a, b
        ldp     \\a, \\b, [sp], #16
        .endm
        .macro  loadc reg, value=7
        mov     \\reg, #\\value
        .endm
        .global _start
_start: push2 x29, x30
        loadc x0
        loadc x1, 99
        .rept 3
        add x0, x0, #1
        .endr
        .irp r, x2, x3, x4
        mov \\r, #0
        .endr
        .equ FAST, 1
        .if FAST
        mov x5, #1
        .else
        mov x5, #2
        .endif
        .ifdef SLOW
        mov x6, #1
        .endif
        .ifndef SLOW
        mov x6, #2
        .endif
        pop2 x29, x30
        ret
`,
  'code after data of odd length is aligned with zeros': `
        .global _start
_start: nop
        .ascii "abc"
        mov x0, x1
        .byte 7
        .inst 0xd503201f
        ret
`,
  'a .note.GNU-stack section (as compilers emit) adds a GNU_STACK header': `
        .global _start
_start: adrp x0, value
        ldr w0, [x0, :lo12:value]
        ret
        .data
value:  .word 3
        .section .note.GNU-stack,"",@progbits
`,
  'literal pools with .ltorg and code after data': `
        .global _start
_start: ldr x0, =0x1111222233334444
        ldr w1, =0x55
        b 1f
        .ltorg
1:      ldr x2, =0x1111222233334444
        ldr q3, =0x10
        ldrsw x4, =-5
        ldrsw x5, =0x7fffffff
        ret
`,
};

describe.skipIf(objdumpMissing() !== null)('the executable is laid out as GNU as + ld lay it out', () => {
  for (const [name, src] of Object.entries(PROGRAMS)) {
    it(name, () => {
      expect(ours(src)).toEqual(gnu(src));
    });
  }
});

describe('errors', () => {
  it('reports every error of the file with line, column and what was expected', () => {
    const r = assemble(['_start:', '  mvo x0, x1', '  add x0, x1, #5000', '  b undefined_label', '  ldr x0, [x1, #3]!!', '  movz x0, #0x10000', '  .word'].join('\n'));
    expect(r.ok).toBe(false);
    expect(r.elf).toBeNull();
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.line, d.col])).toEqual([
      [2, 3],
      [3, 15],
      [4, 5],
      [5, 19],
      [6, 12],
      [7, 3],
    ]);
    expect(errors[0]!.message).toMatch(/unknown instruction 'mvo'.*did you mean.*mov/);
    expect(errors[1]!.message).toMatch(/out of range.*0 to 4095/);
    expect(errors[2]!.message).toBe("undefined symbol 'undefined_label'");
    expect(errors[3]!.message).toBe("unexpected '!!' after ']'");
    expect(errors[4]!.message).toMatch(/0 to 65535|0 to 0xffff/);
    expect(errors[5]!.message).toMatch(/takes at least 1 argument/);
  });

  it('refuses a branch to a label that padding left unaligned, as GNU as does', () => {
    const r = assemble('.global _start\n_start: b 1f\n.ascii "abc"\n1: ret\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.message])).toEqual([[2, 'target is not 4-byte aligned']]);
  });

  it('warns of a symbol declared global and never defined', () => {
    const r = assemble('.global _start, helper\n_start: ret\n');
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([{ line: 1, col: 1, severity: 'warning', message: "'helper' is declared global but never defined" }]);
  });

  it('names a label defined twice and the line of the first', () => {
    const r = assemble('a: nop\na: nop\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([{ line: 2, col: 1, message: "symbol 'a' is already defined (line 1)", severity: 'error' }]);
  });

  it('says what operands a mnemonic takes when they do not fit', () => {
    const r = assemble('  add x0\n');
    expect(r.diagnostics.find((d) => d.severity === 'error')!.message).toMatch(/^operands do not fit 'add': expected add Rd\|SP, Rn\|SP, #imm/);
  });

  it('warns when there is no global _start and starts at .text', () => {
    const r = assemble('nop\n');
    expect(r.ok).toBe(true);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', message: expect.stringMatching(/no global _start/) });
    expect(r.entry).toBe(r.sections.find((s) => s.name === '.text')!.addr);
  });

  it('gives a line table: one entry per instruction, with its source line', () => {
    const r = assemble('.global _start\n_start:\n  mov x0, #1\n\n  svc #0\n.data\n.word 1\n');
    expect(r.lines).toEqual([
      { addr: r.entry, line: 3 },
      { addr: r.entry + 4, line: 5 },
    ]);
  });
});
