/**
 * Encoders: branches, exception generation and system instructions — b, bl, b.cond (and GNU's
 * `beq` spelling), cbz/cbnz, tbz/tbnz, br, blr, ret, svc, brk, udf, the hints by name (nop, yield,
 * wfe, bti c, …) or `hint #n`, barriers, clrex, mrs/msr with system register names, sys and its
 * aliases (dc, ic, at, tlbi, …). Names come from the disassembler's lists, so both agree.
 */
import { COND } from '../format.js';
import { BARRIER_OPTIONS, HINTS, sysAliasMnemonics, sysOpByName, sysregByName } from '../fmt-branch.js';
import { type EncodeCtx, type Encoded, type Form, type FormTable, bad, immIn, isGp, isImm, pcRel, zr } from './encode.js';
import type { Operand } from './operands.js';

function form(syntax: string, encode: (ops: readonly Operand[], c: EncodeCtx) => Encoded | null): Form {
  return { syntax, encode };
}

/** A condition name (eq, ne, cs/hs, cc/lo, …) → its number, or -1. */
export function condNumber(name: string): number {
  const n = name.toLowerCase();
  const i = (COND as readonly string[]).indexOf(n);
  if (i >= 0) return i;
  return n === 'hs' ? 2 : n === 'lo' ? 3 : -1;
}

const ALL_CONDS = [...COND, 'hs', 'lo'];

const label = (entry: string, bits: number, field: string): Form[] => [
  form('label', (o, c) => (o.length === 1 && isImm(o[0]) ? { entry, fields: { [field]: pcRel(o[0], c, bits, 4) } } : null)),
];

function bcond(cond: number): Form[] {
  return [form('label', (o, c) => (o.length === 1 && isImm(o[0]) ? { entry: 'B_cond', fields: { imm19: pcRel(o[0], c, 19, 4), cond } } : null))];
}

const compareBranch = (entry: 'CBZ' | 'CBNZ'): Form[] => [
  form('Rt, label', (o, c) =>
    o.length === 2 && isGp(o[0]) && isImm(o[1]) ? { entry, fields: { sf: o[0].size === 64 ? 1 : 0, imm19: pcRel(o[1], c, 19, 4), Rt: zr(o[0]) } } : null,
  ),
];

const testBranch = (entry: 'TBZ' | 'TBNZ'): Form[] => [
  form('Rt, #bit, label', (o, c) => {
    if (o.length !== 3 || !isGp(o[0]) || !isImm(o[1]) || !isImm(o[2])) return null;
    const bit = immIn(o[1], c, 0, o[0].size - 1, 'bit number');
    return { entry, fields: { b5: bit >> 5, b40: bit & 31, imm14: pcRel(o[2], c, 14, 4), Rt: zr(o[0]) } };
  }),
];

const branchReg = (entry: 'BR' | 'BLR' | 'RET', optional: boolean): Form[] => [
  form(optional ? '{Xn}' : 'Xn', (o) => {
    if (optional && o.length === 0) return { entry, fields: { Rn: 30 } };
    if (o.length !== 1 || !isGp(o[0])) return null;
    if (o[0].size !== 64) bad(o[0], `expected an x register, found '${o[0].text}'`);
    return { entry, fields: { Rn: zr(o[0]) } };
  }),
];

const imm16 = (entry: string, optional = false): Form[] => [
  form(optional ? '{#imm16}' : '#imm16', (o, c) => {
    if (optional && o.length === 0) return { entry, fields: { imm16: 0 } };
    return o.length === 1 && isImm(o[0]) ? { entry, fields: { imm16: immIn(o[0], c, 0, 0xffff) } } : null;
  }),
];

function hint(v: number): Form[] {
  return [form('', (o) => (o.length === 0 ? { entry: 'HINT', fields: { CRm: v >> 3, op2: v & 7 } } : null))];
}

/** dsb/dmb option: a name (sy, ish, …) or #imm 0-15 */
function barrier(entry: 'DSB' | 'DMB'): Form[] {
  return [
    form('option|#imm', (o, c) => {
      if (o.length !== 1 || o[0]!.k !== 'imm') return null;
      const op = o[0]!;
      if (op.name) {
        const i = BARRIER_OPTIONS.indexOf(op.name.toLowerCase());
        if (i <= 0) bad(op, `unknown barrier option '${op.name}' (expected sy, st, ld, ish, ishst, ishld, nsh, nshst, nshld, osh, oshst, oshld)`);
        return { entry, fields: { CRm: i } };
      }
      const crm = immIn(op, c, 0, 15, 'barrier option');
      return { entry, fields: { CRm: crm } };
    }),
  ];
}

const optionalCrm = (entry: string): Form[] => [
  form('{#imm}', (o, c) => {
    if (o.length === 0) return { entry, fields: { CRm: 15 } };
    if (o.length === 1 && o[0]!.k === 'imm' && o[0]!.name?.toLowerCase() === 'sy') return { entry, fields: { CRm: 15 } };
    return o.length === 1 && isImm(o[0]) ? { entry, fields: { CRm: immIn(o[0], c, 0, 15) } } : null;
  }),
];

const noOperands = (entry: string, fields: Record<string, number> = {}): Form[] => [form('', (o) => (o.length === 0 ? { entry, fields } : null))];

