/**
 * Data processing — immediate: PC-relative addresses, add/subtract, logical, move wide, bitfield
 * and extract, with objdump's preferred aliases (mov, cmp, cmn, tst, lsl/lsr/asr, ubfx/sbfx,
 * bfi/bfxil/bfc, sxtb/sxth/sxtw/uxtb/uxth, ror).
 */
import { decodeBitMasks } from '../cpu/arm/bits.js';
import {
  decHalves,
  type Fields,
  type Formatters,
  hexHalves,
  ins,
  type Insn,
  r,
  rsp,
  sext,
  target,
  w,
} from './format.js';

/** `mov Rd, #imm` with objdump's decimal comment; the value as 64-bit halves (32-bit: hi = sign). */
function movImm(rd: string, lo: number, hi: number, is64: boolean): Insn {
  if (!is64) hi = lo >> 31; // the comment reads a W value as signed 32-bit
  const shown = is64 ? hexHalves(lo, hi) : (lo >>> 0).toString(16);
  return { mnemonic: 'mov', operands: `${rd}, #0x${shown}`, comment: `#${decHalves(lo, hi)}` };
}

/** True when a MOVZ or MOVN can make the value (then objdump keeps ORR's own name). */
function wideConstant(lo: number, hi: number, is64: boolean): boolean {
  const chunks = (l: number, h: number) => {
    const cs = is64 ? [l & 0xffff, l >>> 16, h & 0xffff, h >>> 16] : [l & 0xffff, (l >>> 16) & 0xffff];
    return cs.filter((c) => c !== 0).length <= 1;
  };
  return chunks(lo, hi) || chunks(~lo, ~hi);
}

function addSubImm(f: Fields, sub: boolean, flags: boolean): Insn {
  const { sf, sh, imm12, Rn, Rd } = f;
  const imm = `#0x${imm12.toString(16)}${sh ? ', lsl #12' : ''}`;
  if (!sub && !flags && sh === 0 && imm12 === 0 && (Rd === 31 || Rn === 31)) return ins('mov', rsp(sf, Rd), rsp(sf, Rn));
  if (flags && Rd === 31) return ins(sub ? 'cmp' : 'cmn', rsp(sf, Rn), imm);
  const m = (sub ? 'sub' : 'add') + (flags ? 's' : '');
  return ins(m, flags ? r(sf, Rd) : rsp(sf, Rd), rsp(sf, Rn), imm);
}

function logicalImm(f: Fields, opc: number): Insn | null {
  const { sf, N, immr, imms, Rn, Rd } = f;
  const m = decodeBitMasks(N, imms, immr, sf === 1);
  if (!m) return null;
  const [lo, hi] = m;
  const imm = `#0x${sf ? hexHalves(lo, hi) : (lo >>> 0).toString(16)}`;
  if (opc === 1 && Rn === 31 && (Rd === 31 || !wideConstant(lo, hi, sf === 1))) return movImm(rsp(sf, Rd), lo, hi, sf === 1);
  if (opc === 3 && Rd === 31) return ins('tst', r(sf, Rn), imm);
  const name = ['and', 'orr', 'eor', 'ands'][opc]!;
  return ins(name, opc === 3 ? r(sf, Rd) : rsp(sf, Rd), r(sf, Rn), imm);
}

