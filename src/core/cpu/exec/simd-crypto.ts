/**
 * Cryptographic extension (AES, SHA1, SHA256, PMULL 64x64) and the Armv8.1/8.2 integer extras
 * that share the Advanced SIMD space: SQRDMLAH/SQRDMLSH (FEAT_RDM), SDOT/UDOT (FEAT_DotProd).
 */
import { R, umul32 } from '../arm/int64.js';
import { flushSat, S32, satS, sx8 } from '../arm/simd.js';
import type { Op } from '../op.js';
import { fromScratch, lane, setScratch } from './simd-lanes.js';

// ----------------------------------------------------------------------------- AES

/** GF(2^8) multiply with the AES polynomial. */
function gmul(a: number, b: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) {
    if (b & 1) r ^= a;
    const hi = a & 0x80;
    a = (a << 1) & 0xff;
    if (hi) a ^= 0x1b;
    b >>= 1;
  }
  return r;
}

/** The AES S-box and its inverse, computed from the field inverse and the affine map. */
const SBOX = new Uint8Array(256);
const INV_SBOX = new Uint8Array(256);
{
  for (let x = 0; x < 256; x++) {
    let inv = 0;
    if (x) for (let y = 1; y < 256; y++) if (gmul(x, y) === 1) inv = y;
    let s = inv;
    for (let k = 1; k <= 4; k++) s ^= ((inv << k) | (inv >> (8 - k))) & 0xff;
    s ^= 0x63;
    SBOX[x] = s;
    INV_SBOX[s] = x;
  }
}
const SHIFT_ROWS = [0, 5, 10, 15, 4, 9, 14, 3, 8, 13, 2, 7, 12, 1, 6, 11];
const INV_SHIFT_ROWS = [0, 13, 10, 7, 4, 1, 14, 11, 8, 5, 2, 15, 12, 9, 6, 3];
const STATE = new Uint8Array(16);

function aesRound(rd: number, rn: number, decrypt: boolean): Op {
  const d = rd * 16;
  const n = rn * 16;
  const perm = decrypt ? INV_SHIFT_ROWS : SHIFT_ROWS;
  const box = decrypt ? INV_SBOX : SBOX;
  return (c) => {
    const u = c.vu8;
    for (let i = 0; i < 16; i++) STATE[i] = u[d + i]! ^ u[n + i]!;
    for (let i = 0; i < 16; i++) u[d + i] = box[STATE[perm[i]!]!]!;
  };
}

function aesMix(rd: number, rn: number, inverse: boolean): Op {
  const d = rd * 16;
  const n = rn * 16;
  const [k0, k1, k2, k3] = inverse ? [14, 11, 13, 9] : [2, 3, 1, 1];
  // products by the four coefficients, tabulated once per op
  const t0 = new Uint8Array(256);
  const t1 = new Uint8Array(256);
  const t2 = new Uint8Array(256);
  const t3 = new Uint8Array(256);
  for (let x = 0; x < 256; x++) {
    t0[x] = gmul(x, k0);
    t1[x] = gmul(x, k1);
    t2[x] = gmul(x, k2);
    t3[x] = gmul(x, k3);
  }
  return (c) => {
    const u = c.vu8;
    for (let i = 0; i < 16; i++) STATE[i] = u[n + i]!;
    for (let col = 0; col < 16; col += 4) {
      const a0 = STATE[col]!;
      const a1 = STATE[col + 1]!;
      const a2 = STATE[col + 2]!;
      const a3 = STATE[col + 3]!;
      u[d + col] = t0[a0]! ^ t1[a1]! ^ t2[a2]! ^ t3[a3]!;
      u[d + col + 1] = t3[a0]! ^ t0[a1]! ^ t1[a2]! ^ t2[a3]!;
      u[d + col + 2] = t2[a0]! ^ t3[a1]! ^ t0[a2]! ^ t1[a3]!;
      u[d + col + 3] = t1[a0]! ^ t2[a1]! ^ t3[a2]! ^ t0[a3]!;
    }
  };
}

// ----------------------------------------------------------------------------- SHA

const rol = (x: number, k: number): number => (x << k) | (x >>> (32 - k));
const ror = (x: number, k: number): number => (x >>> k) | (x << (32 - k));
const choose = (x: number, y: number, z: number): number => ((y ^ z) & x) ^ z;
const parity = (x: number, y: number, z: number): number => x ^ y ^ z;
const majority = (x: number, y: number, z: number): number => (x & y) | ((x | y) & z);

