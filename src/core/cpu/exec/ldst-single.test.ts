import { describe, expect, it } from 'vitest';
import { CODE, DATA, DATA_SIZE, TestMachine } from '../../../../tests/helpers/machine.js';
import { FAULT, PROT_READ, PROT_WRITE } from '../../memory/memory.js';
import { Stop } from '../op.js';

const RW = PROT_READ | PROT_WRITE;
const DATA_END = DATA + DATA_SIZE; // first unmapped byte after the data area

function bytes(m: TestMachine, addr: number, n: number): number[] {
  return [...m.mem.read(addr, n)!];
}
function poke(m: TestMachine, addr: number, b: number[]): void {
  m.mem.write(addr, Uint8Array.from(b));
}

describe('LDR/STR (unsigned offset)', () => {
  it('loads and stores X and W with scaled offsets; a W load zeroes the upper half', () => {
    const m = new TestMachine([
      0xf9400420, // ldr x0, [x1, #8]
      0xb9400c22, // ldr w2, [x1, #12]
      0xf93ffc20, // str x0, [x1, #32760]
      0xb9001020, // str w0, [x1, #16]
      0xb97ffc23, // ldr w3, [x1, #16380]
    ]);
    m.setX(1, DATA);
    m.setX(2, -1n);
    m.writeU64(DATA + 8, 0x1122334455667788n);
    m.writeU64(DATA + 16, 0xaaaaaaaaaaaaaaaan);
    m.writeU64(DATA + 16376, 0xdeadbeef01020304n);
    m.step(2);
    expect(m.x(0)).toBe(0x1122334455667788n);
    expect(m.x(2)).toBe(0x11223344n);
    m.step(2);
    expect(m.readU64(DATA + 32760)).toBe(0x1122334455667788n);
    expect(m.readU64(DATA + 16)).toBe(0xaaaaaaaa55667788n);
    m.step();
    expect(m.x(3)).toBe(0xdeadbeefn);
  });

  it('zero- and sign-extends bytes, halfwords and words into W and X', () => {
    const m = new TestMachine([
      0x39400020, // ldrb w0, [x1]
      0x39c00022, // ldrsb w2, [x1]
      0x39800023, // ldrsb x3, [x1]
      0x39800424, // ldrsb x4, [x1, #1]
      0x79400425, // ldrh w5, [x1, #2]
      0x79c00426, // ldrsh w6, [x1, #2]
      0x79800427, // ldrsh x7, [x1, #2]
      0xb9800428, // ldrsw x8, [x1, #4]
      0xb9400429, // ldr w9, [x1, #4]
      0x79c0102a, // ldrsh w10, [x1, #8]
    ]);
    m.setX(1, DATA);
    poke(m, DATA, [0x80, 0x7f, 0x01, 0x80, 0x00, 0x00, 0x00, 0x80, 0xff, 0x7f]);
    for (let r = 0; r <= 10; r++) if (r !== 1) m.setX(r, 0x5555555555555555n);
    m.step(10);
    expect(m.x(0)).toBe(0x80n);
    expect(m.x(2)).toBe(0xffffff80n);
    expect(m.x(3)).toBe(0xffffffffffffff80n);
    expect(m.x(4)).toBe(0x7fn);
    expect(m.x(5)).toBe(0x8001n);
    expect(m.x(6)).toBe(0xffff8001n);
    expect(m.x(7)).toBe(0xffffffffffff8001n);
    expect(m.x(8)).toBe(0xffffffff80000000n);
    expect(m.x(9)).toBe(0x80000000n);
    expect(m.x(10)).toBe(0x7fffn);
  });

  it('STRB/STRH store only the low byte/halfword', () => {
    const m = new TestMachine([
      0x393ffc20, // strb w0, [x1, #4095]
      0x793ffc20, // strh w0, [x1, #8190]
    ]);
    m.setX(0, 0x123456789abcdef0n);
    m.setX(1, DATA);
    m.writeU64(DATA + 4088, -1n);
    m.writeU64(DATA + 8184, -1n);
    m.step(2);
    expect(m.readU64(DATA + 4088)).toBe(0xf0ffffffffffffffn);
    expect(m.readU64(DATA + 8184)).toBe(0xdef0ffffffffffffn);
  });

  it('uses SP as the base and XZR/WZR as the transfer register', () => {
    const m = new TestMachine([
      0xf90007e0, // str x0, [sp, #8]
      0xb9400be2, // ldr w2, [sp, #8]
      0xf9000bff, // str xzr, [sp, #16]
      0xf94007ff, // ldr xzr, [sp, #8]
      0x390027ff, // strb wzr, [sp, #9]
      0xf94007e3, // ldr x3, [sp, #8]
    ]);
    m.sp = BigInt(DATA + 0x1000);
    m.setX(0, 0x0102030405060708n);
    m.writeU64(DATA + 0x1010, -1n);
    m.step(3);
    expect(m.x(2)).toBe(0x05060708n);
    expect(m.readU64(DATA + 0x1010)).toBe(0n);
    m.step();
    expect(m.x(31)).toBe(0n);
    m.step(2);
    expect(m.x(3)).toBe(0x0102030405060008n);
    expect(m.sp).toBe(BigInt(DATA + 0x1000));
  });
});

