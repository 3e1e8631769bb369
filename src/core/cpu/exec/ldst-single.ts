/**
 * Loads and stores of a single register (general or SIMD&FP) in every addressing mode:
 * unsigned scaled offset, unscaled (LDUR/STUR), unprivileged (LDTR/STTR, the same as unscaled at
 * EL0), pre-index, post-index, register offset, and PC-relative literal. PRFM/PRFUM are no-ops.
 *
 * The address is computed, then the access is made, then the base is written back, so a fault
 * leaves the base untouched. With writeback and Rn == Rt (UNPREDICTABLE) we do what qemu-aarch64
 * does: a load's writeback wins over the loaded value, a store stores the old base.
 */
import { sext } from '../arm/bits.js';
import { type Op, withSource } from '../op.js';
import { xr, xsp, xw } from '../regs.js';
import {
  ACCESSOR_SOURCES,
  ACCESSORS,
  fpKind,
  isGprLoad,
  isGprStore,
  LDR_W,
  LDR_X,
  LDRB,
  LDRH,
  LDRSB_W,
  LDRSB_X,
  LDRSH_W,
  LDRSH_X,
  LDRSW,
  SCALE,
  STR_W,
  STR_X,
  STRB,
  STRH,
} from './ldst-access.js';

const TWO32 = 4294967296;
const nop: Op = () => {};

/** The transfer register as the accessors want it: XZR-aware index for general registers, else Vn. */
function transfer(kind: number, rt: number): number {
  return isGprLoad(kind) ? xw(rt) : isGprStore(kind) ? xr(rt) : rt;
}

/** [Xn|SP + off], no writeback. */
function offsetMode(kind: number, rn: number, rt: number, off: number): Op {
  const n = xsp(rn);
  const t = transfer(kind, rt);
  const op = offsetModeOp(kind, n, t, off);
  const access = ACCESSOR_SOURCES[kind];
  if (!access) return op;
  if (off === 0) return withSource(op, access(t, `x[${n}]`, `x[${n + 1}]`), true);
  const hi = off > 0 ? `s > 0xffffffff ? (x[${n + 1}] + 1) | 0 : x[${n + 1}]` : `s < 0 ? (x[${n + 1}] - 1) | 0 : x[${n + 1}]`;
  return withSource(op, `{const s = (x[${n}] >>> 0) + ${off}; ${access(t, 's | 0', `(${hi})`)}}`, true);
}

function offsetModeOp(kind: number, n: number, t: number, off: number): Op {
  const f = ACCESSORS[kind]!;
  if (off === 0) return (c) => f(c, t, c.x[n]!, c.x[n + 1]!);
  if (off > 0)
    return (c) => {
      const x = c.x;
      const s = (x[n]! >>> 0) + off;
      f(c, t, s | 0, s > 0xffffffff ? (x[n + 1]! + 1) | 0 : x[n + 1]!);
    };
  return (c) => {
    const x = c.x;
    const s = (x[n]! >>> 0) + off;
    f(c, t, s | 0, s < 0 ? (x[n + 1]! - 1) | 0 : x[n + 1]!);
  };
}

/** [Xn|SP, #off]! : access at base + off, then write that address back. */
function preIndex(kind: number, rn: number, rt: number, off: number): Op {
  const n = xsp(rn);
  const t = transfer(kind, rt);
  const f = ACCESSORS[kind]!;
  const op: Op = (c) => {
    const x = c.x;
    const s = (x[n]! >>> 0) + off;
    const lo = s | 0;
    const hi = s > 0xffffffff ? (x[n + 1]! + 1) | 0 : s < 0 ? (x[n + 1]! - 1) | 0 : x[n + 1]!;
    f(c, t, lo, hi);
    x[n] = lo;
    x[n + 1] = hi;
  };
  const access = ACCESSOR_SOURCES[kind];
  if (!access) return op;
  return withSource(
    op,
    `{const s = (x[${n}] >>> 0) + ${off}; const lo = s | 0; ` +
      `const hi = s > 0xffffffff ? (x[${n + 1}] + 1) | 0 : s < 0 ? (x[${n + 1}] - 1) | 0 : x[${n + 1}]; ` +
      `${access(t, 'lo', 'hi')} x[${n}] = lo; x[${n + 1}] = hi;}`,
    true,
  );
}

