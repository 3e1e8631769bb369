/** Advanced SIMD copy (dup, smov, umov/mov, ins/mov), permute, extract and table lookup. */
import { family, type Formatter, type Formatters, ins, w, x } from './format.js';
import { arr, elem, imm5Lane, regList, vt } from './fmt-simd-common.js';

const dupElem: Formatter = (f) => {
  const l = imm5Lane(f.imm5);
  if (!l || l.size > 3 || (l.size === 3 && !f.Q)) return null;
  return ins('dup', vt(f.Rd, arr(l.size, f.Q)), `v${f.Rn}.${elem(l.size)}[${l.index}]`);
};

const dupGen: Formatter = (f) => {
  const l = imm5Lane(f.imm5);
  if (!l || l.size > 3 || (l.size === 3 && !f.Q)) return null;
  return ins('dup', vt(f.Rd, arr(l.size, f.Q)), l.size === 3 ? x(f.Rn) : w(f.Rn));
};

/** SMOV: W for bytes and halves (Q = 0), X for bytes, halves and words (Q = 1) */
const smov: Formatter = (f) => {
  const l = imm5Lane(f.imm5);
  if (!l || l.size > (f.Q ? 2 : 1)) return null;
  return ins('smov', f.Q ? x(f.Rd) : w(f.Rd), `v${f.Rn}.${elem(l.size)}[${l.index}]`);
};

/** UMOV: W for b/h/s (Q = 0), X for d (Q = 1); `mov` for words and doublewords */
const umov: Formatter = (f) => {
  const l = imm5Lane(f.imm5);
  if (!l || (f.Q ? l.size !== 3 : l.size > 2)) return null;
  const name = l.size >= 2 ? 'mov' : 'umov';
  return ins(name, f.Q ? x(f.Rd) : w(f.Rd), `v${f.Rn}.${elem(l.size)}[${l.index}]`);
};

const insGen: Formatter = (f) => {
  const l = imm5Lane(f.imm5);
  if (!l || l.size > 3) return null;
  return ins('mov', `v${f.Rd}.${elem(l.size)}[${l.index}]`, l.size === 3 ? x(f.Rn) : w(f.Rn));
};

const insElem: Formatter = (f) => {
  const l = imm5Lane(f.imm5);
  if (!l || l.size > 3) return null;
  const e = elem(l.size);
  return ins('mov', `v${f.Rd}.${e}[${l.index}]`, `v${f.Rn}.${e}[${f.imm4 >> l.size}]`);
};

/** DUP (element, scalar) is `mov Bd, Vn.b[i]` */
const dupScalar: Formatter = (f) => {
  const l = imm5Lane(f.imm5);
  if (!l || l.size > 3) return null;
  const e = elem(l.size);
  return ins('mov', `${e}${f.Rd}`, `v${f.Rn}.${e}[${l.index}]`);
};

const permute: Formatter = (f, c) => {
  if (f.size === 3 && !f.Q) return null;
  const t = arr(f.size, f.Q);
  return ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t), vt(f.Rm, t));
};

const ext: Formatter = (f) => {
  if (!f.Q && f.imm4 >= 8) return null;
  const t = f.Q ? '16b' : '8b';
  return ins('ext', vt(f.Rd, t), vt(f.Rn, t), vt(f.Rm, t), `#${f.imm4}`);
};

const table: Formatter = (f, c) => {
  const t = f.Q ? '16b' : '8b';
  return ins(c.enc.mnemonic, vt(f.Rd, t), regList(f.Rn, f.len + 1, '16b'), vt(f.Rm, t));
};

export const simdMoveFormatters: Formatters = {
  DUP_elem_v: dupElem,
  DUP_gen_v: dupGen,
  SMOV: smov,
  UMOV: umov,
  INS_gen: insGen,
  INS_elem: insElem,
  DUP_elem_sd: dupScalar,
  ...family(permute, 'UZP1 TRN1 ZIP1 UZP2 TRN2 ZIP2'),
  EXT: ext,
  ...family(table, 'TBL TBX'),
};
