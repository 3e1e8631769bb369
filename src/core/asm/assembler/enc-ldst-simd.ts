/**
 * Encoders: Advanced SIMD structure loads and stores — ld1-ld4/st1-st4 of multiple structures
 * (`{v0.16b-v3.16b}`), of one lane (`{v0.s, v1.s}[1]`), and ld1r-ld4r (replicate), each at
 * `[Xn|SP]` or post-indexed by the bytes transferred (`[Xn|SP], #32`) or by a register
 * (`[Xn|SP], Xm`; Rm = 31 is the immediate form, so Xm cannot be xzr).
 */
import { type EncodeCtx, type Encoded, type FormTable, bad, inRange } from './encode.js';
import { type Addr, addressAt, form } from './enc-ldst-addr.js';
import type { Operand, RegList } from './operands.js';

type List = RegList & Operand;

const ARRS = ['8b', '16b', '4h', '8h', '2s', '4s', '1d', '2d'];

/** size and Q of a full-register arrangement, or a clear error. */
function arrangement(l: List, allow1d: boolean): { size: number; Q: number } {
  const i = ARRS.indexOf(l.arr);
  if (i < 0 || (i === 6 && !allow1d)) bad(l, `expected an arrangement ${allow1d ? '8b, 16b, 4h, 8h, 2s, 4s, 1d or 2d' : '8b, 16b, 4h, 8h, 2s, 4s or 2d'}, found '.${l.arr}'`);
  return { size: i >> 1, Q: i & 1 };
}

function countOf(l: List, mn: string, n: number): void {
  if (l.count !== n) bad(l, `${mn} needs a list of ${n} register${n > 1 ? 's' : ''}, found ${l.count}`);
}

/**
 * Rm of the address: 0b11111 for none or for `#imm` (which must be the bytes transferred), Xm
 * otherwise; null (with `post` false) when not post-indexed; null overall for another shape.
 */
function postIndex(o: readonly Operand[], bytes: number, c: EncodeCtx): { post: boolean; Rm: number; Rn: number } | null {
  const a: Addr | null = addressAt(o, 1);
  if (!a) return null;
  if (a.mode === 'off') {
    if (a.imm) bad(a.mem, `expected [Xn|SP] (structure loads and stores take no offset; post-index with [Xn|SP], #${bytes})`);
    return { post: false, Rm: 0, Rn: a.base };
  }
  if (a.mode === 'post') {
    if (a.imm.reloc) bad(a.imm, `:${a.imm.reloc}: cannot be a post-index amount`);
    inRange(a.imm, c.value(a.imm), bytes, bytes, 'post-index amount (the bytes transferred)');
    return { post: true, Rm: 31, Rn: a.base };
  }
  if (a.mode === 'postreg') {
    if (a.rm.size !== 64 || a.rm.n === 31) bad(a.rm, `expected x0-x30 as the post-index register (or #${bytes}), found '${a.rm.text}'`);
    return { post: true, Rm: a.rm.n, Rn: a.base };
  }
  bad(a.mem, `expected [Xn|SP], [Xn|SP], #${bytes} or [Xn|SP], Xm`);
}

function withPost(stem: string, p: { post: boolean; Rm: number; Rn: number }, fields: Record<string, number>): Encoded {
  return { entry: p.post ? `${stem}_post` : stem, fields: p.post ? { ...fields, Rm: p.Rm, Rn: p.Rn } : { ...fields, Rn: p.Rn } };
}

/** The single-structure fields of a lane: scale, S, size, Q. */
function lane(l: List): Record<string, number> & { esize: number } {
  const idx = l.index!;
  const max = { b: 15, h: 7, s: 3, d: 1 }[l.arr];
  if (max === undefined) bad(l, `expected an element type b, h, s or d with a lane index (like {v0.s}[1]), found '.${l.arr}'`);
  if (idx > max!) bad(l, `lane index out of range: ${idx} is not in 0 to ${max}`);
  switch (l.arr) {
    case 'b':
      return { scale: 0, Q: idx >> 3, S: (idx >> 2) & 1, size: idx & 3, esize: 1 };
    case 'h':
      return { scale: 1, Q: idx >> 2, S: (idx >> 1) & 1, size: (idx & 1) << 1, esize: 2 };
    case 's':
      return { scale: 2, Q: idx >> 1, S: idx & 1, size: 0, esize: 4 };
    default:
      return { scale: 2, Q: idx, S: 0, size: 1, esize: 8 };
  }
}

const list = (o: Operand | undefined): o is List => o?.k === 'list';

function build(): FormTable {
  const out: FormTable = {};
  for (const op of ['ld', 'st'] as const) {
    const OP = op.toUpperCase();
    for (let n = 1; n <= 4; n++) {
      const mn = `${op}${n}`;
      out[mn] = [
        form(`{Vt.T, …}, [Xn|SP]{, #imm|Xm}`, (o, c) => {
          const l = o[0];
          if (!list(l) || l.index !== null) return null;
          if (n === 1 && (l.count < 1 || l.count > 4)) bad(l, `${mn} needs a list of 1 to 4 registers`);
          if (n > 1) countOf(l, mn, n);
          const { size, Q } = arrangement(l, n === 1);
          const p = postIndex(o, l.count * (Q ? 16 : 8), c);
          if (!p) return null;
          const stem = n === 1 ? `${OP}1_${l.count}` : `${OP}${n}_m`;
          return withPost(stem, p, { Q, size, Rt: l.first });
        }),
        form(`{Vt.T, …}[index], [Xn|SP]{, #imm|Xm}`, (o, c) => {
          const l = o[0];
          if (!list(l) || l.index === null) return null;
          countOf(l, mn, n);
          const { esize, ...fields } = lane(l);
          const p = postIndex(o, n * esize, c);
          return p && withPost(`${OP}${n}_s`, p, { ...fields, Rt: l.first });
        }),
      ];
    }
  }
  for (let n = 1; n <= 4; n++) {
    const mn = `ld${n}r`;
    out[mn] = [
      form(`{Vt.T, …}, [Xn|SP]{, #imm|Xm}`, (o, c) => {
        const l = o[0];
        if (!list(l)) return null;
        if (l.index !== null) bad(l, `${mn} loads every lane: write the list without [index]`);
        countOf(l, mn, n);
        const { size, Q } = arrangement(l, true);
        const p = postIndex(o, n << size, c);
        return p && withPost(`LD${n}R`, p, { Q, size, Rt: l.first });
      }),
    ];
  }
  return out;
}

export const simdStructForms: FormTable = build();
