/**
 * Encoders: Advanced SIMD copy, permute, extract and table lookup — dup (element, general
 * register, scalar), ins, umov, smov and their `mov` aliases as GNU as writes them (`mov w0,
 * v1.s[1]`, `mov x0, v1.d[0]`, `mov v0.s[1], w0`, `mov v0.s[1], v1.s[0]`, `mov s0, v1.s[1]`, and
 * `mov v0.16b, v1.16b` for orr), zip/uzp/trn, ext, tbl/tbx with register lists.
 */
import { simdMoveFormatters } from '../fmt-simd-move.js';
import { type Encoded, type FormTable, bad, immIn, zr } from './encode.js';
import {
  ALL_BUT_1D,
  type Gp,
  type Ops,
  type Scalar,
  type Vec,
  add,
  form,
  isGpReg,
  isImmOp,
  isLane,
  isList,
  isScalar,
  isVecT,
  lane,
  letter,
  linesOf,
  sameArr,
  scalarSize,
  vecArr,
} from './enc-simd-common.js';

/** imm5 of a lane: the index above a one marking the element size */
const imm5 = (size: number, index: number): number => ((index << (size + 1)) | (1 << size)) & 31;

/** The general register that goes with an element size: x for d, w for the rest. */
function gpFor(o: Gp, size: number): number {
  const want = size === 3 ? 64 : 32;
  if (o.size !== want) bad(o, `expected ${want === 64 ? 'an x' : 'a w'} register for .${letter(size)} elements, found '${o.text}'`);
  return zr(o);
}

/** `dup Vd.T, Vn.Ts[i]` */
function dupElem(d: Vec, n: Vec): Encoded {
  const { size, q } = vecArr(d, ALL_BUT_1D);
  const l = lane(n, [size], `the element size of .${d.arr}`);
  return { entry: 'DUP_elem_v', fields: { Q: q, imm5: imm5(size, l.index), Rn: n.n, Rd: d.n } };
}

/** `dup Vd.T, Wn|Xn` */
function dupGen(d: Vec, n: Gp): Encoded {
  const { size, q } = vecArr(d, ALL_BUT_1D);
  return { entry: 'DUP_gen_v', fields: { Q: q, imm5: 1 << size, Rn: gpFor(n, size), Rd: d.n } };
}

/** `dup Vd, Vn.T[i]` / `mov Vd, Vn.T[i]` (scalar: b h s d) */
function dupScalar(d: Scalar, n: Vec): Encoded {
  const size = scalarSize(d, [0, 1, 2, 3]);
  const l = lane(n, [size], `the size of ${d.text}`);
  return { entry: 'DUP_elem_sd', fields: { imm5: imm5(size, l.index), Rn: n.n, Rd: d.n } };
}

/** `ins Vd.Ts[i], Wn|Xn` */
function insGen(d: Vec, n: Gp): Encoded {
  const l = lane(d, [0, 1, 2, 3]);
  return { entry: 'INS_gen', fields: { imm5: imm5(l.size, l.index), Rn: gpFor(n, l.size), Rd: d.n } };
}

/** `ins Vd.Ts[i], Vn.Ts[j]` */
function insElem(d: Vec, n: Vec): Encoded {
  const l = lane(d, [0, 1, 2, 3]);
  const src = lane(n, [l.size], 'both elements have one size');
  return { entry: 'INS_elem', fields: { imm5: imm5(l.size, l.index), imm4: (src.index << l.size) & 15, Rn: n.n, Rd: d.n } };
}

/** `umov Wd, Vn.{b,h,s}[i]` / `umov Xd, Vn.d[i]`; `mov` allows only s (w) and d (x) */
function umov(d: Gp, n: Vec, alias: boolean): Encoded {
  const why = alias ? 'mov reads .s into w and .d into x; umov and smov read bytes and halves' : 'umov reads .b, .h, .s into w and .d into x';
  const l = lane(n, alias ? [d.size === 64 ? 3 : 2] : d.size === 64 ? [3] : [0, 1, 2], why);
  return { entry: 'UMOV', fields: { Q: d.size === 64 ? 1 : 0, imm5: imm5(l.size, l.index), Rn: n.n, Rd: zr(d) } };
}

/** `smov Wd, Vn.{b,h}[i]` / `smov Xd, Vn.{b,h,s}[i]` */
function smov(d: Gp, n: Vec): Encoded {
  const l = lane(n, d.size === 64 ? [0, 1, 2] : [0, 1], 'smov reads .b, .h into w and .b, .h, .s into x');
  return { entry: 'SMOV', fields: { Q: d.size === 64 ? 1 : 0, imm5: imm5(l.size, l.index), Rn: n.n, Rd: zr(d) } };
}

const two = (o: Ops): boolean => o.length === 2;

