// Random initial states: general registers, flags, FPCR, V registers and the memory window, with
// the values instructions get wrong most often (boundaries, NaNs with payloads, denormals, ...).

import { ST_FPCR, ST_FPSR, ST_NZCV, ST_SIZE, ST_SP, ST_TPIDR, ST_V, ST_X, TPIDR_VALUE, WIN_ADDR, WIN_SIZE } from './layout.js';

const F64 = new Float64Array(1);
const F64_U32 = new Uint32Array(F64.buffer);

/** Classic hard cases for rounding and conversions, as doubles. */
const TRICKY_DOUBLES = [
  0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 3.5, 0.49999999999999994, 1e-310, -1e-310, 2 ** 31 - 0.5, 2 ** 31 + 0.5,
  -(2 ** 31) - 0.5, -(2 ** 31) + 0.5, 2 ** 32 - 0.5, 2 ** 32, 2 ** 63 - 1024, 2 ** 63, -(2 ** 63), 2 ** 64 - 2048,
  2 ** 64, 65504, 65520, 65519.99, 2 ** -14, 2 ** -24, 2 ** -25, 3 * 2 ** -26, 3.4028234663852886e38,
  3.4028235677973366e38, 3.402823567797337e38, 1.1754942106924411e-38, 1.401298464324817e-45, 7.006492321624085e-46,
  1 / 3, 2 / 3, Math.PI, 1e300, -1e300, 1e-300,
];

/** Integer values near the ends of every lane width. */
const SPECIAL_X = [
  [0, 0], [1, 0], [2, 0], [0xffffffff, 0xffffffff], [0xfffffffe, 0xffffffff], [0, 0x80000000], [0xffffffff, 0x7fffffff],
  [0x80000000, 0], [0x7fffffff, 0], [0xffffffff, 0], [0, 1], [0x80000000, 0xffffffff], [0, 0xffffffff], [1, 1],
  [31, 0], [32, 0], [63, 0], [64, 0], [0xff, 0], [0x80, 0], [0x7f, 0], [0x8000, 0], [0x7fff, 0], [0xffff, 0],
  [0x55555555, 0x55555555], [0xaaaaaaaa, 0xaaaaaaaa], [0x01234567, 0x89abcdef],
];

/** @param {import('./rng.js').Rng} rng @returns {[number, number]} a double's bits as [lo, hi] */
export function randomF64(rng) {
  const r = rng.int(16);
  if (r === 0) {
    F64[0] = rng.pick(TRICKY_DOUBLES) * (rng.chance(0.5) ? 1 : -1);
    return [F64_U32[0], F64_U32[1]];
  }
  const exps = [0, 0, 2047, 2047, 1, 2046, 1023, 1022, 1024, 1023 + rng.range(-64, 64), 1023 - 126, 1023 - 127,
    1023 - 149, 1023 - 150, 1023 + 127, 1023 + 128, 1023 - 14, 1023 - 15, 1023 - 24, 1023 - 25, 1023 + 15, 1023 + 16,
    1023 + 30, 1023 + 31, 1023 + 32, 1023 + 52, 1023 + 62, 1023 + 63, 1023 + 64, rng.int(2048)];
  const e = rng.pick(exps);
  let mhi, mlo;
  switch (rng.int(7)) {
    case 0: mhi = 0; mlo = 0; break;
    case 1: mhi = 0xfffff; mlo = 0xffffffff; break;
    case 2: mhi = 0x80000; mlo = 0; break; // the quiet bit / one half
    case 3: mhi = 0; mlo = rng.int(16); break;
    case 4: mhi = rng.bits(20) & 0x7ffff; mlo = rng.u32(); break; // a signalling NaN payload if e = 2047
    case 5: mhi = rng.chance(0.5) ? 1 << rng.int(20) : 0; mlo = mhi ? 0 : (1 << rng.int(32)) >>> 0; break;
    default: mhi = rng.bits(20); mlo = rng.u32(); break;
  }
  const sign = rng.chance(0.5) ? 0x80000000 : 0;
  return [mlo >>> 0, (sign | (e << 20) | mhi) >>> 0];
}

/** @param {import('./rng.js').Rng} rng a float's bits */
export function randomF32(rng) {
  const exps = [0, 0, 255, 255, 1, 254, 127, 126, 128, 127 + rng.range(-30, 30), 127 - 14, 127 - 15, 127 - 24,
    127 - 25, 127 + 15, 127 + 16, 127 + 23, 127 + 30, 127 + 31, 127 + 32, 127 + 62, 127 + 63, 127 + 64, rng.int(256)];
  const e = rng.pick(exps);
  let m;
  switch (rng.int(7)) {
    case 0: m = 0; break;
    case 1: m = 0x7fffff; break;
    case 2: m = 0x400000; break;
    case 3: m = rng.int(16); break;
    case 4: m = rng.bits(22) | 1; break;
    case 5: m = 1 << rng.int(23); break;
    default: m = rng.bits(23); break;
  }
  return ((rng.chance(0.5) ? 0x80000000 : 0) | (e << 23) | m) >>> 0;
}

/** @param {import('./rng.js').Rng} rng a half-precision value's bits */
export function randomF16(rng) {
  const e = rng.pick([0, 0, 31, 31, 1, 30, 15, 14, 16, 15 + rng.range(-8, 8), 15 + 10, rng.int(32)]);
  let m;
  switch (rng.int(6)) {
    case 0: m = 0; break;
    case 1: m = 0x3ff; break;
    case 2: m = 0x200; break;
    case 3: m = rng.int(8); break;
    case 4: m = rng.bits(9) | 1; break;
    default: m = rng.bits(10); break;
  }
  return (rng.chance(0.5) ? 0x8000 : 0) | (e << 10) | m;
}

