/**
 * Data processing — register: logical (shifted register). AND/ORR/EOR/ANDS, and with N set the
 * inverted-operand forms BIC/ORN/EON/BICS, which XOR operand 2 with the constant `inv` = -1.
 * All registers are XZR when 31.
 */
import { logicFlags32, logicFlags64 } from '../arm/flags.js';
import { type Op, withSource } from '../op.js';
import { logicFlags32Source, logicFlags64Source, lsl64Source, shift32Source } from './inline-src.js';
import { xr, xw } from '../regs.js';

const AND = 0;
const ORR = 1;
const EOR = 2;
const ANDS = 3;
type LogicKind = typeof AND | typeof ORR | typeof EOR | typeof ANDS;

const LSL = 0;
const LSR = 1;
const ASR = 2;

function logicalShifted(kind: LogicKind, invert: number, sf: number, shift: number, rm: number, imm6: number, rn: number, rd: number): Op | null {
  if (!sf && imm6 >= 32) return null;
  const n = xr(rn);
  const m = xr(rm);
  const d = xw(rd);
  const inv = invert ? -1 : 0;
  if (!sf) {
    const op = ['&', '|', '^', '&'][kind]!;
    const src = `{const r = x[${n}] ${op} (${shift32Source(m, shift, imm6)} ^ ${inv}); x[${d}] = r; x[${d + 1}] = 0;`;
    return withSource(logical32(kind, inv, shift, imm6, rn, n, m, d), src + (kind === ANDS ? logicFlags32Source : '') + '}');
  }
  if (imm6 === 0 || shift === LSL) {
    const [ml, mh] = lsl64Source(m, imm6);
    const op = ['&', '|', '^', '&'][kind]!;
    let src = `{const lo = x[${n}] ${op} (${ml} ^ ${inv}), hi = x[${n + 1}] ${op} (${mh} ^ ${inv}); x[${d}] = lo; x[${d + 1}] = hi;`;
    if (kind === ANDS) src += logicFlags64Source;
    return withSource(logical64Lsl(kind, inv, imm6, rn, n, m, d), src + '}');
  }
  // Shifts by a constant 1..63, branch-free (see dp-reg-addsub.ts): `s` is the amount within a
  // word, `big` is -1 when it is 32 or more, (v << 1) << t stands for v << (32 - s).
  const s = imm6 & 31;
  const t = 31 - s;
  const big = imm6 >= 32 ? -1 : 0;
  const nb = ~big;
  if (shift === LSR) {
    switch (kind) {
      case AND:
        return (c) => {
          const x = c.x;
          const mh = x[m + 1]!;
          const th = mh >>> s;
          const tl = (x[m]! >>> s) | ((mh << 1) << t);
          x[d] = x[n]! & (((tl & nb) | (th & big)) ^ inv);
          x[d + 1] = x[n + 1]! & ((th & nb) ^ inv);
        };
      case ORR:
        return (c) => {
          const x = c.x;
          const mh = x[m + 1]!;
          const th = mh >>> s;
          const tl = (x[m]! >>> s) | ((mh << 1) << t);
          x[d] = x[n]! | (((tl & nb) | (th & big)) ^ inv);
          x[d + 1] = x[n + 1]! | ((th & nb) ^ inv);
        };
      case EOR:
        return (c) => {
          const x = c.x;
          const mh = x[m + 1]!;
          const th = mh >>> s;
          const tl = (x[m]! >>> s) | ((mh << 1) << t);
          x[d] = x[n]! ^ (((tl & nb) | (th & big)) ^ inv);
          x[d + 1] = x[n + 1]! ^ ((th & nb) ^ inv);
        };
      case ANDS:
        return (c) => {
          const x = c.x;
          const mh = x[m + 1]!;
          const th = mh >>> s;
          const tl = (x[m]! >>> s) | ((mh << 1) << t);
          const lo = x[n]! & (((tl & nb) | (th & big)) ^ inv);
          const hi = x[n + 1]! & ((th & nb) ^ inv);
          x[d] = lo;
          x[d + 1] = hi;
          logicFlags64(x, lo, hi);
        };
    }
  }
  if (shift === ASR) {
    switch (kind) {
      case AND:
        return (c) => {
          const x = c.x;
          const mh = x[m + 1]!;
          const th = mh >> s;
          const tl = (x[m]! >>> s) | ((mh << 1) << t);
          x[d] = x[n]! & (((tl & nb) | (th & big)) ^ inv);
          x[d + 1] = x[n + 1]! & (((th & nb) | ((mh >> 31) & big)) ^ inv);
        };
      case ORR:
        return (c) => {
          const x = c.x;
          const mh = x[m + 1]!;
          const th = mh >> s;
          const tl = (x[m]! >>> s) | ((mh << 1) << t);
          x[d] = x[n]! | (((tl & nb) | (th & big)) ^ inv);
          x[d + 1] = x[n + 1]! | (((th & nb) | ((mh >> 31) & big)) ^ inv);
        };
      case EOR:
        return (c) => {
          const x = c.x;
          const mh = x[m + 1]!;
          const th = mh >> s;
          const tl = (x[m]! >>> s) | ((mh << 1) << t);
          x[d] = x[n]! ^ (((tl & nb) | (th & big)) ^ inv);
          x[d + 1] = x[n + 1]! ^ (((th & nb) | ((mh >> 31) & big)) ^ inv);
        };
      case ANDS:
        return (c) => {
          const x = c.x;
          const mh = x[m + 1]!;
          const th = mh >> s;
          const tl = (x[m]! >>> s) | ((mh << 1) << t);
          const lo = x[n]! & (((tl & nb) | (th & big)) ^ inv);
          const hi = x[n + 1]! & (((th & nb) | ((mh >> 31) & big)) ^ inv);
          x[d] = lo;
          x[d + 1] = hi;
          logicFlags64(x, lo, hi);
        };
    }
  }
  // ROR: rotating by 32 or more swaps the words first, which the indices do at decode time.
  const il = big ? m + 1 : m;
  const ih = big ? m : m + 1;
  switch (kind) {
    case AND:
      return (c) => {
        const x = c.x;
        const ml = x[il]!;
        const mh = x[ih]!;
        x[d] = x[n]! & (((ml >>> s) | ((mh << 1) << t)) ^ inv);
        x[d + 1] = x[n + 1]! & (((mh >>> s) | ((ml << 1) << t)) ^ inv);
      };
    case ORR:
      return (c) => {
        const x = c.x;
        const ml = x[il]!;
        const mh = x[ih]!;
        x[d] = x[n]! | (((ml >>> s) | ((mh << 1) << t)) ^ inv);
        x[d + 1] = x[n + 1]! | (((mh >>> s) | ((ml << 1) << t)) ^ inv);
      };
    case EOR:
      return (c) => {
        const x = c.x;
        const ml = x[il]!;
        const mh = x[ih]!;
        x[d] = x[n]! ^ (((ml >>> s) | ((mh << 1) << t)) ^ inv);
        x[d + 1] = x[n + 1]! ^ (((mh >>> s) | ((ml << 1) << t)) ^ inv);
      };
    case ANDS:
      return (c) => {
        const x = c.x;
        const ml = x[il]!;
        const mh = x[ih]!;
        const lo = x[n]! & (((ml >>> s) | ((mh << 1) << t)) ^ inv);
        const hi = x[n + 1]! & (((mh >>> s) | ((ml << 1) << t)) ^ inv);
        x[d] = lo;
        x[d + 1] = hi;
        logicFlags64(x, lo, hi);
      };
  }
}

