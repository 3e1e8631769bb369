/**
 * Encoders: data processing — immediate (adr, adrp, add/sub, logical, move wide, bitfield,
 * extract) and the aliases GNU as writes with them: mov (movz, movn, orr, add #0), cmp, cmn, tst,
 * lsl/lsr/asr, ubfx/sbfx/ubfiz/sbfiz, bfi/bfxil/bfc, sxt*, uxt*, ror. Negative add/sub immediates
 * become the opposite operation, as GNU as does.
 */
import { type EncodeCtx, type Encoded, type Form, type FormTable, bad, immIn, inRange, isGp, isImm, pcRel, sameSize, shiftAmount, sp, zr } from './encode.js';
import type { GpReg, Imm, Operand, Shift } from './operands.js';

type Reg = GpReg & Operand;

// ------------------------------------------------------------------------- logical immediates

/**
 * N:immr:imms for a value that is a logical ("bitmask") immediate of `width` bits, or null:
 * a replicated element of 2..64 bits holding one rotated run of ones.
 */
export function encodeBitMask(value: bigint, width: 32 | 64): { N: number; immr: number; imms: number } | null {
  const all = (1n << BigInt(width)) - 1n;
  const v = BigInt.asUintN(width, value);
  if (v === 0n || v === all) return null;
  let e: number = width;
  // the smallest element size whose copies make the value
  while (e > 2) {
    const half = e / 2;
    const m = (1n << BigInt(half)) - 1n;
    if (((v >> BigInt(half)) & m) !== (v & m)) break;
    let same = true;
    for (let i = 0; i < width; i += half) if (((v >> BigInt(i)) & m) !== (v & m)) same = false;
    if (!same) break;
    e = half;
  }
  const em = (1n << BigInt(e)) - 1n;
  const elt = v & em;
  let ones = 0;
  for (let i = 0; i < e; i++) if ((elt >> BigInt(i)) & 1n) ones++;
  const run = (1n << BigInt(ones)) - 1n;
  for (let r = 0; r < e; r++) {
    // rotating the run of ones right by r gives elt
    const rotated = ((run >> BigInt(r)) | (run << BigInt(e - r))) & em;
    if (rotated === elt) {
      const immsHigh = e === 64 ? 0 : (~(e - 1) << 1) & 0x3f;
      return { N: e === 64 ? 1 : 0, immr: r, imms: (immsHigh | (ones - 1)) & 0x3f };
    }
  }
  return null;
}

// ------------------------------------------------------------------------------------ helpers

const reg = (o: Operand | undefined): o is Reg => isGp(o);
const imm = (o: Operand | undefined): o is Imm & Operand => isImm(o);
const shiftOp = (o: Operand | undefined): o is Shift & Operand => o?.k === 'shift';

function form(syntax: string, encode: (ops: readonly Operand[], c: EncodeCtx) => Encoded | null): Form {
  return { syntax, encode };
}

/** A value for a `width`-bit register: 64-bit values for x; for w, anything that fits 32 bits (signed or not). */
function regValue(op: Imm & Operand, c: EncodeCtx, width: 32 | 64): bigint {
  const v = c.value(op);
  if (width === 32) {
    if (v > 0xffffffffn || v < -0x80000000n) bad(op, `immediate out of range: does not fit a 32-bit register`);
    return BigInt.asUintN(32, v);
  }
  return BigInt.asUintN(64, v);
}

// ------------------------------------------------------------------------------------ add/sub

/** add/sub (immediate) with GNU as's conversions: negative → the other op, a multiple of 4096 → lsl #12. */
function addSubImm(sub: boolean, flags: boolean, d: Reg, n: Reg, i: Imm & Operand, s: (Shift & Operand) | undefined, c: EncodeCtx): Encoded {
  const sf = sameSize(d, n);
  let shifted = 0;
  if (s) {
    if (s.op !== 'lsl') bad(s, `expected 'lsl #0' or 'lsl #12', found '${s.text}'`);
    const amt = shiftAmount(s, c, 0, 12);
    if (amt !== 0 && amt !== 12) bad(s, `shift must be lsl #0 or lsl #12`);
    shifted = amt === 12 ? 1 : 0;
  }
  let v = c.value(i);
  if (i.reloc && i.reloc !== 'lo12' && i.reloc !== 'lo12_nc') bad(i, `:${i.reloc}: cannot be used with ${sub ? 'sub' : 'add'}`);
  if (v < 0n && !i.reloc) {
    v = -v;
    sub = !sub;
  }
  if (!s && !i.reloc && v > 4095n && (v & 0xfffn) === 0n && v >> 12n <= 4095n) {
    shifted = 1;
    v >>= 12n;
  }
  const imm12 = inRange(i, v, 0, 4095, 'immediate', 1);
  const name = (sub ? 'SUB' : 'ADD') + (flags ? 'S' : '') + '_imm';
  return { entry: name, fields: { sf, sh: shifted, imm12, Rn: sp(n), Rd: flags ? zr(d) : sp(d) } };
}