function moveWide(f: Fields, opc: 'movn' | 'movz' | 'movk'): Insn | null {
  const { sf, hw, imm16, Rd } = f;
  if (!sf && hw > 1) return null;
  const raw = ins(opc, r(sf, Rd), `#0x${imm16.toString(16)}${hw ? `, lsl #${16 * hw}` : ''}`);
  if (opc === 'movk' || (imm16 === 0 && hw !== 0)) return raw;
  // the value imm16 << 16*hw as halves
  let lo = hw === 0 ? imm16 : hw === 1 ? imm16 << 16 : 0;
  let hi = hw === 2 ? imm16 : hw === 3 ? imm16 << 16 : 0;
  if (opc === 'movn') {
    if (!sf && imm16 === 0xffff) return raw;
    lo = ~lo;
    hi = sf ? ~hi : 0;
  }
  return movImm(r(sf, Rd), lo | 0, hi | 0, sf === 1);
}

/** BFXPreferred (Arm ARM shared pseudocode): ubfx/sbfx rather than the other aliases. */
function bfxPreferred(sf: number, uns: boolean, imms: number, immr: number): boolean {
  if (imms < immr) return false;
  if (imms === (sf ? 63 : 31)) return false;
  if (immr === 0) {
    if (!sf && (imms === 7 || imms === 15)) return false;
    if (sf && !uns && (imms === 7 || imms === 15 || imms === 31)) return false;
  }
  return true;
}

function bitfieldValid(f: Fields): boolean {
  if (f.sf !== f.N) return false;
  return f.sf === 1 || (f.immr < 32 && f.imms < 32);
}

function sbfm(f: Fields): Insn | null {
  if (!bitfieldValid(f)) return null;
  const { sf, immr, imms, Rn, Rd } = f;
  const size = sf ? 64 : 32;
  const d = r(sf, Rd);
  const n = r(sf, Rn);
  if (imms === size - 1) return ins('asr', d, n, `#${immr}`);
  if (imms < immr) return ins('sbfiz', d, n, `#${(size - immr) & (size - 1)}`, `#${imms + 1}`);
  if (bfxPreferred(sf, false, imms, immr)) return ins('sbfx', d, n, `#${immr}`, `#${imms - immr + 1}`);
  if (immr === 0 && imms === 7) return ins('sxtb', d, w(Rn));
  if (immr === 0 && imms === 15) return ins('sxth', d, w(Rn));
  if (immr === 0 && imms === 31) return ins('sxtw', d, w(Rn));
  return ins('sbfm', d, n, `#${immr}`, `#${imms}`);
}

function ubfm(f: Fields): Insn | null {
  if (!bitfieldValid(f)) return null;
  const { sf, immr, imms, Rn, Rd } = f;
  const size = sf ? 64 : 32;
  const d = r(sf, Rd);
  const n = r(sf, Rn);
  if (imms !== size - 1 && imms + 1 === immr) return ins('lsl', d, n, `#${size - 1 - imms}`);
  if (imms === size - 1) return ins('lsr', d, n, `#${immr}`);
  if (imms < immr) return ins('ubfiz', d, n, `#${(size - immr) & (size - 1)}`, `#${imms + 1}`);
  if (bfxPreferred(sf, true, imms, immr)) return ins('ubfx', d, n, `#${immr}`, `#${imms - immr + 1}`);
  if (!sf && immr === 0 && imms === 7) return ins('uxtb', d, w(Rn));
  if (!sf && immr === 0 && imms === 15) return ins('uxth', d, w(Rn));
  return ins('ubfm', d, n, `#${immr}`, `#${imms}`);
}

function bfm(f: Fields): Insn | null {
  if (!bitfieldValid(f)) return null;
  const { sf, immr, imms, Rn, Rd } = f;
  const size = sf ? 64 : 32;
  const d = r(sf, Rd);
  if (imms < immr) {
    const lsb = `#${(size - immr) & (size - 1)}`;
    if (Rn === 31) return ins('bfc', d, lsb, `#${imms + 1}`);
    return ins('bfi', d, r(sf, Rn), lsb, `#${imms + 1}`);
  }
  return ins('bfxil', d, r(sf, Rn), `#${immr}`, `#${imms - immr + 1}`);
}

export const dpImmFormatters: Formatters = {
  ADR: (f, c) => {
    const t = target(c.addr, sext((f.immhi << 2) | f.immlo, 21));
    return { ...ins('adr', r(1, f.Rd), t.text), target: t.target };
  },
  ADRP: (f, c) => {
    const page = c.addr - (c.addr % 4096);
    const t = target(page, sext((f.immhi << 2) | f.immlo, 21) * 4096);
    return { ...ins('adrp', r(1, f.Rd), t.text), target: t.target };
  },
  ADD_imm: (f) => addSubImm(f, false, false),
  ADDS_imm: (f) => addSubImm(f, false, true),
  SUB_imm: (f) => addSubImm(f, true, false),
  SUBS_imm: (f) => addSubImm(f, true, true),
  AND_imm: (f) => logicalImm(f, 0),
  ORR_imm: (f) => logicalImm(f, 1),
  EOR_imm: (f) => logicalImm(f, 2),
  ANDS_imm: (f) => logicalImm(f, 3),
  MOVN: (f) => moveWide(f, 'movn'),
  MOVZ: (f) => moveWide(f, 'movz'),
  MOVK: (f) => moveWide(f, 'movk'),
  SBFM: sbfm,
  BFM: bfm,
  UBFM: ubfm,
  EXTR: (f) => {
    const { sf, N, Rm, imms, Rn, Rd } = f;
    if (sf !== N || (!sf && imms >= 32)) return null;
    if (Rn === Rm) return ins('ror', r(sf, Rd), r(sf, Rn), `#${imms}`);
    return ins('extr', r(sf, Rd), r(sf, Rn), r(sf, Rm), `#${imms}`);
  },
};
