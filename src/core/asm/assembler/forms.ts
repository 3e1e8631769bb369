/**
 * Every mnemonic's forms, merged from the per-class encoder files (which mirror the formatter
 * files of the disassembler and cpu/exec's handlers).
 */
import type { FormTable } from './encode.js';
import { branchSysForms } from './enc-branch.js';
import { dpImmForms } from './enc-dp-imm.js';
import { dpRegForms } from './enc-dp-reg.js';
import { fpForms } from './enc-fp.js';
import { ldstForms } from './enc-ldst.js';
import { simdForms } from './enc-simd.js';
import { simdArithForms } from './enc-simd-arith.js';

function merge(...tables: FormTable[]): FormTable {
  const out: FormTable = {};
  for (const t of tables) for (const [m, list] of Object.entries(t)) (out[m] ??= []).push(...list);
  return out;
}

export const forms: FormTable = merge(dpImmForms, dpRegForms, branchSysForms, ldstForms, fpForms, simdArithForms, simdForms);
