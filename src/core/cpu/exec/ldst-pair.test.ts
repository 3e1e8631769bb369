import { describe, expect, it } from 'vitest';
import { CODE, DATA, DATA_SIZE, TestMachine } from '../../../../tests/helpers/machine.js';
import { FAULT, PROT_READ, PROT_WRITE } from '../../memory/memory.js';
import { Stop } from '../op.js';

const RW = PROT_READ | PROT_WRITE;
const DATA_END = DATA + DATA_SIZE;

function bytes(m: TestMachine, addr: number, n: number): number[] {
  return [...m.mem.read(addr, n)!];
}

describe('LDP/STP (signed offset)', () => {
  it('store and load X and W pairs; W loads zero the upper halves', () => {
    const m = new TestMachine([
      0xa9010861, // stp x1, x2, [x3, #16]
      0xa9411464, // ldp x4, x5, [x3, #16]
      0x293f0861, // stp w1, w2, [x3, #-8]
      0x297f1c66, // ldp w6, w7, [x3, #-8]
      0xa91f8861, // stp x1, x2, [x3, #504]
      0xa9602468, // ldp x8, x9, [x3, #-512]
      0x295fac6a, // ldp w10, w11, [x3, #252]
    ]);
    m.setX(1, 0x1111111122222222n);
    m.setX(2, 0x3333333344444444n);
    m.setX(3, DATA + 0x400);
    for (const r of [6, 7, 10, 11]) m.setX(r, -1n);
    m.writeU64(DATA + 0x200, 0xaaaaaaaaaaaaaaaan);
    m.writeU64(DATA + 0x208, 0xbbbbbbbbbbbbbbbbn);
    m.step(2);
    expect(m.readU64(DATA + 0x410)).toBe(0x1111111122222222n);
    expect(m.readU64(DATA + 0x418)).toBe(0x3333333344444444n);
    expect(m.x(4)).toBe(0x1111111122222222n);
    expect(m.x(5)).toBe(0x3333333344444444n);
    m.step(2);
    expect(m.readU64(DATA + 0x3f8)).toBe(0x4444444422222222n);
    expect(m.x(6)).toBe(0x22222222n);
    expect(m.x(7)).toBe(0x44444444n);
    m.step(2);
    expect(m.readU64(DATA + 0x5f8)).toBe(0x1111111122222222n);
    expect(m.readU64(DATA + 0x600)).toBe(0x3333333344444444n);
    expect(m.x(8)).toBe(0xaaaaaaaaaaaaaaaan);
    expect(m.x(9)).toBe(0xbbbbbbbbbbbbbbbbn);
    m.step(); // DATA+0x4fc: nothing stored there yet, then DATA+0x500
    expect(m.x(10)).toBe(0n);
    expect(m.x(11)).toBe(0n);
  });

  it('LDPSW sign-extends both words, in all three modes', () => {
    const m = new TestMachine([
      0x69400861, // ldpsw x1, x2, [x3]
      0x69c11464, // ldpsw x4, x5, [x3, #8]!
      0x68ff1c66, // ldpsw x6, x7, [x3], #-8
    ]);
    m.setX(3, DATA);
    m.writeU64(DATA, 0x7fffffff80000000n);
    m.writeU64(DATA + 8, 0x00000001fffffffen);
    m.step();
    expect(m.x(1)).toBe(0xffffffff80000000n);
    expect(m.x(2)).toBe(0x7fffffffn);
    m.step();
    expect(m.x(3)).toBe(BigInt(DATA + 8));
    expect(m.x(4)).toBe(0xfffffffffffffffen);
    expect(m.x(5)).toBe(1n);
    m.step();
    expect(m.x(3)).toBe(BigInt(DATA));
    expect(m.x(6)).toBe(0xfffffffffffffffen);
    expect(m.x(7)).toBe(1n);
  });

  it('store XZR/WZR and discard loads into XZR', () => {
    const m = new TestMachine([
      0xa9007c7f, // stp xzr, xzr, [x3]
      0x2902047f, // stp wzr, w1, [x3, #16]
      0xa941087f, // ldp xzr, x2, [x3, #16]
    ]);
    m.setX(1, 0x55n);
    m.setX(3, DATA);
    m.writeU64(DATA, -1n);
    m.writeU64(DATA + 8, -1n);
    m.writeU64(DATA + 16, -1n);
    m.writeU64(DATA + 24, 0x77n);
    m.step(3);
    expect(m.readU64(DATA)).toBe(0n);
    expect(m.readU64(DATA + 8)).toBe(0n);
    expect(m.readU64(DATA + 16)).toBe(0x5500000000n);
    expect(m.x(31)).toBe(0n);
    expect(m.x(2)).toBe(0x77n);
  });
});