describe('LDUR/STUR (unscaled) and LDTR/STTR (unprivileged)', () => {
  it('take signed byte offsets, including odd and negative ones', () => {
    const m = new TestMachine([
      0xf85f8020, // ldur x0, [x1, #-8]
      0xb8003020, // stur w0, [x1, #3]
      0x389ff022, // ldursb x2, [x1, #-1]
      0x78dfe023, // ldursh w3, [x1, #-2]
      0x785fe024, // ldurh w4, [x1, #-2]
      0xb89fc025, // ldursw x5, [x1, #-4]
      0x380ff020, // sturb w0, [x1, #255]
      0x78100020, // sturh w0, [x1, #-256]
      0xf8110020, // stur x0, [x1, #-240]
      0x384ff026, // ldurb w6, [x1, #255]
      0xb8510027, // ldur w7, [x1, #-240]
    ]);
    m.setX(1, DATA + 0x200);
    m.writeU64(DATA + 0x1f8, 0x8899aabbccddeeffn);
    m.writeU64(DATA + 0x200, 0n);
    m.step(6);
    expect(m.x(0)).toBe(0x8899aabbccddeeffn);
    expect(m.readU64(DATA + 0x200)).toBe(0xccddeeff000000n);
    expect(m.x(2)).toBe(0xffffffffffffff88n);
    expect(m.x(3)).toBe(0xffff8899n);
    expect(m.x(4)).toBe(0x8899n);
    expect(m.x(5)).toBe(0xffffffff8899aabbn);
    m.step(3);
    expect(bytes(m, DATA + 0x2ff, 1)).toEqual([0xff]);
    expect(bytes(m, DATA + 0x100, 2)).toEqual([0xff, 0xee]);
    expect(m.readU64(DATA + 0x110)).toBe(0x8899aabbccddeeffn);
    m.step(2);
    expect(m.x(6)).toBe(0xffn);
    expect(m.x(7)).toBe(0xccddeeffn);
  });

  it('LDTR/STTR and their byte, halfword and signed forms act as ordinary accesses at EL0', () => {
    const m = new TestMachine([
      0xf81f8820, // sttr x0, [x1, #-8]
      0xb85fc822, // ldtr w2, [x1, #-4]
      0x38000820, // sttrb w0, [x1]
      0x78002820, // sttrh w0, [x1, #2]
      0x38400823, // ldtrb w3, [x1]
      0x38800824, // ldtrsb x4, [x1]
      0x38c00825, // ldtrsb w5, [x1]
      0x78402826, // ldtrh w6, [x1, #2]
      0x78802827, // ldtrsh x7, [x1, #2]
      0x78c02828, // ldtrsh w8, [x1, #2]
      0xb89fc829, // ldtrsw x9, [x1, #-4]
      0xf85f882a, // ldtr x10, [x1, #-8]
    ]);
    m.setX(0, 0x80818283f4f5f6f7n);
    m.setX(1, DATA + 0x100);
    m.step(12);
    expect(m.readU64(DATA + 0xf8)).toBe(0x80818283f4f5f6f7n);
    expect(m.x(2)).toBe(0x80818283n);
    expect(m.x(3)).toBe(0xf7n);
    expect(m.x(4)).toBe(0xfffffffffffffff7n);
    expect(m.x(5)).toBe(0xfffffff7n);
    expect(m.x(6)).toBe(0xf6f7n);
    expect(m.x(7)).toBe(0xfffffffffffff6f7n);
    expect(m.x(8)).toBe(0xfffff6f7n);
    expect(m.x(9)).toBe(0xffffffff80818283n);
    expect(m.x(10)).toBe(0x80818283f4f5f6f7n);
  });
});

