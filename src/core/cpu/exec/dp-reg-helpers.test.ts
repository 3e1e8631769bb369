/** The arm/ helpers added for dp-reg, checked against BigInt references on edge and random values. */
import { describe, expect, it } from 'vitest';
import { bswap16x2, bswap32, cls32, cls64, rbit32 } from '../arm/bits.js';
import { clz64, R, sdiv64, smul32, udiv64 } from '../arm/int64.js';

const M64 = (1n << 64n) - 1n;
const lo = (v: bigint) => Number(v & 0xffffffffn) | 0;
const hi = (v: bigint) => Number((v >> 32n) & 0xffffffffn) | 0;
const r64 = () => (BigInt(R[1]! >>> 0) << 32n) | BigInt(R[0]! >>> 0);
const s64 = (v: bigint) => BigInt.asIntN(64, v);

let seed = 99;
function rnd32(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
const EDGES = [0n, 1n, 2n, 3n, 7n, 0xffffn, 0x7fffffffn, 0x80000000n, 0xffffffffn, 0x100000000n, 0x100000001n,
  0x1ffffffffn, 0x7fffffffffffffffn, 0x8000000000000000n, 0x8000000000000001n, M64 - 1n, M64];
/** Edge values, plus random values of random widths (so both the 32-bit and 64-bit paths run). */
function values(n: number): bigint[] {
  const out = [...EDGES];
  for (let i = 0; i < n; i++) {
    const v = (BigInt(rnd32()) << 32n) | BigInt(rnd32());
    out.push(v >> BigInt(rnd32() % 64));
  }
  return out;
}

describe('int64 helpers', () => {
  const vs = values(150);

  it('udiv64 gives the quotient and remainder (x / 0 = 0)', () => {
    for (const a of vs)
      for (const b of vs) {
        udiv64(lo(a), hi(a), lo(b), hi(b));
        const q = b === 0n ? 0n : a / b;
        const r = b === 0n ? a : a % b;
        expect([r64(), (BigInt(R[3]! >>> 0) << 32n) | BigInt(R[2]! >>> 0)]).toEqual([q, r]);
      }
  });

  it('sdiv64 truncates toward zero; INT64_MIN / -1 = INT64_MIN, x / 0 = 0', () => {
    for (const a of vs)
      for (const b of vs) {
        sdiv64(lo(a), hi(a), lo(b), hi(b));
        const q = b === 0n ? 0n : s64(a) / s64(b);
        expect(r64()).toBe(q & M64);
      }
  });

  it('smul32 is the signed 32x32 -> 64 product', () => {
    for (const a of vs)
      for (const b of vs.slice(0, 60)) {
        smul32(lo(a), lo(b));
        expect(r64()).toBe((BigInt(lo(a)) * BigInt(lo(b))) & M64);
      }
  });

  it('clz64 counts leading zeros of hi:lo', () => {
    for (const v of vs) expect(clz64(hi(v), lo(v))).toBe(v === 0n ? 64 : 64 - v.toString(2).length);
  });
});

describe('bits helpers', () => {
  const ws = values(300).map((v) => lo(v));
  const ref = (v: number, f: (b: string) => string) => Number.parseInt(f((v >>> 0).toString(2).padStart(32, '0')), 2) | 0;

  it('rbit32 reverses the bits', () => {
    for (const w of ws) expect(rbit32(w)).toBe(ref(w, (b) => [...b].reverse().join('')));
  });

  it('bswap32 and bswap16x2 reverse bytes in the word and in each halfword', () => {
    for (const w of ws) {
      const b = [0, 8, 16, 24].map((s) => (w >>> s) & 0xff);
      expect(bswap32(w)).toBe(((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) | 0);
      expect(bswap16x2(w)).toBe(((b[2]! << 24) | (b[3]! << 16) | (b[0]! << 8) | b[1]!) | 0);
    }
  });

  it('cls32 and cls64 count the bits after the sign bit that equal it', () => {
    const cls = (bits: string) => bits.slice(1).search(bits[0] === '0' ? /1/ : /0/);
    const clsOf = (bits: string) => (cls(bits) < 0 ? bits.length - 1 : cls(bits));
    for (const w of ws) expect(cls32(w)).toBe(clsOf((w >>> 0).toString(2).padStart(32, '0')));
    for (const v of values(300)) expect(cls64(hi(v), lo(v))).toBe(clsOf(v.toString(2).padStart(64, '0')));
  });
});
