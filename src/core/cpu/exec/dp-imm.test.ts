import { describe, expect, it } from 'vitest';
import { TestMachine } from '../../../../tests/helpers/machine.js';

describe('data processing (immediate)', () => {
  it('ADD/SUB immediate, 64 and 32 bit, with SP', () => {
    const m = new TestMachine([
      0x91000c20, // add x0, x1, #3
      0xd1000420, // sub x0, x1, #1
      0x11400c22, // add w2, w1, #3, lsl #12
      0x910043ff, // add sp, sp, #16
    ]);
    m.setX(1, 0xffffffffn);
    m.sp = 0x1000n;
    m.step();
    expect(m.x(0)).toBe(0x100000002n);
    m.step();
    expect(m.x(0)).toBe(0xfffffffen);
    m.step();
    expect(m.x(2)).toBe(0x2fffn);
    m.step();
    expect(m.sp).toBe(0x1010n);
  });

  it('ADDS/SUBS set NZCV like AddWithCarry', () => {
    const m = new TestMachine([
      0xb100043f, // cmn x1, #1
      0xf100043f, // cmp x1, #1
      0x7100043f, // cmp w1, #1
      0x3100043f, // cmn w1, #1
    ]);
    m.setX(1, -1n);
    m.step();
    expect(m.nzcv).toBe('-ZC-');
    m.step();
    expect(m.nzcv).toBe('N-C-');
    m.setX(1, 0x80000000n);
    m.step();
    expect(m.nzcv).toBe('--CV'); // INT32_MIN - 1 overflows
    m.setX(1, 0x7fffffffn);
    m.step();
    expect(m.nzcv).toBe('N--V');
  });

  it('logical immediates decode their bit masks', () => {
    const m = new TestMachine([
      0x92400c20, // and x0, x1, #0xf
      0xb200c3e2, // orr x2, xzr, #0x0101010101010101
      0x12003c23, // and w3, w1, #0xffff
      0xf2400c3f, // tst x1, #0xf
      0xd2410024, // eor x4, x1, #0x8000000000000000
    ]);
    m.setX(1, 0x123456789abcdef0n);
    m.step(3);
    expect(m.x(0)).toBe(0n);
    expect(m.x(2)).toBe(0x0101010101010101n);
    expect(m.x(3)).toBe(0xdef0n);
    m.step();
    expect(m.nzcv).toBe('-Z--');
    m.step();
    expect(m.x(4)).toBe(0x923456789abcdef0n);
  });

  it('MOVZ/MOVN/MOVK build constants', () => {
    const m = new TestMachine([
      0xd2a24680, // movz x0, #0x1234, lsl #16
      0xf2c00020, // movk x0, #0x1, lsl #32
      0x92800000, // movn x0... (mov x0, #-1)
      0x12800001, // mov w1, #-1 (movn w1, #0)
    ]);
    m.step(2);
    expect(m.x(0)).toBe(0x112340000n);
    m.step(2);
    expect(m.x(0)).toBe(0xffffffffffffffffn);
    expect(m.x(1)).toBe(0xffffffffn);
  });

  it('bitfield aliases: lsl, lsr, asr, ubfx, sbfx, sxtw, bfi', () => {
    const m = new TestMachine([
      0xd37cec20, // lsl x0, x1, #4
      0xd344fc22, // lsr x2, x1, #4
      0x9344fc23, // asr x3, x1, #4
      0xd3482c24, // ubfx x4, x1, #8, #4
      0x93482c25, // sbfx x5, x1, #8, #4
      0x93407c26, // sxtw x6, w1
      0xb37c0c27, // bfi x7, x1, #4, #4
      0x53185c28, // lsl w8, w1, #8
    ]);
    m.setX(1, 0x8000_0000_0000_0a9fn);
    m.setX(7, 0xffffn);
    m.step(8);
    expect(m.x(0)).toBe(0x0000_0000_0000_a9f0n);
    expect(m.x(2)).toBe(0x0800_0000_0000_00a9n);
    expect(m.x(3)).toBe(0xf800_0000_0000_00a9n);
    expect(m.x(4)).toBe(0xan);
    expect(m.x(5)).toBe(0xfffffffffffffffan);
    expect(m.x(6)).toBe(0xa9fn);
    expect(m.x(7)).toBe(0xff_ffn & ~0xf0n | 0xf0n);
    expect(m.x(8)).toBe(0x0a9f00n);
  });

  it('ADR and ADRP are PC-relative', () => {
    const m = new TestMachine([
      0x10000040, // adr x0, .+8
      0x90000021, // adrp x1, .+0x4000 (page)
    ]);
    m.step(2);
    expect(m.x(0)).toBe(0x10008n);
    expect(m.x(1)).toBe(0x14000n);
  });

  it('EXTR and ROR', () => {
    const m = new TestMachine([
      0x93c21020, // extr x0, x1, x2, #4
      0x93c12021, // ror x1, x1, #8
    ]);
    m.setX(1, 0x1122334455667788n);
    m.setX(2, 0x99aabbccddeeff00n);
    m.step(2);
    expect(m.x(0)).toBe(0x899aabbccddeeff0n);
    expect(m.x(1)).toBe(0x8811223344556677n);
  });
});

describe('data processing (immediate): cases found by the random differential tester', () => {
  it('LSR and ASR by 0 copy the register', () => {
    const m = new TestMachine([
      0x9340fc4c, // asr x12, x2, #0
      0xd340fc4d, // lsr x13, x2, #0
    ]);
    m.setX(2, 0xcf0a2c0b5b395975n);
    m.step(2);
    expect(m.x(12)).toBe(0xcf0a2c0b5b395975n);
    expect(m.x(13)).toBe(0xcf0a2c0b5b395975n);
    // and through a compiled block with inline sources
    const b = new TestMachine([0x9340fc4c, 0xd340fc4d, 0x17fffffe /* b .-8 (loop: the block turns hot) */]);
    b.setX(2, 0x123456789abcdef0n);
    b.run(100_000); // far more passes than HOT_BLOCK (cpu.ts)
    expect(b.x(12)).toBe(0x123456789abcdef0n);
    expect(b.x(13)).toBe(0x123456789abcdef0n);
  });
});
