/**
 * Encoders: data processing — register. Logical and add/subtract with shifted or extended
 * registers (GNU as takes the extended form when SP is involved or an extend is written), with
 * carry, flag manipulation, conditional compare and select, 1- and 2-source, multiply, and the
 * aliases GNU writes with them: mov, mvn, tst, neg(s), cmp, cmn, ngc(s), cset(m), cinc, cinv,
 * cneg, lsl/lsr/asr/ror by register, mul, mneg, smull, umull, smnegl, umnegl.
 */
import { EXTEND, SHIFT } from '../format.js';
import { condNumber } from './enc-branch.js';
import { type EncodeCtx, type Encoded, type Form, type FormTable, bad, immIn, isGp, isImm, sameSize, shiftAmount, sp, zr } from './encode.js';
import type { GpReg, Operand, Shift } from './operands.js';

type Reg = GpReg & Operand;
type Sh = Shift & Operand;

const reg = (o: Operand | undefined): o is Reg => isGp(o);
const shiftOp = (o: Operand | undefined): o is Sh => o?.k === 'shift';
const isSp = (r: Reg): boolean => r.n === 31 && r.sp;
const ZR = (r: Reg): Reg => ({ ...r, n: 31, sp: false });

function form(syntax: string, encode: (ops: readonly Operand[], c: EncodeCtx) => Encoded | null): Form {
  return { syntax, encode };
}

/** A shift operand of a shifted-register form: type and amount. */
function shiftOf(s: Sh | undefined, sf: number, allowRor: boolean, c: EncodeCtx): { shift: number; imm6: number } {
  if (!s) return { shift: 0, imm6: 0 };
  const i = (SHIFT as readonly string[]).indexOf(s.op);
  if (i < 0 || (i === 3 && !allowRor)) bad(s, `expected ${allowRor ? 'lsl, lsr, asr or ror' : 'lsl, lsr or asr'}, found '${s.op}'`);
  if (!s.amount) bad(s, `'${s.op}' needs an amount, e.g. ${s.op} #2`);
  return { shift: i, imm6: shiftAmount(s, c, 0, sf ? 63 : 31) };
}

// --------------------------------------------------------------------------------- logical

const LOGICAL = ['AND', 'BIC', 'ORR', 'ORN', 'EOR', 'EON', 'ANDS', 'BICS'];

function logical(op: number, d: Reg, n: Reg, m: Reg, s: Sh | undefined, c: EncodeCtx): Encoded {
  const sf = sameSize(d, n, m);
  return { entry: `${LOGICAL[op]}_shift`, fields: { sf, ...shiftOf(s, sf, true, c), Rm: zr(m), Rn: zr(n), Rd: zr(d) } };
}

const logicalForms = (op: number): Form[] => [
  form('Rd, Rn, Rm{, shift #amount}', (o, c) =>
    reg(o[0]) && reg(o[1]) && reg(o[2]) && (o.length === 3 || (o.length === 4 && shiftOp(o[3]))) ? logical(op, o[0], o[1], o[2], o[3] as Sh, c) : null,
  ),
];

// ------------------------------------------------------------------------------- add/sub

/** Extend of an extended-register form: option and amount; `lsl` means uxtx/uxtw. */
function extendOf(s: Sh | undefined, sf: number, m: Reg, c: EncodeCtx): { option: number; imm3: number } {
  let option: number;
  if (!s || s.op === 'lsl') option = sf ? 3 : 2;
  else {
    option = (EXTEND as readonly string[]).indexOf(s.op);
    if (option < 0) bad(s, `expected an extend (uxtb, uxth, uxtw, uxtx, sxtb, sxth, sxtw, sxtx) or lsl, found '${s.op}'`);
  }
  const wantX = sf === 1 && (option & 3) === 3;
  if (sf === 0 && m.size !== 32) bad(m, `expected a w register, found '${m.text}'`);
  if (wantX && m.size !== 64) bad(m, `'${s?.op ?? 'lsl'}' takes an x register, found '${m.text}'`);
  if (!wantX && m.size !== 32 && !(s === undefined || s.op === 'lsl')) bad(m, `'${s!.op}' takes a w register, found '${m.text}'`);
  const imm3 = s ? shiftAmount(s, c, 0, 4) : 0;
  return { option, imm3 };
}

