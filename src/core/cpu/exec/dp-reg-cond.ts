/**
 * Data processing — register: conditional compare (CCMN/CCMP, register and immediate) and
 * conditional select (CSEL/CSINC/CSINV/CSNEG and their aliases CSET/CSETM).
 *
 * A condition is decoded into a 16-bit truth table over NZCV, so every closure tests it the same
 * way, `(table >>> nzcvIndex) & 1`, without calling a per-condition function.
 */
import { addWithCarry32, addWithCarry32Source, addWithCarry64, addWithCarry64Source, conditionHolds } from '../arm/flags.js';
import { I_C, I_N, I_V, I_Z } from '../layout.js';
import { type Op, withSource } from '../op.js';
import { nzcvIndexSource } from './inline-src.js';
import { xr, xw } from '../regs.js';

const scratchFlags = new Int32Array(I_V + 1);

/** Bit (N<<3 | Z<<2 | C<<1 | V) of the result is 1 when `cond` holds for those flags. */
export function conditionTable(cond: number): number {
  let t = 0;
  for (let i = 0; i < 16; i++) {
    scratchFlags[I_N] = (i >> 3) & 1;
    scratchFlags[I_Z] = (i >> 2) & 1;
    scratchFlags[I_C] = (i >> 1) & 1;
    scratchFlags[I_V] = i & 1;
    if (conditionHolds(scratchFlags, cond)) t |= 1 << i;
  }
  return t;
}

/** CCMN (sub = false) / CCMP: flags of Rn +/- operand when cond holds, else the immediate nzcv. */
function condCompare(sub: boolean, sf: number, useImm: boolean, rmOrImm: number, cond: number, rn: number, nzcv: number): Op {
  const op = condCompareOp(sub, sf, useImm, rmOrImm, cond, rn, nzcv);
  const tbl = conditionTable(cond);
  const n = xr(rn);
  const m = useImm ? 0 : xr(rmOrImm);
  const inv = sub ? -1 : 0;
  const cin = sub ? '1' : '0';
  const discard = xw(31);
  const blo = useImm ? `${rmOrImm ^ inv}` : `(x[${m}] ^ ${inv})`;
  const bhi = useImm ? `${inv}` : `(x[${m + 1}] ^ ${inv})`;
  const taken = sf
    ? addWithCarry64Source(discard, `x[${n}]`, `x[${n + 1}]`, blo, bhi, cin, true)
    : addWithCarry32Source(discard, `x[${n}]`, blo, cin, true);
  const given = `{x[${I_N}] = ${(nzcv >> 3) & 1}; x[${I_Z}] = ${(nzcv >> 2) & 1}; x[${I_C}] = ${(nzcv >> 1) & 1}; x[${I_V}] = ${nzcv & 1};}`;
  return withSource(op, `if ((${tbl} >>> ${nzcvIndexSource}) & 1) ${taken} else ${given}`);
}