/** SHA1C/SHA1P/SHA1M Qd, Sn, Vm.4S: four rounds on the 160-bit state Qd:Sn. */
function sha1Rounds(rd: number, rn: number, rm: number, f: (x: number, y: number, z: number) => number): Op {
  return (c) => {
    const v = c.vi32;
    let x0 = v[rd * 4]!;
    let x1 = v[rd * 4 + 1]!;
    let x2 = v[rd * 4 + 2]!;
    let x3 = v[rd * 4 + 3]!;
    let y = v[rn * 4]!;
    for (let e = 0; e < 4; e++) {
      const t = f(x1, x2, x3);
      y = (y + rol(x0, 5) + t + v[rm * 4 + e]!) | 0;
      x1 = rol(x1, 30);
      // <Y, X> = ROL(Y:X, 32)
      const top = x3;
      x3 = x2;
      x2 = x1;
      x1 = x0;
      x0 = y;
      y = top;
    }
    v[rd * 4] = x0;
    v[rd * 4 + 1] = x1;
    v[rd * 4 + 2] = x2;
    v[rd * 4 + 3] = x3;
  };
}

const sigma0 = (x: number): number => ror(x, 2) ^ ror(x, 13) ^ ror(x, 22);
const sigma1 = (x: number): number => ror(x, 6) ^ ror(x, 11) ^ ror(x, 25);
const HX = new Int32Array(4);
const HY = new Int32Array(4);

/** SHA256H (part1) / SHA256H2: four rounds; X, Y are Qd, Qn (swapped for H2). */
function sha256Hash(rd: number, rn: number, rm: number, part1: boolean): Op {
  return (c) => {
    const v = c.vi32;
    const xr = part1 ? rd : rn;
    const yr = part1 ? rn : rd;
    for (let i = 0; i < 4; i++) {
      HX[i] = v[xr * 4 + i]!;
      HY[i] = v[yr * 4 + i]!;
      S32[i] = v[rm * 4 + i]!;
    }
    for (let e = 0; e < 4; e++) {
      const chs = choose(HY[0]!, HY[1]!, HY[2]!);
      const maj = majority(HX[0]!, HX[1]!, HX[2]!);
      const t = (HY[3]! + sigma1(HY[0]!) + chs + S32[e]!) | 0;
      HX[3] = (t + HX[3]!) | 0;
      HY[3] = (t + sigma0(HX[0]!) + maj) | 0;
      // <Y, X> = ROL(Y:X, 32) on 256 bits
      const xTop = HX[3]!;
      const yTop = HY[3]!;
      HX[3] = HX[2]!;
      HX[2] = HX[1]!;
      HX[1] = HX[0]!;
      HX[0] = yTop;
      HY[3] = HY[2]!;
      HY[2] = HY[1]!;
      HY[1] = HY[0]!;
      HY[0] = xTop;
    }
    const out = part1 ? HX : HY;
    for (let i = 0; i < 4; i++) v[rd * 4 + i] = out[i]!;
  };
}

function sha1su0(rd: number, rn: number, rm: number): Op {
  return (c) => {
    const v = c.vi32;
    const d = rd * 4;
    const a0 = v[d]!;
    const a1 = v[d + 1]!;
    const a2 = v[d + 2]!;
    const a3 = v[d + 3]!;
    // (op2<63:0> : op1<127:64>) ^ op1 ^ op3
    const r0 = a2 ^ a0 ^ v[rm * 4]!;
    const r1 = a3 ^ a1 ^ v[rm * 4 + 1]!;
    const r2 = v[rn * 4]! ^ a2 ^ v[rm * 4 + 2]!;
    const r3 = v[rn * 4 + 1]! ^ a3 ^ v[rm * 4 + 3]!;
    v[d] = r0;
    v[d + 1] = r1;
    v[d + 2] = r2;
    v[d + 3] = r3;
  };
}

function sha1su1(rd: number, rn: number): Op {
  return (c) => {
    const v = c.vi32;
    const d = rd * 4;
    const n = rn * 4;
    // T = X ^ (Y >> 32)
    const t0 = v[d]! ^ v[n + 1]!;
    const t1 = v[d + 1]! ^ v[n + 2]!;
    const t2 = v[d + 2]! ^ v[n + 3]!;
    const t3 = v[d + 3]!;
    v[d] = rol(t0, 1);
    v[d + 1] = rol(t1, 1);
    v[d + 2] = rol(t2, 1);
    v[d + 3] = rol(t3, 1) ^ rol(t0, 2);
  };
}

function sha1h(rd: number, rn: number): Op {
  return (c) => {
    const v = c.vi32;
    const r = rol(v[rn * 4]!, 30);
    v[rd * 4] = r;
    v[rd * 4 + 1] = v[rd * 4 + 2] = v[rd * 4 + 3] = 0;
  };
}

