/**
 * Load/store exclusive (LDXR/LDAXR/STXR/STLXR, byte to doubleword, and the pair forms) and
 * load-acquire/store-release (LDAR/STLR, LDLAR/STLLR, and LDAPR from the atomic class).
 *
 * Guest threads run one at a time on one host thread, so every access is already single-copy
 * atomic and ordered; acquire/release only adds the alignment check. The exclusive monitor is the
 * state words I_EXCL_*: a load-exclusive arms it with its address and size, a store-exclusive
 * succeeds (status 0) only when it is armed for exactly the same address and size, and disarms it
 * either way. (A size mismatch is CONSTRAINED UNPREDICTABLE; qemu-aarch64 compares the loaded
 * value instead, which gives mixed results there.) Plain stores do not disarm the monitor; the
 * scheduler must clear I_EXCL_ARMED when it switches threads, as an exception return does.
 */
import { alignmentFault } from '../arm/address.js';
import { I_EXCL_ARMED, I_EXCL_HI, I_EXCL_LO, I_EXCL_SIZE } from '../layout.js';
import type { Op } from '../op.js';
import { xr, xsp, xw } from '../regs.js';
import { ACCESSORS, LOAD_BY_SIZE, STORE_BY_SIZE } from './ldst-access.js';

const TMP = new Int32Array(4);

/** LDXR/LDAXR of 1 << log2 bytes. */
function loadExclusive(log2: number, rn: number, rt: number): Op {
  const n = xsp(rn);
  const t = xw(rt);
  const f = ACCESSORS[LOAD_BY_SIZE[log2]!]!;
  const mask = (1 << log2) - 1;
  return (c) => {
    const x = c.x;
    const lo = x[n]!;
    const hi = x[n + 1]!;
    if (lo & mask) alignmentFault(lo, hi, 'read');
    f(c, t, lo, hi);
    x[I_EXCL_ARMED] = 1;
    x[I_EXCL_LO] = lo;
    x[I_EXCL_HI] = hi;
    x[I_EXCL_SIZE] = mask + 1;
  };
}

/** STXR/STLXR of 1 << log2 bytes; Ws gets 0 on success, 1 on failure. */
function storeExclusive(log2: number, rs: number, rn: number, rt: number): Op {
  const n = xsp(rn);
  const t = xr(rt);
  const s = xw(rs);
  const f = ACCESSORS[STORE_BY_SIZE[log2]!]!;
  const size = 1 << log2;
  const mask = size - 1;
  return (c) => {
    const x = c.x;
    const lo = x[n]!;
    const hi = x[n + 1]!;
    if (lo & mask) alignmentFault(lo, hi, 'write');
    let status = 1;
    if (x[I_EXCL_ARMED] !== 0 && x[I_EXCL_LO] === lo && x[I_EXCL_HI] === hi && x[I_EXCL_SIZE] === size) {
      f(c, t, lo, hi); // a fault here leaves the monitor armed and Ws unchanged
      status = 0;
    }
    x[I_EXCL_ARMED] = 0;
    x[s] = status;
    x[s + 1] = 0;
  };
}

/** LDXP/LDAXP of two W (sz 0) or X (sz 1) registers; the pair must be aligned to its total size. */
function loadExclusivePair(sz: number, rt2: number, rn: number, rt: number): Op {
  const n = xsp(rn);
  const t = xw(rt);
  const t2 = xw(rt2);
  if (!sz)
    return (c) => {
      const x = c.x;
      const lo = x[n]!;
      const hi = x[n + 1]!;
      if (lo & 7) alignmentFault(lo, hi, 'read');
      const a = c.mem.ld32(lo, hi);
      const b = c.mem.ld32(lo + 4, hi); // aligned: no carry into hi, same page
      x[t] = a; // Rt2 is written last: it wins when Rt == Rt2, as in qemu-aarch64
      x[t + 1] = 0;
      x[t2] = b;
      x[t2 + 1] = 0;
      x[I_EXCL_ARMED] = 1;
      x[I_EXCL_LO] = lo;
      x[I_EXCL_HI] = hi;
      x[I_EXCL_SIZE] = 8;
    };
  return (c) => {
    const x = c.x;
    const lo = x[n]!;
    const hi = x[n + 1]!;
    if (lo & 15) alignmentFault(lo, hi, 'read');
    c.mem.ld64(lo, hi, TMP, 0);
    c.mem.ld64(lo + 8, hi, TMP, 2);
    x[t] = TMP[0]!;
    x[t + 1] = TMP[1]!;
    x[t2] = TMP[2]!;
    x[t2 + 1] = TMP[3]!;
    x[I_EXCL_ARMED] = 1;
    x[I_EXCL_LO] = lo;
    x[I_EXCL_HI] = hi;
    x[I_EXCL_SIZE] = 16;
  };
}