function condCompareOp(sub: boolean, sf: number, useImm: boolean, rmOrImm: number, cond: number, rn: number, nzcv: number): Op {
  const tbl = conditionTable(cond);
  const n = xr(rn);
  const m = useImm ? 0 : xr(rmOrImm);
  const discard = xw(31);
  const inv = sub ? -1 : 0;
  const cin = sub ? 1 : 0;
  const fN = (nzcv >> 3) & 1;
  const fZ = (nzcv >> 2) & 1;
  const fC = (nzcv >> 1) & 1;
  const fV = nzcv & 1;
  if (useImm) {
    const bl = rmOrImm ^ inv;
    const bh = inv;
    if (sf)
      return (c) => {
        const x = c.x;
        if ((tbl >>> ((x[I_N]! << 3) | (x[I_Z]! << 2) | (x[I_C]! << 1) | x[I_V]!)) & 1) {
          addWithCarry64(x, discard, x[n]!, x[n + 1]!, bl, bh, cin, true);
        } else {
          x[I_N] = fN;
          x[I_Z] = fZ;
          x[I_C] = fC;
          x[I_V] = fV;
        }
      };
    return (c) => {
      const x = c.x;
      if ((tbl >>> ((x[I_N]! << 3) | (x[I_Z]! << 2) | (x[I_C]! << 1) | x[I_V]!)) & 1) {
        addWithCarry32(x, discard, x[n]!, bl, cin, true);
      } else {
        x[I_N] = fN;
        x[I_Z] = fZ;
        x[I_C] = fC;
        x[I_V] = fV;
      }
    };
  }
  if (sf)
    return (c) => {
      const x = c.x;
      if ((tbl >>> ((x[I_N]! << 3) | (x[I_Z]! << 2) | (x[I_C]! << 1) | x[I_V]!)) & 1) {
        addWithCarry64(x, discard, x[n]!, x[n + 1]!, x[m]! ^ inv, x[m + 1]! ^ inv, cin, true);
      } else {
        x[I_N] = fN;
        x[I_Z] = fZ;
        x[I_C] = fC;
        x[I_V] = fV;
      }
    };
  return (c) => {
    const x = c.x;
    if ((tbl >>> ((x[I_N]! << 3) | (x[I_Z]! << 2) | (x[I_C]! << 1) | x[I_V]!)) & 1) {
      addWithCarry32(x, discard, x[n]!, x[m]! ^ inv, cin, true);
    } else {
      x[I_N] = fN;
      x[I_Z] = fZ;
      x[I_C] = fC;
      x[I_V] = fV;
    }
  };
}

const SEL = 0;
const INC = 1;
const INV = 2;
const NEG = 3;
type SelectKind = typeof SEL | typeof INC | typeof INV | typeof NEG;