const copyForms: FormTable = {
  dup: [
    form('Vd.<T>, Vn.<Ts>[index] (T: 8b 16b 4h 8h 2s 4s 2d)', (o) => (two(o) && isVecT(o[0]) && isLane(o[1]) ? dupElem(o[0], o[1]) : null)),
    form('Vd.<T>, Wn|Xn', (o) => (two(o) && isVecT(o[0]) && isGpReg(o[1]) ? dupGen(o[0], o[1]) : null)),
    form('<V>d, Vn.<T>[index] (V: b h s d)', (o) => (two(o) && isScalar(o[0]) && isLane(o[1]) ? dupScalar(o[0], o[1]) : null)),
  ],
  ins: [
    form('Vd.<Ts>[index], Wn|Xn', (o) => (two(o) && isLane(o[0]) && isGpReg(o[1]) ? insGen(o[0], o[1]) : null)),
    form('Vd.<Ts>[index], Vn.<Ts>[index]', (o) => (two(o) && isLane(o[0]) && isLane(o[1]) ? insElem(o[0], o[1]) : null)),
  ],
  umov: [form('Wd, Vn.<b|h|s>[index] | Xd, Vn.d[index]', (o) => (two(o) && isGpReg(o[0]) && isLane(o[1]) ? umov(o[0], o[1], false) : null))],
  smov: [form('Wd, Vn.<b|h>[index] | Xd, Vn.<b|h|s>[index]', (o) => (two(o) && isGpReg(o[0]) && isLane(o[1]) ? smov(o[0], o[1]) : null))],
  mov: [
    form('Wd, Vn.s[index] | Xd, Vn.d[index]', (o) => (two(o) && isGpReg(o[0]) && isLane(o[1]) ? umov(o[0], o[1], true) : null)),
    form('Vd.<Ts>[index], Wn|Xn', (o) => (two(o) && isLane(o[0]) && isGpReg(o[1]) ? insGen(o[0], o[1]) : null)),
    form('Vd.<Ts>[index], Vn.<Ts>[index]', (o) => (two(o) && isLane(o[0]) && isLane(o[1]) ? insElem(o[0], o[1]) : null)),
    form('<V>d, Vn.<T>[index] (V: b h s d)', (o) => (two(o) && isScalar(o[0]) && isLane(o[1]) ? dupScalar(o[0], o[1]) : null)),
    form('Vd.<T>, Vn.<T> (T: 8b 16b)', (o) => {
      if (!two(o) || !isVecT(o[0]) || !isVecT(o[1])) return null;
      const { q } = vecArr(o[0], ['8b', '16b'], 'mov copies a whole vector as .8b or .16b');
      sameArr(o[1], o[0].arr!);
      return { entry: 'ORR_v', fields: { Q: q, Rm: o[1].n, Rn: o[1].n, Rd: o[0].n } };
    }),
  ],
};

// ------------------------------------------------------------------ permute, extract, lookup

const vvv = (o: Ops): o is [Vec, Vec, Vec] => o.length === 3 && isVecT(o[0]) && isVecT(o[1]) && isVecT(o[2]);

export const simdMoveForms: FormTable = { ...copyForms };
for (const [name, mnemonic] of linesOf(simdMoveFormatters)) {
  if (/^(UZP|TRN|ZIP)[12]$/.test(name)) {
    add(simdMoveForms, mnemonic, form('Vd.<T>, Vn.<T>, Vm.<T> (T: 8b 16b 4h 8h 2s 4s 2d)', (o) => {
      if (!vvv(o)) return null;
      const { size, q } = vecArr(o[0], ALL_BUT_1D);
      sameArr(o[1], o[0].arr!);
      sameArr(o[2], o[0].arr!);
      return { entry: name, fields: { Q: q, size, Rm: o[2].n, Rn: o[1].n, Rd: o[0].n } };
    }));
  } else if (name === 'TBL' || name === 'TBX') {
    add(simdMoveForms, mnemonic, form('Vd.<T>, {Vn.16b, …} (1 to 4 registers), Vm.<T> (T: 8b 16b)', (o) => {
      if (o.length !== 3 || !isVecT(o[0]) || !isList(o[1]) || !isVecT(o[2])) return null;
      const { q } = vecArr(o[0], ['8b', '16b']);
      const list = o[1];
      if (list.arr !== '16b' || list.index !== null) bad(list, `the table is a list of 1 to 4 registers .16b, like {v${list.first}.16b, v${(list.first + 1) & 31}.16b}; found '${list.text}'`);
      sameArr(o[2], o[0].arr!);
      return { entry: name, fields: { Q: q, Rm: o[2].n, len: list.count - 1, Rn: list.first, Rd: o[0].n } };
    }));
  } else if (name === 'EXT') {
    add(simdMoveForms, mnemonic, form('Vd.<T>, Vn.<T>, Vm.<T>, #index (T: 8b 16b; index 0 to 7 or 0 to 15)', (o, c) => {
      if (o.length !== 4 || !vvv(o.slice(0, 3)) || !isImmOp(o[3])) return null;
      const d = o[0] as Vec;
      const { q } = vecArr(d, ['8b', '16b']);
      sameArr(o[1] as Vec, d.arr!);
      sameArr(o[2] as Vec, d.arr!);
      return { entry: name, fields: { Q: q, Rm: (o[2] as Vec).n, imm4: immIn(o[3], c, 0, q ? 15 : 7, 'index'), Rn: (o[1] as Vec).n, Rd: d.n } };
    }));
  }
}
