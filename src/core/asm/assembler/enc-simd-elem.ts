/**
 * Encoders: Advanced SIMD by element — `op Vd.T, Vn.T, Vm.Ts[i]` (integer and FP, vector and
 * scalar, FP16), the widening forms with their `2` (upper half) names, dot products
 * (`sdot Vd.4s, Vn.16b, Vm.4b[i]`) and FP16 multiply-add long (`fmlal Vd.2s, Vn.2h, Vm.h[i]`).
 * The forms are made per mnemonic from the table lines of fmt-simd-elem's families.
 */
import { simdElemFormatters } from '../fmt-simd-elem.js';
import { type Encoded, type FormTable, bad, inRange } from './encode.js';
import { type Ops, type Scalar, type Vec, add, arrangement, form, isLane, isScalar, isVecT, laneIndex, linesOf, lowReg, sameArr, scalarOf, scalarSize, vecArr } from './enc-simd-common.js';

type Shape = 'same' | 'long' | 'scalarSame' | 'scalarLong' | 'fp' | 'fpH' | 'fpScalar' | 'fpScalarH' | 'dot' | 'fhm';

/** The operand shape of each entry (the families of fmt-simd-elem.ts). */
const SHAPES: Record<string, Shape> = {};
function shape(s: Shape, names: string): void {
  for (const n of names.split(/\s+/)) SHAPES[n] = s;
}
shape('same', 'MUL_elem MLA_elem MLS_elem SQDMULH_elem SQRDMULH_elem SQRDMLAH_elem SQRDMLSH_elem');
shape('long', 'SMLAL_elem UMLAL_elem SMLSL_elem UMLSL_elem SMULL_elem UMULL_elem SQDMLAL_elem SQDMLSL_elem SQDMULL_elem');
shape('scalarSame', 'SQDMULH_elem_sd SQRDMULH_elem_sd');
shape('scalarLong', 'SQDMLAL_elem_sd SQDMLSL_elem_sd SQDMULL_elem_sd');
shape('fp', 'FMLA_elem FMLS_elem FMUL_elem FMULX_elem');
shape('fpScalar', 'FMLA_elem_sd FMLS_elem_sd FMUL_elem_sd FMULX_elem_sd');
shape('fpH', 'FMLA_elem_h FMLS_elem_h FMUL_elem_h FMULX_elem_h');
shape('fpScalarH', 'FMLA_elem_hsd FMLS_elem_hsd FMUL_elem_hsd FMULX_elem_hsd');
shape('dot', 'SDOT_elem UDOT_elem');
shape('fhm', 'FMLAL_elem FMLSL_elem FMLAL2_elem FMLSL2_elem');

// ------------------------------------------------------------------------------------ lanes

/**
 * The element operand's fields for element size 1 (H:L:M index, Rm v0-v15), 2 (H:L index, M:Rm
 * register) or 3 (H index, L = 0, M:Rm register).
 */
function laneFields(o: Vec, size: number, why = ''): Record<string, number> {
  const i = laneIndex(o, size, why);
  if (size === 1) return { H: i >> 2, L: (i >> 1) & 1, M: i & 1, Rm: lowReg(o) };
  if (size === 2) return { H: i >> 1, L: i & 1, M: o.n >> 4, Rm: o.n & 15 };
  return { H: i, L: 0, M: o.n >> 4, Rm: o.n & 15 };
}

const HS = ['4h', '8h', '2s', '4s'];

/** `op Vd.T, Vn.T, Vm.Ts[i]` with T 4h 8h 2s 4s */
function same(entry: string, d: Vec, n: Vec, m: Vec): Encoded {
  const { size, q } = vecArr(d, HS);
  sameArr(n, d.arr!);
  return { entry, fields: { Q: q, size, ...laneFields(m, size, `the element size of .${d.arr}`), Rn: n.n, Rd: d.n } };
}

/** `op{2} Vd.Ta, Vn.Tb, Vm.Ts[i]`: Tb is 4h/2s (or 8h/4s for the `2` form), Ta twice as wide */
function long(entry: string, mn: string, upper: boolean, d: Vec, n: Vec, m: Vec): Encoded {
  const { size, q } = vecArr(n, upper ? ['8h', '4s'] : ['4h', '2s'], `${mn}2 reads the upper half`);
  sameArr(d, arrangement(size + 1, 1));
  return { entry, fields: { Q: q, size, ...laneFields(m, size, `the element size of .${n.arr}`), Rn: n.n, Rd: d.n } };
}

/** FP vector: 2s 4s 2d (sz), and 4h 8h when the FP16 entry exists */
function fpVec(single: string | undefined, half: string | undefined, d: Vec, n: Vec, m: Vec): Encoded {
  const allowed = [...(half ? ['4h', '8h'] : []), ...(single ? ['2s', '4s', '2d'] : [])];
  const { size, q } = vecArr(d, allowed);
  sameArr(n, d.arr!);
  const why = `the element size of .${d.arr}`;
  if (size === 1) return { entry: half!, fields: { Q: q, ...laneFields(m, 1, why), Rn: n.n, Rd: d.n } };
  return { entry: single!, fields: { Q: q, sz: size - 2, ...laneFields(m, size, why), Rn: n.n, Rd: d.n } };
}

