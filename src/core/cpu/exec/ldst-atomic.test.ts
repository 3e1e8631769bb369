import { describe, expect, it } from 'vitest';
import { CODE, DATA, TestMachine } from '../../../../tests/helpers/machine.js';
import { FAULT } from '../../memory/memory.js';
import { Stop } from '../op.js';

function bytes(m: TestMachine, addr: number, n: number): number[] {
  return [...m.mem.read(addr, n)!];
}
function poke(m: TestMachine, addr: number, b: number[]): void {
  m.mem.write(addr, Uint8Array.from(b));
}

describe('CAS', () => {
  it('swaps when memory equals Rs and always returns the old value in Rs', () => {
    const m = new TestMachine([
      0xc8a07c41, // cas x0, x1, [x2]
      0xc8a07c41, // cas x0, x1, [x2]
      0xc8e3ffe1, // casal x3, x1, [sp]
    ]);
    m.setX(0, 0x1111111100000000n);
    m.setX(1, 0x2222222200000000n);
    m.setX(2, DATA + 0x10);
    m.writeU64(DATA + 0x10, 0x1111111100000000n);
    m.step();
    expect(m.readU64(DATA + 0x10)).toBe(0x2222222200000000n);
    expect(m.x(0)).toBe(0x1111111100000000n);
    m.step(); // memory no longer matches: no store, Rs gets what memory holds
    expect(m.readU64(DATA + 0x10)).toBe(0x2222222200000000n);
    expect(m.x(0)).toBe(0x2222222200000000n);
    m.sp = BigInt(DATA + 0x20);
    m.setX(3, 0x12345678n);
    m.writeU64(DATA + 0x20, 0x1234567800000001n); // differs only in the upper word
    m.step();
    expect(m.readU64(DATA + 0x20)).toBe(0x1234567800000001n);
    expect(m.x(3)).toBe(0x1234567800000001n);
  });

  it('W, H and B forms compare only their size and zero-extend the old value into Ws', () => {
    const m = new TestMachine([
      0x88e37ca4, // casa w3, w4, [x5]
      0x48a6fd07, // caslh w6, w7, [x8]
      0x08e9fd6a, // casalb w9, w10, [x11]
      0x08ac7d6a, // casb w12, w10, [x11]
    ]);
    m.setX(3, 0xffffffff80000000n);
    m.setX(4, 0xaaaaaaaa12345678n);
    m.setX(5, DATA);
    m.writeU64(DATA, 0x5555555580000000n);
    m.setX(6, 0x1234beefn);
    m.setX(7, 0xcafef00dn);
    m.setX(8, DATA + 0x10);
    m.writeU64(DATA + 0x10, 0x33333333_3333beefn);
    m.setX(9, 0x80n);
    m.setX(10, 0x1234n);
    m.setX(11, DATA + 0x21);
    poke(m, DATA + 0x20, [0x66, 0x7f, 0x66]);
    m.setX(12, 0xffffff7fn);
    m.step();
    expect(m.readU64(DATA)).toBe(0x5555555512345678n);
    expect(m.x(3)).toBe(0x80000000n);
    m.step();
    expect(m.readU64(DATA + 0x10)).toBe(0x333333333333f00dn);
    expect(m.x(6)).toBe(0xbeefn);
    m.step(); // 0x80 != 0x7f: fails
    expect(bytes(m, DATA + 0x20, 3)).toEqual([0x66, 0x7f, 0x66]);
    expect(m.x(9)).toBe(0x7fn);
    m.step(); // compares the low byte of w12 only
    expect(bytes(m, DATA + 0x20, 3)).toEqual([0x66, 0x34, 0x66]);
    expect(m.x(12)).toBe(0x7fn);
  });

  it('a failing compare on read-only memory still faults (as qemu), leaving Rs alone', () => {
    const m = new TestMachine([
      0x88a07c41, // cas w0, w1, [x2]
      0xb8210043, // ldadd w1, w3, [x2]
    ]);
    m.setX(0, 1n);
    m.setX(2, CODE);
    m.setX(3, 0x33n);
    expect(m.step()).toBe(Stop.Fault);
    expect(FAULT.access).toBe('write');
    expect(FAULT.mapped).toBe(true);
    expect(m.x(0)).toBe(1n);
    m.cpu.pc = CODE + 4;
    expect(m.step()).toBe(Stop.Fault);
    expect(m.x(3)).toBe(0x33n);
  });
});

