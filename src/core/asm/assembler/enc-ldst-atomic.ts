/**
 * Encoders: exclusive, ordered and atomic accesses — ldxr/stxr/ldaxr/stlxr and their byte,
 * halfword and pair forms, ldar/stlr/ldlar/stllr, ldapr (RCpc), the LSE atomics ld<op>{a}{l}{b|h}
 * with their st<op>{l}{b|h} aliases (Rt = zero register), swp, cas and casp. Their address is
 * `[Xn|SP]` (GNU as also takes `[Xn|SP, #0]`); the bits these encodings ignore are written as
 * ones, as GNU as writes them.
 */
import { type EncodeCtx, type Encoded, type FormTable, bad } from './encode.js';
import { type Reg, baseOnly, form, gpZr, sized } from './enc-ldst-addr.js';
import type { Operand } from './operands.js';

/** `b`/`h` forms take w registers; the others w or x (sz). */
type Width = 'b' | 'h' | '';

/** General registers ops[0..n-1] (zero register allowed), or null when an operand is not one. */
function regs(o: readonly Operand[], n: number): Reg[] | null {
  const out: Reg[] = [];
  for (let i = 0; i < n; i++) {
    const r = gpZr(o[i]);
    if (!r) return null;
    out.push(r);
  }
  return out;
}

/** sz for the data registers (all the same size), or 0 after checking they are w for b/h forms. */
function dataSize(rs: Reg[], width: Width): Record<string, number> {
  if (width) {
    for (const r of rs) sized(r, 'w', ` for a ${width === 'b' ? 'byte' : 'halfword'} access`);
    return {};
  }
  for (const r of rs) if (r.size !== rs[0]!.size) bad(r, `expected ${rs[0]!.size === 64 ? 'an x' : 'a w'} register like '${rs[0]!.text}', found '${r.text}'`);
  return { sz: rs[0]!.size === 64 ? 1 : 0 };
}

function encoded(entry: string, fields: Record<string, number>): Encoded {
  return { entry, fields };
}

// ------------------------------------------------------------------------ exclusives, ordered

/**
 * `{Ws,} Rt{, Rt2}, [Xn|SP]`: `status` adds the w status register of a store-exclusive, `pair` the
 * second data register.
 */
function exclusive(entry: string, width: Width, status: boolean, pair: boolean) {
  const n = 1 + (status ? 1 : 0) + (pair ? 1 : 0);
  const syntax = `${status ? 'Ws, ' : ''}${width ? 'Wt' : 'Rt'}${pair ? ', Rt2' : ''}, [Xn|SP]`;
  return [
    form(syntax, (o, c: EncodeCtx) => {
      const r = regs(o, n);
      const rn = r && baseOnly(o, n, c);
      if (!r || rn === null) return null;
      const fields: Record<string, number> = { Rn: rn };
      let data = r;
      if (status) {
        fields.Rs = sized(r[0]!, 'w', ' (the status)').n;
        data = r.slice(1);
      }
      Object.assign(fields, dataSize(data, width));
      fields.Rt = data[0]!.n;
      if (pair) fields.Rt2 = data[1]!.n;
      return encoded(entry, fields);
    }),
  ];
}

// -------------------------------------------------------------------------------- compare and swap

function cas(entry: string, width: Width, fields: Record<string, number>) {
  return [
    form(`${width ? 'Ws, Wt' : 'Rs, Rt'}, [Xn|SP]`, (o, c) => {
      const r = regs(o, 2);
      const rn = r && baseOnly(o, 2, c);
      if (!r || rn === null) return null;
      return encoded(entry, { ...fields, ...dataSize(r, width), Rs: r[0]!.n, Rn: rn, Rt: r[1]!.n });
    }),
  ];
}

