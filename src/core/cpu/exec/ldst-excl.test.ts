import { describe, expect, it } from 'vitest';
import { CODE, DATA, TestMachine } from '../../../../tests/helpers/machine.js';
import { FAULT, PROT_READ, PROT_WRITE } from '../../memory/memory.js';
import { I_EXCL_ARMED, I_EXCL_HI, I_EXCL_LO, I_EXCL_SIZE } from '../layout.js';
import { Stop } from '../op.js';

function bytes(m: TestMachine, addr: number, n: number): number[] {
  return [...m.mem.read(addr, n)!];
}
function monitor(m: TestMachine): [number, number, number, number] {
  const x = m.cpu.x;
  return [x[I_EXCL_ARMED]!, x[I_EXCL_LO]! >>> 0, x[I_EXCL_HI]!, x[I_EXCL_SIZE]!];
}

describe('LDXR/STXR', () => {
  it('a store-exclusive after a load-exclusive of the same address succeeds once', () => {
    const m = new TestMachine([
      0xc85f7c20, // ldxr x0, [x1]
      0xc8027c23, // stxr w2, x3, [x1]
      0xc8047c25, // stxr w4, x5, [x1]
    ]);
    m.setX(1, DATA + 0x40);
    m.setX(2, -1n);
    m.setX(3, 0x3333333333333333n);
    m.setX(4, -1n);
    m.setX(5, 0x5555n);
    m.writeU64(DATA + 0x40, 0x0123456789abcdefn);
    m.step();
    expect(m.x(0)).toBe(0x0123456789abcdefn);
    expect(monitor(m)).toEqual([1, DATA + 0x40, 0, 8]);
    m.step();
    expect(m.x(2)).toBe(0n); // success, written as a W register
    expect(m.readU64(DATA + 0x40)).toBe(0x3333333333333333n);
    expect(monitor(m)[0]).toBe(0);
    m.step();
    expect(m.x(4)).toBe(1n); // the monitor was cleared by the first store
    expect(m.readU64(DATA + 0x40)).toBe(0x3333333333333333n);
  });

  it('fails without a load-exclusive, at a different address, or after CLREX', () => {
    const m = new TestMachine([
      0xc8027c23, // stxr w2, x3, [x1]
      0x885ffc20, // ldaxr w0, [x1]
      0x8802fc83, // stlxr w2, w3, [x4]
      0xc85f7c20, // ldxr x0, [x1]
      0xd5033f5f, // clrex
      0xc8027c23, // stxr w2, x3, [x1]
    ]);
    m.setX(1, DATA + 0x40);
    m.setX(3, 0x3333n);
    m.setX(4, DATA + 0x44);
    m.writeU64(DATA + 0x40, 0x1111111122222222n);
    m.step();
    expect(m.x(2)).toBe(1n);
    m.step(2);
    expect(m.x(0)).toBe(0x22222222n);
    expect(m.x(2)).toBe(1n);
    expect(monitor(m)[0]).toBe(0);
    m.step(3);
    expect(m.x(2)).toBe(1n);
    expect(m.readU64(DATA + 0x40)).toBe(0x1111111122222222n);
  });

  it('byte, halfword and word forms zero-extend, store only their size, and acquire/release alike', () => {
    const m = new TestMachine([
      0x085f7c20, // ldxrb w0, [x1]
      0x08027c23, // stxrb w2, w3, [x1]
      0x485ffca4, // ldaxrh w4, [x5]
      0x4806fca3, // stlxrh w6, w3, [x5]
      0x885f7d07, // ldxr w7, [x8]
      0x88097d03, // stxr w9, w3, [x8]
      0x085ffc2a, // ldaxrb w10, [x1]
      0x080bfc3f, // stlxrb w11, wzr, [x1]
    ]);
    m.setX(1, DATA + 0x11);
    m.setX(5, DATA + 0x12);
    m.setX(8, DATA + 0x14);
    m.setX(3, 0xa1a2a3a4a5a6a7a8n);
    for (const r of [0, 2, 4, 6, 7, 9, 10, 11]) m.setX(r, -1n);
    m.writeU64(DATA + 0x10, 0x8899aabbccddeeffn);
    m.step(2);
    expect(m.x(0)).toBe(0xeen);
    expect(m.x(2)).toBe(0n);
    m.step(2);
    expect(m.x(4)).toBe(0xccddn);
    expect(m.x(6)).toBe(0n);
    m.step(2);
    expect(m.x(7)).toBe(0x8899aabbn);
    expect(m.x(9)).toBe(0n);
    expect(m.readU64(DATA + 0x10)).toBe(0xa5a6a7a8a7a8a8ffn);
    m.step(2);
    expect(m.x(10)).toBe(0xa8n);
    expect(m.x(11)).toBe(0n);
    expect(bytes(m, DATA + 0x11, 1)).toEqual([0]);
  });

  it('compares the whole 64-bit address', () => {
    const m = new TestMachine([
      0x885f7c20, // ldxr w0, [x1]
      0x88027c83, // stxr w2, w3, [x4]
      0x885f7c80, // ldxr w0, [x4]
      0x88027c23, // stxr w2, w3, [x1]
    ]);
    m.mem.map(0x100100000, 0x1000, PROT_READ | PROT_WRITE);
    m.setX(1, 0x100100040n); // same low word as DATA + 0x40
    m.setX(4, DATA + 0x40);
    m.setX(3, 0x33n);
    m.step(2);
    expect(monitor(m)[0]).toBe(0);
    expect(m.x(2)).toBe(1n);
    m.step();
    expect(monitor(m)).toEqual([1, DATA + 0x40, 0, 4]);
    m.step();
    expect(m.x(2)).toBe(1n);
    expect(m.readU64(DATA + 0x40)).toBe(0n);
    expect(m.readU64(0x100100040)).toBe(0n);
  });

  it('uses SP as the base', () => {
    const m = new TestMachine([
      0xc85fffe0, // ldaxr x0, [sp]
      0xc801ffe2, // stlxr w1, x2, [sp]
    ]);
    m.sp = BigInt(DATA + 0x100);
    m.writeU64(DATA + 0x100, 7n);
    m.setX(2, 8n);
    m.step(2);
    expect(m.x(0)).toBe(7n);
    expect(m.x(1)).toBe(0n);
    expect(m.readU64(DATA + 0x100)).toBe(8n);
  });
});