function sha256su0(rd: number, rn: number): Op {
  return (c) => {
    const v = c.vi32;
    const d = rd * 4;
    // T = op2<31:0> : op1<127:32>
    const t0 = v[d + 1]!;
    const t1 = v[d + 2]!;
    const t2 = v[d + 3]!;
    const t3 = v[rn * 4]!;
    const s = (x: number): number => ror(x, 7) ^ ror(x, 18) ^ (x >>> 3);
    const r0 = (s(t0) + v[d]!) | 0;
    const r1 = (s(t1) + v[d + 1]!) | 0;
    const r2 = (s(t2) + v[d + 2]!) | 0;
    const r3 = (s(t3) + v[d + 3]!) | 0;
    v[d] = r0;
    v[d + 1] = r1;
    v[d + 2] = r2;
    v[d + 3] = r3;
  };
}

function sha256su1(rd: number, rn: number, rm: number): Op {
  return (c) => {
    const v = c.vi32;
    const d = rd * 4;
    const s = (x: number): number => ror(x, 17) ^ ror(x, 19) ^ (x >>> 10);
    // T0 = op3<31:0> : op2<127:32>; T1 = op3<127:64>
    const t00 = v[rn * 4 + 1]!;
    const t01 = v[rn * 4 + 2]!;
    const t02 = v[rn * 4 + 3]!;
    const t03 = v[rm * 4]!;
    const r0 = (s(v[rm * 4 + 2]!) + v[d]! + t00) | 0;
    const r1 = (s(v[rm * 4 + 3]!) + v[d + 1]! + t01) | 0;
    const r2 = (s(r0) + v[d + 2]! + t02) | 0;
    const r3 = (s(r1) + v[d + 3]! + t03) | 0;
    v[d] = r0;
    v[d + 1] = r1;
    v[d + 2] = r2;
    v[d + 3] = r3;
  };
}

// ----------------------------------------------------------------------------- PMULL (64 x 64)

/** PMULL{2} Vd.1Q, Vn.1D, Vm.1D: the 128-bit carry-less product. */
function pmull64(Q: number, rm: number, rn: number, rd: number): Op {
  const off = Q ? 2 : 0;
  return (c) => {
    const v = c.vi32;
    const al = v[rn * 4 + off]!;
    const ah = v[rn * 4 + off + 1]!;
    const bl = v[rm * 4 + off]!;
    const bh = v[rm * 4 + off + 1]!;
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    for (let i = 0; i < 64; i++) {
      const bit = i < 32 ? (bl >>> i) & 1 : (bh >>> (i - 32)) & 1;
      if (!bit) continue;
      // XOR (a << i) into the 128-bit result
      const w = i >> 5;
      const s = i & 31;
      const p0 = s ? al << s : al;
      const p1 = s ? (ah << s) | (al >>> (32 - s)) : ah;
      const p2 = s ? ah >>> (32 - s) : 0;
      if (w === 0) {
        r0 ^= p0;
        r1 ^= p1;
        r2 ^= p2;
      } else {
        r1 ^= p0;
        r2 ^= p1;
        r3 ^= p2;
      }
    }
    v[rd * 4] = r0;
    v[rd * 4 + 1] = r1;
    v[rd * 4 + 2] = r2;
    v[rd * 4 + 3] = r3;
  };
}

// ----------------------------------------------------------------------------- dot product, RDM

/** SDOT/UDOT: each 32-bit lane of Vd accumulates four byte products (Vm's group `idx`, or lane-wise). */
function dot(Q: number, size: number, rm: number, rn: number, rd: number, signed: boolean, idx: number): Op | null {
  if (size !== 2) return null;
  const cnt = Q ? 4 : 2;
  return (c) => {
    const u = c.vu8;
    const v = c.vi32;
    for (let i = 0; i < cnt; i++) {
      const g = idx >= 0 ? idx : i;
      let sum = 0;
      for (let k = 0; k < 4; k++) {
        const a = u[rn * 16 + 4 * i + k]!;
        const b = u[rm * 16 + 4 * g + k]!;
        sum += signed ? sx8(a) * sx8(b) : a * b;
      }
      S32[i] = (v[rd * 4 + i]! + sum) | 0;
    }
    fromScratch(c, rd, Q ? 16 : 8);
  };
}

/** SQRDMLAH/SQRDMLSH lane: sat(acc + ((+/-2ab + 2^(e-1)) >> e)). */
function rdmlah(acc: number, a: number, b: number, e: number, sub: boolean): number {
  if (e === 16) {
    const p = sub ? -2 * a * b : 2 * a * b;
    return satS(acc + Math.floor((p + 0x8000) / 65536), 16);
  }
  // p = a*b as 64 bits, negated for SQRDMLSH; q = (2p + 2^31) >> 32 = (p + 2^30) >> 31
  umul32(a, b);
  let lo = R[0]! >>> 0;
  let hi = (R[1]! - (a < 0 ? b : 0) - (b < 0 ? a : 0)) | 0;
  if (sub) {
    const nl = (-lo) >>> 0;
    hi = (~hi + (nl === 0 ? 1 : 0)) | 0;
    lo = nl;
  }
  const l = lo + 0x40000000;
  if (l > 0xffffffff) hi = (hi + 1) | 0;
  lo = l >>> 0;
  const q = hi * 2 + (lo >>> 31); // exact: |q| <= 2^31
  return satS(acc + q, 32);
}

