/**
 * What the load/store encoders share: the addressing modes of a memory operand as GNU as reads
 * them (`[Xn{, #imm}]`, `[Xn, #imm]!`, `[Xn], #imm`, `[Xn], Xm`, `[Xn, Rm{, extend {#s}}]`), the
 * base-only address of exclusives and atomics (`[Xn{, #0}]`) and register checks.
 */
import { type EncodeCtx, type Encoded, type Form, bad, isGp } from './encode.js';
import type { GpReg, Imm, Mem, Operand, Shift } from './operands.js';

export type Reg = GpReg & Operand;
export type MemOp = Mem & Operand;
export type ImmOp = Imm & Operand;

export function form(syntax: string, encode: (ops: readonly Operand[], c: EncodeCtx) => Encoded | null): Form {
  return { syntax, encode };
}

/** An address, by addressing mode. `imm` null means no offset was written. */
export type Addr =
  | { mode: 'off'; base: number; imm: ImmOp | null; mem: MemOp }
  | { mode: 'pre'; base: number; imm: ImmOp | null; mem: MemOp }
  | { mode: 'post'; base: number; imm: ImmOp; mem: MemOp }
  | { mode: 'reg'; base: number; rm: Reg; ext: (Shift & Operand) | null; mem: MemOp }
  | { mode: 'postreg'; base: number; rm: Reg; mem: MemOp };

/** The base register's number (31 = SP); XZR is refused. */
function baseReg(m: MemOp): number {
  if (m.base.n === 31 && !m.base.sp) bad(m, `the base register must be x0-x30 or sp, not '${m.base.size === 64 ? 'xzr' : 'wzr'}'`);
  return m.base.n;
}

/** The offset of `[Xn, …]` as an operand (the parser gives it a location and text). */
function offsetOp(m: MemOp): ImmOp | Reg | null {
  const o = m.off as (ImmOp | Reg) | null;
  if (o?.k === 'imm' && o.literal) bad(o, `'=' literals cannot be an offset`);
  return o;
}

/**
 * The address made of `ops[at]` (a memory operand) and, for post-indexing, `ops[at + 1]`; null when
 * the operands have another shape (so the caller's form does not apply). `barePre` accepts `[Xn]!`
 * (ldraa/ldrab write it so); others need an offset to pre-index.
 */
export function addressAt(ops: readonly Operand[], at: number, barePre = false): Addr | null {
  const m = ops[at];
  if (m?.k !== 'mem') return null;
  const off = offsetOp(m);
  if (ops.length === at + 1) {
    const base = baseReg(m);
    if (m.pre) {
      if (off === null && !barePre) bad(m, 'missing offset in the pre-indexed address (write [Xn, #imm]!)');
      if (off?.k === 'gp') bad(m, 'a register offset cannot be pre-indexed');
      return { mode: 'pre', base, imm: off as ImmOp | null, mem: m };
    }
    if (off?.k === 'gp') {
      if (off.n === 31 && off.sp) bad(off, `the offset register must be x0-x30, xzr or a w register, not '${off.text}'`);
      return { mode: 'reg', base, rm: off, ext: (m.ext as (Shift & Operand) | null) ?? null, mem: m };
    }
    return { mode: 'off', base, imm: off, mem: m };
  }
  if (ops.length !== at + 2 || off !== null || m.pre) return null;
  const p = ops[at + 1]!;
  if (p.k === 'imm' && !p.literal) return { mode: 'post', base: baseReg(m), imm: p, mem: m };
  if (isGp(p)) return { mode: 'postreg', base: baseReg(m), rm: p, mem: m };
  return null;
}

/** `[Xn|SP{, #0}]` at ops[at], the last operand: the base register's number, or null for another shape. */
export function baseOnly(ops: readonly Operand[], at: number, c: EncodeCtx): number | null {
  if (ops.length !== at + 1) return null;
  const a = addressAt(ops, at);
  if (!a) return null;
  if (a.mode !== 'off') bad(a.mem, `expected [Xn|SP] or [Xn|SP, #0] here, found '${a.mem.text}'`);
  if (a.imm && (a.imm.reloc || c.value(a.imm) !== 0n)) bad(a.imm, `the offset can only be 0 here`);
  return a.base;
}

/** The value of an immediate offset that must not carry a relocation operator. */
export function plainOffset(imm: ImmOp | null, c: EncodeCtx, what: string): bigint {
  if (!imm) return 0n;
  if (imm.reloc) bad(imm, `:${imm.reloc}: cannot be used in ${what}`);
  return c.value(imm);
}

/** A general register of either size where 31 is the zero register; null for another operand kind. */
export function gpZr(o: Operand | undefined): Reg | null {
  if (!isGp(o)) return null;
  if (o.n === 31 && o.sp) bad(o, `'${o.text}' cannot be used here (the zero register ${o.size === 64 ? 'xzr' : 'wzr'} can)`);
  return o;
}

/** Requires a register of the given size (`'w'` or `'x'`). */
export function sized(o: Reg, size: 'w' | 'x', why = ''): Reg {
  if ((o.size === 64) !== (size === 'x')) bad(o, `expected ${size === 'x' ? 'an x' : 'a w'} register${why}, found '${o.text}'`);
  return o;
}
