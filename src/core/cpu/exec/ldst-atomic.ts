/**
 * Armv8.1 LSE atomics: CAS and CASP (compare and swap), the LD<op> read-modify-write family
 * (LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN) and SWP, with every size and
 * acquire/release variant; the ST<op> aliases are the same encodings with Rt = XZR. LDAPR (RCPC)
 * shares the class.
 *
 * Guest threads run one at a time on one host thread, so a load then a store through the memory
 * API is atomic, and the ordering bits (A, R, L, o0) need nothing. Accesses must be naturally
 * aligned (Armv8.1; an unaligned address is an alignment fault). A failed compare-and-swap still
 * stores the old value back, so read-only memory faults either way, as with qemu's cmpxchg.
 */
import { alignmentFault } from '../arm/address.js';
import type { Op } from '../op.js';
import { xr, xsp, xw } from '../regs.js';
import { loadAcquire } from './ldst-excl.js';

const ADD = 0;
const CLR = 1;
const EOR = 2;
const SET = 3;
const SMAX = 4;
const SMIN = 5;
const UMAX = 6;
const UMIN = 7;
const SWP = 8;

const TMP = new Int32Array(4);

/** a <op> b on values of `32 - sh` bits held in int32s (sh shifts them to the top for compares). */
function combine32(op: number, a: number, b: number, sh: number): number {
  switch (op) {
    case ADD:
      return (a + b) | 0;
    case CLR:
      return a & ~b;
    case EOR:
      return a ^ b;
    case SET:
      return a | b;
    case SMAX:
      return a << sh >= b << sh ? a : b;
    case SMIN:
      return a << sh <= b << sh ? a : b;
    case UMAX:
      return (a << sh) >>> 0 >= (b << sh) >>> 0 ? a : b;
    case UMIN:
      return (a << sh) >>> 0 <= (b << sh) >>> 0 ? a : b;
    default:
      return b; // SWP
  }
}

/** LD<op>/SWP on a byte, halfword or word: Rt gets the old value, memory the combined one. */
function rmw32(op: number, log2: number, rs: number, rn: number, rt: number): Op {
  const n = xsp(rn);
  const s = xr(rs);
  const t = xw(rt);
  const mask = (1 << log2) - 1;
  const sh = 32 - (8 << log2);
  return (c) => {
    const x = c.x;
    const mem = c.mem;
    const lo = x[n]!;
    const hi = x[n + 1]!;
    if (lo & mask) alignmentFault(lo, hi, 'write');
    const v = x[s]!;
    const old = log2 === 0 ? mem.ld8(lo, hi) : log2 === 1 ? mem.ld16(lo, hi) : mem.ld32(lo, hi);
    const r = combine32(op, old, v, sh);
    if (log2 === 0) mem.st8(lo, hi, r);
    else if (log2 === 1) mem.st16(lo, hi, r);
    else mem.st32(lo, hi, r);
    x[t] = old;
    x[t + 1] = 0;
  };
}

/** LD<op>/SWP on a doubleword. */
function rmw64(op: number, rs: number, rn: number, rt: number): Op {
  const n = xsp(rn);
  const s = xr(rs);
  const t = xw(rt);
  return (c) => {
    const x = c.x;
    const mem = c.mem;
    const lo = x[n]!;
    const hi = x[n + 1]!;
    if (lo & 7) alignmentFault(lo, hi, 'write');
    const vl = x[s]!;
    const vh = x[s + 1]!;
    mem.ld64(lo, hi, TMP, 0);
    const ol = TMP[0]!;
    const oh = TMP[1]!;
    let rl = vl;
    let rh = vh;
    let keep = false; // min/max: keep the old value
    switch (op) {
      case ADD: {
        const l = (ol >>> 0) + (vl >>> 0);
        rl = l | 0;
        rh = (oh + vh + (l > 0xffffffff ? 1 : 0)) | 0;
        break;
      }
      case CLR:
        rl = ol & ~vl;
        rh = oh & ~vh;
        break;
      case EOR:
        rl = ol ^ vl;
        rh = oh ^ vh;
        break;
      case SET:
        rl = ol | vl;
        rh = oh | vh;
        break;
      case SMAX:
        keep = oh > vh || (oh === vh && ol >>> 0 >= vl >>> 0);
        break;
      case SMIN:
        keep = oh < vh || (oh === vh && ol >>> 0 <= vl >>> 0);
        break;
      case UMAX:
        keep = oh >>> 0 > vh >>> 0 || (oh === vh && ol >>> 0 >= vl >>> 0);
        break;
      case UMIN:
        keep = oh >>> 0 < vh >>> 0 || (oh === vh && ol >>> 0 <= vl >>> 0);
        break;
    }
    if (keep) {
      rl = ol;
      rh = oh;
    }
    mem.st64(lo, hi, rl, rh);
    x[t] = ol;
    x[t + 1] = oh;
  };
}

/** The handler for one LD<op>/SWP encoding: log2 size fixed (B, H) or 2 + sz (W, X). */
function rmw(op: number, log2: number, rs: number, rn: number, rt: number): Op {
  return log2 === 3 ? rmw64(op, rs, rn, rt) : rmw32(op, log2, rs, rn, rt);
}