function addSubForms(sub: boolean, flags: boolean): Form[] {
  const d = flags ? 'Rd' : 'Rd|SP';
  return [
    form(`${d}, Rn|SP, #imm{, lsl #12}`, (o, c) =>
      reg(o[0]) && reg(o[1]) && imm(o[2]) && (o.length === 3 || (o.length === 4 && shiftOp(o[3]))) ? addSubImm(sub, flags, o[0], o[1], o[2], o[3] as Shift & Operand, c) : null,
    ),
  ];
}

function cmpForms(neg: boolean): Form[] {
  const zrReg = (r: Reg): Reg => ({ ...r, n: 31, sp: false });
  return [
    form('Rn|SP, #imm{, lsl #12}', (o, c) =>
      reg(o[0]) && imm(o[1]) && (o.length === 2 || (o.length === 3 && shiftOp(o[2]))) ? addSubImm(!neg, true, zrReg(o[0]), o[0], o[1], o[2] as Shift & Operand, c) : null,
    ),
  ];
}

// ------------------------------------------------------------------------------------ logical

function logicalImm(opc: number, d: Reg, n: Reg, i: Imm & Operand, c: EncodeCtx): Encoded {
  const sf = sameSize(d, n);
  const width = sf ? 64 : 32;
  const m = encodeBitMask(regValue(i, c, width), width);
  if (!m) bad(i, `'${i.text}' is not a logical immediate (a repeated pattern of one run of ones, not all zeros or ones)`);
  const names = ['AND_imm', 'ORR_imm', 'EOR_imm', 'ANDS_imm'];
  return { entry: names[opc]!, fields: { sf, N: m!.N, immr: m!.immr, imms: m!.imms, Rn: zr(n), Rd: opc === 3 ? zr(d) : sp(d) } };
}

const logicalForms = (opc: number): Form[] => [
  form(`${opc === 3 ? 'Rd' : 'Rd|SP'}, Rn, #bitmask`, (o, c) => (o.length === 3 && reg(o[0]) && reg(o[1]) && imm(o[2]) ? logicalImm(opc, o[0], o[1], o[2], c) : null)),
];

// ---------------------------------------------------------------------------------- move wide

const ABS_GROUP: Record<string, number> = {
  abs_g0: 0, abs_g0_nc: 0, abs_g0_s: 0, abs_g1: 1, abs_g1_nc: 1, abs_g1_s: 1, abs_g2: 2, abs_g2_nc: 2, abs_g2_s: 2, abs_g3: 3,
};

function moveWide(kind: 'MOVZ' | 'MOVN' | 'MOVK', d: Reg, i: Imm & Operand, s: (Shift & Operand) | undefined, c: EncodeCtx): Encoded {
  const sf = d.size === 64 ? 1 : 0;
  let hw = 0;
  let value: number;
  if (i.reloc) {
    const g = ABS_GROUP[i.reloc];
    if (g === undefined) bad(i, `:${i.reloc}: cannot be used with ${kind.toLowerCase()} (use :abs_g0: to :abs_g3:)`);
    if (s) bad(s, 'no shift with a relocation operator: the group sets it');
    if (!sf && g! > 1) bad(i, `:${i.reloc}: needs a 64-bit register`);
    hw = g!;
    value = Number(c.value(i));
    if (i.reloc.endsWith('_s') && kind !== 'MOVK') {
      // signed groups: a negative value is made with movn
      const full = c.address(i);
      if (full < 0n) {
        kind = 'MOVN';
        value = Number(BigInt.asUintN(16, ~(full >> BigInt(16 * g!))));
      } else kind = 'MOVZ';
    }
  } else {
    if (s) {
      if (s.op !== 'lsl') bad(s, `expected 'lsl #0, #16, #32 or #48', found '${s.text}'`);
      const amt = shiftAmount(s, c, 0, sf ? 48 : 16);
      if (amt % 16) bad(s, 'shift must be a multiple of 16');
      hw = amt / 16;
    }
    value = immIn(i, c, 0, 0xffff);
  }
  return { entry: kind, fields: { sf, hw, imm16: value, Rd: zr(d) } };
}

