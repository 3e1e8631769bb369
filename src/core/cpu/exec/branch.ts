/** Branches: unconditional (immediate and register), conditional, compare and test. */
import { sext } from '../arm/bits.js';
import { conditionSources, conditionTests } from '../arm/flags.js';
import { type Op, withSource } from '../op.js';
import { xr } from '../regs.js';

const TWO32 = 4294967296;

function linkTo(c: { x: Int32Array }, ret: number): void {
  c.x[60] = ret % TWO32 | 0;
  c.x[61] = Math.floor(ret / TWO32);
}

export const branchHandlers = {
  B(imm26: number, pc: number): Op {
    const t = pc + sext(imm26, 26) * 4;
    return withSource((c) => {
      c.npc = t;
    }, `c.npc = ${t};`);
  },
  BL(imm26: number, pc: number): Op {
    const t = pc + sext(imm26, 26) * 4;
    const ret = pc + 4;
    return withSource((c) => {
      linkTo(c, ret);
      c.npc = t;
    }, `x[60] = ${ret % TWO32 | 0}; x[61] = ${Math.floor(ret / TWO32)}; c.npc = ${t};`);
  },
  B_cond(imm19: number, cond: number, pc: number): Op {
    const t = pc + sext(imm19, 19) * 4;
    const f = pc + 4;
    const test = conditionTests[cond]!;
    return withSource((c) => {
      c.npc = test(c.x) ? t : f;
    }, `c.npc = ${conditionSources[cond]} ? ${t} : ${f};`);
  },
  CBZ(sf: number, imm19: number, rt: number, pc: number): Op {
    const t = pc + sext(imm19, 19) * 4;
    const f = pc + 4;
    const r = xr(rt);
    if (sf) return withSource((c) => { c.npc = (c.x[r]! | c.x[r + 1]!) === 0 ? t : f; }, `c.npc = (x[${r}] | x[${r + 1}]) === 0 ? ${t} : ${f};`);
    return withSource((c) => { c.npc = c.x[r] === 0 ? t : f; }, `c.npc = x[${r}] === 0 ? ${t} : ${f};`);
  },
  CBNZ(sf: number, imm19: number, rt: number, pc: number): Op {
    const t = pc + sext(imm19, 19) * 4;
    const f = pc + 4;
    const r = xr(rt);
    if (sf) return withSource((c) => { c.npc = (c.x[r]! | c.x[r + 1]!) !== 0 ? t : f; }, `c.npc = (x[${r}] | x[${r + 1}]) !== 0 ? ${t} : ${f};`);
    return withSource((c) => { c.npc = c.x[r] !== 0 ? t : f; }, `c.npc = x[${r}] !== 0 ? ${t} : ${f};`);
  },
  TBZ(b5: number, b40: number, imm14: number, rt: number, pc: number): Op {
    const t = pc + sext(imm14, 14) * 4;
    const f = pc + 4;
    const bit = (b5 << 5) | b40;
    const w = xr(rt) + (bit >> 5);
    const m = 1 << (bit & 31);
    return (c) => { c.npc = (c.x[w]! & m) === 0 ? t : f; };
  },
  TBNZ(b5: number, b40: number, imm14: number, rt: number, pc: number): Op {
    const t = pc + sext(imm14, 14) * 4;
    const f = pc + 4;
    const bit = (b5 << 5) | b40;
    const w = xr(rt) + (bit >> 5);
    const m = 1 << (bit & 31);
    return (c) => { c.npc = (c.x[w]! & m) !== 0 ? t : f; };
  },
  BR(rn: number): Op {
    const n = xr(rn);
    return withSource((c) => { c.npc = c.x[n + 1]! * TWO32 + (c.x[n]! >>> 0); }, `c.npc = x[${n + 1}] * ${TWO32} + (x[${n}] >>> 0);`);
  },
  BLR(rn: number, pc: number): Op {
    const n = xr(rn);
    const ret = pc + 4;
    return withSource((c) => {
      const t = c.x[n + 1]! * TWO32 + (c.x[n]! >>> 0); // read before linking: BLR x30
      linkTo(c, ret);
      c.npc = t;
    }, `{const t = x[${n + 1}] * ${TWO32} + (x[${n}] >>> 0); x[60] = ${ret % TWO32 | 0}; x[61] = ${Math.floor(ret / TWO32)}; c.npc = t;}`);
  },
  RET(rn: number): Op {
    const n = xr(rn);
    return withSource((c) => { c.npc = c.x[n + 1]! * TWO32 + (c.x[n]! >>> 0); }, `c.npc = x[${n + 1}] * ${TWO32} + (x[${n}] >>> 0);`);
  },
};