/** 64-bit, LSL by 0..63 (shift 0 and MOV get their own closures: they are the common cases). */
function logical64Lsl(kind: LogicKind, inv: number, a: number, rn: number, n: number, m: number, d: number): Op {
  if (a === 0) {
    if (kind === ORR && rn === 31)
      // MOV Xd, Xm and MVN Xd, Xm
      return inv
        ? (c) => {
            const x = c.x;
            x[d] = ~x[m]!;
            x[d + 1] = ~x[m + 1]!;
          }
        : (c) => {
            const x = c.x;
            x[d] = x[m]!;
            x[d + 1] = x[m + 1]!;
          };
    switch (kind) {
      case AND:
        return (c) => {
          const x = c.x;
          x[d] = x[n]! & (x[m]! ^ inv);
          x[d + 1] = x[n + 1]! & (x[m + 1]! ^ inv);
        };
      case ORR:
        return (c) => {
          const x = c.x;
          x[d] = x[n]! | (x[m]! ^ inv);
          x[d + 1] = x[n + 1]! | (x[m + 1]! ^ inv);
        };
      case EOR:
        return (c) => {
          const x = c.x;
          x[d] = x[n]! ^ x[m]! ^ inv;
          x[d + 1] = x[n + 1]! ^ x[m + 1]! ^ inv;
        };
      case ANDS:
        return (c) => {
          const x = c.x;
          const lo = x[n]! & (x[m]! ^ inv);
          const hi = x[n + 1]! & (x[m + 1]! ^ inv);
          x[d] = lo;
          x[d + 1] = hi;
          logicFlags64(x, lo, hi);
        };
    }
  }
  const s = a & 31;
  const t = 31 - s;
  const big = a >= 32 ? -1 : 0;
  const nb = ~big;
  switch (kind) {
    case AND:
      return (c) => {
        const x = c.x;
        const ml = x[m]!;
        const tl = ml << s;
        const th = (x[m + 1]! << s) | ((ml >>> 1) >>> t);
        x[d] = x[n]! & ((tl & nb) ^ inv);
        x[d + 1] = x[n + 1]! & (((th & nb) | (tl & big)) ^ inv);
      };
    case ORR:
      return (c) => {
        const x = c.x;
        const ml = x[m]!;
        const tl = ml << s;
        const th = (x[m + 1]! << s) | ((ml >>> 1) >>> t);
        x[d] = x[n]! | ((tl & nb) ^ inv);
        x[d + 1] = x[n + 1]! | (((th & nb) | (tl & big)) ^ inv);
      };
    case EOR:
      return (c) => {
        const x = c.x;
        const ml = x[m]!;
        const tl = ml << s;
        const th = (x[m + 1]! << s) | ((ml >>> 1) >>> t);
        x[d] = x[n]! ^ ((tl & nb) ^ inv);
        x[d + 1] = x[n + 1]! ^ (((th & nb) | (tl & big)) ^ inv);
      };
    case ANDS:
      return (c) => {
        const x = c.x;
        const ml = x[m]!;
        const tl = ml << s;
        const th = (x[m + 1]! << s) | ((ml >>> 1) >>> t);
        const lo = x[n]! & ((tl & nb) ^ inv);
        const hi = x[n + 1]! & (((th & nb) | (tl & big)) ^ inv);
        x[d] = lo;
        x[d + 1] = hi;
        logicFlags64(x, lo, hi);
      };
  }
}