describe('pre- and post-index', () => {
  it('pre-index accesses base+offset and writes it back; post-index accesses base then adds', () => {
    const m = new TestMachine([
      0xf8408c20, // ldr x0, [x1, #8]!
      0xf85f8422, // ldr x2, [x1], #-8
      0xb81fcc23, // str w3, [x1, #-4]!
      0x38001423, // strb w3, [x1], #1
      0x789ffc24, // ldrsh x4, [x1, #-1]!
      0x384ff425, // ldrb w5, [x1], #255
      0xb8900c26, // ldrsw x6, [x1, #-256]!
      0x78402427, // ldrh w7, [x1], #2
      0x78002c23, // strh w3, [x1, #2]!
      0x38dfe428, // ldrsb w8, [x1], #-2
    ]);
    m.setX(1, DATA + 0x100);
    m.setX(3, 0x1234abcdn);
    m.writeU64(DATA + 0x108, 0x0807060504030201n);
    m.step();
    expect(m.x(0)).toBe(0x0807060504030201n);
    expect(m.x(1)).toBe(BigInt(DATA + 0x108));
    m.step();
    expect(m.x(2)).toBe(0x0807060504030201n);
    expect(m.x(1)).toBe(BigInt(DATA + 0x100));
    m.step();
    expect(m.x(1)).toBe(BigInt(DATA + 0xfc));
    expect(bytes(m, DATA + 0xfc, 4)).toEqual([0xcd, 0xab, 0x34, 0x12]);
    m.step();
    expect(m.x(1)).toBe(BigInt(DATA + 0xfd));
    expect(bytes(m, DATA + 0xfc, 1)).toEqual([0xcd]);
    m.step(); // ldrsh at 0xfc: 0xabcd
    expect(m.x(4)).toBe(0xffffffffffffabcdn);
    expect(m.x(1)).toBe(BigInt(DATA + 0xfc));
    m.step(); // ldrb at 0xfc, then +255
    expect(m.x(5)).toBe(0xcdn);
    expect(m.x(1)).toBe(BigInt(DATA + 0x1fb));
    m.step(); // ldrsw at 0xfb
    expect(m.x(1)).toBe(BigInt(DATA + 0xfb));
    expect(m.x(6)).toBe(0x34abcd00n);
    m.step(); // ldrh at 0xfb, then +2
    expect(m.x(7)).toBe(0xcd00n);
    expect(m.x(1)).toBe(BigInt(DATA + 0xfd));
    m.step(); // strh at 0xff
    expect(m.x(1)).toBe(BigInt(DATA + 0xff));
    expect(bytes(m, DATA + 0xff, 2)).toEqual([0xcd, 0xab]);
    m.step(); // ldrsb at 0xff, then -2
    expect(m.x(8)).toBe(0xffffffcdn);
    expect(m.x(1)).toBe(BigInt(DATA + 0xfd));
  });

  it('writes SP back (function prologue/epilogue style)', () => {
    const m = new TestMachine([
      0xf81f0fe0, // str x0, [sp, #-16]!
      0xf84107e2, // ldr x2, [sp], #16
      0xb81fcfe0, // str w0, [sp, #-4]!
    ]);
    m.sp = BigInt(DATA + 0x1000);
    m.setX(0, 0xfeedfacecafebeefn);
    m.step();
    expect(m.sp).toBe(BigInt(DATA + 0xff0));
    expect(m.readU64(DATA + 0xff0)).toBe(0xfeedfacecafebeefn);
    m.step();
    expect(m.x(2)).toBe(0xfeedfacecafebeefn);
    expect(m.sp).toBe(BigInt(DATA + 0x1000));
    m.step();
    expect(m.sp).toBe(BigInt(DATA + 0xffc));
    expect(bytes(m, DATA + 0xffc, 4)).toEqual([0xef, 0xbe, 0xfe, 0xca]);
  });

  it('with Rn == Rt, a load takes the written-back address and a store stores the old base (as qemu)', () => {
    const m = new TestMachine([
      0xf8408421, // ldr x1, [x1], #8
      0xf8408c21, // ldr x1, [x1, #8]!
      0xf8008c21, // str x1, [x1, #8]!
      0xf8008421, // str x1, [x1], #8
      0x38401c21, // ldrb w1, [x1, #1]!
    ]);
    const base = BigInt(DATA + 0x100);
    m.setX(1, base);
    m.writeU64(DATA + 0x100, 0x1111n);
    m.writeU64(DATA + 0x110, 0x2222n);
    m.step();
    expect(m.x(1)).toBe(base + 8n);
    m.step();
    expect(m.x(1)).toBe(base + 16n);
    m.step();
    expect(m.x(1)).toBe(base + 24n);
    expect(m.readU64(DATA + 0x118)).toBe(base + 16n);
    m.step();
    expect(m.x(1)).toBe(base + 32n);
    expect(m.readU64(DATA + 0x118)).toBe(base + 24n);
    m.step();
    expect(m.x(1)).toBe(base + 33n);
  });
});