describe('LDXP/STXP', () => {
  it('load and store X and W pairs exclusively; Rt is at the lower address', () => {
    const m = new TestMachine([
      0xc87f0440, // ldxp x0, x1, [x2]
      0xc8231444, // stxp w3, x4, x5, [x2]
      0x887f9d06, // ldaxp w6, w7, [x8]
      0x88299105, // stlxp w9, w5, w4, [x8]
      0x88291105, // stxp w9, w5, w4, [x8]
    ]);
    m.setX(2, DATA + 0x20);
    m.setX(8, DATA + 0x38);
    m.setX(4, 0x4444444444444444n);
    m.setX(5, 0x5555555555555555n);
    m.writeU64(DATA + 0x20, 0x1111n);
    m.writeU64(DATA + 0x28, 0x2222n);
    m.writeU64(DATA + 0x38, 0x7777777766666666n);
    m.step();
    expect([m.x(0), m.x(1)]).toEqual([0x1111n, 0x2222n]);
    expect(monitor(m)).toEqual([1, DATA + 0x20, 0, 16]);
    m.step();
    expect(m.x(3)).toBe(0n);
    expect(m.readU64(DATA + 0x20)).toBe(0x4444444444444444n);
    expect(m.readU64(DATA + 0x28)).toBe(0x5555555555555555n);
    m.step();
    expect([m.x(6), m.x(7)]).toEqual([0x66666666n, 0x77777777n]);
    expect(monitor(m)).toEqual([1, DATA + 0x38, 0, 8]);
    m.step();
    expect(m.x(9)).toBe(0n);
    expect(m.readU64(DATA + 0x38)).toBe(0x4444444455555555n);
    m.step();
    expect(m.x(9)).toBe(1n);
  });
});

describe('LDXP with Rt == Rt2', () => {
  it('keeps the second value (as qemu-aarch64)', () => {
    const m = new TestMachine([
      0xc87f0020, // ldxp x0, x0, [x1]
      0x887f8822, // ldaxp w2, w2, [x1]
    ]);
    m.setX(1, DATA);
    m.writeU64(DATA, 0x1111n);
    m.writeU64(DATA + 8, 0x2222n);
    m.step();
    expect(m.x(0)).toBe(0x2222n);
    m.step();
    expect(m.x(2)).toBe(0n); // the word at DATA + 4
  });
});

