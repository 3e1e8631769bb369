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

/** Unsigned 64-bit division; quotient into R[0..1]. Division by zero gives 0 (Arm semantics). */
export function udiv64(alo: number, ahi: number, blo: number, bhi: number): void {
  if ((blo | bhi) === 0) {
    R[0] = 0;
    R[1] = 0;
    return;
  }
  if (ahi === 0 && bhi === 0) {
    const q = Math.floor((alo >>> 0) / (blo >>> 0));
    R[0] = q | 0;
    R[1] = 0;
    return;
  }
  const a = (BigInt(ahi >>> 0) << 32n) | BigInt(alo >>> 0);
  const b = (BigInt(bhi >>> 0) << 32n) | BigInt(blo >>> 0);
  const q = a / b; // rare path: operands wider than 32 bits
  R[0] = Number(q & 0xffffffffn) | 0;
  R[1] = Number(q >> 32n) | 0;
}

/** Signed 64-bit division (truncating); INT64_MIN / -1 = INT64_MIN; /0 = 0. */
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