function addSub(sub: boolean, flags: boolean, d: Reg, n: Reg, m: Reg, s: Sh | undefined, c: EncodeCtx): Encoded {
  const name = (sub ? 'SUB' : 'ADD') + (flags ? 'S' : '');
  const sf = d.size === 64 ? 1 : 0;
  if (n.size !== d.size) bad(n, `'${n.text}' must be a ${d.size === 64 ? 'x' : 'w'} register like the first operand`);
  const extended = isSp(n) || (!flags && isSp(d)) || (s !== undefined && s.op !== 'lsl' && s.op !== 'lsr' && s.op !== 'asr') || m.size !== d.size;
  if (extended) {
    if (s && s.op === 'lsl' && !s.amount) bad(s, "'lsl' needs an amount");
    const { option, imm3 } = extendOf(s, sf, m, c);
    return { entry: `${name}_ext`, fields: { sf, Rm: m.n === 31 && m.sp ? bad(m, `'${m.text}' cannot be used here`) : m.n, option, imm3, Rn: sp(n), Rd: flags ? zr(d) : sp(d) } };
  }
  return { entry: `${name}_shift`, fields: { sf, ...shiftOf(s, sf, false, c), Rm: zr(m), Rn: zr(n), Rd: zr(d) } };
}

const addSubForms = (sub: boolean, flags: boolean): Form[] => [
  form(`${flags ? 'Rd' : 'Rd|SP'}, Rn|SP, Rm{, shift|extend #amount}`, (o, c) =>
    reg(o[0]) && reg(o[1]) && reg(o[2]) && (o.length === 3 || (o.length === 4 && shiftOp(o[3]))) ? addSub(sub, flags, o[0], o[1], o[2], o[3] as Sh, c) : null,
  ),
];

const cmpForms = (neg: boolean): Form[] => [
  form('Rn|SP, Rm{, shift|extend #amount}', (o, c) =>
    reg(o[0]) && reg(o[1]) && (o.length === 2 || (o.length === 3 && shiftOp(o[2]))) ? addSub(!neg, true, ZR(o[0]), o[0], o[1], o[2] as Sh, c) : null,
  ),
];

// ------------------------------------------------------------------------------- helpers

/** A register-only form: `count` registers of one size. */
function regs(count: number, o: readonly Operand[]): Reg[] | null {
  if (o.length !== count) return null;
  for (const r of o) if (!reg(r)) return null;
  return o as Reg[];
}

function threeSame(entry: string, sfField = true): Form[] {
  return [
    form('Rd, Rn, Rm', (o) => {
      const r = regs(3, o);
      if (!r) return null;
      const sf = sameSize(...r);
      return { entry, fields: { ...(sfField ? { sf } : {}), Rm: zr(r[2]!), Rn: zr(r[1]!), Rd: zr(r[0]!) } };
    }),
  ];
}

function cond(op: Operand | undefined, allowAlNv: boolean): number {
  const name = op?.k === 'imm' ? op.name : null;
  const n = name ? condNumber(name) : -1;
  if (n < 0) bad(op!, `expected a condition (eq, ne, cs/hs, cc/lo, mi, pl, vs, vc, hi, ls, ge, lt, gt, le${allowAlNv ? ', al, nv' : ''}), found '${op!.text}'`);
  if (!allowAlNv && n >= 14) bad(op!, `'${op!.text}' cannot be used with this alias (it would be always or never)`);
  return n;
}

// ---------------------------------------------------------------------- conditional select

function condSelect(entry: string): Form[] {
  return [
    form('Rd, Rn, Rm, cond', (o) => {
      if (o.length !== 4 || !reg(o[0]) || !reg(o[1]) || !reg(o[2]) || o[3]!.k !== 'imm') return null;
      const sf = sameSize(o[0], o[1], o[2]);
      return { entry, fields: { sf, Rm: zr(o[2]), cond: cond(o[3], true), Rn: zr(o[1]), Rd: zr(o[0]) } };
    }),
  ];
}

/** cset/csetm Rd, cond: both sources ZR, the condition inverted */
function condSet(entry: string): Form[] {
  return [
    form('Rd, cond', (o) => {
      if (o.length !== 2 || !reg(o[0]) || o[1]!.k !== 'imm') return null;
      return { entry, fields: { sf: o[0].size === 64 ? 1 : 0, Rm: 31, cond: cond(o[1], false) ^ 1, Rn: 31, Rd: zr(o[0]) } };
    }),
  ];
}

