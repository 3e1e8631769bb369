// A small deterministic PRNG (sfc32), so a seed reproduces a run exactly.

export class Rng {
  /** @param {number} seed */
  constructor(seed) {
    this.a = 0x9e3779b9;
    this.b = seed >>> 0;
    this.c = Math.floor(seed / 4294967296) >>> 0;
    this.d = 1;
    for (let i = 0; i < 16; i++) this.u32();
  }

  /** A uniformly random 32-bit unsigned integer. */
  u32() {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** An integer in [0, n) for n <= 2^32. */
  int(n) {
    return Math.floor((this.u32() / 4294967296) * n);
  }

  /** An integer in [lo, hi]. */
  range(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p. */
  chance(p) {
    return this.u32() < p * 4294967296;
  }

  /** @template T @param {readonly T[]} a @returns {T} */
  pick(a) {
    return a[this.int(a.length)];
  }

  /** `n` random low bits (n <= 32). */
  bits(n) {
    return n >= 32 ? this.u32() : (this.u32() & ((1 << n) - 1)) >>> 0;
  }
}