describe('exclusive and ordered alignment', () => {
  it('unaligned exclusives fault with an alignment fault, even an unarmed STXR', () => {
    const m = new TestMachine([
      0xc85f7c20, // ldxr x0, [x1]
      0x485ffc20, // ldaxrh w0, [x1]
      0xc8027c23, // stxr w2, x3, [x1]
      0xc87f10a0, // ldxp x0, x4, [x5]
      0x887f10c0, // ldxp w0, w4, [x6]
      0x882290c3, // stlxp w2, w3, w4, [x6]
      0x085f7c20, // ldxrb w0, [x1]
    ]);
    m.setX(0, 0x99n);
    m.setX(1, DATA + 1);
    m.setX(2, 0x22n);
    m.setX(5, DATA + 8);
    m.setX(6, DATA + 4);
    for (let i = 0; i < 6; i++) {
      m.cpu.pc = CODE + 4 * i;
      expect(m.step()).toBe(Stop.Fault);
      expect(FAULT.misaligned).toBe(true);
      expect(FAULT.access).toBe(i === 2 || i === 5 ? 'write' : 'read');
    }
    expect(FAULT.addr).toBe(DATA + 4);
    expect([m.x(0), m.x(2)]).toEqual([0x99n, 0x22n]);
    expect(monitor(m)[0]).toBe(0);
    m.cpu.pc = CODE + 24;
    expect(m.step()).toBe(Stop.Budget); // a byte is always aligned
  });

  it('LDAR/STLR (and LDLAR/STLLR) load and store, and require natural alignment', () => {
    const m = new TestMachine([
      0xc89ffc20, // stlr x0, [x1]
      0x88dffc22, // ldar w2, [x1]
      0x089ffc60, // stlrb w0, [x3]
      0x08dffc64, // ldarb w4, [x3]
      0x489ffca0, // stlrh w0, [x5]
      0x48dffca6, // ldarh w6, [x5]
      0x889f7ca0, // stllr w0, [x5]
      0xc8df7c27, // ldlar x7, [x1]
      0x08df7c68, // ldlarb w8, [x3]
      0x489f7cbf, // stllrh wzr, [x5]
      0x48df7ca9, // ldlarh w9, [x5]
      0x089f7fe0, // stllrb w0, [sp]
      0xc8dffc6a, // ldar x10, [x3]
      0x889ffca0, // stlr w0, [x5]
      0x48dffc6a, // ldarh w10, [x3]
    ]);
    m.setX(0, 0x8877665544332211n);
    m.setX(1, DATA + 0x100);
    m.setX(3, DATA + 0x201);
    m.setX(5, DATA + 0x302);
    m.sp = BigInt(DATA + 0x401);
    for (const r of [2, 4, 6, 7, 8, 9, 10]) m.setX(r, -1n);
    expect(m.step(6)).toBe(Stop.Budget);
    expect(m.readU64(DATA + 0x100)).toBe(0x8877665544332211n);
    expect(m.x(2)).toBe(0x44332211n);
    expect(bytes(m, DATA + 0x200, 3)).toEqual([0, 0x11, 0]);
    expect(m.x(4)).toBe(0x11n);
    expect(bytes(m, DATA + 0x302, 2)).toEqual([0x11, 0x22]);
    expect(m.x(6)).toBe(0x2211n);
    expect(m.step()).toBe(Stop.Fault); // stllr w0 at DATA+0x302 is unaligned for a word
    expect(FAULT.misaligned).toBe(true);
    expect(FAULT.addr).toBe(DATA + 0x302);
    expect(bytes(m, DATA + 0x304, 2)).toEqual([0, 0]);
    m.cpu.pc = CODE + 28;
    expect(m.step(5)).toBe(Stop.Budget);
    expect(m.x(7)).toBe(0x8877665544332211n);
    expect(m.x(8)).toBe(0x11n);
    expect(m.x(9)).toBe(0n);
    expect(bytes(m, DATA + 0x401, 1)).toEqual([0x11]);
    for (const at of [48, 52, 56]) {
      m.cpu.pc = CODE + at;
      expect(m.step()).toBe(Stop.Fault);
      expect(FAULT.misaligned).toBe(true);
    }
    expect(m.x(10)).toBe(0xffffffffffffffffn);
  });
});