/** [Xn|SP], #off : access at base, then write base + off back. */
function postIndex(kind: number, rn: number, rt: number, off: number): Op {
  const n = xsp(rn);
  const t = transfer(kind, rt);
  const f = ACCESSORS[kind]!;
  const op: Op = (c) => {
    const x = c.x;
    const lo = x[n]!;
    const hi = x[n + 1]!;
    f(c, t, lo, hi);
    const s = (lo >>> 0) + off;
    x[n] = s | 0;
    x[n + 1] = s > 0xffffffff ? (hi + 1) | 0 : s < 0 ? (hi - 1) | 0 : hi;
  };
  const access = ACCESSOR_SOURCES[kind];
  if (!access) return op;
  return withSource(
    op,
    `{const lo = x[${n}], hi = x[${n + 1}]; ${access(t, 'lo', 'hi')} const s = (lo >>> 0) + ${off}; ` +
      `x[${n}] = s | 0; x[${n + 1}] = s > 0xffffffff ? (hi + 1) | 0 : s < 0 ? (hi - 1) | 0 : hi;}`,
    true,
  );
}

/**
 * [Xn|SP, Rm, extend #amount]: option 010 UXTW, 011 LSL (UXTX), 110 SXTW, 111 SXTX; the amount is
 * the access size's log2 when S is set. Options with bit 1 clear are unallocated.
 */
function registerMode(kind: number, rn: number, rt: number, rm: number, option: number, S: number): Op | null {
  const op = registerModeOp(kind, rn, rt, rm, option, S);
  const access = ACCESSOR_SOURCES[kind];
  if (!op || !access) return op;
  const n = xsp(rn);
  const m = xr(rm);
  const sh = S ? SCALE[kind]! : 0;
  const carry = '(s > 0xffffffff ? 1 : 0)';
  const index = sh === 0 ? `(ml >>> 0)` : `((ml << ${sh}) >>> 0)`;
  let high: string;
  if (option & 1) high = sh === 0 ? `x[${m + 1}]` : `((x[${m + 1}] << ${sh}) | (ml >>> ${32 - sh}))`;
  else if (option === 2) high = sh === 0 ? '0' : `(ml >>> ${32 - sh})`;
  else high = sh === 0 ? '(ml >> 31)' : `(ml >> ${32 - sh})`;
  const src = `{const ml = x[${m}]; const s = (x[${n}] >>> 0) + ${index}; ${access(transfer(kind, rt), 's | 0', `((x[${n + 1}] + ${high} + ${carry}) | 0)`)}}`;
  return withSource(op, src, true);
}