/** cinc/cinv/cneg Rd, Rn, cond: Rn twice, the condition inverted */
function condSame(entry: string): Form[] {
  return [
    form('Rd, Rn, cond', (o) => {
      if (o.length !== 3 || !reg(o[0]) || !reg(o[1]) || o[2]!.k !== 'imm') return null;
      const sf = sameSize(o[0], o[1]);
      return { entry, fields: { sf, Rm: zr(o[1]), cond: cond(o[2], false) ^ 1, Rn: zr(o[1]), Rd: zr(o[0]) } };
    }),
  ];
}

function condCompare(name: 'CCMN' | 'CCMP'): Form[] {
  return [
    form('Rn, Rm|#imm5, #nzcv, cond', (o, c): Encoded | null => {
      if (o.length !== 4 || !reg(o[0]) || !isImm(o[2]) || o[3]!.k !== 'imm') return null;
      const nzcv = immIn(o[2], c, 0, 15, 'nzcv');
      const cc = cond(o[3], true);
      if (reg(o[1])) {
        const sf = sameSize(o[0], o[1]);
        return { entry: `${name}_reg`, fields: { sf, Rm: zr(o[1]), cond: cc, Rn: zr(o[0]), nzcv } };
      }
      if (!isImm(o[1])) return null;
      return { entry: `${name}_imm`, fields: { sf: o[0].size === 64 ? 1 : 0, imm5: immIn(o[1], c, 0, 31), cond: cc, Rn: zr(o[0]), nzcv } };
    }),
  ];
}

// --------------------------------------------------------------------------------- sources

function oneSource(entry: string, size: 'sf' | 32 | 64): Form[] {
  return [
    form(size === 'sf' ? 'Rd, Rn' : size === 64 ? 'Xd, Xn' : 'Wd, Wn', (o) => {
      const r = regs(2, o);
      if (!r) return null;
      const sf = sameSize(...r);
      if (size !== 'sf' && r[0]!.size !== size) return null;
      return { entry, fields: { ...(size === 'sf' ? { sf } : {}), Rn: zr(r[1]!), Rd: zr(r[0]!) } };
    }),
  ];
}

function crc(entry: string, wide: boolean): Form[] {
  return [
    form(wide ? 'Wd, Wn, Xm' : 'Wd, Wn, Wm', (o) => {
      const r = regs(3, o);
      if (!r) return null;
      for (const [i, want] of [[0, 32], [1, 32], [2, wide ? 64 : 32]] as const) {
        if (r[i]!.size !== want) bad(r[i]!, `expected a ${want === 64 ? 'x' : 'w'} register, found '${r[i]!.text}'`);
      }
      return { entry, fields: { Rm: zr(r[2]!), Rn: zr(r[1]!), Rd: zr(r[0]!) } };
    }),
  ];
}

/** madd/msub Rd, Rn, Rm, Ra and the long forms (Xd, Wn, Wm, Xa); `alias` has Ra = ZR */
function mulAdd(entry: string, long: boolean, alias: boolean): Form[] {
  return [
    form(long ? (alias ? 'Xd, Wn, Wm' : 'Xd, Wn, Wm, Xa') : alias ? 'Rd, Rn, Rm' : 'Rd, Rn, Rm, Ra', (o): Encoded | null => {
      const r = regs(alias ? 3 : 4, o);
      if (!r) return null;
      if (long) {
        if (r[0]!.size !== 64) bad(r[0]!, `expected an x register, found '${r[0]!.text}'`);
        for (const i of [1, 2]) if (r[i]!.size !== 32) bad(r[i]!, `expected a w register, found '${r[i]!.text}'`);
        if (!alias && r[3]!.size !== 64) bad(r[3]!, `expected an x register, found '${r[3]!.text}'`);
        return { entry, fields: { Rm: zr(r[2]!), Ra: alias ? 31 : zr(r[3]!), Rn: zr(r[1]!), Rd: zr(r[0]!) } };
      }
      const sf = sameSize(...r);
      return { entry, fields: { sf, Rm: zr(r[2]!), Ra: alias ? 31 : zr(r[3]!), Rn: zr(r[1]!), Rd: zr(r[0]!) } };
    }),
  ];
}

function x64(o: Operand | undefined): o is Reg {
  if (!reg(o)) return false;
  if (o.size !== 64) bad(o, `expected an x register, found '${o.text}'`);
  return true;
}