/** Rd = cond ? Rn : f(Rm), f being identity, +1, NOT or negate. */
function condSelect(kind: SelectKind, sf: number, rm: number, cond: number, rn: number, rd: number): Op {
  const tbl = conditionTable(cond);
  const n = xr(rn);
  const m = xr(rm);
  const d = xw(rd);
  // CSET (CSINC Rd, ZR, ZR, cond') and CSETM (CSINV Rd, ZR, ZR, cond'): 0/1 and 0/-1.
  if (rn === 31 && rm === 31 && kind === INC)
    return withSource((c) => {
      const x = c.x;
      x[d] = ((tbl >>> ((x[I_N]! << 3) | (x[I_Z]! << 2) | (x[I_C]! << 1) | x[I_V]!)) & 1) ^ 1;
      x[d + 1] = 0;
    }, `x[${d}] = ((${tbl} >>> ${nzcvIndexSource}) & 1) ^ 1; x[${d + 1}] = 0;`);
  if (rn === 31 && rm === 31 && kind === INV) {
    if (sf)
      return (c) => {
        const x = c.x;
        const r = ((tbl >>> ((x[I_N]! << 3) | (x[I_Z]! << 2) | (x[I_C]! << 1) | x[I_V]!)) & 1) - 1;
        x[d] = r;
        x[d + 1] = r;
      };
    return (c) => {
      const x = c.x;
      x[d] = ((tbl >>> ((x[I_N]! << 3) | (x[I_Z]! << 2) | (x[I_C]! << 1) | x[I_V]!)) & 1) - 1;
      x[d + 1] = 0;
    };
  }
  if (sf) {
    const take = `(${tbl} >>> ${nzcvIndexSource}) & 1`;
    switch (kind) {
      case SEL:
        return withSource((c) => {
          const x = c.x;
          const s = (tbl >>> ((x[I_N]! << 3) | (x[I_Z]! << 2) | (x[I_C]! << 1) | x[I_V]!)) & 1 ? n : m;
          const hi = x[s + 1]!;
          x[d] = x[s]!;
          x[d + 1] = hi;
        }, `{const s = ${take} ? ${n} : ${m}; const hi = x[s + 1]; x[${d}] = x[s]; x[${d + 1}] = hi;}`);
      case INC:
        return withSource((c) => {
          const x = c.x;
          if ((tbl >>> ((x[I_N]! << 3) | (x[I_Z]! << 2) | (x[I_C]! << 1) | x[I_V]!)) & 1) {
            const hi = x[n + 1]!;
            x[d] = x[n]!;
            x[d + 1] = hi;
          } else {
            const lo = (x[m]! + 1) | 0;
            x[d + 1] = (x[m + 1]! + (lo === 0 ? 1 : 0)) | 0;
            x[d] = lo;
          }
        }, `if (${take}) {const hi = x[${n + 1}]; x[${d}] = x[${n}]; x[${d + 1}] = hi;} else {const lo = (x[${m}] + 1) | 0; x[${d + 1}] = (x[${m + 1}] + (lo === 0 ? 1 : 0)) | 0; x[${d}] = lo;}`);
      case INV:
        return (c) => {
          const x = c.x;
          if ((tbl >>> ((x[I_N]! << 3) | (x[I_Z]! << 2) | (x[I_C]! << 1) | x[I_V]!)) & 1) {
            const hi = x[n + 1]!;
            x[d] = x[n]!;
            x[d + 1] = hi;
          } else {
            const hi = ~x[m + 1]!;
            x[d] = ~x[m]!;
            x[d + 1] = hi;
          }
        };
      case NEG:
        return (c) => {
          const x = c.x;
          if ((tbl >>> ((x[I_N]! << 3) | (x[I_Z]! << 2) | (x[I_C]! << 1) | x[I_V]!)) & 1) {
            const hi = x[n + 1]!;
            x[d] = x[n]!;
            x[d + 1] = hi;
          } else {
            const lo = -x[m]! | 0;
            x[d + 1] = (~x[m + 1]! + (lo === 0 ? 1 : 0)) | 0;
            x[d] = lo;
          }
        };
    }
  }
  switch (kind) {
    case SEL:
      return (c) => {
        const x = c.x;
        x[d] = x[(tbl >>> ((x[I_N]! << 3) | (x[I_Z]! << 2) | (x[I_C]! << 1) | x[I_V]!)) & 1 ? n : m]!;
        x[d + 1] = 0;
      };
    case INC:
      return (c) => {
        const x = c.x;
        x[d] = (tbl >>> ((x[I_N]! << 3) | (x[I_Z]! << 2) | (x[I_C]! << 1) | x[I_V]!)) & 1 ? x[n]! : (x[m]! + 1) | 0;
        x[d + 1] = 0;
      };
    case INV:
      return (c) => {
        const x = c.x;
        x[d] = (tbl >>> ((x[I_N]! << 3) | (x[I_Z]! << 2) | (x[I_C]! << 1) | x[I_V]!)) & 1 ? x[n]! : ~x[m]!;
        x[d + 1] = 0;
      };
    case NEG:
      return (c) => {
        const x = c.x;
        x[d] = (tbl >>> ((x[I_N]! << 3) | (x[I_Z]! << 2) | (x[I_C]! << 1) | x[I_V]!)) & 1 ? x[n]! : -x[m]! | 0;
        x[d + 1] = 0;
      };
  }
}

export const dpRegCondHandlers = {
  CCMN_reg: (sf: number, rm: number, cond: number, rn: number, nzcv: number) => condCompare(false, sf, false, rm, cond, rn, nzcv),
  CCMP_reg: (sf: number, rm: number, cond: number, rn: number, nzcv: number) => condCompare(true, sf, false, rm, cond, rn, nzcv),
  CCMN_imm: (sf: number, imm5: number, cond: number, rn: number, nzcv: number) => condCompare(false, sf, true, imm5, cond, rn, nzcv),
  CCMP_imm: (sf: number, imm5: number, cond: number, rn: number, nzcv: number) => condCompare(true, sf, true, imm5, cond, rn, nzcv),
  CSEL: (sf: number, rm: number, cond: number, rn: number, rd: number) => condSelect(SEL, sf, rm, cond, rn, rd),
  CSINC: (sf: number, rm: number, cond: number, rn: number, rd: number) => condSelect(INC, sf, rm, cond, rn, rd),
  CSINV: (sf: number, rm: number, cond: number, rn: number, rd: number) => condSelect(INV, sf, rm, cond, rn, rd),
  CSNEG: (sf: number, rm: number, cond: number, rn: number, rd: number) => condSelect(NEG, sf, rm, cond, rn, rd),
};