describe('CASP', () => {
  it('compares and swaps a pair; Rs holds the lower address and gets the old pair', () => {
    const m = new TestMachine([
      0x48207c82, // casp x0, x1, x2, x3, [x4]
      0x4860fc82, // caspal x0, x1, x2, x3, [x4]
      0x08667d48, // caspa w6, w7, w8, w9, [x10]
      0x0826fd48, // caspl w6, w7, w8, w9, [x10]
    ]);
    m.setX(0, 0xaaaan);
    m.setX(1, 0xbbbbn);
    m.setX(2, 0x2222222222222222n);
    m.setX(3, 0x3333333333333333n);
    m.setX(4, DATA + 0x10);
    m.writeU64(DATA + 0x10, 0xaaaan);
    m.writeU64(DATA + 0x18, 0xbbbbn);
    m.step();
    expect(m.readU64(DATA + 0x10)).toBe(0x2222222222222222n);
    expect(m.readU64(DATA + 0x18)).toBe(0x3333333333333333n);
    expect([m.x(0), m.x(1)]).toEqual([0xaaaan, 0xbbbbn]);
    m.setX(0, 0x2222222222222222n);
    m.setX(1, 0x3333333333333330n); // the second half differs: no swap
    m.step();
    expect(m.readU64(DATA + 0x18)).toBe(0x3333333333333333n);
    expect([m.x(0), m.x(1)]).toEqual([0x2222222222222222n, 0x3333333333333333n]);
    m.setX(6, 0xffffffff00000006n);
    m.setX(7, 0x7n);
    m.setX(8, 0x88888888n);
    m.setX(9, 0x99999999n);
    m.setX(10, DATA + 0x28);
    m.writeU64(DATA + 0x28, 0x0000000700000006n);
    m.step();
    expect(m.readU64(DATA + 0x28)).toBe(0x9999999988888888n);
    expect([m.x(6), m.x(7)]).toEqual([6n, 7n]);
    m.step();
    expect(m.readU64(DATA + 0x28)).toBe(0x9999999988888888n);
    expect([m.x(6), m.x(7)]).toEqual([0x88888888n, 0x99999999n]);
  });

  it('odd Rs or Rt is unallocated', () => {
    const m = new TestMachine([
      0x48217c82, // casp with Rs = x1
      0x48207c83, // casp with Rt = x3
    ]);
    expect(m.step()).toBe(Stop.Undefined);
    m.cpu.pc = CODE + 4;
    expect(m.step()).toBe(Stop.Undefined);
  });
});