function registerModeOp(kind: number, rn: number, rt: number, rm: number, option: number, S: number): Op | null {
  if (!(option & 2)) return null;
  const n = xsp(rn);
  const m = xr(rm);
  const t = transfer(kind, rt);
  const f = ACCESSORS[kind]!;
  const sh = S ? SCALE[kind]! : 0;
  const rsh = 32 - sh;
  if (option & 1) {
    // 64-bit index (LSL / UXTX / SXTX)
    if (sh === 0)
      return (c) => {
        const x = c.x;
        const s = (x[n]! >>> 0) + (x[m]! >>> 0);
        f(c, t, s | 0, (x[n + 1]! + x[m + 1]! + (s > 0xffffffff ? 1 : 0)) | 0);
      };
    return (c) => {
      const x = c.x;
      const ml = x[m]!;
      const s = (x[n]! >>> 0) + ((ml << sh) >>> 0);
      const ohi = (x[m + 1]! << sh) | (ml >>> rsh);
      f(c, t, s | 0, (x[n + 1]! + ohi + (s > 0xffffffff ? 1 : 0)) | 0);
    };
  }
  if (option === 2) {
    // UXTW
    if (sh === 0)
      return (c) => {
        const x = c.x;
        const s = (x[n]! >>> 0) + (x[m]! >>> 0);
        f(c, t, s | 0, (x[n + 1]! + (s > 0xffffffff ? 1 : 0)) | 0);
      };
    return (c) => {
      const x = c.x;
      const ml = x[m]!;
      const s = (x[n]! >>> 0) + ((ml << sh) >>> 0);
      f(c, t, s | 0, (x[n + 1]! + (ml >>> rsh) + (s > 0xffffffff ? 1 : 0)) | 0);
    };
  }
  // SXTW (option 110)
  if (sh === 0)
    return (c) => {
      const x = c.x;
      const ml = x[m]!;
      const s = (x[n]! >>> 0) + (ml >>> 0);
      f(c, t, s | 0, (x[n + 1]! + (ml >> 31) + (s > 0xffffffff ? 1 : 0)) | 0);
    };
  return (c) => {
    const x = c.x;
    const ml = x[m]!;
    const s = (x[n]! >>> 0) + ((ml << sh) >>> 0);
    f(c, t, s | 0, (x[n + 1]! + (ml >> rsh) + (s > 0xffffffff ? 1 : 0)) | 0);
  };
}

/** PC-relative literal: the address is known at decode time. */
function literal(kind: number, rt: number, addr: number): Op {
  const t = transfer(kind, rt);
  const f = ACCESSORS[kind]!;
  const lo = addr % TWO32 | 0;
  const hi = Math.floor(addr / TWO32) | 0;
  return (c) => f(c, t, lo, hi);
}

const imm9 = (imm: number): number => sext(imm, 9);

/** The SIMD&FP forms: `size` and `opc<1>` choose B/H/S/D/Q; `make` builds the op for a kind. */
function fp(load: boolean, size: number, opc1: number, make: (kind: number) => Op | null): Op | null {
  const kind = fpKind(load, size, opc1);
  return kind < 0 ? null : make(kind);
}

type H = (...f: number[]) => Op | null;