/** STXP/STLXP of two W or X registers. */
function storeExclusivePair(sz: number, rs: number, rt2: number, rn: number, rt: number): Op {
  const n = xsp(rn);
  const t = xr(rt);
  const t2 = xr(rt2);
  const s = xw(rs);
  const mask = sz ? 15 : 7;
  return (c) => {
    const x = c.x;
    const lo = x[n]!;
    const hi = x[n + 1]!;
    if (lo & mask) alignmentFault(lo, hi, 'write');
    let status = 1;
    if (x[I_EXCL_ARMED] !== 0 && x[I_EXCL_LO] === lo && x[I_EXCL_HI] === hi && x[I_EXCL_SIZE] === mask + 1) {
      // aligned to the pair's size: both halves are on one page, so neither store faults alone
      if (sz) {
        c.mem.st64(lo, hi, x[t]!, x[t + 1]!);
        c.mem.st64(lo + 8, hi, x[t2]!, x[t2 + 1]!);
      } else {
        c.mem.st32(lo, hi, x[t]!);
        c.mem.st32(lo + 4, hi, x[t2]!);
      }
      status = 0;
    }
    x[I_EXCL_ARMED] = 0;
    x[s] = status;
    x[s + 1] = 0;
  };
}

/** LDAR/LDLAR/LDAPR: an aligned load. */
export function loadAcquire(log2: number, rn: number, rt: number): Op {
  const n = xsp(rn);
  const t = xw(rt);
  const f = ACCESSORS[LOAD_BY_SIZE[log2]!]!;
  const mask = (1 << log2) - 1;
  return (c) => {
    const x = c.x;
    const lo = x[n]!;
    const hi = x[n + 1]!;
    if (lo & mask) alignmentFault(lo, hi, 'read');
    f(c, t, lo, hi);
  };
}

/** STLR/STLLR: an aligned store. */
function storeRelease(log2: number, rn: number, rt: number): Op {
  const n = xsp(rn);
  const t = xr(rt);
  const f = ACCESSORS[STORE_BY_SIZE[log2]!]!;
  const mask = (1 << log2) - 1;
  return (c) => {
    const x = c.x;
    const lo = x[n]!;
    const hi = x[n + 1]!;
    if (lo & mask) alignmentFault(lo, hi, 'write');
    f(c, t, lo, hi);
  };
}

type H = (...f: number[]) => Op | null;

export const ldstExclHandlers: Record<string, H> = {
  STXRB: (rs, rn, rt) => storeExclusive(0, rs, rn, rt),
  STLXRB: (rs, rn, rt) => storeExclusive(0, rs, rn, rt),
  LDXRB: (rn, rt) => loadExclusive(0, rn, rt),
  LDAXRB: (rn, rt) => loadExclusive(0, rn, rt),
  STXRH: (rs, rn, rt) => storeExclusive(1, rs, rn, rt),
  STLXRH: (rs, rn, rt) => storeExclusive(1, rs, rn, rt),
  LDXRH: (rn, rt) => loadExclusive(1, rn, rt),
  LDAXRH: (rn, rt) => loadExclusive(1, rn, rt),
  STXR: (sz, rs, rn, rt) => storeExclusive(2 + sz, rs, rn, rt),
  STLXR: (sz, rs, rn, rt) => storeExclusive(2 + sz, rs, rn, rt),
  LDXR: (sz, rn, rt) => loadExclusive(2 + sz, rn, rt),
  LDAXR: (sz, rn, rt) => loadExclusive(2 + sz, rn, rt),
  STXP: (sz, rs, rt2, rn, rt) => storeExclusivePair(sz, rs, rt2, rn, rt),
  STLXP: (sz, rs, rt2, rn, rt) => storeExclusivePair(sz, rs, rt2, rn, rt),
  LDXP: (sz, rt2, rn, rt) => loadExclusivePair(sz, rt2, rn, rt),
  LDAXP: (sz, rt2, rn, rt) => loadExclusivePair(sz, rt2, rn, rt),

  STLLRB: (rn, rt) => storeRelease(0, rn, rt),
  STLRB: (rn, rt) => storeRelease(0, rn, rt),
  LDLARB: (rn, rt) => loadAcquire(0, rn, rt),
  LDARB: (rn, rt) => loadAcquire(0, rn, rt),
  STLLRH: (rn, rt) => storeRelease(1, rn, rt),
  STLRH: (rn, rt) => storeRelease(1, rn, rt),
  LDLARH: (rn, rt) => loadAcquire(1, rn, rt),
  LDARH: (rn, rt) => loadAcquire(1, rn, rt),
  STLLR: (sz, rn, rt) => storeRelease(2 + sz, rn, rt),
  STLR: (sz, rn, rt) => storeRelease(2 + sz, rn, rt),
  LDLAR: (sz, rn, rt) => loadAcquire(2 + sz, rn, rt),
  LDAR: (sz, rn, rt) => loadAcquire(2 + sz, rn, rt),
};
