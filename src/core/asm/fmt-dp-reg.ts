/**
 * Data processing — register: logical and add/subtract (shifted and extended register), with
 * carry, flag manipulation, conditional compare and select, 1- and 2-source, multiply; with
 * objdump's aliases (mov, mvn, tst, neg(s), cmp, cmn, ngc(s), cset(m), cinc, cinv, cneg,
 * lsl/lsr/asr/ror, mul, mneg, smull, umull, smnegl, umnegl).
 */
import { cond, condComment, EXTEND, type Fields, type Formatter, type Formatters, ins, type Insn, r, rsp, shiftSuffix, w, x, xsp } from './format.js';

function withComment(i: Insn, comment: string | undefined): Insn {
  if (comment !== undefined) i.comment = comment;
  return i;
}

/** AND, BIC, ORR, ORN, EOR, EON, ANDS, BICS (shifted register): opc:N as 0..7 */
function logicalShift(op: number): Formatter {
  return (f) => {
    const { sf, shift, Rm, imm6, Rn, Rd } = f;
    if (!sf && imm6 >= 32) return null;
    const sh = shiftSuffix(shift, imm6);
    const m = r(sf, Rm) + sh;
    if (op === 2 && Rn === 31 && sh === '') return ins('mov', r(sf, Rd), r(sf, Rm));
    if (op === 3 && Rn === 31) return ins('mvn', r(sf, Rd), m);
    if (op === 6 && Rd === 31) return ins('tst', r(sf, Rn), m);
    const name = ['and', 'bic', 'orr', 'orn', 'eor', 'eon', 'ands', 'bics'][op]!;
    return ins(name, r(sf, Rd), r(sf, Rn), m);
  };
}

/** ADD, ADDS, SUB, SUBS (shifted register) */
function addSubShift(sub: boolean, flags: boolean): Formatter {
  return (f) => {
    const { sf, shift, Rm, imm6, Rn, Rd } = f;
    if (shift === 3 || (!sf && imm6 >= 32)) return null;
    const m = r(sf, Rm) + shiftSuffix(shift, imm6);
    if (flags && Rd === 31) return ins(sub ? 'cmp' : 'cmn', r(sf, Rn), m);
    if (sub && Rn === 31) return ins(flags ? 'negs' : 'neg', r(sf, Rd), m);
    return ins((sub ? 'sub' : 'add') + (flags ? 's' : ''), r(sf, Rd), r(sf, Rn), m);
  };
}

/** ADD, ADDS, SUB, SUBS (extended register) */
function addSubExt(sub: boolean, flags: boolean): Formatter {
  return (f) => {
    const { sf, Rm, option, imm3, Rn, Rd } = f;
    if (imm3 > 4) return null;
    const m = sf && (option & 3) === 3 ? x(Rm) : w(Rm);
    const spForm = (Rn === 31 || (!flags && Rd === 31)) && option === (sf ? 3 : 2);
    const ext = spForm ? (imm3 ? `, lsl #${imm3}` : '') : `, ${EXTEND[option]}${imm3 ? ` #${imm3}` : ''}`;
    if (flags && Rd === 31) return ins(sub ? 'cmp' : 'cmn', rsp(sf, Rn), m + ext);
    return ins((sub ? 'sub' : 'add') + (flags ? 's' : ''), flags ? r(sf, Rd) : rsp(sf, Rd), rsp(sf, Rn), m + ext);
  };
}

function adcSbc(name: string, alias?: string): Formatter {
  return (f) => {
    const { sf, Rm, Rn, Rd } = f;
    if (alias && Rn === 31) return ins(alias, r(sf, Rd), r(sf, Rm));
    return ins(name, r(sf, Rd), r(sf, Rn), r(sf, Rm));
  };
}

function condCompare(name: string, imm: boolean): Formatter {
  return (f) => {
    const { sf, Rn, nzcv } = f;
    const second = imm ? `#0x${f.imm5!.toString(16)}` : r(sf, f.Rm!);
    return withComment(ins(name, r(sf, Rn), second, `#0x${nzcv.toString(16)}`, cond(f.cond!)), condComment(f.cond!));
  };
}

/** CSEL, CSINC, CSINV, CSNEG with their aliases (cset, csetm, cinc, cinv, cneg) */
function condSelect(name: string, both31?: string, same?: string): Formatter {
  return (f) => {
    const { sf, Rm, Rn, Rd } = f;
    const c = f.cond!;
    if (c < 14 && same) {
      const inv = c ^ 1;
      if (both31 && Rn === 31 && Rm === 31) return withComment(ins(both31, r(sf, Rd), cond(inv)), condComment(inv));
      if (Rn === Rm && (Rn !== 31 || !both31)) return withComment(ins(same, r(sf, Rd), r(sf, Rn), cond(inv)), condComment(inv));
    }
    return withComment(ins(name, r(sf, Rd), r(sf, Rn), r(sf, Rm), cond(c)), condComment(c));
  };
}

const twoSource = (name: string): Formatter => (f) => ins(name, r(f.sf, f.Rd), r(f.sf, f.Rn), r(f.sf, f.Rm));
const crc = (name: string, wide: boolean): Formatter => (f) => ins(name, w(f.Rd), w(f.Rn), wide ? x(f.Rm) : w(f.Rm));
const oneSource = (name: string): Formatter => (f) => ins(name, r(f.sf, f.Rd), r(f.sf, f.Rn));
const oneSourceFixed = (name: string, sf: number): Formatter => (f) => ins(name, r(sf, f.Rd), r(sf, f.Rn));