describe('LDP/STP pre- and post-index', () => {
  it('write the base back: a function prologue and epilogue on SP', () => {
    const m = new TestMachine([
      0xa9be7bfd, // stp x29, x30, [sp, #-32]!
      0xa90153f3, // stp x19, x20, [sp, #16]
      0xa94153f3, // ldp x19, x20, [sp, #16]
      0xa8c27bfd, // ldp x29, x30, [sp], #32
    ]);
    const top = BigInt(DATA + 0x1000);
    m.sp = top;
    m.setX(29, 0x2929n);
    m.setX(30, 0x3030n);
    m.setX(19, 0x1919n);
    m.setX(20, 0x2020n);
    m.step(2);
    expect(m.sp).toBe(top - 32n);
    expect(m.readU64(DATA + 0xfe0)).toBe(0x2929n);
    expect(m.readU64(DATA + 0xfe8)).toBe(0x3030n);
    expect(m.readU64(DATA + 0xff0)).toBe(0x1919n);
    expect(m.readU64(DATA + 0xff8)).toBe(0x2020n);
    for (const r of [19, 20, 29, 30]) m.setX(r, 0n);
    m.step(2);
    expect(m.sp).toBe(top);
    expect([m.x(19), m.x(20), m.x(29), m.x(30)]).toEqual([0x1919n, 0x2020n, 0x2929n, 0x3030n]);
  });

  it('W pairs with pre- and post-index', () => {
    const m = new TestMachine([
      0x29bf0861, // stp w1, w2, [x3, #-8]!
      0x28c11464, // ldp w4, w5, [x3], #8
      0x289f8462, // stp w2, w1, [x3], #252
      0x29e09c66, // ldp w6, w7, [x3, #-252]!
    ]);
    m.setX(1, 0xaaaaaaaa11111111n);
    m.setX(2, 0xbbbbbbbb22222222n);
    m.setX(3, DATA + 0x100);
    m.step();
    expect(m.x(3)).toBe(BigInt(DATA + 0xf8));
    expect(m.readU64(DATA + 0xf8)).toBe(0x2222222211111111n);
    m.step();
    expect(m.x(3)).toBe(BigInt(DATA + 0x100));
    expect(m.x(4)).toBe(0x11111111n);
    expect(m.x(5)).toBe(0x22222222n);
    m.step();
    expect(m.x(3)).toBe(BigInt(DATA + 0x1fc));
    expect(m.readU64(DATA + 0x100)).toBe(0x1111111122222222n);
    m.step();
    expect(m.x(3)).toBe(BigInt(DATA + 0x100));
    expect(m.x(6)).toBe(0x22222222n);
    expect(m.x(7)).toBe(0x11111111n);
  });

  it('UNPREDICTABLE overlaps behave as qemu-aarch64: Rt wins over Rt2, writeback wins over a load', () => {
    const m = new TestMachine([
      0xa9400401, // ldp x1, x1, [x0]
      0xa8c11063, // ldp x3, x4, [x3], #16
      0xa9c114a4, // ldp x4, x5, [x5, #16]!
      0xa9bf1cc6, // stp x6, x7, [x6, #-16]!
      0xa8812108, // stp x8, x8, [x8], #16
    ]);
    const base = BigInt(DATA + 0x100);
    m.setX(0, base);
    m.writeU64(DATA + 0x100, 0x1111n);
    m.writeU64(DATA + 0x108, 0x2222n);
    m.step();
    expect(m.x(1)).toBe(0x1111n);
    m.setX(3, base);
    m.step();
    expect(m.x(3)).toBe(base + 16n);
    expect(m.x(4)).toBe(0x2222n);
    m.setX(5, base - 16n);
    m.step();
    expect(m.x(5)).toBe(base);
    expect(m.x(4)).toBe(0x1111n);
    m.setX(6, base + 0x40n);
    m.setX(7, 0x77n);
    m.step();
    expect(m.x(6)).toBe(base + 0x30n);
    expect(m.readU64(DATA + 0x130)).toBe(base + 0x40n);
    expect(m.readU64(DATA + 0x138)).toBe(0x77n);
    m.setX(8, base + 0x80n);
    m.step();
    expect(m.x(8)).toBe(base + 0x90n);
    expect(m.readU64(DATA + 0x180)).toBe(base + 0x80n);
    expect(m.readU64(DATA + 0x188)).toBe(base + 0x80n);
  });

  it('LDP of SIMD&FP registers with Rt == Rt2 keeps the second value (as qemu-aarch64)', () => {
    const m = new TestMachine([
      0x6d400401, // ldp d1, d1, [x0]
      0xad400802, // ldp q2, q2, [x0]
      0x2d400c03, // ldp s3, s3, [x0]
    ]);
    m.setX(0, DATA);
    m.writeU64(DATA, 0x1111n);
    m.writeU64(DATA + 8, 0x2222n);
    m.writeU64(DATA + 16, 0x3333n);
    m.writeU64(DATA + 24, 0x4444n);
    m.step(3);
    expect(m.v(1)).toBe(0x2222n);
    expect(m.v(2)).toBe((0x4444n << 64n) | 0x3333n);
    expect(m.v(3)).toBe(0n); // the word at DATA + 4
  });
});