describe('LDR/STR (register offset)', () => {
  it('adds Xm shifted by LSL, or Wm extended by UXTW/SXTW, or Xm by SXTX, optionally scaled', () => {
    const m = new TestMachine([
      0xf8627820, // ldr x0, [x1, x2, lsl #3]
      0xf8637824, // ldr x4, [x1, x3, lsl #3]
      0xf8665825, // ldr x5, [x1, w6, uxtw #3]
      0xf863d827, // ldr x7, [x1, w3, sxtw #3]
      0xf863f828, // ldr x8, [x1, x3, sxtx #3]
      0xf8636829, // ldr x9, [x1, x3]
      0x3863682a, // ldrb w10, [x1, x3]
      0x7866582b, // ldrh w11, [x1, w6, uxtw #1]
      0x78a3c82c, // ldrsh x12, [x1, w3, sxtw]
      0xb866482d, // ldr w13, [x1, w6, uxtw]
      0xb8a2782e, // ldrsw x14, [x1, x2, lsl #2]
      0x38e3e82f, // ldrsb w15, [x1, x3, sxtx]
      0x38627830, // ldrb w16, [x1, x2, lsl #0]
    ]);
    m.setX(1, DATA + 0x100);
    m.setX(2, 2n);
    m.setX(3, -2n);
    m.setX(6, 0xffffffff00000004n); // UXTW ignores the upper word
    // every byte of the doubleword at DATA+a is a/8, except two marker bytes at DATA+0xfe
    for (let a = 0xe0; a < 0x140; a += 8) m.writeU64(DATA + a, BigInt(a / 8) * 0x0101010101010101n);
    poke(m, DATA + 0xfe, [0x80, 0x90]);
    for (let r = 10; r <= 16; r++) m.setX(r, -1n);
    m.step(); // DATA+0x110
    expect(m.x(0)).toBe(0x2222222222222222n);
    m.step(); // DATA+0xf0
    expect(m.x(4)).toBe(0x1e1e1e1e1e1e1e1en);
    m.step(); // DATA+0x120
    expect(m.x(5)).toBe(0x2424242424242424n);
    m.step();
    expect(m.x(7)).toBe(0x1e1e1e1e1e1e1e1en);
    m.step();
    expect(m.x(8)).toBe(0x1e1e1e1e1e1e1e1en);
    m.step(); // DATA+0xfe
    expect(m.x(9)).toBe(0x2020202020209080n);
    m.step();
    expect(m.x(10)).toBe(0x80n);
    m.step(); // DATA+0x108
    expect(m.x(11)).toBe(0x2121n);
    m.step(); // DATA+0xfe
    expect(m.x(12)).toBe(0xffffffffffff9080n);
    m.step(); // DATA+0x104
    expect(m.x(13)).toBe(0x20202020n);
    m.step(); // DATA+0x108
    expect(m.x(14)).toBe(0x21212121n);
    m.step(); // DATA+0xfe
    expect(m.x(15)).toBe(0xffffff80n);
    m.step(); // DATA+0x102
    expect(m.x(16)).toBe(0x20n);
  });

  it('stores through register offsets, with SP as the base', () => {
    const m = new TestMachine([
      0xf8227be0, // str x0, [sp, x2, lsl #3]
      0xb823dbe0, // str w0, [sp, w3, sxtw #2]
      0x78227be0, // strh w0, [sp, x2, lsl #1]
      0x38234be0, // strb w0, [sp, w3, uxtw]
    ]);
    m.sp = BigInt(DATA + 0x100);
    m.setX(0, 0x0123456789abcdefn);
    m.setX(2, 1n);
    m.setX(3, 0xffffffffn); // -1 as SXTW, 0xffffffff as UXTW
    m.step(3);
    expect(m.readU64(DATA + 0x108)).toBe(0x0123456789abcdefn);
    expect(bytes(m, DATA + 0xfc, 4)).toEqual([0xef, 0xcd, 0xab, 0x89]);
    expect(bytes(m, DATA + 0x102, 2)).toEqual([0xef, 0xcd]);
    m.setX(3, 0x10n);
    m.step();
    expect(bytes(m, DATA + 0x110, 1)).toEqual([0xef]);
  });

  it('options with bit 1 clear (UXTB, UXTH, SXTB, SXTH) are unallocated', () => {
    const m = new TestMachine([
      0xf8630841, // ldr x1, [x2, w3, uxtb] (option 000)
      0xf8638841, // ldr x1, [x2, w3, sxtb] (option 100)
      0xf8a30841, // prfm #1, [x2, w3, uxtb] (option 000)
    ]);
    expect(m.step()).toBe(Stop.Undefined);
    m.cpu.pc = CODE + 4;
    expect(m.step()).toBe(Stop.Undefined);
    m.cpu.pc = CODE + 8;
    expect(m.step()).toBe(Stop.Undefined);
  });
});