describe('LD<op> and SWP', () => {
  it('64-bit: Rt gets the old value, memory the result of each operation', () => {
    const m = new TestMachine([
      0xf8210040, // ldadd x1, x0, [x2]
      0xf8a11040, // ldclra x1, x0, [x2]
      0xf8612040, // ldeorl x1, x0, [x2]
      0xf8e13040, // ldsetal x1, x0, [x2]
      0xf8214040, // ldsmax x1, x0, [x2]
      0xf8215040, // ldsmin x1, x0, [x2]
      0xf8216040, // ldumax x1, x0, [x2]
      0xf8217040, // ldumin x1, x0, [x2]
      0xf8218040, // swp x1, x0, [x2]
    ]);
    m.setX(2, DATA + 0x40);
    // [old memory, Xs, new memory]
    const cases: [bigint, bigint, bigint][] = [
      [0x00000000ffffffffn, 1n, 0x0000000100000000n],
      [0xff00ff00ff00ff00n, 0x0ff00ff00ff00ff0n, 0xf000f000f000f000n],
      [0xff00ff00ff00ff00n, 0x0ff00ff00ff00ff0n, 0xf0f0f0f0f0f0f0f0n],
      [0xff00ff00ff00ff00n, 0x0ff00ff00ff00ff0n, 0xfff0fff0fff0fff0n],
      [0x0000000180000000n, 0x000000017fffffffn, 0x0000000180000000n],
      [0xfffffffffffffffbn, 3n, 0xfffffffffffffffbn],
      [0x8000000000000000n, 0x7fffffffffffffffn, 0x8000000000000000n],
      [0x0000000180000000n, 0x000000017fffffffn, 0x000000017fffffffn],
      [0x1234n, 0x5678n, 0x5678n],
    ];
    for (const [old, s, result] of cases) {
      m.writeU64(DATA + 0x40, old);
      m.setX(1, s);
      m.setX(0, 0x5a5an);
      m.step();
      expect(m.x(0)).toBe(old);
      expect(m.readU64(DATA + 0x40)).toBe(result);
    }
  });

  it('signed and unsigned min/max compare at the access size, ignoring higher bits of Rs', () => {
    const m = new TestMachine([
      0x38214040, // ldsmaxb w1, w0, [x2]
      0x38216040, // ldumaxb w1, w0, [x2]
      0x38215040, // ldsminb w1, w0, [x2]
      0x38217040, // lduminb w1, w0, [x2]
      0x78214040, // ldsmaxh w1, w0, [x2]
      0x78215040, // ldsminh w1, w0, [x2]
      0x78216040, // ldumaxh w1, w0, [x2]
      0x78217040, // lduminh w1, w0, [x2]
      0xb8214040, // ldsmax w1, w0, [x2]
      0xb8215040, // ldsmin w1, w0, [x2]
      0xb8216040, // ldumax w1, w0, [x2]
      0xb8217040, // ldumin w1, w0, [x2]
    ]);
    m.setX(2, DATA + 0x41);
    // [old memory (size bytes, little-endian value), Ws, new memory, size]
    const cases: [number, bigint, number, number][] = [
      [0x80, 0xffffff7fn, 0x7f, 1],
      [0x80, 0xffffff7fn, 0x80, 1],
      [0x80, 0x01n, 0x80, 1],
      [0x80, 0xffff01n, 0x01, 1],
      [0x8000, 0x7fffn, 0x7fff, 2],
      [0x8000, 0xffff0001n, 0x8000, 2],
      [0x8000, 0x7fffn, 0x8000, 2],
      [0x8000, 0xffff0001n, 0x0001, 2],
      [0x80000000, 0x7fffffffn, 0x7fffffff, 4],
      [0x80000000, 0x7fffffffn, 0x80000000, 4],
      [0x80000000, 0xffffffff7fffffffn, 0x80000000, 4],
      [0x80000000, 0xffffffff7fffffffn, 0x7fffffff, 4],
    ];
    cases.forEach(([old, s, result, size], i) => {
      if (i === 8) m.setX(2, DATA + 0x44); // words must be aligned
      if (i === 4) m.setX(2, DATA + 0x42);
      const at = Number(m.x(2));
      m.writeU64(at - 1, 0xeeeeeeeeeeeeeeeen);
      poke(m, at, [...Array(size).keys()].map((k) => (old >>> (8 * k)) & 0xff));
      m.setX(1, s);
      m.setX(0, -1n);
      m.step();
      expect(m.x(0)).toBe(BigInt(old));
      const after = bytes(m, at - 1, size + 2);
      expect(after[0]).toBe(0xee);
      expect(after[size + 1]).toBe(0xee);
      expect(after.slice(1, size + 1)).toEqual([...Array(size).keys()].map((k) => (result >>> (8 * k)) & 0xff));
    });
  });

  it('byte, halfword and word ADD/CLR/EOR/SET/SWP wrap at their size', () => {
    const m = new TestMachine([
      0x78210040, // ldaddh w1, w0, [x2]
      0x38e300a4, // ldaddalb w3, w4, [x5]
      0x78661047, // ldclrlh w6, w7, [x2]
      0x38a320a8, // ldeorab w3, w8, [x5]
      0xb829316a, // ldset w9, w10, [x11]
      0x382c80ad, // swpb w12, w13, [x5]
      0x78ec804e, // swpalh w12, w14, [x2]
      0xb8ac816f, // swpa w12, w15, [x11]
      0xb8290170, // ldadd w9, w16, [x11]
    ]);
    m.setX(1, 0x10002n);
    m.setX(2, DATA + 0x2);
    m.setX(3, 0x101n);
    m.setX(5, DATA + 0x10);
    m.setX(6, 0xff00n);
    m.setX(9, 0xf0000001n);
    m.setX(11, DATA + 0x20);
    m.setX(12, 0xabcdef12n);
    m.writeU64(DATA, 0x9999_9999_ffff_9999n);
    m.writeU64(DATA + 0x10, 0x99999999999999ffn);
    m.writeU64(DATA + 0x20, 0x999999990f0f0f0fn);
    m.step(); // halfword 0xffff + 2 = 0x0001
    expect(m.x(0)).toBe(0xffffn);
    expect(m.readU64(DATA)).toBe(0x9999999900019999n);
    m.step(); // byte 0xff + 1 = 0x00
    expect(m.x(4)).toBe(0xffn);
    expect(m.readU64(DATA + 0x10)).toBe(0x9999999999999900n);
    m.step(); // 0x0001 & ~0xff00
    expect(m.x(7)).toBe(0x0001n);
    expect(m.readU64(DATA)).toBe(0x9999999900019999n);
    m.step(); // 0x00 ^ 0x01
    expect(m.x(8)).toBe(0n);
    expect(m.readU64(DATA + 0x10)).toBe(0x9999999999999901n);
    m.step(); // 0x0f0f0f0f | 0xf0000001
    expect(m.x(10)).toBe(0x0f0f0f0fn);
    expect(m.readU64(DATA + 0x20)).toBe(0x99999999ff0f0f0fn);
    m.step(3);
    expect(m.x(13)).toBe(0x01n);
    expect(m.readU64(DATA + 0x10)).toBe(0x9999999999999912n);
    expect(m.x(14)).toBe(0x0001n);
    expect(m.readU64(DATA)).toBe(0x99999999ef129999n);
    expect(m.x(15)).toBe(0xff0f0f0fn);
    expect(m.readU64(DATA + 0x20)).toBe(0x99999999abcdef12n);
    m.step(); // word add wraps without touching the next word
    expect(m.x(16)).toBe(0xabcdef12n);
    expect(m.readU64(DATA + 0x20)).toBe(0x999999999bcdef13n);
  });

  it('ST<op> aliases (Rt = XZR) update memory only; Rs == Rt reads Rs first', () => {
    const m = new TestMachine([
      0xf821005f, // stadd x1, [x2]
      0xb861105f, // stclrl w1, [x2]
      0x3821205f, // steorb w1, [x2]
      0x7861305f, // stsetlh w1, [x2]
      0xf823405f, // stsmax x3, [x2]
      0xb821705f, // stumin w1, [x2]
      0xf8200040, // ldadd x0, x0, [x2]
      0xf8248044, // swp x4, x4, [x2]
    ]);
    m.setX(1, 0x10n);
    m.setX(2, DATA);
    m.setX(3, 0x7fffffffffffffffn);
    m.writeU64(DATA, 0x100000000n);
    m.step();
    expect(m.readU64(DATA)).toBe(0x100000010n);
    m.step(); // word: 0x10 & ~0x10 = 0, upper word untouched
    expect(m.readU64(DATA)).toBe(0x100000000n);
    m.step();
    expect(m.readU64(DATA)).toBe(0x100000010n);
    m.step();
    expect(m.readU64(DATA)).toBe(0x100000010n);
    m.step();
    expect(m.readU64(DATA)).toBe(0x7fffffffffffffffn);
    m.step(); // unsigned min of 0xffffffff and 0x10
    expect(m.readU64(DATA)).toBe(0x7fffffff00000010n);
    expect(m.x(31)).toBe(0n);
    m.setX(0, 0x5n);
    m.step();
    expect(m.x(0)).toBe(0x7fffffff00000010n);
    expect(m.readU64(DATA)).toBe(0x7fffffff00000015n);
    m.setX(4, 0x44n);
    m.step();
    expect(m.x(4)).toBe(0x7fffffff00000015n);
    expect(m.readU64(DATA)).toBe(0x44n);
  });
});

