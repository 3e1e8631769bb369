/** Arm pseudocode helpers on 32-bit halves (no BigInt). */

const TWO32 = 4294967296;

/** Sign-extends the low `bits` bits of v (bits <= 32). */
export function sext(v: number, bits: number): number {
  const s = 32 - bits;
  return (v << s) >> s;
}

/**
 * DecodeBitMasks for logical immediates. Returns [wmask_lo, wmask_hi] or null when the
 * combination is reserved. For 32-bit operations hi is 0.
 */
export function decodeBitMasks(n: number, imms: number, immr: number, is64: boolean): [number, number] | null {
  const len = highestSetBit((n << 6) | (~imms & 0x3f));
  if (len < 1) return null;
  if (!is64 && n === 1) return null;
  const size = 1 << len;
  const levels = size - 1;
  const s = imms & levels;
  const r = immr & levels;
  if (s === levels) return null;
  // element: (s+1) ones, rotated right by r within `size` bits
  let elo = 0;
  let ehi = 0;
  const ones = s + 1;
  // build as up to 64-bit value in two halves
  if (ones >= 32) {
    elo = -1;
    ehi = ones === 64 ? -1 : (1 << (ones - 32)) - 1;
  } else {
    elo = ones === 32 ? -1 : (1 << ones) - 1;
  }
  [elo, ehi] = rorN(elo, ehi, r, size);
  // replicate to 64 bits
  let lo = 0;
  let hi = 0;
  if (size === 64) {
    lo = elo;
    hi = ehi;
  } else if (size === 32) {
    lo = elo;
    hi = elo;
  } else {
    let v = elo & ((1 << size) - 1);
    for (let w = size; w < 32; w *= 2) v = v | (v << w);
    lo = v;
    hi = v;
  }
  if (!is64) hi = 0;
  return [lo | 0, hi | 0];
}

function highestSetBit(v: number): number {
  return v === 0 ? -1 : 31 - Math.clz32(v);
}

/** Rotates a `size`-bit value (given in halves) right by r. */
function rorN(lo: number, hi: number, r: number, size: number): [number, number] {
  if (r === 0) return [lo, hi];
  if (size <= 32) {
    const m = size === 32 ? -1 : (1 << size) - 1;
    const v = lo & m;
    const res = ((v >>> r) | (v << (size - r))) & m;
    return [res, 0];
  }
  // 64-bit rotate
  return ror64(lo, hi, r);
}

export function ror64(lo: number, hi: number, r: number): [number, number] {
  r &= 63;
  if (r === 0) return [lo, hi];
  if (r === 32) return [hi, lo];
  if (r < 32) return [(lo >>> r) | (hi << (32 - r)), (hi >>> r) | (lo << (32 - r))];
  const s = r - 32;
  return [(hi >>> s) | (lo << (32 - s)), (lo >>> s) | (hi << (32 - s))];
}

/** 64-bit value in halves as an exact double (only for values below 2^53 in magnitude). */
export function toNumber(lo: number, hi: number): number {
  return hi * TWO32 + (lo >>> 0);
}

/**
 * DecodeBitMasks(immediate = FALSE) for the bitfield instructions: returns
 * [wmask_lo, wmask_hi, tmask_lo, tmask_hi], or null for a reserved encoding.
 */
export function bitfieldMasks(n: number, imms: number, immr: number, is64: boolean): number[] | null {
  const len = highestSetBit((n << 6) | (~imms & 0x3f));
  if (len < 1) return null;
  const size = 1 << len;
  const levels = size - 1;
  const s = imms & levels;
  const r = immr & levels;
  const diff = (s - r) & levels;
  const [welo, wehi] = onesN(s + 1);
  const [wlo0, whi0] = rorN(welo, wehi, r, size);
  const [tlo0, thi0] = onesN(diff + 1);
  const w = replicate(wlo0, whi0, size);
  const t = replicate(tlo0, thi0, size);
  if (!is64) return [w[0]!, 0, t[0]!, 0];
  return [w[0]!, w[1]!, t[0]!, t[1]!];
}

function onesN(k: number): [number, number] {
  if (k >= 64) return [-1, -1];
  if (k >= 32) return [-1, k === 32 ? 0 : (1 << (k - 32)) - 1];
  return [k === 0 ? 0 : (1 << k) - 1 || -1, 0];
}

function replicate(lo: number, hi: number, size: number): number[] {
  if (size === 64) return [lo | 0, hi | 0];
  if (size === 32) return [lo | 0, lo | 0];
  let v = lo & ((1 << size) - 1);
  for (let w = size; w < 32; w *= 2) v = v | (v << w);
  return [v | 0, v | 0];
}

/** Reverses the bit order of a 32-bit value. */
export function rbit32(v: number): number {
  v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
  v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
  v = ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
  return bswap32(v);
}

/** Reverses the byte order of a 32-bit value. */
export function bswap32(v: number): number {
  return (v << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
}

/** Swaps the bytes inside each 16-bit halfword of a 32-bit value. */
export function bswap16x2(v: number): number {
  return ((v >>> 8) & 0x00ff00ff) | ((v & 0x00ff00ff) << 8);
}

/**
 * CountLeadingSignBits of a 32-bit value: the leading bits after the sign bit that equal it
 * (CLZ of x<31:1> EOR x<30:0>, placed in bits 31..1 with a stop bit below).
 */
export function cls32(v: number): number {
  return Math.clz32((v ^ (v << 1)) | 1);
}

/** CountLeadingSignBits of the 64-bit value hi:lo. */
export function cls64(hi: number, lo: number): number {
  const th = hi ^ ((hi << 1) | (lo >>> 31));
  return th !== 0 ? Math.clz32(th) : 32 + Math.clz32((lo ^ (lo << 1)) | 1);
}