describe('LDR (literal)', () => {
  it('loads W, X and LDRSW relative to the instruction, forwards and backwards', () => {
    const m = new TestMachine([
      0x58000060, // ldr x0, .+12
      0x98000061, // ldrsw x1, .+12
      0x18000042, // ldr w2, .+8
      0x89abcdef, // data: CODE+12
      0x80000000, // data: CODE+16
      0x18ffffe3, // ldr w3, .-4
      0x58ffffa4, // ldr x4, .-12
    ]);
    m.step(3);
    expect(m.x(0)).toBe(0x8000000089abcdefn);
    expect(m.x(1)).toBe(0xffffffff80000000n);
    expect(m.x(2)).toBe(0x80000000n);
    m.cpu.pc = CODE + 20;
    m.step(2);
    expect(m.x(3)).toBe(0x80000000n);
    expect(m.x(4)).toBe(0x8000000089abcdefn);
  });

  it('loads S, D and Q registers, zeroing the rest', () => {
    const m = new TestMachine([
      0x1c000060, // ldr s0, .+12
      0x5c000041, // ldr d1, .+8
      0x9c000022, // ldr q2, .+4
      0x11111111, // data: CODE+12
      0x22222222,
      0x33333333,
      0x44444444,
    ]);
    m.setV(0, -1n);
    m.setV(1, -1n);
    m.step(3);
    expect(m.v(0)).toBe(0x11111111n);
    expect(m.v(1)).toBe(0x2222222211111111n);
    expect(m.v(2)).toBe(0x44444444333333332222222211111111n);
  });
});

describe('PRFM/PRFUM', () => {
  it('are no-ops in every form, even at unmapped addresses', () => {
    const m = new TestMachine([
      0xf9800020, // prfm pldl1keep, [x1]
      0xf9bffc33, // prfm pstl2strm, [x1, #32760]
      0xf89ff020, // prfum pldl1keep, [x1, #-1]
      0xf8a27820, // prfm pldl1keep, [x1, x2, lsl #3]
      0xf8a2c828, // prfm plil1keep, [x1, w2, sxtw]
      0xd8008000, // prfm pldl1keep, .+4096
      0xf980003f, // prfm #0x1f, [x1]
    ]);
    m.setX(1, 0xdead0000n);
    m.setX(2, 0x1234n);
    for (let i = 0; i < 7; i++) expect(m.step()).toBe(Stop.Budget);
    expect(m.pc).toBe(CODE + 28);
    expect(m.x(1)).toBe(0xdead0000n);
  });
});