function rdm(Q: number, size: number, rm: number, rn: number, rd: number, sub: boolean, idx: number, bytes: number): Op | null {
  if (size !== 1 && size !== 2) return null;
  const e = 8 << size;
  const cnt = (bytes * 8) / e;
  return (c) => {
    const b0 = idx >= 0 ? lane(c, rm, e, idx, true) : 0;
    for (let i = 0; i < cnt; i++) {
      const a = lane(c, rn, e, i, true);
      const b = idx >= 0 ? b0 : lane(c, rm, e, i, true);
      setScratch(e, i, rdmlah(lane(c, rd, e, i, true), a, b, e, sub));
    }
    fromScratch(c, rd, bytes);
    flushSat(c.x);
  };
}

/** By-element operand decoding (integer): size 1: index H:L:M, Rm 0..15; size 2: index H:L, Rm M:Rm. */
function elemOf(size: number, L: number, M: number, rm: number, H: number): [number, number] {
  return size === 1 ? [(H << 2) | (L << 1) | M, rm] : [(H << 1) | L, (M << 4) | rm];
}

type H = (...a: number[]) => Op | null;

export const simdCryptoHandlers: Record<string, H> = {
  AESE: ((rn, rd) => aesRound(rd, rn, false)) as H,
  AESD: ((rn, rd) => aesRound(rd, rn, true)) as H,
  AESMC: ((rn, rd) => aesMix(rd, rn, false)) as H,
  AESIMC: ((rn, rd) => aesMix(rd, rn, true)) as H,
  SHA1C: ((rm, rn, rd) => sha1Rounds(rd, rn, rm, choose)) as H,
  SHA1P: ((rm, rn, rd) => sha1Rounds(rd, rn, rm, parity)) as H,
  SHA1M: ((rm, rn, rd) => sha1Rounds(rd, rn, rm, majority)) as H,
  SHA1SU0: ((rm, rn, rd) => sha1su0(rd, rn, rm)) as H,
  SHA256H: ((rm, rn, rd) => sha256Hash(rd, rn, rm, true)) as H,
  SHA256H2: ((rm, rn, rd) => sha256Hash(rd, rn, rm, false)) as H,
  SHA256SU1: ((rm, rn, rd) => sha256su1(rd, rn, rm)) as H,
  SHA1H: ((rn, rd) => sha1h(rd, rn)) as H,
  SHA1SU1: ((rn, rd) => sha1su1(rd, rn)) as H,
  SHA256SU0: ((rn, rd) => sha256su0(rd, rn)) as H,
  PMULL_1q: ((Q, rm, rn, rd) => pmull64(Q, rm, rn, rd)) as H,
  SDOT_v: ((Q, size, rm, rn, rd) => dot(Q, size, rm, rn, rd, true, -1)) as H,
  UDOT_v: ((Q, size, rm, rn, rd) => dot(Q, size, rm, rn, rd, false, -1)) as H,
  SDOT_elem: ((Q, size, L, M, rm, H, rn, rd) => dot(Q, size, (M << 4) | rm, rn, rd, true, (H << 1) | L)) as H,
  UDOT_elem: ((Q, size, L, M, rm, H, rn, rd) => dot(Q, size, (M << 4) | rm, rn, rd, false, (H << 1) | L)) as H,
  SQRDMLAH_v: ((Q, size, rm, rn, rd) => rdm(Q, size, rm, rn, rd, false, -1, Q ? 16 : 8)) as H,
  SQRDMLSH_v: ((Q, size, rm, rn, rd) => rdm(Q, size, rm, rn, rd, true, -1, Q ? 16 : 8)) as H,
  SQRDMLAH_sd: ((size, rm, rn, rd) => rdm(0, size, rm, rn, rd, false, -1, 1 << size)) as H,
  SQRDMLSH_sd: ((size, rm, rn, rd) => rdm(0, size, rm, rn, rd, true, -1, 1 << size)) as H,
  SQRDMLAH_elem: ((Q, size, L, M, rm, H, rn, rd) => {
    const [i, m] = elemOf(size, L, M, rm, H);
    return rdm(Q, size, m, rn, rd, false, i, Q ? 16 : 8);
  }) as H,
  SQRDMLSH_elem: ((Q, size, L, M, rm, H, rn, rd) => {
    const [i, m] = elemOf(size, L, M, rm, H);
    return rdm(Q, size, m, rn, rd, true, i, Q ? 16 : 8);
  }) as H,
};

