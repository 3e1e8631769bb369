// The hint-space pointer-authentication and BTI instructions are HINTs: without FEAT_PAuth and
// FEAT_BTI (a64play advertises neither paca/pacg nor bti) the architecture executes them as NOPs.
// qemu-aarch64 -cpu max,pauth=off agrees: a program running all of them from X30 = 0x401234,
// X16 = 0x415678, X17 = 0x700009abc leaves all three (and SP) unchanged; with PAuth on
// (-cpu max) PACIA1716 signs X17 instead. Words from aarch64-linux-gnu-as (-march=armv8.5-a).
import { describe, expect, it } from 'vitest';
import { decoder } from '../cpu.js';
import { Stop } from '../op.js';
import { CODE, TestMachine } from '../../../../tests/helpers/machine.js';

const HINTS: [number, string][] = [
  [0xd503233f, 'paciasp'],
  [0xd503237f, 'pacibsp'],
  [0xd50323bf, 'autiasp'],
  [0xd50323ff, 'autibsp'],
  [0xd503231f, 'paciaz'],
  [0xd503235f, 'pacibz'],
  [0xd503239f, 'autiaz'],
  [0xd50323df, 'autibz'],
  [0xd503211f, 'pacia1716'],
  [0xd503215f, 'pacib1716'],
  [0xd503219f, 'autia1716'],
  [0xd50321df, 'autib1716'],
  [0xd50320ff, 'xpaclri'],
  [0xd503241f, 'bti'],
  [0xd503245f, 'bti c'],
  [0xd503249f, 'bti j'],
  [0xd50324df, 'bti jc'],
];

const LR = 0x401234n;
const X16 = 0x415678n;
const X17 = 0x700009abcn;
const SP = 0x7ffff000n;

function setUp(m: TestMachine): void {
  for (let i = 0; i < 31; i++) m.setX(i, 0x1111111111111111n * BigInt(i % 15));
  m.setX(30, LR);
  m.setX(16, X16);
  m.setX(17, X17);
  m.sp = SP;
  m.nzcv = 'NC';
  m.setV(0, 0x0123456789abcdef0011223344556677n);
}

function expectUnchanged(m: TestMachine): void {
  for (let i = 0; i < 31; i++) {
    const want = i === 30 ? LR : i === 16 ? X16 : i === 17 ? X17 : 0x1111111111111111n * BigInt(i % 15);
    expect(m.x(i), `x${i}`).toBe(want);
  }
  expect(m.sp, 'sp').toBe(SP);
  expect(m.nzcv).toBe('N-C-');
  expect(m.v(0)).toBe(0x0123456789abcdef0011223344556677n);
}

describe('hint-space PAuth and BTI instructions execute as NOPs', () => {
  for (const [word, asm] of HINTS)
    it(`${asm} (${word.toString(16)})`, () => {
      expect(decoder().decode(word)?.name).toBe('HINT');
      const m = new TestMachine([word]);
      setUp(m);
      expect(m.step()).toBe(Stop.Budget);
      expect(m.pc).toBe(CODE + 4);
      expectUnchanged(m);
    });

  it('all of them in one block, as a function prologue/epilogue would run them', () => {
    const brk = 0xd4200000; // brk #0
    const m = new TestMachine([...HINTS.map(([w]) => w), brk]);
    setUp(m);
    expect(m.run(1000)).toBe(Stop.Brk);
    expect(m.pc).toBe(CODE + 4 * HINTS.length);
    expectUnchanged(m);
  });
});