const moveWideForms = (kind: 'MOVZ' | 'MOVN' | 'MOVK'): Form[] => [
  form('Rd, #imm16{, lsl #shift}', (o, c) =>
    reg(o[0]) && imm(o[1]) && (o.length === 2 || (o.length === 3 && shiftOp(o[2]))) ? moveWide(kind, o[0], o[1], o[2] as Shift & Operand, c) : null,
  ),
];

/** The one 16-bit chunk holding all set bits of v (width bits), or null. */
function singleChunk(v: bigint, width: number): { hw: number; imm16: number } | null {
  if (v === 0n) return { hw: 0, imm16: 0 };
  for (let hw = 0; hw < width / 16; hw++) {
    const sh = BigInt(16 * hw);
    if ((v & ~(0xffffn << sh)) === 0n) return { hw, imm16: Number(v >> sh) };
  }
  return null;
}

/** mov Rd, #imm: movz, else movn, else orr with a bitmask (GNU as's order). */
function movImm(d: Reg, i: Imm & Operand, c: EncodeCtx): Encoded {
  const sf = d.size === 64 ? 1 : 0;
  const width = sf ? 64 : 32;
  const v = regValue(i, c, width);
  if (!(d.n === 31 && d.sp)) {
    const z = singleChunk(v, width);
    if (z) return { entry: 'MOVZ', fields: { sf, hw: z.hw, imm16: z.imm16, Rd: d.n } };
    const inv = BigInt.asUintN(width, ~v);
    const n = singleChunk(inv, width);
    // movn w0, #0xffff is not what objdump calls mov: GNU as then prefers the bitmask form
    if (n && !(width === 32 && n.imm16 === 0xffff && n.hw === 0)) return { entry: 'MOVN', fields: { sf, hw: n.hw, imm16: n.imm16, Rd: d.n } };
  }
  const m = encodeBitMask(v, width);
  if (m) return { entry: 'ORR_imm', fields: { sf, N: m.N, immr: m.immr, imms: m.imms, Rn: 31, Rd: sp(d) } };
  return bad(i, `immediate ${'0x' + v.toString(16)} cannot be made by one instruction (use movz and movk, or ldr ${d.text}, =value)`);
}

// ---------------------------------------------------------------------------------- bitfields

function bits(sf: number): number {
  return sf ? 64 : 32;
}

function bitfield(entry: 'SBFM' | 'BFM' | 'UBFM', d: Reg, n: Reg, immr: number, imms: number): Encoded {
  const sf = d.size === 64 ? 1 : 0;
  return { entry, fields: { sf, N: sf, immr, imms, Rn: zr(n), Rd: zr(d) } };
}

/** lsb and width operands of ubfx & co., checked against the register size. */
function lsbWidth(o: readonly Operand[], at: number, sf: number, c: EncodeCtx): { lsb: number; width: number } | null {
  const l = o[at];
  const w = o[at + 1];
  if (!imm(l) || !imm(w) || o.length !== at + 2) return null;
  const size = bits(sf);
  const lsb = immIn(l, c, 0, size - 1, 'lsb');
  const width = immIn(w, c, 1, size - lsb, 'width');
  return { lsb, width };
}

const bitfieldAlias = (syntax: string, fn: (d: Reg, n: Reg, sf: number, o: readonly Operand[], c: EncodeCtx) => Encoded | null): Form[] => [
  form(syntax, (o, c) => {
    if (!reg(o[0]) || !reg(o[1])) return null;
    const sf = sameSize(o[0], o[1]);
    return fn(o[0], o[1], sf, o, c);
  }),
];