const PAUTH = ['pacia', 'pacib', 'pacda', 'pacdb', 'autia', 'autib', 'autda', 'autdb'];
const pauthForms: FormTable = {};
PAUTH.forEach((name, i) => {
  pauthForms[name] = [form('Xd, Xn|SP', (o) => (o.length === 2 && x64(o[0]) && x64(o[1]) ? { entry: 'PAUTH_1src', fields: { opcode: i, Rn: sp(o[1]), Rd: zr(o[0]) } } : null))];
  const z = name.replace(/^(pac|aut)(.)/, '$1$2z');
  pauthForms[z] = [form('Xd', (o) => (o.length === 1 && x64(o[0]) ? { entry: 'PAUTH_1src', fields: { opcode: 8 + i, Rn: 31, Rd: zr(o[0]) } } : null))];
});
pauthForms.xpaci = [form('Xd', (o) => (o.length === 1 && x64(o[0]) ? { entry: 'PAUTH_1src', fields: { opcode: 16, Rn: 31, Rd: zr(o[0]) } } : null))];
pauthForms.xpacd = [form('Xd', (o) => (o.length === 1 && x64(o[0]) ? { entry: 'PAUTH_1src', fields: { opcode: 17, Rn: 31, Rd: zr(o[0]) } } : null))];

/** subp/subps/gmi/irg/pacga: x registers, some may be SP */
function mte(entry: string, spOk: [boolean, boolean, boolean], optionalM = false): Form[] {
  return [
    form(['Xd', 'Xn', 'Xm'].map((r, i) => (spOk[i] ? `${r}|SP` : r)).join(', '), (o) => {
      if (!(o.length === 3 || (optionalM && o.length === 2)) || !o.every((r) => x64(r))) return null;
      const r = o as Reg[];
      const pick = (i: number) => (r[i] ? (spOk[i] ? sp(r[i]!) : zr(r[i]!)) : 31);
      return { entry, fields: { Rd: pick(0), Rn: pick(1), Rm: pick(2) } };
    }),
  ];
}