describe('alignment, page and area boundaries, 64-bit addresses', () => {
  it('allows unaligned normal accesses', () => {
    const m = new TestMachine([
      0xf8401020, // ldur x0, [x1, #1]
      0xf8013020, // stur x0, [x1, #0x13]
      0xb8636822, // ldr w2, [x1, x3]
      0x78a56824, // ldrsh x4, [x1, x5]
      0x78256824, // strh w4, [x1, x5]
    ]);
    m.setX(1, DATA);
    m.setX(3, 5n);
    m.setX(5, 0x21n);
    poke(m, DATA, [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09]);
    m.step(2);
    expect(m.x(0)).toBe(0x0807060504030201n);
    expect(bytes(m, DATA + 0x13, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    m.step();
    expect(m.x(2)).toBe(0x08070605n);
    poke(m, DATA + 0x21, [0x34, 0x92]);
    m.step();
    expect(m.x(4)).toBe(0xffffffffffff9234n);
    m.setX(4, 0x5678n);
    m.step();
    expect(bytes(m, DATA + 0x21, 2)).toEqual([0x78, 0x56]);
  });

  it('handles accesses that cross a page boundary inside one mapping', () => {
    const m = new TestMachine([
      0xf9400020, // ldr x0, [x1]
      0xf9000022, // str x2, [x1]
      0xb8402023, // ldur w3, [x1, #2]
      0x79400824, // ldrh w4, [x1, #4]
      0x3c9fc025, // stur q5, [x1, #-4]
      0x3cdfc026, // ldur q6, [x1, #-4]
    ]);
    m.setX(1, DATA + 0xffd);
    poke(m, DATA + 0xff9, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    m.setX(2, 0x8877665544332211n);
    m.setV(5, 0x0f0e0d0c0b0a09080706050403020100n);
    m.step();
    expect(m.x(0)).toBe(0x0b0a090807060504n);
    m.step();
    expect(m.readU64(DATA + 0xffd)).toBe(0x8877665544332211n);
    m.step(2);
    expect(m.x(3)).toBe(0x66554433n);
    expect(m.x(4)).toBe(0x6655n);
    m.step(2);
    expect(m.v(6)).toBe(0x0f0e0d0c0b0a09080706050403020100n);
    expect(bytes(m, DATA + 0xff9, 16)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('handles accesses that cross from one mapping into another', () => {
    const m = new TestMachine([
      0xf9400020, // ldr x0, [x1]
      0xf8002022, // stur x2, [x1, #2]
      0xb8401023, // ldur w3, [x1, #1]
      0x79800424, // ldrsh x4, [x1, #2]
      0x3c9f8025, // stur q5, [x1, #-8]
      0x3cdf8026, // ldur q6, [x1, #-8]
      0xb8001022, // stur w2, [x1, #1]
      0x79000422, // strh w2, [x1, #2]
    ]);
    // map the second page first so the two areas are not adjacent in physical memory
    m.mem.map(0x201000, 0x1000, RW);
    m.mem.map(0x200000, 0x1000, RW);
    m.setX(1, 0x200ffd);
    poke(m, 0x200ffd, [1, 2, 3, 4, 5, 6, 7, 8]);
    m.setX(2, 0x8877665544332211n);
    m.setV(5, 0x0f0e0d0c0b0a09080706050403020100n);
    m.step();
    expect(m.x(0)).toBe(0x0807060504030201n);
    m.step();
    expect(bytes(m, 0x200ffd, 10)).toEqual([1, 2, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88]);
    m.step();
    expect(m.x(3)).toBe(0x33221102n);
    m.step();
    expect(m.x(4)).toBe(0x2211n);
    m.step(2);
    expect(m.v(6)).toBe(0x0f0e0d0c0b0a09080706050403020100n);
    m.step(2);
    expect(bytes(m, 0x200ffe, 4)).toEqual([0x11, 0x11, 0x22, 0x44]);
  });

  it('carries offsets into the upper address word and across the 4 GiB line', () => {
    const m = new TestMachine([
      0xf9400420, // ldr x0, [x1, #8]
      0xf85f0062, // ldur x2, [x3, #-16]
      0xf8656824, // ldr x4, [x1, x5]
      0xf8676866, // ldr x6, [x3, x7]
      0xf8404028, // ldur x8, [x1, #4]
      0xf8004c29, // str x9, [x1, #4]!
      0xf85f8c6a, // ldr x10, [x3, #-8]!
      0xf85f846b, // ldr x11, [x3], #-8
    ]);
    m.mem.map(0xfffff000, 0x1000, RW);
    m.mem.map(0x100000000, 0x1000, RW);
    m.writeU64(0xfffffff8, 0x1111111122222222n);
    m.writeU64(0x100000000, 0x3333333344444444n);
    m.setX(1, 0xfffffff8n);
    m.setX(3, 0x100000008n);
    m.setX(5, 8n);
    m.setX(7, -16n);
    m.setX(9, 0x0102030405060708n);
    m.step();
    expect(m.x(0)).toBe(0x3333333344444444n);
    m.step();
    expect(m.x(2)).toBe(0x1111111122222222n);
    m.step();
    expect(m.x(4)).toBe(0x3333333344444444n);
    m.step();
    expect(m.x(6)).toBe(0x1111111122222222n);
    m.step(); // straddles 0xfffffffc..0x100000003
    expect(m.x(8)).toBe(0x4444444411111111n);
    m.step();
    expect(m.x(1)).toBe(0xfffffffcn);
    expect(m.readU64(0xfffffffc)).toBe(0x0102030405060708n);
    m.step();
    expect(m.x(10)).toBe(0x3333333301020304n);
    expect(m.x(3)).toBe(0x100000000n);
    m.step();
    expect(m.x(11)).toBe(0x3333333301020304n);
    expect(m.x(3)).toBe(0xfffffff8n);
  });
});

describe('faults', () => {
  it('a faulting load or store stops with Fault and changes no register (no writeback)', () => {
    const m = new TestMachine([
      0xf8408c20, // ldr x0, [x1, #8]!
      0xf8008420, // str x0, [x1], #8
      0xb8647862, // ldr w2, [x3, x4, lsl #2]
      0x38801422, // ldrsb x2, [x1], #1
    ]);
    m.setX(0, 0x77n);
    m.setX(1, 0x300000n);
    m.setX(2, 0x99n);
    m.setX(3, DATA);
    m.setX(4, 0x4000n); // DATA + 0x10000: just past the area
    expect(m.step()).toBe(Stop.Fault);
    expect(m.pc).toBe(CODE);
    expect(m.x(0)).toBe(0x77n);
    expect(m.x(1)).toBe(0x300000n);
    expect(FAULT.addr).toBe(0x300008);
    expect(FAULT.access).toBe('read');
    expect(FAULT.mapped).toBe(false);
    m.cpu.pc = CODE + 4;
    expect(m.step()).toBe(Stop.Fault);
    expect(FAULT.access).toBe('write');
    expect(FAULT.addr).toBe(0x300000);
    expect(m.x(1)).toBe(0x300000n);
    m.cpu.pc = CODE + 8;
    expect(m.step()).toBe(Stop.Fault);
    expect(FAULT.addr).toBe(DATA_END);
    expect(m.x(2)).toBe(0x99n);
    m.cpu.pc = CODE + 12;
    expect(m.step()).toBe(Stop.Fault);
    expect(m.x(1)).toBe(0x300000n);
    expect(m.x(2)).toBe(0x99n);
  });

  it('an access crossing into an unmapped page faults there and writes nothing', () => {
    const m = new TestMachine([
      0xf9000020, // str x0, [x1]
      0xf9400022, // ldr x2, [x1]
      0x3c9fc020, // stur q0, [x1, #-4]
      0x3cdfc021, // ldur q1, [x1, #-4]
      0xb8002020, // stur w0, [x1, #2]
    ]);
    m.setX(0, 0x1122334455667788n);
    m.setX(1, DATA_END - 4);
    m.setX(2, 0x55n);
    m.setV(0, 0x1234n);
    m.setV(1, 0x5678n);
    m.writeU64(DATA_END - 8, 0xababababababababn);
    for (let i = 0; i < 5; i++) {
      m.cpu.pc = CODE + 4 * i;
      expect(m.step()).toBe(Stop.Fault);
      expect(FAULT.addr).toBe(DATA_END);
    }
    expect(m.readU64(DATA_END - 8)).toBe(0xababababababababn);
    expect(m.x(2)).toBe(0x55n);
    expect(m.v(1)).toBe(0x5678n);
  });

  it('a store to read-only memory faults as a mapped write', () => {
    const m = new TestMachine([
      0xb9000020, // str w0, [x1]
      0xb9400022, // ldr w2, [x1]
    ]);
    m.setX(1, CODE);
    expect(m.step()).toBe(Stop.Fault);
    expect(FAULT.access).toBe('write');
    expect(FAULT.mapped).toBe(true);
    expect(FAULT.misaligned).toBe(false);
    m.cpu.pc = CODE + 4;
    expect(m.step()).toBe(Stop.Budget);
    expect(m.x(2)).toBe(0xb9000020n);
  });
});

describe('SIMD&FP registers', () => {
  it('LDR B/H/S/D zero the rest of the V register; Q loads all 128 bits', () => {
    const m = new TestMachine([
      0x3d400020, // ldr b0, [x1]
      0x7d400421, // ldr h1, [x1, #2]
      0xbd400422, // ldr s2, [x1, #4]
      0xfd400423, // ldr d3, [x1, #8]
      0x3dc00424, // ldr q4, [x1, #16]
    ]);
    m.setX(1, DATA);
    for (let i = 0; i < 32; i++) poke(m, DATA + i, [0xa0 + i]);
    for (let v = 0; v < 5; v++) m.setV(v, -1n);
    m.step(5);
    expect(m.v(0)).toBe(0xa0n);
    expect(m.v(1)).toBe(0xa3a2n);
    expect(m.v(2)).toBe(0xa7a6a5a4n);
    expect(m.v(3)).toBe(0xafaeadacabaaa9a8n);
    expect(m.v(4)).toBe(0xbfbebdbcbbbab9b8b7b6b5b4b3b2b1b0n);
  });

  it('STR B/H/S/D/Q store only their size', () => {
    const m = new TestMachine([
      0x3d000020, // str b0, [x1]
      0x7d000420, // str h0, [x1, #2]
      0xbd000420, // str s0, [x1, #4]
      0xfd000420, // str d0, [x1, #8]
      0x3d800420, // str q0, [x1, #16]
    ]);
    m.setX(1, DATA);
    m.setV(0, 0xf0e0d0c0b0a090807060504030201000n);
    for (let a = 0; a < 32; a += 8) m.writeU64(DATA + a, -1n);
    m.step(5);
    expect(bytes(m, DATA, 8)).toEqual([0x00, 0xff, 0x00, 0x10, 0x00, 0x10, 0x20, 0x30]);
    expect(m.readU64(DATA + 8)).toBe(0x7060504030201000n);
    expect(bytes(m, DATA + 16, 16)).toEqual([0, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90, 0xa0, 0xb0, 0xc0, 0xd0, 0xe0, 0xf0]);
  });

  it('take the unscaled, pre-index, post-index and register-offset modes', () => {
    const m = new TestMachine([
      0x3c9ff020, // stur q0, [x1, #-1]
      0xfc5ff021, // ldur d1, [x1, #-1]
      0xbc004c20, // str s0, [x1, #4]!
      0x7c5fc422, // ldr h2, [x1], #-4
      0xfc227820, // str d0, [x1, x2, lsl #3]
      0x3ce3d823, // ldr q3, [x1, w3, sxtw #4]
      0x3c626824, // ldr b4, [x1, x2]
      0x7c1fefe0, // str h0, [sp, #-2]!
      0xbc5fe3e5, // ldur s5, [sp, #-2]
      0x3c8207e0, // str q0, [sp], #32
    ]);
    m.setX(1, DATA + 0x100);
    m.setX(2, 2n);
    m.setX(3, 0xffffffffn);
    m.sp = BigInt(DATA + 0x200);
    m.setV(0, 0xf0e0d0c0b0a090807060504030201000n);
    for (let v = 1; v < 6; v++) m.setV(v, -1n);
    poke(m, DATA + 0xf0, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    m.step(2);
    expect(m.v(1)).toBe(0x7060504030201000n);
    m.step();
    expect(m.x(1)).toBe(BigInt(DATA + 0x104));
    expect(bytes(m, DATA + 0x104, 4)).toEqual([0x00, 0x10, 0x20, 0x30]);
    m.step();
    expect(m.v(2)).toBe(0x1000n);
    expect(m.x(1)).toBe(BigInt(DATA + 0x100));
    m.step();
    expect(m.readU64(DATA + 0x110)).toBe(0x7060504030201000n);
    m.step(); // DATA+0xf0: fifteen marker bytes, then the first byte the STUR stored at 0xff
    expect(m.v(3)).toBe(0x000f0e0d0c0b0a090807060504030201n);
    m.step(); // DATA+0x102
    expect(m.v(4)).toBe(0x30n);
    m.step(2); // STR H at DATA+0x1fe, then LDUR S from DATA+0x1fc
    expect(m.sp).toBe(BigInt(DATA + 0x1fe));
    expect(m.v(5)).toBe(0x10000000n);
    m.step();
    expect(m.sp).toBe(BigInt(DATA + 0x21e));
    expect(bytes(m, DATA + 0x1fe, 2)).toEqual([0x00, 0x10]);
  });

  it('size/opc combinations above 128 bits are unallocated', () => {
    const m = new TestMachine([
      0x7dc00041, // ldr with size 01, opc 11
      0xdc000041, // ldr (literal, SIMD&FP) with opc 11
      0xfc400841, // ldtr with V=1
    ]);
    for (let i = 0; i < 3; i++) {
      m.cpu.pc = CODE + 4 * i;
      expect(m.step()).toBe(Stop.Undefined);
    }
  });
});
