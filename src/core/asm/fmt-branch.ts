/**
 * Branches, exception generation and system instructions: targets as absolute addresses, hints
 * and barriers by name, MRS/MSR system register names and the SYS aliases (dc, ic, at, tlbi…).
 */
import { cond, condOtherNames, type Formatter, type Formatters, ins, type Insn, r, sext, target, x } from './format.js';
import { SYS_OP_LIST, SYSREG_LIST } from './sysregs.js';

function branchTo(mnemonic: string, addr: number, offset: number, ...before: string[]): Insn {
  const t = target(addr, offset);
  return { ...ins(mnemonic, ...before, t.text), target: t.target };
}

export const HINTS: Record<number, string> = {
  0: 'nop', 1: 'yield', 2: 'wfe', 3: 'wfi', 4: 'sev', 5: 'sevl', 7: 'xpaclri', 8: 'pacia1716', 10: 'pacib1716',
  12: 'autia1716', 14: 'autib1716', 16: 'esb', 17: 'psb csync', 18: 'tsb csync', 20: 'csdb', 22: 'clearbhb',
  24: 'paciaz', 25: 'paciasp', 26: 'pacibz', 27: 'pacibsp', 28: 'autiaz', 29: 'autiasp', 30: 'autibz', 31: 'autibsp',
  32: 'bti', 34: 'bti c', 36: 'bti j', 38: 'bti jc',
};

/** DSB/DMB options by CRm (objdump prints the others as #0x.. with two digits) */
export const BARRIER_OPTIONS = ['', 'oshld', 'oshst', 'osh', '', 'nshld', 'nshst', 'nsh', '', 'ishld', 'ishst', 'ish', '', 'ld', 'st', 'sy'];

function barrier(name: 'dsb' | 'dmb'): Formatter {
  return (f) => {
    if (name === 'dsb' && f.CRm === 0) return ins('ssbb');
    if (name === 'dsb' && f.CRm === 4) return ins('pssbb');
    const opt = BARRIER_OPTIONS[f.CRm]!;
    return ins(name, opt || `#0x${f.CRm.toString(16).padStart(2, '0')}`);
  };
}

/** CLREX and ISB: the operand only when not the default 15 */
function optionalCrm(name: string): Formatter {
  return (f) => (f.CRm === 15 ? ins(name) : ins(name, `#0x${f.CRm.toString(16)}`));
}