function shiftImm(kind: 'lsl' | 'lsr' | 'asr' | 'ror'): Form[] {
  return bitfieldAlias('Rd, Rn, #shift', (d, n, sf, o, c) => {
    if (o.length !== 3 || !imm(o[2])) return null;
    const size = bits(sf);
    const s = immIn(o[2], c, 0, size - 1, 'shift amount');
    if (kind === 'lsl') return bitfield('UBFM', d, n, (size - s) % size, size - 1 - s);
    if (kind === 'lsr') return bitfield('UBFM', d, n, s, size - 1);
    if (kind === 'asr') return bitfield('SBFM', d, n, s, size - 1);
    return { entry: 'EXTR', fields: { sf, N: sf, Rm: zr(n), imms: s, Rn: zr(n), Rd: zr(d) } };
  });
}

function extendAlias(entry: 'SBFM' | 'UBFM', imms: number): Form[] {
  return [
    form(entry === 'UBFM' ? 'Wd, Wn' : 'Rd, Wn', (o) => {
      if (o.length !== 2 || !reg(o[0]) || !reg(o[1])) return null;
      if (o[1].size !== 32) bad(o[1], `expected a w register, found '${o[1].text}'`);
      if (imms === 31 && o[0].size !== 64) bad(o[0], `expected an x register, found '${o[0].text}'`);
      // uxtb/uxth of an x register: GNU as makes the w form (the upper half is zeroed anyway)
      const sf = entry === 'UBFM' ? 0 : o[0].size === 64 ? 1 : 0;
      return { entry, fields: { sf, N: sf, immr: 0, imms, Rn: zr(o[1]), Rd: zr(o[0]) } };
    }),
  ];
}

// ---------------------------------------------------------------------------------- the table

export const dpImmForms: FormTable = {
  adr: [form('Xd, label', (o, c) => (o.length === 2 && reg(o[0]) && imm(o[1]) && o[0].size === 64 ? adr(o[0], o[1], c) : null))],
  adrp: [form('Xd, label', (o, c) => (o.length === 2 && reg(o[0]) && imm(o[1]) && o[0].size === 64 ? adrp(o[0], o[1], c) : null))],
  add: addSubForms(false, false),
  adds: addSubForms(false, true),
  sub: addSubForms(true, false),
  subs: addSubForms(true, true),
  cmp: cmpForms(false),
  cmn: cmpForms(true),
  and: logicalForms(0),
  orr: logicalForms(1),
  eor: logicalForms(2),
  ands: logicalForms(3),
  tst: [form('Rn, #bitmask', (o, c) => (o.length === 2 && reg(o[0]) && imm(o[1]) ? logicalImm(3, { ...o[0], n: 31, sp: false }, o[0], o[1], c) : null))],
  movz: moveWideForms('MOVZ'),
  movn: moveWideForms('MOVN'),
  movk: moveWideForms('MOVK'),
  mov: [
    form('Rd|SP, #imm', (o, c) => (o.length === 2 && reg(o[0]) && imm(o[1]) && !o[1].reloc ? movImm(o[0], o[1], c) : null)),
    form('Rd, #:abs_gN:expr', (o, c) => (o.length === 2 && reg(o[0]) && imm(o[1]) && o[1].reloc ? moveWide('MOVZ', o[0], o[1], undefined, c) : null)),
    form('Rd|SP, Rn|SP (one of them SP)', (o) => {
      if (o.length !== 2 || !reg(o[0]) || !reg(o[1]) || !((o[0].n === 31 && o[0].sp) || (o[1].n === 31 && o[1].sp))) return null;
      const sf = sameSize(o[0], o[1]);
      return { entry: 'ADD_imm', fields: { sf, sh: 0, imm12: 0, Rn: sp(o[1]), Rd: sp(o[0]) } };
    }),
  ],
  sbfm: bitfieldAlias('Rd, Rn, #immr, #imms', (d, n, sf, o, c) => rawBitfield('SBFM', d, n, sf, o, c)),
  bfm: bitfieldAlias('Rd, Rn, #immr, #imms', (d, n, sf, o, c) => rawBitfield('BFM', d, n, sf, o, c)),
  ubfm: bitfieldAlias('Rd, Rn, #immr, #imms', (d, n, sf, o, c) => rawBitfield('UBFM', d, n, sf, o, c)),
  lsl: shiftImm('lsl'),
  lsr: shiftImm('lsr'),
  asr: shiftImm('asr'),
  ror: shiftImm('ror'),
  ubfx: bitfieldAlias('Rd, Rn, #lsb, #width', (d, n, sf, o, c) => {
    const lw = lsbWidth(o, 2, sf, c);
    return lw && bitfield('UBFM', d, n, lw.lsb, lw.lsb + lw.width - 1);
  }),
  sbfx: bitfieldAlias('Rd, Rn, #lsb, #width', (d, n, sf, o, c) => {
    const lw = lsbWidth(o, 2, sf, c);
    return lw && bitfield('SBFM', d, n, lw.lsb, lw.lsb + lw.width - 1);
  }),
  bfxil: bitfieldAlias('Rd, Rn, #lsb, #width', (d, n, sf, o, c) => {
    const lw = lsbWidth(o, 2, sf, c);
    return lw && bitfield('BFM', d, n, lw.lsb, lw.lsb + lw.width - 1);
  }),
  ubfiz: bitfieldAlias('Rd, Rn, #lsb, #width', (d, n, sf, o, c) => {
    const lw = lsbWidth(o, 2, sf, c);
    return lw && bitfield('UBFM', d, n, (bits(sf) - lw.lsb) % bits(sf), lw.width - 1);
  }),
  sbfiz: bitfieldAlias('Rd, Rn, #lsb, #width', (d, n, sf, o, c) => {
    const lw = lsbWidth(o, 2, sf, c);
    return lw && bitfield('SBFM', d, n, (bits(sf) - lw.lsb) % bits(sf), lw.width - 1);
  }),
  bfi: bitfieldAlias('Rd, Rn, #lsb, #width', (d, n, sf, o, c) => {
    const lw = lsbWidth(o, 2, sf, c);
    return lw && bitfield('BFM', d, n, (bits(sf) - lw.lsb) % bits(sf), lw.width - 1);
  }),
  bfc: [
    form('Rd, #lsb, #width', (o, c) => {
      if (!reg(o[0])) return null;
      const sf = o[0].size === 64 ? 1 : 0;
      const lw = lsbWidth(o, 1, sf, c);
      return lw && bitfield('BFM', o[0], { ...o[0], n: 31, sp: false }, (bits(sf) - lw.lsb) % bits(sf), lw.width - 1);
    }),
  ],
  sxtb: extendAlias('SBFM', 7),
  sxth: extendAlias('SBFM', 15),
  sxtw: extendAlias('SBFM', 31),
  uxtb: extendAlias('UBFM', 7),
  uxth: extendAlias('UBFM', 15),
  extr: [
    form('Rd, Rn, Rm, #lsb', (o, c) => {
      if (o.length !== 4 || !reg(o[0]) || !reg(o[1]) || !reg(o[2]) || !imm(o[3])) return null;
      const sf = sameSize(o[0], o[1], o[2]);
      return { entry: 'EXTR', fields: { sf, N: sf, Rm: zr(o[2]), imms: immIn(o[3], c, 0, bits(sf) - 1, 'lsb'), Rn: zr(o[1]), Rd: zr(o[0]) } };
    }),
  ],
};

