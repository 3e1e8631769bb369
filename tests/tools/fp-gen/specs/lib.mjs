export const RN = 0, RP = 1 << 22, RM = 2 << 22, RZ = 3 << 22, FZ = 1 << 24, DN = 1 << 25, AHP = 1 << 26, FZ16 = 1 << 19;
export const MODES = [RN, RP, RM, RZ];
const f64 = new Float64Array(1), u64 = new BigUint64Array(f64.buffer);
const f32 = new Float32Array(1), u32 = new Uint32Array(f32.buffer);
export const d = (x) => { f64[0] = x; return u64[0]; };
export const s = (x) => { f32[0] = x; return BigInt(u32[0]); };
export const dv = (b) => { u64[0] = BigInt.asUintN(64, b); return f64[0]; };
export const sv = (b) => { u32[0] = Number(b & 0xffffffffn); return f32[0]; };
// seeded PRNG (xorshift128+)
let s0 = 0x9e3779b97f4a7c15n, s1 = 0xbf58476d1ce4e5b9n;
export function rnd64() {
  let x = s0; const y = s1; s0 = y; x ^= (x << 23n) & 0xffffffffffffffffn; s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n); return (s1 + y) & 0xffffffffffffffffn;
}
export const rndInt = (n) => Number(rnd64() % BigInt(n));
export function seed(a, b) { s0 = BigInt(a); s1 = BigInt(b); }
/** random double with exponent in [lo, hi] and random sign/mantissa */
export function rndD(lo = -20, hi = 20) {
  const e = lo + rndInt(hi - lo + 1);
  const m = rnd64() & 0xfffffffffffffn;
  const sign = rnd64() & 1n;
  return (sign << 63n) | (BigInt(e + 1023) << 52n) | m;
}
export function rndS(lo = -20, hi = 20) {
  const e = lo + rndInt(hi - lo + 1);
  const m = rnd64() & 0x7fffffn;
  const sign = rnd64() & 1n;
  return (sign << 31n) | (BigInt(e + 127) << 23n) | m;
}
export function rndH(lo = -14, hi = 15) {
  const e = lo + rndInt(hi - lo + 1);
  const m = rnd64() & 0x3ffn;
  const sign = rnd64() & 1n;
  return (sign << 15n) | (BigInt(e + 15) << 10n) | m;
}
// named bit patterns
export const D = {
  one: d(1), m1: d(-1), two: d(2), three: d(3), half: d(0.5), third: d(1 / 3), tenth: d(0.1), pz: 0n, nz: d(-0),
  inf: d(Infinity), ninf: d(-Infinity), qnan: 0x7ff8000000000123n, snan: 0x7ff0000000000456n, nqnan: 0xfff8000000000789n, nsnan: 0xfff0000000000abcn,
  max: 0x7fefffffffffffffn, nmax: 0xffefffffffffffffn, minn: 0x0010000000000000n, den: 0x0000000000000001n, den2: 0x000fffffffffffffn, nden: 0x8000000000000003n,
  onep: 0x3ff0000000000001n, pi: d(Math.PI),
};
export const S = {
  one: s(1), m1: s(-1), two: s(2), three: s(3), half: s(0.5), third: s(1 / 3), tenth: s(0.1), pz: 0n, nz: s(-0),
  inf: 0x7f800000n, ninf: 0xff800000n, qnan: 0x7fc00123n, snan: 0x7f800456n, nqnan: 0xffc00789n, nsnan: 0xff800abcn,
  max: 0x7f7fffffn, nmax: 0xff7fffffn, minn: 0x00800000n, den: 0x00000001n, den2: 0x007fffffn, nden: 0x80000003n, onep: 0x3f800001n, pi: s(Math.PI),
};
export const H = {
  one: 0x3c00n, m1: 0xbc00n, two: 0x4000n, three: 0x4200n, half: 0x3800n, third: 0x3555n, tenth: 0x2e66n, pz: 0n, nz: 0x8000n,
  inf: 0x7c00n, ninf: 0xfc00n, qnan: 0x7e12n, snan: 0x7c34n, nqnan: 0xfe56n, max: 0x7bffn, minn: 0x0400n, den: 0x0001n, den2: 0x03ffn, nden: 0x8003n, onep: 0x3c01n,
};