function sysreg(op: Operand): { o0: number; op1: number; CRn: number; CRm: number; op2: number } {
  const name = op.k === 'imm' ? op.name : null;
  const r = name ? sysregByName(name) : null;
  if (!r || r.op0 < 2) bad(op, `unknown system register '${op.text}'`);
  return { o0: r!.op0 - 2, op1: r!.op1, CRn: r!.CRn, CRm: r!.CRm, op2: r!.op2 };
}

/** `C7` → 7 */
function crName(op: Operand): number {
  const m = op.k === 'imm' && op.name ? /^[cC](\d+)$/.exec(op.name) : null;
  if (!m || Number(m[1]) > 15) bad(op, `expected C0 to C15, found '${op.text}'`);
  return Number(m![1]);
}

const sysAliases: FormTable = {};
for (const m of sysAliasMnemonics()) {
  sysAliases[m] = [
    form('op{, Xt}', (o) => {
      if (o.length < 1 || o.length > 2 || o[0]!.k !== 'imm' || !o[0]!.name) return null;
      const r = sysOpByName(m, o[0]!.name);
      if (!r) bad(o[0]!, `unknown ${m} operation '${o[0]!.text}'`);
      const xt = o[1];
      if (r!.xt && !xt) bad(o[0]!, `${m} ${o[0]!.text} needs a register operand`);
      if (!r!.xt && xt) bad(xt, `${m} ${o[0]!.text} takes no register`);
      let Rt = 31;
      if (xt) {
        if (!isGp(xt) || xt.size !== 64) bad(xt, `expected an x register, found '${xt.text}'`);
        Rt = zr(xt as Operand & { k: 'gp'; size: 64; n: number; sp: boolean });
      }
      return { entry: 'SYS', fields: { op1: r!.op1, CRn: r!.CRn, CRm: r!.CRm, op2: r!.op2, Rt } };
    }),
  ];
}

export const branchSysForms: FormTable = {
  b: label('B', 26, 'imm26'),
  bl: label('BL', 26, 'imm26'),
  cbz: compareBranch('CBZ'),
  cbnz: compareBranch('CBNZ'),
  tbz: testBranch('TBZ'),
  tbnz: testBranch('TBNZ'),
  br: branchReg('BR', false),
  blr: branchReg('BLR', false),
  ret: branchReg('RET', true),
  svc: imm16('SVC'),
  brk: imm16('BRK'),
  udf: imm16('UDF'),
  hint: [form('#imm', (o, c) => (o.length === 1 && isImm(o[0]) ? ((v) => ({ entry: 'HINT', fields: { CRm: v >> 3, op2: v & 7 } }))(immIn(o[0], c, 0, 127)) : null))],
  dsb: barrier('DSB'),
  dmb: barrier('DMB'),
  ssbb: noOperands('DSB', { CRm: 0 }),
  pssbb: noOperands('DSB', { CRm: 4 }),
  isb: optionalCrm('ISB'),
  clrex: optionalCrm('CLREX'),
  sb: noOperands('SB'),
  cfinv: noOperands('CFINV'),
  xaflag: noOperands('XAFLAG'),
  axflag: noOperands('AXFLAG'),
  mrs: [
    form('Xt, sysreg', (o) => {
      if (o.length !== 2 || !isGp(o[0]) || o[1]!.k !== 'imm') return null;
      if (o[0].size !== 64) bad(o[0], `expected an x register, found '${o[0].text}'`);
      return { entry: 'MRS', fields: { ...sysreg(o[1]!), Rt: zr(o[0]) } };
    }),
  ],
  msr: [
    form('sysreg, Xt', (o) => {
      if (o.length !== 2 || o[0]!.k !== 'imm' || !isGp(o[1])) return null;
      if (o[1].size !== 64) bad(o[1], `expected an x register, found '${o[1].text}'`);
      return { entry: 'MSR_reg', fields: { ...sysreg(o[0]!), Rt: zr(o[1]) } };
    }),
  ],
  sys: [
    form('#op1, Cn, Cm, #op2{, Xt}', (o, c) => {
      if (o.length < 4 || o.length > 5 || !isImm(o[0]) || !isImm(o[3])) return null;
      let Rt = 31;
      if (o[4]) {
        if (!isGp(o[4]) || o[4].size !== 64) bad(o[4]!, `expected an x register, found '${o[4]!.text}'`);
        Rt = zr(o[4] as Operand & { k: 'gp'; size: 64; n: number; sp: boolean });
      }
      return { entry: 'SYS', fields: { op1: immIn(o[0], c, 0, 7, 'op1'), CRn: crName(o[1]!), CRm: crName(o[2]!), op2: immIn(o[3], c, 0, 7, 'op2'), Rt } };
    }),
  ],
  ...sysAliases,
};

for (const [v, name] of Object.entries(HINTS)) {
  const [m, arg] = name.split(' ');
  if (arg) {
    // `bti c`, `psb csync`: the operand is a name
    const list = (branchSysForms[m!] ??= []);
    list.push(form(arg, (o) => (o.length === 1 && o[0]!.k === 'imm' && o[0]!.name?.toLowerCase() === arg ? { entry: 'HINT', fields: { CRm: Number(v) >> 3, op2: Number(v) & 7 } } : null)));
  } else (branchSysForms[m!] ??= []).push(...hint(Number(v)));
}

for (const name of ALL_CONDS) {
  const n = condNumber(name);
  branchSysForms[`b.${name}`] = bcond(n);
  branchSysForms[`b${name}`] = bcond(n);
}
