/**
 * Advanced SIMD structure loads and stores: multiple structures (`{v0.16b-v3.16b}`), single
 * lanes (`{v0.s}[1]`) and replicate (`ld1r {v0.4s}`), with objdump's post-index forms
 * (`#imm` for Rm = 31, else the register).
 */
import { type Formatter, type Formatters, ins, x, xsp } from './format.js';
import { arr, elem, regList } from './fmt-simd-common.js';

type F = Record<string, number>;

/** `[Xn|SP]`, then for the post-indexed forms `#imm` (Rm = 31) or `Xm` */
function address(f: F, post: boolean, bytes: number): string[] {
  const base = `[${xsp(f.Rn)}]`;
  if (!post) return [base];
  return [base, f.Rm === 31 ? `#${bytes}` : x(f.Rm)];
}

/** LD1–LD4/ST1–ST4 (multiple structures): `regs` registers; only LD1/ST1 take 1d */
const multiple = (regs: number, post: boolean): Formatter => (f, c) => {
  if (f.size === 3 && !f.Q && c.enc.mnemonic.slice(2) !== '1') return null;
  const t = arr(f.size, f.Q);
  return ins(c.enc.mnemonic, regList(f.Rt, regs, t), ...address(f, post, regs * (f.Q ? 16 : 8)));
};

/** The element size and index of a single-structure access, or null when reserved */
function singleLane(f: F): { size: number; index: number } | null {
  const { scale, Q, S, size } = f;
  if (scale === 0) return { size: 0, index: (Q << 3) | (S << 2) | size };
  if (scale === 1) return size & 1 ? null : { size: 1, index: (Q << 2) | (S << 1) | (size >> 1) };
  if (scale === 2) {
    if (size === 0) return { size: 2, index: (Q << 1) | S };
    if (size === 1 && !S) return { size: 3, index: Q };
  }
  return null;
}

const single = (regs: number, post: boolean): Formatter => (f, c) => {
  const l = singleLane(f);
  if (!l) return null;
  return ins(c.enc.mnemonic, `${regList(f.Rt, regs, elem(l.size))}[${l.index}]`, ...address(f, post, regs << l.size));
};

const replicate = (regs: number, post: boolean): Formatter => (f, c) =>
  ins(c.enc.mnemonic, regList(f.Rt, regs, arr(f.size, f.Q)), ...address(f, post, regs << f.size));

const MULTI: [string, number][] = [
  ['ST1_1', 1], ['ST1_2', 2], ['ST1_3', 3], ['ST1_4', 4], ['ST2_m', 2], ['ST3_m', 3], ['ST4_m', 4],
  ['LD1_1', 1], ['LD1_2', 2], ['LD1_3', 3], ['LD1_4', 4], ['LD2_m', 2], ['LD3_m', 3], ['LD4_m', 4],
];

export const simdLdstFormatters: Formatters = {};
for (const [name, regs] of MULTI) {
  simdLdstFormatters[name] = multiple(regs, false);
  simdLdstFormatters[`${name}_post`] = multiple(regs, true);
}
for (let n = 1; n <= 4; n++) {
  for (const op of ['ST', 'LD']) {
    simdLdstFormatters[`${op}${n}_s`] = single(n, false);
    simdLdstFormatters[`${op}${n}_s_post`] = single(n, true);
  }
  simdLdstFormatters[`LD${n}R`] = replicate(n, false);
  simdLdstFormatters[`LD${n}R_post`] = replicate(n, true);
}