export const dpRegForms: FormTable = {
  and: logicalForms(0),
  bic: logicalForms(1),
  orr: logicalForms(2),
  orn: logicalForms(3),
  eor: logicalForms(4),
  eon: logicalForms(5),
  ands: logicalForms(6),
  bics: logicalForms(7),
  mov: [form('Rd, Rm', (o, c) => (o.length === 2 && reg(o[0]) && reg(o[1]) ? logical(2, o[0], ZR(o[0]), o[1], undefined, c) : null))],
  mvn: [form('Rd, Rm{, shift #amount}', (o, c) => (reg(o[0]) && reg(o[1]) && (o.length === 2 || (o.length === 3 && shiftOp(o[2]))) ? logical(3, o[0], ZR(o[0]), o[1], o[2] as Sh, c) : null))],
  tst: [form('Rn, Rm{, shift #amount}', (o, c) => (reg(o[0]) && reg(o[1]) && (o.length === 2 || (o.length === 3 && shiftOp(o[2]))) ? logical(6, ZR(o[0]), o[0], o[1], o[2] as Sh, c) : null))],
  add: addSubForms(false, false),
  adds: addSubForms(false, true),
  sub: addSubForms(true, false),
  subs: addSubForms(true, true),
  cmp: cmpForms(false),
  cmn: cmpForms(true),
  neg: [form('Rd, Rm{, shift #amount}', (o, c) => (reg(o[0]) && reg(o[1]) && (o.length === 2 || (o.length === 3 && shiftOp(o[2]))) ? negate(false, o[0], o[1], o[2] as Sh, c) : null))],
  negs: [form('Rd, Rm{, shift #amount}', (o, c) => (reg(o[0]) && reg(o[1]) && (o.length === 2 || (o.length === 3 && shiftOp(o[2]))) ? negate(true, o[0], o[1], o[2] as Sh, c) : null))],
  adc: threeSame('ADC'),
  adcs: threeSame('ADCS'),
  sbc: threeSame('SBC'),
  sbcs: threeSame('SBCS'),
  ngc: [form('Rd, Rm', (o) => (regs(2, o) ? withZrN('SBC', o as Reg[]) : null))],
  ngcs: [form('Rd, Rm', (o) => (regs(2, o) ? withZrN('SBCS', o as Reg[]) : null))],
  rmif: [
    form('Xn, #shift, #mask', (o, c) =>
      o.length === 3 && x64(o[0]) && isImm(o[1]) && isImm(o[2]) ? { entry: 'RMIF', fields: { imm6: immIn(o[1], c, 0, 63, 'shift'), Rn: zr(o[0]), mask: immIn(o[2], c, 0, 15, 'mask') } } : null,
    ),
  ],
  setf8: oneW('SETF8'),
  setf16: oneW('SETF16'),
  ccmn: condCompare('CCMN'),
  ccmp: condCompare('CCMP'),
  csel: condSelect('CSEL'),
  csinc: condSelect('CSINC'),
  csinv: condSelect('CSINV'),
  csneg: condSelect('CSNEG'),
  cset: condSet('CSINC'),
  csetm: condSet('CSINV'),
  cinc: condSame('CSINC'),
  cinv: condSame('CSINV'),
  cneg: condSame('CSNEG'),
  udiv: threeSame('UDIV'),
  sdiv: threeSame('SDIV'),
  lslv: threeSame('LSLV'),
  lsrv: threeSame('LSRV'),
  asrv: threeSame('ASRV'),
  rorv: threeSame('RORV'),
  lsl: threeSame('LSLV'),
  lsr: threeSame('LSRV'),
  asr: threeSame('ASRV'),
  ror: threeSame('RORV'),
  crc32b: crc('CRC32B', false),
  crc32h: crc('CRC32H', false),
  crc32w: crc('CRC32W', false),
  crc32x: crc('CRC32X', true),
  crc32cb: crc('CRC32CB', false),
  crc32ch: crc('CRC32CH', false),
  crc32cw: crc('CRC32CW', false),
  crc32cx: crc('CRC32CX', true),
  subp: mte('SUBP', [false, true, true]),
  subps: mte('SUBPS', [false, true, true]),
  cmpp: [form('Xn|SP, Xm|SP', (o) => (o.length === 2 && x64(o[0]) && x64(o[1]) ? { entry: 'SUBPS', fields: { Rd: 31, Rn: sp(o[0]), Rm: sp(o[1]) } } : null))],
  irg: mte('IRG', [true, true, false], true),
  gmi: mte('GMI', [false, true, false]),
  pacga: mte('PACGA', [false, false, true]),
  smax: threeSame('SMAX_reg'),
  umax: threeSame('UMAX_reg'),
  smin: threeSame('SMIN_reg'),
  umin: threeSame('UMIN_reg'),
  ctz: oneSource('CTZ', 'sf'),
  cnt: oneSource('CNT', 'sf'),
  abs: oneSource('ABS', 'sf'),
  rbit: oneSource('RBIT', 'sf'),
  rev16: oneSource('REV16', 'sf'),
  rev: [...oneSource('REV_w', 32), ...oneSource('REV_x', 64)],
  rev32: oneSource('REV32', 64),
  rev64: oneSource('REV_x', 64),
  clz: oneSource('CLZ', 'sf'),
  cls: oneSource('CLS', 'sf'),
  madd: mulAdd('MADD', false, false),
  msub: mulAdd('MSUB', false, false),
  mul: mulAdd('MADD', false, true),
  mneg: mulAdd('MSUB', false, true),
  smaddl: mulAdd('SMADDL', true, false),
  smsubl: mulAdd('SMSUBL', true, false),
  umaddl: mulAdd('UMADDL', true, false),
  umsubl: mulAdd('UMSUBL', true, false),
  smull: mulAdd('SMADDL', true, true),
  smnegl: mulAdd('SMSUBL', true, true),
  umull: mulAdd('UMADDL', true, true),
  umnegl: mulAdd('UMSUBL', true, true),
  smulh: xThree('SMULH'),
  umulh: xThree('UMULH'),
  ...pauthForms,
};

function negate(flags: boolean, d: Reg, m: Reg, s: Sh | undefined, c: EncodeCtx): Encoded {
  const sf = sameSize(d, m);
  return { entry: flags ? 'SUBS_shift' : 'SUB_shift', fields: { sf, ...shiftOf(s, sf, false, c), Rm: zr(m), Rn: 31, Rd: zr(d) } };
}

function withZrN(entry: string, r: Reg[]): Encoded {
  const sf = sameSize(...r);
  return { entry, fields: { sf, Rm: zr(r[1]!), Rn: 31, Rd: zr(r[0]!) } };
}

function oneW(entry: string): Form[] {
  return [
    form('Wn', (o) => {
      if (o.length !== 1 || !reg(o[0])) return null;
      if (o[0].size !== 32) bad(o[0], `expected a w register, found '${o[0].text}'`);
      return { entry, fields: { Rn: zr(o[0]) } };
    }),
  ];
}

function xThree(entry: string): Form[] {
  return [form('Xd, Xn, Xm', (o) => (o.length === 3 && x64(o[0]) && x64(o[1]) && x64(o[2]) ? { entry, fields: { Rm: zr(o[2]), Rn: zr(o[1]), Rd: zr(o[0]) } } : null))];
}
