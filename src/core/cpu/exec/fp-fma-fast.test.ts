import { describe, expect, it } from 'vitest';
import { fpMulAdd } from '../arm/fp.js';
import { fmaNearest } from './fp-arith.js';

/** A value with a random 53-bit significand and an exponent in [-e, e]. */
function rnd(next: () => number, e: number): number {
  const m = 1 + next();
  const sign = next() < 0.5 ? -1 : 1;
  return sign * m * 2 ** Math.round((next() * 2 - 1) * e);
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const hi = s;
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (hi * 2 ** 21 + (s >>> 11)) / 2 ** 53;
  };
}

describe('fused multiply-add fast path (Boldo-Melquiond emulation)', () => {
  it('agrees with the exact FPMulAdd under round-to-nearest', () => {
    const next = lcg(12345);
    const st = new Int32Array(128);
    let checked = 0;
    for (let i = 0; i < 200000; i++) {
      const a = rnd(next, 60);
      const b = rnd(next, 60);
      // addends near the product make cancellation and ties likely
      const c = i % 3 === 0 ? -(a * b) * (1 + (next() - 0.5) * 2 ** -40) : rnd(next, 120);
      const fast = fmaNearest(a, b, c);
      if (Number.isNaN(fast)) continue;
      expect(fast, `${a} * ${b} + ${c}`).toBe(fpMulAdd(c, a, b, 64, 0, st));
      checked++;
    }
    expect(checked).toBeGreaterThan(150000);
  });

  it('does not round the product first', () => {
    // (1 + 2^-27)(1 - 2^-27) - 1 = -2^-54 exactly; rounding the product to a double first gives 0
    const a = 1 + 2 ** -27;
    const b = 1 - 2 ** -27;
    expect(fmaNearest(a, b, -1)).toBe(-(2 ** -54));
    expect(a * b - 1).toBe(0);
  });

  it('declines what it cannot do exactly: zeros, huge and tiny magnitudes', () => {
    expect(fmaNearest(0, 1, 1)).toBeNaN();
    expect(fmaNearest(1e300, 1e10, 0)).toBeNaN();
    expect(fmaNearest(1e-200, 1e-200, 0)).toBeNaN();
    expect(fmaNearest(2, 3, -6)).toBeNaN(); // exact zero: its sign needs the slow path
  });
});