describe('LDAPR', () => {
  it('loads with zero extension and requires alignment', () => {
    const m = new TestMachine([
      0xf8bfc020, // ldapr x0, [x1]
      0xb8bfc022, // ldapr w2, [x1]
      0x38bfc083, // ldaprb w3, [x4]
      0x78bfc025, // ldaprh w5, [x1]
      0x78bfc086, // ldaprh w6, [x4]
    ]);
    m.setX(1, DATA + 8);
    m.setX(4, DATA + 9);
    m.writeU64(DATA + 8, 0x8877665544332211n);
    for (const r of [0, 2, 3, 5, 6]) m.setX(r, -1n);
    m.step(4);
    expect(m.x(0)).toBe(0x8877665544332211n);
    expect(m.x(2)).toBe(0x44332211n);
    expect(m.x(3)).toBe(0x22n);
    expect(m.x(5)).toBe(0x2211n);
    expect(m.step()).toBe(Stop.Fault);
    expect(FAULT.misaligned).toBe(true);
    expect(m.x(6)).toBe(0xffffffffffffffffn);
  });
});

describe('atomic alignment', () => {
  it('unaligned CAS, CASP, LD<op> and SWP raise alignment faults and change nothing', () => {
    const m = new TestMachine([
      0xf8210040, // ldadd x1, x0, [x2]
      0x88a07c61, // cas w0, w1, [x3]
      0x78218080, // swph w1, w0, [x4]
      0x48267ca8, // casp x6, x7, x8, x9, [x5]
      0x08667c68, // caspa w6, w7, w8, w9, [x3]
      0x3821309f, // stsetb w1, [x4]
    ]);
    m.setX(0, 0x1234n);
    m.setX(1, 1n);
    m.setX(2, DATA + 4);
    m.setX(3, DATA + 2);
    m.setX(4, DATA + 1);
    m.setX(5, DATA + 8);
    for (let i = 0; i < 5; i++) {
      m.cpu.pc = CODE + 4 * i;
      expect(m.step()).toBe(Stop.Fault);
      expect(FAULT.misaligned).toBe(true);
      expect(FAULT.access).toBe('write');
    }
    expect(m.x(0)).toBe(0x1234n);
    expect(m.readU64(DATA)).toBe(0n);
    expect(m.readU64(DATA + 8)).toBe(0n);
    m.cpu.pc = CODE + 20;
    expect(m.step()).toBe(Stop.Budget); // bytes are always aligned
    expect(bytes(m, DATA + 1, 1)).toEqual([1]);
  });
});