function fpScalar(single: string | undefined, half: string | undefined, d: Scalar, n: Scalar, m: Vec): Encoded {
  const size = scalarSize(d, [...(half ? [1] : []), ...(single ? [2, 3] : [])]);
  const rn = scalarOf(n, size);
  if (size === 1) return { entry: half!, fields: { ...laneFields(m, 1), Rn: rn, Rd: d.n } };
  return { entry: single!, fields: { sz: size - 2, ...laneFields(m, size), Rn: rn, Rd: d.n } };
}

/** `sdot Vd.2s|4s, Vn.8b|16b, Vm.4b[i]` */
function dot(entry: string, d: Vec, n: Vec, m: Vec): Encoded {
  const { q } = vecArr(d, ['2s', '4s']);
  sameArr(n, q ? '16b' : '8b');
  if (m.arr !== '4b') bad(m, `expected a group of four bytes like v${m.n}.4b[${m.index}], found '${m.text}'`);
  const i = inRange(m, BigInt(m.index!), 0, 3, 'element index');
  return { entry, fields: { Q: q, size: 2, H: i >> 1, L: i & 1, M: m.n >> 4, Rm: m.n & 15, Rn: n.n, Rd: d.n } };
}

/** `fmlal Vd.2s|4s, Vn.2h|4h, Vm.h[i]` */
function fhm(entry: string, d: Vec, n: Vec, m: Vec): Encoded {
  const { q } = vecArr(d, ['2s', '4s']);
  sameArr(n, q ? '4h' : '2h');
  return { entry, fields: { Q: q, ...laneFields(m, 1), Rn: n.n, Rd: d.n } };
}

// ------------------------------------------------------------------------------------ forms

const vvl = (o: Ops): o is [Vec, Vec, Vec] => o.length === 3 && isVecT(o[0]) && isVecT(o[1]) && isLane(o[2]);
const ssl = (o: Ops): o is [Scalar, Scalar, Vec] => o.length === 3 && isScalar(o[0]) && isScalar(o[1]) && isLane(o[2]);

/** The entries of each mnemonic by shape. */
const byMnemonic = new Map<string, Partial<Record<Shape, string>>>();
for (const [name, mnemonic] of linesOf(simdElemFormatters)) {
  const s = SHAPES[name];
  if (!s) throw new Error(`assembler: no operand shape for ${name}`);
  const m = byMnemonic.get(mnemonic) ?? {};
  m[s] = name;
  byMnemonic.set(mnemonic, m);
}

export const simdElemForms: FormTable = {};
for (const [mn, e] of byMnemonic) {
  const lane = 'Vm.<Ts>[index]';
  if (e.same) {
    const entry = e.same;
    add(simdElemForms, mn, form(`Vd.<T>, Vn.<T>, ${lane} (T: 4h 8h 2s 4s)`, (o) => (vvl(o) ? same(entry, o[0], o[1], o[2]) : null)));
  }
  if (e.long) {
    const entry = e.long;
    add(simdElemForms, mn, form(`Vd.<Ta>, Vn.<Tb>, ${lane} (Ta/Tb: 4s/4h 2d/2s)`, (o) => (vvl(o) ? long(entry, mn, false, o[0], o[1], o[2]) : null)));
    add(simdElemForms, `${mn}2`, form(`Vd.<Ta>, Vn.<Tb>, ${lane} (Ta/Tb: 4s/8h 2d/4s)`, (o) => (vvl(o) ? long(entry, mn, true, o[0], o[1], o[2]) : null)));
  }
  if (e.scalarSame) {
    const entry = e.scalarSame;
    add(simdElemForms, mn, form(`<V>d, <V>n, ${lane} (V: h s)`, (o) => {
      if (!ssl(o)) return null;
      const size = scalarSize(o[0], [1, 2]);
      return { entry, fields: { size, ...laneFields(o[2], size), Rn: scalarOf(o[1], size), Rd: o[0].n } };
    }));
  }
  if (e.scalarLong) {
    const entry = e.scalarLong;
    add(simdElemForms, mn, form(`<Va>d, <Vb>n, ${lane} (Va/Vb: s/h d/s)`, (o) => {
      if (!ssl(o)) return null;
      const size = scalarSize(o[1], [1, 2]);
      return { entry, fields: { size, ...laneFields(o[2], size), Rn: o[1].n, Rd: scalarOf(o[0], size + 1) } };
    }));
  }
  if (e.fp || e.fpH) {
    const single = e.fp;
    const half = e.fpH;
    add(simdElemForms, mn, form(`Vd.<T>, Vn.<T>, ${lane} (T: 4h 8h 2s 4s 2d)`, (o) => (vvl(o) ? fpVec(single, half, o[0], o[1], o[2]) : null)));
  }
  if (e.fpScalar || e.fpScalarH) {
    const single = e.fpScalar;
    const half = e.fpScalarH;
    add(simdElemForms, mn, form(`<V>d, <V>n, ${lane} (V: h s d)`, (o) => (ssl(o) ? fpScalar(single, half, o[0], o[1], o[2]) : null)));
  }
  if (e.dot) {
    const entry = e.dot;
    add(simdElemForms, mn, form('Vd.<T>, Vn.<Tb>, Vm.4b[index] (T/Tb: 2s/8b 4s/16b)', (o) => (vvl(o) ? dot(entry, o[0], o[1], o[2]) : null)));
  }
  if (e.fhm) {
    const entry = e.fhm;
    add(simdElemForms, mn, form('Vd.<T>, Vn.<Tb>, Vm.h[index] (T/Tb: 2s/2h 4s/4h)', (o) => (vvl(o) ? fhm(entry, o[0], o[1], o[2]) : null)));
  }
}