/** 32-bit forms: shift amounts 0..31 need no special case (ROR by 0 is v | v). */
function logical32(kind: LogicKind, inv: number, shift: number, a: number, rn: number, n: number, m: number, d: number): Op {
  if (shift === LSL) {
    if (a === 0 && kind === ORR && rn === 31 && !inv) // MOV Wd, Wm
      return (c) => {
        const x = c.x;
        x[d] = x[m]!;
        x[d + 1] = 0;
      };
    switch (kind) {
      case AND:
        return (c) => {
          const x = c.x;
          x[d] = x[n]! & ((x[m]! << a) ^ inv);
          x[d + 1] = 0;
        };
      case ORR:
        return (c) => {
          const x = c.x;
          x[d] = x[n]! | ((x[m]! << a) ^ inv);
          x[d + 1] = 0;
        };
      case EOR:
        return (c) => {
          const x = c.x;
          x[d] = x[n]! ^ (x[m]! << a) ^ inv;
          x[d + 1] = 0;
        };
      case ANDS:
        return (c) => {
          const x = c.x;
          const r = x[n]! & ((x[m]! << a) ^ inv);
          x[d] = r;
          x[d + 1] = 0;
          logicFlags32(x, r);
        };
    }
  }
  if (shift === LSR) {
    switch (kind) {
      case AND:
        return (c) => {
          const x = c.x;
          x[d] = x[n]! & ((x[m]! >>> a) ^ inv);
          x[d + 1] = 0;
        };
      case ORR:
        return (c) => {
          const x = c.x;
          x[d] = x[n]! | ((x[m]! >>> a) ^ inv);
          x[d + 1] = 0;
        };
      case EOR:
        return (c) => {
          const x = c.x;
          x[d] = x[n]! ^ (x[m]! >>> a) ^ inv;
          x[d + 1] = 0;
        };
      case ANDS:
        return (c) => {
          const x = c.x;
          const r = x[n]! & ((x[m]! >>> a) ^ inv);
          x[d] = r;
          x[d + 1] = 0;
          logicFlags32(x, r);
        };
    }
  }
  if (shift === ASR) {
    switch (kind) {
      case AND:
        return (c) => {
          const x = c.x;
          x[d] = x[n]! & ((x[m]! >> a) ^ inv);
          x[d + 1] = 0;
        };
      case ORR:
        return (c) => {
          const x = c.x;
          x[d] = x[n]! | ((x[m]! >> a) ^ inv);
          x[d + 1] = 0;
        };
      case EOR:
        return (c) => {
          const x = c.x;
          x[d] = x[n]! ^ (x[m]! >> a) ^ inv;
          x[d + 1] = 0;
        };
      case ANDS:
        return (c) => {
          const x = c.x;
          const r = x[n]! & ((x[m]! >> a) ^ inv);
          x[d] = r;
          x[d + 1] = 0;
          logicFlags32(x, r);
        };
    }
  }
  // ROR; for a = 0, v << 32 is v << 0 in JavaScript, so the expression is v | v = v.
  const b = 32 - a;
  switch (kind) {
    case AND:
      return (c) => {
        const x = c.x;
        const v = x[m]!;
        x[d] = x[n]! & (((v >>> a) | (v << b)) ^ inv);
        x[d + 1] = 0;
      };
    case ORR:
      return (c) => {
        const x = c.x;
        const v = x[m]!;
        x[d] = x[n]! | (((v >>> a) | (v << b)) ^ inv);
        x[d + 1] = 0;
      };
    case EOR:
      return (c) => {
        const x = c.x;
        const v = x[m]!;
        x[d] = x[n]! ^ ((v >>> a) | (v << b)) ^ inv;
        x[d + 1] = 0;
      };
    case ANDS:
      return (c) => {
        const x = c.x;
        const v = x[m]!;
        const r = x[n]! & (((v >>> a) | (v << b)) ^ inv);
        x[d] = r;
        x[d + 1] = 0;
        logicFlags32(x, r);
      };
  }
}