describe('LDNP/STNP', () => {
  it('behave as LDP/STP (signed offset) without writeback', () => {
    const m = new TestMachine([
      0xa83f0861, // stnp x1, x2, [x3, #-16]
      0x287e9464, // ldnp w4, w5, [x3, #-12]
      0xa87f1c66, // ldnp x6, x7, [x3, #-16]
      0x281f87e2, // stnp w2, w1, [sp, #252]
    ]);
    m.setX(1, 0x1111111122222222n);
    m.setX(2, 0x3333333344444444n);
    m.setX(3, DATA + 0x100);
    m.sp = BigInt(DATA + 0x200);
    m.step(3);
    expect(m.readU64(DATA + 0xf0)).toBe(0x1111111122222222n);
    expect(m.readU64(DATA + 0xf8)).toBe(0x3333333344444444n);
    expect(m.x(4)).toBe(0x11111111n);
    expect(m.x(5)).toBe(0x44444444n);
    expect(m.x(6)).toBe(0x1111111122222222n);
    expect(m.x(7)).toBe(0x3333333344444444n);
    expect(m.x(3)).toBe(BigInt(DATA + 0x100));
    m.step();
    expect(m.readU64(DATA + 0x2fc)).toBe(0x2222222244444444n);
    expect(m.sp).toBe(BigInt(DATA + 0x200));
  });
});

describe('SIMD&FP pairs', () => {
  it('S, D and Q pairs in every mode; loads zero the rest of each register', () => {
    const m = new TestMachine([
      0x2d000460, // stp s0, s1, [x3]
      0x2d400c62, // ldp s2, s3, [x3]
      0x6d810460, // stp d0, d1, [x3, #16]!
      0x6cff1464, // ldp d4, d5, [x3], #-16
      0xadbf0460, // stp q0, q1, [x3, #-32]!
      0xacc11c66, // ldp q6, q7, [x3], #32
      0xac020061, // stnp q1, q0, [x3, #64]
      0x6c442468, // ldnp d8, d9, [x3, #64]
      0x2c100061, // stnp s1, s0, [x3, #128]
      0x2c502c6a, // ldnp s10, s11, [x3, #128]
    ]);
    const q0 = 0x0f0e0d0c0b0a09080706050403020100n;
    const q1 = 0x1f1e1d1c1b1a19181716151413121110n;
    m.setV(0, q0);
    m.setV(1, q1);
    for (let v = 2; v < 12; v++) m.setV(v, -1n);
    m.setX(3, DATA + 0x100);
    m.step(2);
    expect(m.readU64(DATA + 0x100)).toBe(0x1312111003020100n);
    expect(m.v(2)).toBe(0x03020100n);
    expect(m.v(3)).toBe(0x13121110n);
    m.step();
    expect(m.x(3)).toBe(BigInt(DATA + 0x110));
    expect(m.readU64(DATA + 0x110)).toBe(0x0706050403020100n);
    expect(m.readU64(DATA + 0x118)).toBe(0x1716151413121110n);
    m.step();
    expect(m.x(3)).toBe(BigInt(DATA + 0x100));
    expect(m.v(4)).toBe(0x0706050403020100n);
    expect(m.v(5)).toBe(0x1716151413121110n);
    m.step();
    expect(m.x(3)).toBe(BigInt(DATA + 0xe0));
    m.step();
    expect(m.x(3)).toBe(BigInt(DATA + 0x100));
    expect(m.v(6)).toBe(q0);
    expect(m.v(7)).toBe(q1);
    m.step(2); // q1 at DATA+0x140, q0 at DATA+0x150
    expect(m.v(8)).toBe(0x1716151413121110n);
    expect(m.v(9)).toBe(0x1f1e1d1c1b1a1918n);
    m.step(2);
    expect(m.v(10)).toBe(0x13121110n);
    expect(m.v(11)).toBe(0x03020100n);
    expect(m.x(3)).toBe(BigInt(DATA + 0x100));
  });

  it('opc 11 is unallocated for SIMD&FP pairs, as are STGP and LDNP with opc 01', () => {
    const m = new TestMachine([
      0xed400861, // ldp with opc 11, V=1
      0x69000861, // stgp x1, x2, [x3] (MTE)
      0x68400861, // ldnp with opc 01
      0xe9400861, // ldp with opc 11, V=0
    ]);
    for (let i = 0; i < 4; i++) {
      m.cpu.pc = CODE + 4 * i;
      expect(m.step()).toBe(Stop.Undefined);
    }
  });
});

