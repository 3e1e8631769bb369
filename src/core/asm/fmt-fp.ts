/**
 * Scalar floating point: conversions (fixed point, integer, FMOV to and from general registers),
 * 1-, 2- and 3-source arithmetic, compares, conditional compare and select, and FMOV immediates
 * printed as objdump prints them (`#1.000000000000000000e+00`).
 */
import { vfpExpandImm } from '../cpu/arm/fp.js';
import { cond, condComment, type Fields, type Formatter, type Formatters, ins, type Insn, r } from './format.js';

/** The scalar register letter of ftype (00 s, 01 d, 11 h), or null for 10 */
export const ftypeReg = (ftype: number): string | null => ['s', 'd', null, 'h'][ftype] ?? null;

/** An FP immediate as objdump prints it: C's `%.18e` of the value */
export function fpImmText(imm8: number): string {
  return cExponent(vfpExpandImm(imm8), 18);
}

/** C printf's `%.{digits}e` (two-digit exponent at least) */
export function cExponent(v: number, digits: number): string {
  const s = v.toExponential(digits);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

function withCond(i: Insn, c: number): Insn {
  const comment = condComment(c);
  if (comment !== undefined) i.comment = comment;
  return i;
}

/** SCVTF/UCVTF (to FP) and FCVTZS/FCVTZU (to integer) with #fbits */
function fixed(name: string, toFp: boolean): Formatter {
  return (f) => {
    const t = ftypeReg(f.ftype);
    if (!t || (!f.sf && f.scale < 32)) return null;
    const fp = `${t}${toFp ? f.Rd : f.Rn}`;
    const gpr = r(f.sf, toFp ? f.Rn : f.Rd);
    const fbits = `#${64 - f.scale}`;
    return toFp ? ins(name, fp, gpr, fbits) : ins(name, gpr, fp, fbits);
  };
}

/** FCVT*S/U (FP to integer) and SCVTF/UCVTF (integer to FP) */
function intConv(name: string, toFp: boolean): Formatter {
  return (f) => {
    const t = ftypeReg(f.ftype);
    if (!t) return null;
    return toFp ? ins(name, `${t}${f.Rd}`, r(f.sf, f.Rn)) : ins(name, r(f.sf, f.Rd), `${t}${f.Rn}`);
  };
}

const fmovGen: Formatter = (f) => {
  const { sf, ftype, rmode, toFp, Rn, Rd } = f;
  let fp: string;
  if (rmode === 0 && ftype !== 2 && (ftype === 3 || sf === ftype)) fp = `${ftypeReg(ftype)}${toFp ? Rd : Rn}`;
  else if (rmode === 1 && sf === 1 && ftype === 2) fp = `v${toFp ? Rd : Rn}.d[1]`;
  else return null;
  return toFp ? ins('fmov', fp, r(sf, Rn)) : ins('fmov', r(sf, Rd), fp);
};

function oneSource(name: string): Formatter {
  return (f) => {
    const t = ftypeReg(f.ftype);
    return t ? ins(name, `${t}${f.Rd}`, `${t}${f.Rn}`) : null;
  };
}

/** FRINT32Z etc.: one ftype bit (single or double) */
function oneSourceSd(name: string): Formatter {
  return (f) => {
    const t = f.ftype ? 'd' : 's';
    return ins(name, `${t}${f.Rd}`, `${t}${f.Rn}`);
  };
}

const fcvt: Formatter = (f) => {
  if (f.ftype === 1 && f.opc === 2) return ins('bfcvt', `h${f.Rd}`, `s${f.Rn}`); // FEAT_BF16 (not run by a64play)
  const from = ftypeReg(f.ftype);
  const to = ftypeReg(f.opc);
  if (!from || !to || f.ftype === f.opc) return null;
  return ins('fcvt', `${to}${f.Rd}`, `${from}${f.Rn}`);
};

function compare(name: string): Formatter {
  return (f) => {
    const t = ftypeReg(f.ftype);
    if (!t) return null;
    return ins(name, `${t}${f.Rn}`, f.z ? '#0.0' : `${t}${f.Rm}`);
  };
}

function condCompare(name: string): Formatter {
  return (f) => {
    const t = ftypeReg(f.ftype);
    if (!t) return null;
    return withCond(ins(name, `${t}${f.Rn}`, `${t}${f.Rm}`, `#0x${f.nzcv.toString(16)}`, cond(f.cond)), f.cond);
  };
}

function twoSource(name: string): Formatter {
  return (f) => {
    const t = ftypeReg(f.ftype);
    return t ? ins(name, `${t}${f.Rd}`, `${t}${f.Rn}`, `${t}${f.Rm}`) : null;
  };
}

function threeSource(name: string): Formatter {
  return (f) => {
    const t = ftypeReg(f.ftype);
    return t ? ins(name, `${t}${f.Rd}`, `${t}${f.Rn}`, `${t}${f.Rm}`, `${t}${f.Ra}`) : null;
  };
}

const fcsel: Formatter = (f: Fields) => {
  const t = ftypeReg(f.ftype);
  if (!t) return null;
  return withCond(ins('fcsel', `${t}${f.Rd}`, `${t}${f.Rn}`, `${t}${f.Rm}`, cond(f.cond)), f.cond);
};

const fmovImm: Formatter = (f) => {
  const t = ftypeReg(f.ftype);
  return t ? ins('fmov', `${t}${f.Rd}`, `#${fpImmText(f.imm8)}`) : null;
};

export const fpFormatters: Formatters = {
  SCVTF_float_fix: fixed('scvtf', true),
  UCVTF_float_fix: fixed('ucvtf', true),
  FCVTZS_float_fix: fixed('fcvtzs', false),
  FCVTZU_float_fix: fixed('fcvtzu', false),
  FCVTNS_float: intConv('fcvtns', false),
  FCVTNU_float: intConv('fcvtnu', false),
  SCVTF_float_int: intConv('scvtf', true),
  UCVTF_float_int: intConv('ucvtf', true),
  FCVTAS_float: intConv('fcvtas', false),
  FCVTAU_float: intConv('fcvtau', false),
  FMOV_float_gen: fmovGen,
  FCVTPS_float: intConv('fcvtps', false),
  FCVTPU_float: intConv('fcvtpu', false),
  FCVTMS_float: intConv('fcvtms', false),
  FCVTMU_float: intConv('fcvtmu', false),
  FCVTZS_float_int: intConv('fcvtzs', false),
  FCVTZU_float_int: intConv('fcvtzu', false),
  FJCVTZS: (f) => ins('fjcvtzs', r(0, f.Rd), `d${f.Rn}`),
  FMOV_float: oneSource('fmov'),
  FABS_float: oneSource('fabs'),
  FNEG_float: oneSource('fneg'),
  FSQRT_float: oneSource('fsqrt'),
  FCVT_float: fcvt,
  FRINTN_float: oneSource('frintn'),
  FRINTP_float: oneSource('frintp'),
  FRINTM_float: oneSource('frintm'),
  FRINTZ_float: oneSource('frintz'),
  FRINTA_float: oneSource('frinta'),
  FRINTX_float: oneSource('frintx'),
  FRINTI_float: oneSource('frinti'),
  FRINT32Z_float: oneSourceSd('frint32z'),
  FRINT32X_float: oneSourceSd('frint32x'),
  FRINT64Z_float: oneSourceSd('frint64z'),
  FRINT64X_float: oneSourceSd('frint64x'),
  FCMP_float: compare('fcmp'),
  FCMPE_float: compare('fcmpe'),
  FMOV_float_imm: fmovImm,
  FCCMP_float: condCompare('fccmp'),
  FCCMPE_float: condCompare('fccmpe'),
  FMUL_float: twoSource('fmul'),
  FDIV_float: twoSource('fdiv'),
  FADD_float: twoSource('fadd'),
  FSUB_float: twoSource('fsub'),
  FMAX_float: twoSource('fmax'),
  FMIN_float: twoSource('fmin'),
  FMAXNM_float: twoSource('fmaxnm'),
  FMINNM_float: twoSource('fminnm'),
  FNMUL_float: twoSource('fnmul'),
  FCSEL_float: fcsel,
  FMADD_float: threeSource('fmadd'),
  FMSUB_float: threeSource('fmsub'),
  FNMADD_float: threeSource('fnmadd'),
  FNMSUB_float: threeSource('fnmsub'),
};