const sysKey = (op0: number, op1: number, crn: number, crm: number, op2: number) =>
  (op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;

let sysregNames: Map<number, string> | null = null;
let sysOps: Map<number, { mnemonic: string; op: string; xt: boolean }> | null = null;

/** The name objdump gives a system register, or its generic `s<op0>_<op1>_c<n>_c<m>_<op2>`. */
export function sysregName(op0: number, op1: number, crn: number, crm: number, op2: number, write: boolean): string {
  if (!sysregNames) {
    sysregNames = new Map();
    for (const line of SYSREG_LIST.trim().split('\n')) {
      const p = line.split(' ');
      sysregNames.set(sysKey(+p[0]!, +p[1]!, +p[2]!, +p[3]!, +p[4]!), p[5]!);
    }
  }
  const name = sysregNames.get(sysKey(op0, op1, crn, crm, op2));
  if (name === 'dbgdtrrx_el0' && write) return 'dbgdtrtx_el0'; // one encoding: read RX, write TX
  return name ?? `s${op0}_${op1}_c${crn}_c${crm}_${op2}`;
}

function sysOp(op1: number, crn: number, crm: number, op2: number) {
  loadSysOps();
  return sysOps!.get(sysKey(0, op1, crn, crm, op2));
}

function loadSysOps(): void {
  if (!sysOps) {
    sysOps = new Map();
    for (const line of SYS_OP_LIST.trim().split('\n')) {
      const p = line.split(' ');
      sysOps.set(sysKey(0, +p[0]!, +p[1]!, +p[2]!, +p[3]!), { mnemonic: p[4]!, op: p[5]!, xt: p[6] === 'Xt' });
    }
  }
}

export interface SysEncoding {
  op0: number;
  op1: number;
  CRn: number;
  CRm: number;
  op2: number;
}

const unKey = (k: number): SysEncoding => ({ op0: k >> 14, op1: (k >> 11) & 7, CRn: (k >> 7) & 15, CRm: (k >> 3) & 15, op2: k & 7 });

/** A system register by the name objdump gives it (lower case), or by `s3_3_c13_c0_2`. */
export function sysregByName(name: string): SysEncoding | null {
  sysregName(3, 0, 0, 0, 0, false); // loads the names
  const n = name.toLowerCase();
  if (n === 'dbgdtrtx_el0') return sysregByName('dbgdtrrx_el0');
  for (const [k, v] of sysregNames!) if (v === n) return unKey(k);
  const m = /^s([0-3])_([0-7])_c(\d+)_c(\d+)_([0-7])$/.exec(n);
  if (m && +m[3]! < 16 && +m[4]! < 16 && +m[1]! >= 2) return { op0: +m[1]!, op1: +m[2]!, CRn: +m[3]!, CRm: +m[4]!, op2: +m[5]! };
  return null;
}

/** The SYS alias operations (`dc civac`, `ic iallu`, `tlbi vmalle1`, …): encoding and whether it takes Xt. */
export function sysOpByName(mnemonic: string, op: string): (SysEncoding & { xt: boolean }) | null {
  loadSysOps();
  for (const [k, v] of sysOps!) if (v.mnemonic === mnemonic && v.op === op.toLowerCase()) return { ...unKey(k), xt: v.xt };
  return null;
}

/** The mnemonics of the SYS aliases (dc, ic, at, tlbi, …). */
export function sysAliasMnemonics(): string[] {
  loadSysOps();
  return [...new Set([...sysOps!.values()].map((v) => v.mnemonic))];
}

export const branchSysFormatters: Formatters = {
  UDF: (f) => ins('udf', `#${f.imm16}`),
  B: (f, c) => branchTo('b', c.addr, sext(f.imm26, 26) * 4),
  BL: (f, c) => branchTo('bl', c.addr, sext(f.imm26, 26) * 4),
  B_cond: (f, c) => {
    const i = branchTo(`b.${cond(f.cond)}`, c.addr, sext(f.imm19, 19) * 4);
    // objdump's comment: the other names of the condition (`b.hs, b.nlast`)
    const other = condOtherNames(f.cond);
    if (other.length) i.comment = other.map((n) => `b.${n}`).join(', ');
    return i;
  },
  CBZ: (f, c) => branchTo('cbz', c.addr, sext(f.imm19, 19) * 4, r(f.sf, f.Rt)),
  CBNZ: (f, c) => branchTo('cbnz', c.addr, sext(f.imm19, 19) * 4, r(f.sf, f.Rt)),
  TBZ: (f, c) => branchTo('tbz', c.addr, sext(f.imm14, 14) * 4, r(f.b5, f.Rt), `#${(f.b5 << 5) | f.b40}`),
  TBNZ: (f, c) => branchTo('tbnz', c.addr, sext(f.imm14, 14) * 4, r(f.b5, f.Rt), `#${(f.b5 << 5) | f.b40}`),
  BR: (f) => ins('br', x(f.Rn)),
  BLR: (f) => ins('blr', x(f.Rn)),
  RET: (f) => (f.Rn === 30 ? ins('ret') : ins('ret', x(f.Rn))),
  SVC: (f) => ins('svc', `#0x${f.imm16.toString(16)}`),
  BRK: (f) => ins('brk', `#0x${f.imm16.toString(16)}`),
  HINT: (f) => {
    const v = (f.CRm << 3) | f.op2;
    return ins(HINTS[v] ?? `hint #0x${v.toString(16)}`);
  },
  CLREX: optionalCrm('clrex'),
  DSB: barrier('dsb'),
  DMB: barrier('dmb'),
  ISB: optionalCrm('isb'),
  SB: () => ins('sb'),
  CFINV: () => ins('cfinv'),
  XAFLAG: () => ins('xaflag'),
  AXFLAG: () => ins('axflag'),
  SYS: (f) => {
    const { op1, CRn, CRm, op2, Rt } = f;
    const op = sysOp(op1, CRn, CRm, op2);
    if (op) return op.xt ? ins(op.mnemonic, op.op, x(Rt)) : ins(op.mnemonic, op.op);
    const generic = [`#${op1}`, `C${CRn}`, `C${CRm}`, `#${op2}`];
    if (Rt !== 31) generic.push(x(Rt));
    return ins('sys', ...generic);
  },
  MSR_reg: (f) => ins('msr', sysregName(2 + f.o0, f.op1, f.CRn, f.CRm, f.op2, true), x(f.Rt)),
  MRS: (f) => ins('mrs', x(f.Rt), sysregName(2 + f.o0, f.op1, f.CRn, f.CRm, f.op2, false)),
};