describe('pairs at boundaries', () => {
  it('allow unaligned addresses and pages or mappings crossed in the middle', () => {
    const m = new TestMachine([
      0xa9000861, // stp x1, x2, [x3]
      0xa9401464, // ldp x4, x5, [x3]
      0xad0004c0, // stp q0, q1, [x6]
      0xad400cc2, // ldp q2, q3, [x6]
      0x290008e1, // stp w1, w2, [x7]
      0x294024e8, // ldp w8, w9, [x7]
    ]);
    m.mem.map(0x201000, 0x1000, RW);
    m.mem.map(0x200000, 0x1000, RW);
    m.setX(1, 0x0102030405060708n);
    m.setX(2, 0x1112131415161718n);
    m.setX(3, DATA + 0xffb); // the first X straddles the page line inside the data area
    m.setX(6, 0x200fe8); // the first Q fits in the page, the second crosses into the next mapping
    m.setX(7, 0x200ffe);
    m.setV(0, 0x0f0e0d0c0b0a09080706050403020100n);
    m.setV(1, 0x1f1e1d1c1b1a19181716151413121110n);
    m.step(2);
    expect(m.readU64(DATA + 0xffb)).toBe(0x0102030405060708n);
    expect(m.readU64(DATA + 0x1003)).toBe(0x1112131415161718n);
    expect([m.x(4), m.x(5)]).toEqual([0x0102030405060708n, 0x1112131415161718n]);
    m.step(2);
    expect(bytes(m, 0x200fe8, 4)).toEqual([0x00, 0x01, 0x02, 0x03]);
    expect(bytes(m, 0x200ffe, 4)).toEqual([0x16, 0x17, 0x18, 0x19]);
    expect(m.v(2)).toBe(0x0f0e0d0c0b0a09080706050403020100n);
    expect(m.v(3)).toBe(0x1f1e1d1c1b1a19181716151413121110n);
    m.step(2);
    expect(bytes(m, 0x200ffe, 8)).toEqual([0x08, 0x07, 0x06, 0x05, 0x18, 0x17, 0x16, 0x15]);
    expect([m.x(8), m.x(9)]).toEqual([0x05060708n, 0x15161718n]);
  });

  it('a pair whose second half faults writes nothing and changes no register', () => {
    const m = new TestMachine([
      0xa9000861, // stp x1, x2, [x3]
      0xa9401464, // ldp x4, x5, [x3]
      0xa98088c1, // stp x1, x2, [x6, #8]!
      0xa8c09464, // ldp x4, x5, [x3], #8
      0xad0004e0, // stp q0, q1, [x7]
      0xad400ce2, // ldp q2, q3, [x7]
      0x29000901, // stp w1, w2, [x8]
      0x69401504, // ldpsw x4, x5, [x8]
      0x2d400d02, // ldp s2, s3, [x8]
    ]);
    m.setX(1, 0x1111n);
    m.setX(2, 0x2222n);
    m.setX(3, DATA_END - 8);
    m.setX(4, 0x44n);
    m.setX(5, 0x55n);
    m.setX(6, DATA_END - 16);
    m.setX(7, DATA_END - 16);
    m.setX(8, DATA_END - 4);
    m.setV(0, 0xaan);
    m.setV(2, 0x22n);
    m.setV(3, 0x33n);
    m.writeU64(DATA_END - 16, 0xababababababababn);
    m.writeU64(DATA_END - 8, 0xcdcdcdcdcdcdcdcdn);
    for (let i = 0; i < 9; i++) {
      m.cpu.pc = CODE + 4 * i;
      expect(m.step()).toBe(Stop.Fault);
      expect(FAULT.addr).toBe(DATA_END);
      expect(FAULT.access).toBe(i % 2 === 0 && i !== 8 ? 'write' : 'read');
    }
    expect(m.readU64(DATA_END - 16)).toBe(0xababababababababn);
    expect(m.readU64(DATA_END - 8)).toBe(0xcdcdcdcdcdcdcdcdn);
    expect([m.x(3), m.x(4), m.x(5), m.x(6)]).toEqual([BigInt(DATA_END - 8), 0x44n, 0x55n, BigInt(DATA_END - 16)]);
    expect([m.v(2), m.v(3)]).toEqual([0x22n, 0x33n]);
  });
});