export const dpRegLogicalHandlers = {
  AND_shift: (sf: number, shift: number, rm: number, imm6: number, rn: number, rd: number) => logicalShifted(AND, 0, sf, shift, rm, imm6, rn, rd),
  BIC_shift: (sf: number, shift: number, rm: number, imm6: number, rn: number, rd: number) => logicalShifted(AND, 1, sf, shift, rm, imm6, rn, rd),
  ORR_shift: (sf: number, shift: number, rm: number, imm6: number, rn: number, rd: number) => logicalShifted(ORR, 0, sf, shift, rm, imm6, rn, rd),
  ORN_shift: (sf: number, shift: number, rm: number, imm6: number, rn: number, rd: number) => logicalShifted(ORR, 1, sf, shift, rm, imm6, rn, rd),
  EOR_shift: (sf: number, shift: number, rm: number, imm6: number, rn: number, rd: number) => logicalShifted(EOR, 0, sf, shift, rm, imm6, rn, rd),
  EON_shift: (sf: number, shift: number, rm: number, imm6: number, rn: number, rd: number) => logicalShifted(EOR, 1, sf, shift, rm, imm6, rn, rd),
  ANDS_shift: (sf: number, shift: number, rm: number, imm6: number, rn: number, rd: number) => logicalShifted(ANDS, 0, sf, shift, rm, imm6, rn, rd),
  BICS_shift: (sf: number, shift: number, rm: number, imm6: number, rn: number, rd: number) => logicalShifted(ANDS, 1, sf, shift, rm, imm6, rn, rd),
};