export const ldstSingleHandlers: Record<string, H> = {
  // ---- unsigned offset (scaled imm12)
  STRB_imm: (imm12, rn, rt) => offsetMode(STRB, rn, rt, imm12),
  LDRB_imm: (imm12, rn, rt) => offsetMode(LDRB, rn, rt, imm12),
  LDRSB_imm: (opc0, imm12, rn, rt) => offsetMode(opc0 ? LDRSB_W : LDRSB_X, rn, rt, imm12),
  STRH_imm: (imm12, rn, rt) => offsetMode(STRH, rn, rt, imm12 << 1),
  LDRH_imm: (imm12, rn, rt) => offsetMode(LDRH, rn, rt, imm12 << 1),
  LDRSH_imm: (opc0, imm12, rn, rt) => offsetMode(opc0 ? LDRSH_W : LDRSH_X, rn, rt, imm12 << 1),
  STR_imm: (sz, imm12, rn, rt) => offsetMode(sz ? STR_X : STR_W, rn, rt, imm12 << (2 + sz)),
  LDR_imm: (sz, imm12, rn, rt) => offsetMode(sz ? LDR_X : LDR_W, rn, rt, imm12 << (2 + sz)),
  LDRSW_imm: (imm12, rn, rt) => offsetMode(LDRSW, rn, rt, imm12 << 2),
  PRFM_imm: () => nop,
  STR_imm_fp: (size, opc1, imm12, rn, rt) => fp(false, size, opc1, (k) => offsetMode(k, rn, rt, imm12 << SCALE[k]!)),
  LDR_imm_fp: (size, opc1, imm12, rn, rt) => fp(true, size, opc1, (k) => offsetMode(k, rn, rt, imm12 << SCALE[k]!)),

  // ---- unscaled signed imm9 (LDUR/STUR)
  STURB: (imm, rn, rt) => offsetMode(STRB, rn, rt, imm9(imm)),
  LDURB: (imm, rn, rt) => offsetMode(LDRB, rn, rt, imm9(imm)),
  LDURSB: (opc0, imm, rn, rt) => offsetMode(opc0 ? LDRSB_W : LDRSB_X, rn, rt, imm9(imm)),
  STURH: (imm, rn, rt) => offsetMode(STRH, rn, rt, imm9(imm)),
  LDURH: (imm, rn, rt) => offsetMode(LDRH, rn, rt, imm9(imm)),
  LDURSH: (opc0, imm, rn, rt) => offsetMode(opc0 ? LDRSH_W : LDRSH_X, rn, rt, imm9(imm)),
  STUR: (sz, imm, rn, rt) => offsetMode(sz ? STR_X : STR_W, rn, rt, imm9(imm)),
  LDUR: (sz, imm, rn, rt) => offsetMode(sz ? LDR_X : LDR_W, rn, rt, imm9(imm)),
  LDURSW: (imm, rn, rt) => offsetMode(LDRSW, rn, rt, imm9(imm)),
  PRFUM: () => nop,
  STUR_fp: (size, opc1, imm, rn, rt) => fp(false, size, opc1, (k) => offsetMode(k, rn, rt, imm9(imm))),
  LDUR_fp: (size, opc1, imm, rn, rt) => fp(true, size, opc1, (k) => offsetMode(k, rn, rt, imm9(imm))),

  // ---- unprivileged (at EL0 these are ordinary accesses)
  STTRB: (imm, rn, rt) => offsetMode(STRB, rn, rt, imm9(imm)),
  LDTRB: (imm, rn, rt) => offsetMode(LDRB, rn, rt, imm9(imm)),
  LDTRSB: (opc0, imm, rn, rt) => offsetMode(opc0 ? LDRSB_W : LDRSB_X, rn, rt, imm9(imm)),
  STTRH: (imm, rn, rt) => offsetMode(STRH, rn, rt, imm9(imm)),
  LDTRH: (imm, rn, rt) => offsetMode(LDRH, rn, rt, imm9(imm)),
  LDTRSH: (opc0, imm, rn, rt) => offsetMode(opc0 ? LDRSH_W : LDRSH_X, rn, rt, imm9(imm)),
  STTR: (sz, imm, rn, rt) => offsetMode(sz ? STR_X : STR_W, rn, rt, imm9(imm)),
  LDTR: (sz, imm, rn, rt) => offsetMode(sz ? LDR_X : LDR_W, rn, rt, imm9(imm)),
  LDTRSW: (imm, rn, rt) => offsetMode(LDRSW, rn, rt, imm9(imm)),

  // ---- pre-index
  STRB_pre: (imm, rn, rt) => preIndex(STRB, rn, rt, imm9(imm)),
  LDRB_pre: (imm, rn, rt) => preIndex(LDRB, rn, rt, imm9(imm)),
  LDRSB_pre: (opc0, imm, rn, rt) => preIndex(opc0 ? LDRSB_W : LDRSB_X, rn, rt, imm9(imm)),
  STRH_pre: (imm, rn, rt) => preIndex(STRH, rn, rt, imm9(imm)),
  LDRH_pre: (imm, rn, rt) => preIndex(LDRH, rn, rt, imm9(imm)),
  LDRSH_pre: (opc0, imm, rn, rt) => preIndex(opc0 ? LDRSH_W : LDRSH_X, rn, rt, imm9(imm)),
  STR_pre: (sz, imm, rn, rt) => preIndex(sz ? STR_X : STR_W, rn, rt, imm9(imm)),
  LDR_pre: (sz, imm, rn, rt) => preIndex(sz ? LDR_X : LDR_W, rn, rt, imm9(imm)),
  LDRSW_pre: (imm, rn, rt) => preIndex(LDRSW, rn, rt, imm9(imm)),
  STR_pre_fp: (size, opc1, imm, rn, rt) => fp(false, size, opc1, (k) => preIndex(k, rn, rt, imm9(imm))),
  LDR_pre_fp: (size, opc1, imm, rn, rt) => fp(true, size, opc1, (k) => preIndex(k, rn, rt, imm9(imm))),

  // ---- post-index
  STRB_post: (imm, rn, rt) => postIndex(STRB, rn, rt, imm9(imm)),
  LDRB_post: (imm, rn, rt) => postIndex(LDRB, rn, rt, imm9(imm)),
  LDRSB_post: (opc0, imm, rn, rt) => postIndex(opc0 ? LDRSB_W : LDRSB_X, rn, rt, imm9(imm)),
  STRH_post: (imm, rn, rt) => postIndex(STRH, rn, rt, imm9(imm)),
  LDRH_post: (imm, rn, rt) => postIndex(LDRH, rn, rt, imm9(imm)),
  LDRSH_post: (opc0, imm, rn, rt) => postIndex(opc0 ? LDRSH_W : LDRSH_X, rn, rt, imm9(imm)),
  STR_post: (sz, imm, rn, rt) => postIndex(sz ? STR_X : STR_W, rn, rt, imm9(imm)),
  LDR_post: (sz, imm, rn, rt) => postIndex(sz ? LDR_X : LDR_W, rn, rt, imm9(imm)),
  LDRSW_post: (imm, rn, rt) => postIndex(LDRSW, rn, rt, imm9(imm)),
  STR_post_fp: (size, opc1, imm, rn, rt) => fp(false, size, opc1, (k) => postIndex(k, rn, rt, imm9(imm))),
  LDR_post_fp: (size, opc1, imm, rn, rt) => fp(true, size, opc1, (k) => postIndex(k, rn, rt, imm9(imm))),

  // ---- register offset
  STRB_reg: (rm, opt, S, rn, rt) => registerMode(STRB, rn, rt, rm, opt, S),
  LDRB_reg: (rm, opt, S, rn, rt) => registerMode(LDRB, rn, rt, rm, opt, S),
  LDRSB_reg: (opc0, rm, opt, S, rn, rt) => registerMode(opc0 ? LDRSB_W : LDRSB_X, rn, rt, rm, opt, S),
  STRH_reg: (rm, opt, S, rn, rt) => registerMode(STRH, rn, rt, rm, opt, S),
  LDRH_reg: (rm, opt, S, rn, rt) => registerMode(LDRH, rn, rt, rm, opt, S),
  LDRSH_reg: (opc0, rm, opt, S, rn, rt) => registerMode(opc0 ? LDRSH_W : LDRSH_X, rn, rt, rm, opt, S),
  STR_reg: (sz, rm, opt, S, rn, rt) => registerMode(sz ? STR_X : STR_W, rn, rt, rm, opt, S),
  LDR_reg: (sz, rm, opt, S, rn, rt) => registerMode(sz ? LDR_X : LDR_W, rn, rt, rm, opt, S),
  LDRSW_reg: (rm, opt, S, rn, rt) => registerMode(LDRSW, rn, rt, rm, opt, S),
  PRFM_reg: (_rm, opt) => (opt & 2 ? nop : null),
  STR_reg_fp: (size, opc1, rm, opt, S, rn, rt) => fp(false, size, opc1, (k) => registerMode(k, rn, rt, rm, opt, S)),
  LDR_reg_fp: (size, opc1, rm, opt, S, rn, rt) => fp(true, size, opc1, (k) => registerMode(k, rn, rt, rm, opt, S)),

  // ---- PC-relative literal
  LDR_lit: (sz, imm19, rt, pc) => literal(sz ? LDR_X : LDR_W, rt, pc + sext(imm19, 19) * 4),
  LDRSW_lit: (imm19, rt, pc) => literal(LDRSW, rt, pc + sext(imm19, 19) * 4),
  PRFM_lit: () => nop,
  // opc 00/01/10 = S/D/Q, which fpKind numbers as sizes 2/3/4
  LDR_lit_fp: (opc, imm19, rt, pc) => (opc === 3 ? null : literal(fpKind(true, 2 + opc, 0), rt, pc + sext(imm19, 19) * 4)),
};