/** MADD/MSUB (sf), SMADDL/…: the Ra = ZR alias, the source width */
function mulAdd(name: string, alias: string, longForm: boolean): Formatter {
  return (f: Fields) => {
    const { Rm, Ra, Rn, Rd } = f;
    const sf = longForm ? 1 : f.sf;
    const src = (n: number) => (longForm ? w(n) : r(sf, n));
    if (Ra === 31) return ins(alias, r(sf, Rd), src(Rn), src(Rm));
    return ins(name, r(sf, Rd), src(Rn), src(Rm), r(sf, Ra));
  };
}

/** PACIA … AUTDB (Xd, Xn|SP), PACIZA … AUTDZB (Xd, Rn = 31), XPACI/XPACD (Rn = 31) */
const PAUTH = ['pacia', 'pacib', 'pacda', 'pacdb', 'autia', 'autib', 'autda', 'autdb'];
const pauth1: Formatter = (f) => {
  const { opcode, Rn, Rd } = f;
  if (opcode < 8) return ins(PAUTH[opcode]!, x(Rd), xsp(Rn));
  if (opcode < 16) return Rn === 31 ? ins(PAUTH[opcode - 8]!.replace(/^(pac|aut)(.)/, '$1$2z'), x(Rd)) : null;
  if (opcode === 16 || opcode === 17) return Rn === 31 ? ins(opcode === 16 ? 'xpaci' : 'xpacd', x(Rd)) : null;
  return null;
};

export const dpRegFormatters: Formatters = {
  AND_shift: logicalShift(0),
  BIC_shift: logicalShift(1),
  ORR_shift: logicalShift(2),
  ORN_shift: logicalShift(3),
  EOR_shift: logicalShift(4),
  EON_shift: logicalShift(5),
  ANDS_shift: logicalShift(6),
  BICS_shift: logicalShift(7),
  ADD_shift: addSubShift(false, false),
  ADDS_shift: addSubShift(false, true),
  SUB_shift: addSubShift(true, false),
  SUBS_shift: addSubShift(true, true),
  ADD_ext: addSubExt(false, false),
  ADDS_ext: addSubExt(false, true),
  SUB_ext: addSubExt(true, false),
  SUBS_ext: addSubExt(true, true),
  ADC: adcSbc('adc'),
  ADCS: adcSbc('adcs'),
  SBC: adcSbc('sbc', 'ngc'),
  SBCS: adcSbc('sbcs', 'ngcs'),
  RMIF: (f) => ins('rmif', x(f.Rn), `#${f.imm6}`, `#${f.mask}`),
  SETF8: (f) => ins('setf8', w(f.Rn)),
  SETF16: (f) => ins('setf16', w(f.Rn)),
  CCMN_reg: condCompare('ccmn', false),
  CCMP_reg: condCompare('ccmp', false),
  CCMN_imm: condCompare('ccmn', true),
  CCMP_imm: condCompare('ccmp', true),
  CSEL: condSelect('csel'),
  CSINC: condSelect('csinc', 'cset', 'cinc'),
  CSINV: condSelect('csinv', 'csetm', 'cinv'),
  CSNEG: condSelect('csneg', undefined, 'cneg'),
  UDIV: twoSource('udiv'),
  SDIV: twoSource('sdiv'),
  LSLV: twoSource('lsl'),
  LSRV: twoSource('lsr'),
  ASRV: twoSource('asr'),
  RORV: twoSource('ror'),
  CRC32B: crc('crc32b', false),
  CRC32H: crc('crc32h', false),
  CRC32W: crc('crc32w', false),
  CRC32X: crc('crc32x', true),
  CRC32CB: crc('crc32cb', false),
  CRC32CH: crc('crc32ch', false),
  CRC32CW: crc('crc32cw', false),
  CRC32CX: crc('crc32cx', true),
  // FEAT_MTE, FEAT_PAuth, FEAT_CSSC: not run by a64play (table 'todo'), disassembled all the same
  SUBP: (f) => ins('subp', x(f.Rd), xsp(f.Rn), xsp(f.Rm)),
  SUBPS: (f) => (f.Rd === 31 ? ins('cmpp', xsp(f.Rn), xsp(f.Rm)) : ins('subps', x(f.Rd), xsp(f.Rn), xsp(f.Rm))),
  IRG: (f) => (f.Rm === 31 ? ins('irg', xsp(f.Rd), xsp(f.Rn)) : ins('irg', xsp(f.Rd), xsp(f.Rn), x(f.Rm))),
  GMI: (f) => ins('gmi', x(f.Rd), xsp(f.Rn), x(f.Rm)),
  PACGA: (f) => ins('pacga', x(f.Rd), x(f.Rn), xsp(f.Rm)),
  SMAX_reg: twoSource('smax'),
  UMAX_reg: twoSource('umax'),
  SMIN_reg: twoSource('smin'),
  UMIN_reg: twoSource('umin'),
  CTZ: oneSource('ctz'),
  CNT: oneSource('cnt'),
  ABS: oneSource('abs'),
  PAUTH_1src: pauth1,
  RBIT: oneSource('rbit'),
  REV16: oneSource('rev16'),
  REV_w: oneSourceFixed('rev', 0),
  REV32: oneSourceFixed('rev32', 1),
  REV_x: oneSourceFixed('rev', 1),
  CLZ: oneSource('clz'),
  CLS: oneSource('cls'),
  MADD: mulAdd('madd', 'mul', false),
  MSUB: mulAdd('msub', 'mneg', false),
  SMADDL: mulAdd('smaddl', 'smull', true),
  SMSUBL: mulAdd('smsubl', 'smnegl', true),
  UMADDL: mulAdd('umaddl', 'umull', true),
  UMSUBL: mulAdd('umsubl', 'umnegl', true),
  SMULH: (f) => ins('smulh', x(f.Rd), x(f.Rn), x(f.Rm)),
  UMULH: (f) => ins('umulh', x(f.Rd), x(f.Rn), x(f.Rm)),
};
