/**
 * 64-bit integer arithmetic on int32 halves. Results come back through the module-level `R`
 * (R[0] = low word, R[1] = high word) so the hot path allocates nothing.
 */
export const R = new Int32Array(4);

const TWO32 = 4294967296;

/** Unsigned 32x32 -> 64 product into R[0..1]. */
export function umul32(a: number, b: number): void {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const p11 = a1 * b1;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  R[0] = (mid << 16) | (p00 & 0xffff);
  R[1] = p11 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
}

/** Low 64 bits of a 64x64 product into R[0..1]. */
export function mul64(alo: number, ahi: number, blo: number, bhi: number): void {
  umul32(alo, blo);
  const hi = (R[1]! + Math.imul(alo, bhi) + Math.imul(ahi, blo)) | 0;
  R[1] = hi;
}

/** High 64 bits of the unsigned 128-bit product into R[0..1]. */
export function umulh(alo: number, ahi: number, blo: number, bhi: number): void {
  // 32-bit limbs: a = a1:a0, b = b1:b0
  umul32(alo, blo);
  const p00hi = R[1]! >>> 0;
  umul32(alo, bhi);
  const p01lo = R[0]! >>> 0;
  const p01hi = R[1]! >>> 0;
  umul32(ahi, blo);
  const p10lo = R[0]! >>> 0;
  const p10hi = R[1]! >>> 0;
  umul32(ahi, bhi);
  const p11lo = R[0]! >>> 0;
  const p11hi = R[1]! >>> 0;
  const mid = p00hi + p01lo + p10lo; // < 3 * 2^32
  const carry1 = Math.floor(mid / TWO32);
  const w2 = p01hi + p10hi + p11lo + carry1;
  const carry2 = Math.floor(w2 / TWO32);
  R[0] = w2 | 0;
  R[1] = (p11hi + carry2) | 0;
}

/** High 64 bits of the signed 128-bit product into R[0..1]. */
export function smulh(alo: number, ahi: number, blo: number, bhi: number): void {
  umulh(alo, ahi, blo, bhi);
  let lo = R[0]! >>> 0;
  let hi = R[1]!;
  // signed correction: subtract b<<64 if a<0, a<<64 if b<0
  if (ahi < 0) {
    const nlo = lo - (blo >>> 0);
    hi = (hi - bhi - (nlo < 0 ? 1 : 0)) | 0;
    lo = nlo >>> 0;
  }
  if (bhi < 0) {
    const nlo = lo - (alo >>> 0);
    hi = (hi - ahi - (nlo < 0 ? 1 : 0)) | 0;
    lo = nlo >>> 0;
  }
  R[0] = lo | 0;
  R[1] = hi;
}

/** Signed 32x32 -> 64 product into R[0..1]. */
export function smul32(a: number, b: number): void {
  umul32(a, b);
  // (a + 2^32 sa)(b + 2^32 sb) = ab + 2^32 (sa b + sb a) mod 2^64: undo the unsigned reading.
  R[1] = (R[1]! - (a < 0 ? b : 0) - (b < 0 ? a : 0)) | 0;
}

/**
 * Unsigned 64-bit division without BigInt; quotient into R[0..1], remainder into R[2..3].
 * Division by zero gives quotient 0 (Arm semantics) and remainder = dividend.
 */
export function udiv64(alo: number, ahi: number, blo: number, bhi: number): void {
  const ah = ahi >>> 0;
  const al = alo >>> 0;
  const bh = bhi >>> 0;
  const bl = blo >>> 0;
  if (bh === 0) {
    if (bl === 0) {
      R[0] = 0;
      R[1] = 0;
      R[2] = alo;
      R[3] = ahi;
      return;
    }
    // 64 / 32: the high word, then two 16-bit digits; every partial dividend stays below 2^48,
    // so the double divisions are exact.
    const qh = Math.floor(ah / bl);
    let r = ah - qh * bl;
    let t = r * 65536 + (al >>> 16);
    const q1 = Math.floor(t / bl);
    r = t - q1 * bl;
    t = r * 65536 + (al & 0xffff);
    const q0 = Math.floor(t / bl);
    R[0] = (q1 * 65536 + q0) | 0;
    R[1] = qh | 0;
    R[2] = (t - q0 * bl) | 0;
    R[3] = 0;
    return;
  }
  // Divisor >= 2^32: the quotient fits in 32 bits; shift-subtract over at most 32 steps.
  let rh = ah;
  let rl = al;
  const n = clz64(bhi, blo) - clz64(ahi, alo);
  let q = 0;
  if (n >= 0) {
    // d = b << n
    let dh = n === 0 ? bh : ((bh << n) | (bl >>> (32 - n))) >>> 0;
    let dl = (bl << n) >>> 0;
    for (let i = n; i >= 0; i--) {
      if (rh > dh || (rh === dh && rl >= dl)) {
        let l = rl - dl;
        let h = rh - dh;
        if (l < 0) {
          l += TWO32;
          h -= 1;
        }
        rl = l;
        rh = h;
        q |= 1 << i;
      }
      dl = ((dl >>> 1) | (dh << 31)) >>> 0;
      dh >>>= 1;
    }
  }
  R[0] = q;
  R[1] = 0;
  R[2] = rl | 0;
  R[3] = rh | 0;
}

/** Signed 64-bit division without BigInt (truncating); INT64_MIN / -1 = INT64_MIN; /0 = 0. */
export function sdiv64(alo: number, ahi: number, blo: number, bhi: number): void {
  if ((blo | bhi) === 0) {
    R[0] = 0;
    R[1] = 0;
    return;
  }
  const neg = (ahi ^ bhi) < 0;
  let ulo = alo;
  let uhi = ahi;
  if (ahi < 0) {
    ulo = -alo | 0;
    uhi = (~ahi + (ulo === 0 ? 1 : 0)) | 0;
  }
  let vlo = blo;
  let vhi = bhi;
  if (bhi < 0) {
    vlo = -blo | 0;
    vhi = (~bhi + (vlo === 0 ? 1 : 0)) | 0;
  }
  udiv64(ulo, uhi, vlo, vhi);
  if (neg) {
    const lo = -R[0]! | 0;
    R[1] = (~R[1]! + (lo === 0 ? 1 : 0)) | 0;
    R[0] = lo;
  }
}

/** Leading zero bits of the 64-bit value hi:lo (64 for zero). */
export function clz64(hi: number, lo: number): number {
  return hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(lo);
}
