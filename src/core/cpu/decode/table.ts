/**
 * The encoding table: every A64 encoding a64play knows, one line each, grouped by the Arm ARM's
 * instruction classes. The decoder, the disassembler and the assembler are all built from it.
 */
import { branchSys } from './table-branch.js';
import { dpImm } from './table-dp-imm.js';
import { dpReg } from './table-dp-reg.js';
import type { TableLine } from './encoding.js';
import { fp } from './table-fp.js';
import { ldst } from './table-ldst.js';
import { simd } from './table-simd.js';

export const table: readonly TableLine[] = [...dpImm, ...branchSys, ...dpReg, ...ldst, ...fp, ...simd];
