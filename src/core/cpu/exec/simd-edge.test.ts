// Hand-checked edge cases: reserved encodings (objdump shows each word as ".inst ... ; undefined"),
// register lists that wrap from V31 to V0, and faulting structure loads.
import { describe, expect, it } from 'vitest';
import { DATA, TestMachine } from '../../../../tests/helpers/machine.js';
import { Stop } from '../op.js';

const RESERVED: [number, string][] = [
  [0x0ee28420, 'add v0.1d form (Q=0, size=11)'],
  [0x4e100420, 'dup with imm5 = 10000'],
  [0x2f7f0420, 'ushr with 64-bit lanes and Q=0'],
  [0x2e024020, 'ext .8b with imm4 >= 8'],
  [0x0c408c00, 'ld2 with 64-bit lanes and Q=0'],
  [0x0e62d420, 'fadd with double lanes and Q=0'],
  [0x4e013c20, 'umov of a byte into an X register'],
  [0x4d00c000, 'st1 single structure with the replicate opcode'],
];

/** A 128-bit value whose byte i is base + i. */
const ramp = (base: number): bigint => {
  let v = 0n;
  for (let i = 15; i >= 0; i--) v = (v << 8n) | BigInt((base + i) & 0xff);
  return v;
};
const bytes = (list: number[]): bigint => list.reduceRight((v, b) => (v << 8n) | BigInt(b), 0n);

describe('SIMD edge cases', () => {
  for (const [word, what] of RESERVED)
    it(`${what} (${word.toString(16)}) is UNDEFINED`, () => {
      const m = new TestMachine([word]);
      expect(m.step()).toBe(Stop.Undefined);
      expect(m.pc).toBe(0x10000);
    });

  it('tbl with a table list wrapping from v31 to v0', () => {
    const m = new TestMachine([0x4e0263c3]); // tbl v3.16b, {v30.16b, v31.16b, v0.16b, v1.16b}, v2.16b
    // table byte k is k: v30 = 0..15, v31 = 16..31, v0 = 32..47, v1 = 48..63
    m.setV(30, ramp(0));
    m.setV(31, ramp(16));
    m.setV(0, ramp(32));
    m.setV(1, ramp(48));
    const idx = [0, 17, 34, 51, 63, 64, 255, 16, 15, 47, 48, 31, 32, 100, 1, 62];
    m.setV(2, bytes(idx));
    m.step();
    expect(m.v(3)).toBe(bytes(idx.map((i) => (i < 64 ? i : 0))));
  });

  it('ld4 and st1 with register lists wrapping from v31 to v0', () => {
    const m = new TestMachine([
      0x4c40081e, // ld4 {v30.4s, v31.4s, v0.4s, v1.4s}, [x0]
      0x4c00ac1f, // st1 {v31.2d, v0.2d}, [x0]
    ]);
    m.mem.write(DATA, Uint8Array.from({ length: 64 }, (_, i) => i));
    m.setX(0, BigInt(DATA));
    m.step();
    // structure j = words 4j..4j+3 (bytes 16j..16j+15); register s takes word s of each structure
    const word = (k: number): bigint => bytes([4 * k, 4 * k + 1, 4 * k + 2, 4 * k + 3]);
    const reg = (s: number): bigint => [0, 1, 2, 3].reduceRight((v, j) => (v << 32n) | word(4 * j + s), 0n);
    expect(m.v(30)).toBe(reg(0));
    expect(m.v(31)).toBe(reg(1));
    expect(m.v(0)).toBe(reg(2));
    expect(m.v(1)).toBe(reg(3));
    m.step();
    const out = m.mem.read(DATA, 32)!;
    const want = new Uint8Array(32);
    for (let i = 0; i < 16; i++) want[i] = Number((reg(1) >> BigInt(8 * i)) & 0xffn);
    for (let i = 0; i < 16; i++) want[16 + i] = Number((reg(2) >> BigInt(8 * i)) & 0xffn);
    expect([...out]).toEqual([...want]);
  });

  it('a faulting post-indexed ld1 stops at the instruction and leaves the base unchanged', () => {
    const m = new TestMachine([0x4cdf7000]); // ld1 {v0.16b}, [x0], #16
    m.setX(0, 0x500000n); // unmapped
    m.setV(0, 0x1234n);
    expect(m.step()).toBe(Stop.Fault);
    expect(m.pc).toBe(0x10000);
    expect(m.x(0)).toBe(0x500000n);
    expect(m.v(0)).toBe(0x1234n);
  });
});