/** CAS{A}{L}{B,H}: compare Rs with memory; if equal store Rt. Rs gets the old value. */
function cas(log2: number, rs: number, rn: number, rt: number): Op {
  const n = xsp(rn);
  const sr = xr(rs);
  const sw = xw(rs);
  const t = xr(rt);
  const mask = (1 << log2) - 1;
  if (log2 < 3) {
    const vmask = log2 === 2 ? -1 : (1 << (8 << log2)) - 1;
    return (c) => {
      const x = c.x;
      const mem = c.mem;
      const lo = x[n]!;
      const hi = x[n + 1]!;
      if (lo & mask) alignmentFault(lo, hi, 'write');
      const cmp = x[sr]!;
      const nv = x[t]!;
      const old = log2 === 0 ? mem.ld8(lo, hi) : log2 === 1 ? mem.ld16(lo, hi) : mem.ld32(lo, hi);
      const r = ((old ^ cmp) & vmask) === 0 ? nv : old;
      if (log2 === 0) mem.st8(lo, hi, r);
      else if (log2 === 1) mem.st16(lo, hi, r);
      else mem.st32(lo, hi, r);
      x[sw] = old;
      x[sw + 1] = 0;
    };
  }
  return (c) => {
    const x = c.x;
    const mem = c.mem;
    const lo = x[n]!;
    const hi = x[n + 1]!;
    if (lo & 7) alignmentFault(lo, hi, 'write');
    const cl = x[sr]!;
    const ch = x[sr + 1]!;
    const nl = x[t]!;
    const nh = x[t + 1]!;
    mem.ld64(lo, hi, TMP, 0);
    const ol = TMP[0]!;
    const oh = TMP[1]!;
    if (ol === cl && oh === ch) mem.st64(lo, hi, nl, nh);
    else mem.st64(lo, hi, ol, oh);
    x[sw] = ol;
    x[sw + 1] = oh;
  };
}

/** CASP{A}{L}: compare the pair Rs, Rs+1 with memory; if equal store Rt, Rt+1. Both must be even. */
function casp(sz: number, rs: number, rn: number, rt: number): Op | null {
  if (rs & 1 || rt & 1) return null;
  const n = xsp(rn);
  const s1r = xr(rs);
  const s2r = xr(rs + 1);
  const s1w = xw(rs);
  const s2w = xw(rs + 1);
  const t1 = xr(rt);
  const t2 = xr(rt + 1);
  if (!sz)
    return (c) => {
      const x = c.x;
      const mem = c.mem;
      const lo = x[n]!;
      const hi = x[n + 1]!;
      if (lo & 7) alignmentFault(lo, hi, 'write');
      const c1 = x[s1r]!;
      const c2 = x[s2r]!;
      const n1 = x[t1]!;
      const n2 = x[t2]!;
      const o1 = mem.ld32(lo, hi);
      const o2 = mem.ld32(lo + 4, hi); // aligned: same page, no carry
      const eq = o1 === c1 && o2 === c2;
      mem.st32(lo, hi, eq ? n1 : o1);
      mem.st32(lo + 4, hi, eq ? n2 : o2);
      x[s2w] = o2;
      x[s2w + 1] = 0;
      x[s1w] = o1;
      x[s1w + 1] = 0;
    };
  return (c) => {
    const x = c.x;
    const mem = c.mem;
    const lo = x[n]!;
    const hi = x[n + 1]!;
    if (lo & 15) alignmentFault(lo, hi, 'write');
    const c1l = x[s1r]!;
    const c1h = x[s1r + 1]!;
    const c2l = x[s2r]!;
    const c2h = x[s2r + 1]!;
    const n1l = x[t1]!;
    const n1h = x[t1 + 1]!;
    const n2l = x[t2]!;
    const n2h = x[t2 + 1]!;
    mem.ld64(lo, hi, TMP, 0);
    mem.ld64(lo + 8, hi, TMP, 2);
    const o1l = TMP[0]!;
    const o1h = TMP[1]!;
    const o2l = TMP[2]!;
    const o2h = TMP[3]!;
    if (o1l === c1l && o1h === c1h && o2l === c2l && o2h === c2h) {
      mem.st64(lo, hi, n1l, n1h);
      mem.st64(lo + 8, hi, n2l, n2h);
    } else {
      mem.st64(lo, hi, o1l, o1h);
      mem.st64(lo + 8, hi, o2l, o2h);
    }
    x[s2w] = o2l;
    x[s2w + 1] = o2h;
    x[s1w] = o1l;
    x[s1w + 1] = o1h;
  };
}

type H = (...f: number[]) => Op | null;

/** Handlers for one LD<op> family: byte, halfword, and word/doubleword (sz) encodings. */
function family(name: string, op: number): Record<string, H> {
  return {
    [`${name}B`]: (_A, _R, rs, rn, rt) => rmw(op, 0, rs, rn, rt),
    [`${name}H`]: (_A, _R, rs, rn, rt) => rmw(op, 1, rs, rn, rt),
    [name]: (sz, _A, _R, rs, rn, rt) => rmw(op, 2 + sz, rs, rn, rt),
  };
}

export const ldstAtomicHandlers: Record<string, H> = {
  ...family('LDADD', ADD),
  ...family('LDCLR', CLR),
  ...family('LDEOR', EOR),
  ...family('LDSET', SET),
  ...family('LDSMAX', SMAX),
  ...family('LDSMIN', SMIN),
  ...family('LDUMAX', UMAX),
  ...family('LDUMIN', UMIN),
  ...family('SWP', SWP),
  LDAPRB: (rn, rt) => loadAcquire(0, rn, rt),
  LDAPRH: (rn, rt) => loadAcquire(1, rn, rt),
  LDAPR: (sz, rn, rt) => loadAcquire(2 + sz, rn, rt),
  CASB: (_L, rs, _o0, rn, rt) => cas(0, rs, rn, rt),
  CASH: (_L, rs, _o0, rn, rt) => cas(1, rs, rn, rt),
  CAS: (sz, _L, rs, _o0, rn, rt) => cas(2 + sz, rs, rn, rt),
  CASP: (sz, _L, rs, _o0, rn, rt) => casp(sz, rs, rn, rt),
};