function rawBitfield(entry: 'SBFM' | 'BFM' | 'UBFM', d: Reg, n: Reg, sf: number, o: readonly Operand[], c: EncodeCtx): Encoded | null {
  if (o.length !== 4 || !imm(o[2]) || !imm(o[3])) return null;
  const size = bits(sf);
  return bitfield(entry, d, n, immIn(o[2], c, 0, size - 1, 'immr'), immIn(o[3], c, 0, size - 1, 'imms'));
}

function adr(d: Reg, t: Imm & Operand, c: EncodeCtx): Encoded {
  const off = pcRel(t, c, 21, 1);
  return { entry: 'ADR', fields: { immlo: off & 3, immhi: off >>> 2, Rd: zr(d) } };
}

function adrp(d: Reg, t: Imm & Operand, c: EncodeCtx): Encoded {
  if (t.reloc && t.reloc !== 'pg_hi21' && t.reloc !== 'pg_hi21_nc') bad(t, `:${t.reloc}: cannot be used with adrp`);
  const page = (a: bigint) => a & ~0xfffn;
  const delta = BigInt.asIntN(64, page(c.address(t)) - page(BigInt(c.pc))) >> 12n;
  if (delta < -(1n << 20n) || delta >= 1n << 20n) bad(t, 'target out of range: more than ±4 GiB away');
  const off = Number(BigInt.asUintN(21, delta));
  return { entry: 'ADRP', fields: { immlo: off & 3, immhi: off >>> 2, Rd: zr(d) } };
}
