// Types of the deterministic PRNG (rng.js).
export class Rng {
  constructor(seed: number);
  u32(): number;
  int(n: number): number;
  range(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(a: readonly T[]): T;
  bits(n: number): number;
}