/** @param {import('./rng.js').Rng} rng a 64-bit general register value as [lo, hi] */
export function randomX(rng) {
  switch (rng.int(10)) {
    case 0:
    case 1: {
      const [lo, hi] = rng.pick(SPECIAL_X);
      return [lo >>> 0, hi >>> 0];
    }
    case 2:
    case 3: {
      const v = rng.range(-300, 300);
      return [v >>> 0, v < 0 ? 0xffffffff : 0];
    }
    case 4:
      return [rng.u32(), 0];
    case 5: {
      const v = rng.u32();
      return [v, v & 0x80000000 ? 0xffffffff : 0];
    }
    case 6:
      return randomF64(rng);
    case 7:
      return [(WIN_ADDR + rng.int(WIN_SIZE)) >>> 0, 0];
    default:
      return [rng.u32(), rng.u32()];
  }
}

/** Fills 16 bytes at `off` of `dv` with one random vector value. */
function randomVector(rng, dv, off) {
  switch (rng.int(8)) {
    case 0:
    case 1:
      for (let i = 0; i < 2; i++) {
        const [lo, hi] = randomF64(rng);
        dv.setUint32(off + 8 * i, lo, true);
        dv.setUint32(off + 8 * i + 4, hi, true);
      }
      break;
    case 2:
    case 3:
      for (let i = 0; i < 4; i++) dv.setUint32(off + 4 * i, randomF32(rng), true);
      break;
    case 4:
      for (let i = 0; i < 8; i++) dv.setUint16(off + 2 * i, randomF16(rng), true);
      break;
    case 5: {
      // lanes of one width near their limits
      const esize = rng.pick([1, 2, 4, 8]);
      for (let i = 0; i < 16; i += esize) {
        const kind = rng.int(6);
        for (let b = 0; b < esize; b++) {
          const top = b === esize - 1;
          let v;
          if (kind === 0) v = 0;
          else if (kind === 1) v = 0xff;
          else if (kind === 2) v = top ? 0x80 : 0;
          else if (kind === 3) v = top ? 0x7f : 0xff;
          else if (kind === 4) v = b === 0 ? rng.int(8) : 0;
          else v = rng.int(256);
          dv.setUint8(off + i + b, v);
        }
      }
      break;
    }
    default:
      for (let i = 0; i < 4; i++) dv.setUint32(off + 4 * i, rng.u32(), true);
  }
}

/** A random FPCR: rounding mode, FZ, DN, FZ16 and AHP (the bits an AArch64 program can use). */
export function randomFpcr(rng) {
  if (rng.chance(0.35)) return 0;
  let v = rng.int(4) << 22;
  if (rng.chance(0.3)) v |= 1 << 24; // FZ
  if (rng.chance(0.3)) v |= 1 << 25; // DN
  if (rng.chance(0.3)) v |= 1 << 19; // FZ16
  if (rng.chance(0.3)) v |= 1 << 26; // AHP
  return v >>> 0;
}

/**
 * A random register state (ST_SIZE bytes, layout.js): X0-X30, SP in the window, NZCV, FPCR,
 * FPSR cleared, TPIDR_EL0 fixed, V0-V31.
 */
export function randomState(rng) {
  const st = new Uint8Array(ST_SIZE);
  const dv = new DataView(st.buffer);
  for (let r = 0; r < 31; r++) {
    const [lo, hi] = randomX(rng);
    dv.setUint32(ST_X + 8 * r, lo, true);
    dv.setUint32(ST_X + 8 * r + 4, hi, true);
  }
  let sp = WIN_ADDR + 16 * rng.int(WIN_SIZE / 16);
  if (rng.chance(0.1)) sp += rng.int(16);
  dv.setUint32(ST_SP, sp, true);
  dv.setUint32(ST_NZCV, (rng.int(16) << 28) >>> 0, true);
  dv.setUint32(ST_FPCR, randomFpcr(rng), true);
  dv.setUint32(ST_FPSR, 0, true);
  dv.setUint32(ST_TPIDR, TPIDR_VALUE, true);
  for (let v = 0; v < 32; v++) randomVector(rng, dv, ST_V + 16 * v);
  return st;
}

/** Random window contents: random bytes with FP special values and small integers mixed in. */
export function randomWindow(rng) {
  const w = new Uint8Array(WIN_SIZE);
  const dv = new DataView(w.buffer);
  for (let i = 0; i < WIN_SIZE; i += 4) dv.setUint32(i, rng.u32(), true);
  const slots = rng.int(WIN_SIZE / 16);
  for (let k = 0; k < slots; k++) {
    const at = 8 * rng.int(WIN_SIZE / 8);
    switch (rng.int(4)) {
      case 0: {
        const [lo, hi] = randomF64(rng);
        dv.setUint32(at, lo, true);
        dv.setUint32(at + 4, hi, true);
        break;
      }
      case 1:
        dv.setUint32(at, randomF32(rng), true);
        dv.setUint32(at + 4, randomF32(rng), true);
        break;
      case 2:
        for (let i = 0; i < 4; i++) dv.setUint16(at + 2 * i, randomF16(rng), true);
        break;
      default: {
        const [lo, hi] = randomX(rng);
        dv.setUint32(at, lo, true);
        dv.setUint32(at + 4, hi, true);
      }
    }
  }
  return w;
}