/** A register pair of casp: an even register and the next one. */
function evenPair(a: Reg, b: Reg): number {
  if (a.n & 1) bad(a, `a register pair must start with an even register, found '${a.text}'`);
  if (b.n !== a.n + 1) bad(b, `a register pair must be consecutive: expected ${a.size === 64 ? 'x' : 'w'}${a.n + 1}${a.n === 30 ? ' (zr)' : ''} after '${a.text}'`);
  return a.n;
}

function casp(fields: Record<string, number>) {
  return [
    form('Rs, Rs+1, Rt, Rt+1, [Xn|SP]', (o, c) => {
      const r = regs(o, 4);
      const rn = r && baseOnly(o, 4, c);
      if (!r || rn === null) return null;
      const sz = dataSize(r, '');
      return encoded('CASP', { ...fields, ...sz, Rs: evenPair(r[0]!, r[1]!), Rn: rn, Rt: evenPair(r[2]!, r[3]!) });
    }),
  ];
}

// -------------------------------------------------------------------------------- LSE atomics

/** ld<op>/swp: `Rs, Rt, [Xn|SP]`; st<op> (`store`): `Rs, [Xn|SP]` with Rt = zero register. */
function atomic(entry: string, width: Width, fields: Record<string, number>, store: boolean) {
  const n = store ? 1 : 2;
  return [
    form(`${width ? 'Ws' : 'Rs'}${store ? '' : width ? ', Wt' : ', Rt'}, [Xn|SP]`, (o, c) => {
      const r = regs(o, n);
      const rn = r && baseOnly(o, n, c);
      if (!r || rn === null) return null;
      return encoded(entry, { ...fields, ...dataSize(r, width), Rs: r[0]!.n, Rn: rn, Rt: store ? 31 : r[1]!.n });
    }),
  ];
}

function build(): FormTable {
  const out: FormTable = {};
  const widths: [Width, string][] = [
    ['b', 'B'],
    ['h', 'H'],
    ['', ''],
  ];
  for (const [w, W] of widths) {
    // exclusives: [mnemonic, entry stem, status, pair]
    const excl: [string, string, boolean, boolean][] = [
      ['stxr', 'STXR', true, false],
      ['stlxr', 'STLXR', true, false],
      ['ldxr', 'LDXR', false, false],
      ['ldaxr', 'LDAXR', false, false],
      ['stllr', 'STLLR', false, false],
      ['stlr', 'STLR', false, false],
      ['ldlar', 'LDLAR', false, false],
      ['ldar', 'LDAR', false, false],
      ['ldapr', 'LDAPR', false, false],
    ];
    for (const [mn, stem, status, pair] of excl) out[mn + w] = exclusive(stem + W, w, status, pair);
    for (const [A, a] of [[0, ''], [1, 'a']] as const) {
      for (const [R, l] of [[0, ''], [1, 'l']] as const) {
        out[`cas${a}${l}${w}`] = cas(`CAS${W}`, w, { L: A, o0: R });
        out[`swp${a}${l}${w}`] = atomic(`SWP${W}`, w, { A, R }, false);
        for (const op of ['add', 'clr', 'eor', 'set', 'smax', 'smin', 'umax', 'umin']) {
          out[`ld${op}${a}${l}${w}`] = atomic(`LD${op.toUpperCase()}${W}`, w, { A, R }, false);
          // st<op>: no acquire form (a load that discards its value cannot acquire)
          if (!A) out[`st${op}${l}${w}`] = atomic(`LD${op.toUpperCase()}${W}`, w, { A: 0, R }, true);
        }
        if (!w) out[`casp${a}${l}`] = casp({ L: A, o0: R });
      }
    }
  }
  for (const [mn, stem, status] of [['stxp', 'STXP', true], ['stlxp', 'STLXP', true], ['ldxp', 'LDXP', false], ['ldaxp', 'LDAXP', false]] as const) {
    out[mn] = exclusive(stem, '', status, true);
  }
  return out;
}

export const exclusiveAtomicForms: FormTable = build();
