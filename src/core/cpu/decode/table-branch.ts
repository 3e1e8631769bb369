import type { TableLine } from './encoding.js';

/** Branches, exception generating and system instructions (Arm ARM C4.1.87). */
export const branchSys: TableLine[] = [
  // Reserved (C4.1.1): UDF, permanently undefined. As 'todo' it decodes as UNDEFINED, which is all
  // it does; the entry gives the disassembler (and assembler) its name.
  ['UDF', 'udf', '0000000000000000 imm16:16', 'todo'],
  ['B', 'b', '0 00101 imm26:26', 'end'],
  ['BL', 'bl', '1 00101 imm26:26', 'end'],
  ['B_cond', 'b.cond', '0101010 0 imm19:19 0 cond:4', 'end'],
  ['CBZ', 'cbz', 'sf 011010 0 imm19:19 Rt:5', 'end'],
  ['CBNZ', 'cbnz', 'sf 011010 1 imm19:19 Rt:5', 'end'],
  ['TBZ', 'tbz', 'b5 011011 0 b40:5 imm14:14 Rt:5', 'end'],
  ['TBNZ', 'tbnz', 'b5 011011 1 b40:5 imm14:14 Rt:5', 'end'],
  ['BR', 'br', '1101011 0000 11111 000000 Rn:5 00000', 'end'],
  ['BLR', 'blr', '1101011 0001 11111 000000 Rn:5 00000', 'end'],
  ['RET', 'ret', '1101011 0010 11111 000000 Rn:5 00000', 'end'],
  ['SVC', 'svc', '11010100 000 imm16:16 000 01', 'end'],
  ['BRK', 'brk', '11010100 001 imm16:16 000 00', 'end'],
  ['HINT', 'hint', '11010101 00000011 0010 CRm:4 op2:3 11111'],
  ['CLREX', 'clrex', '11010101 00000011 0011 CRm:4 010 11111'],
  ['DSB', 'dsb', '11010101 00000011 0011 CRm:4 100 11111'],
  ['DMB', 'dmb', '11010101 00000011 0011 CRm:4 101 11111'],
  ['ISB', 'isb', '11010101 00000011 0011 CRm:4 110 11111'],
  ['SB', 'sb', '11010101 00000011 0011 0000 111 11111'],
  // PSTATE (MSR immediate, op1 = 000, CRn = 0100, CRm = 0000): FEAT_FlagM, FEAT_FlagM2
  ['CFINV', 'cfinv', '11010101 00000000 0100 0000 000 11111'],
  ['XAFLAG', 'xaflag', '11010101 00000000 0100 0000 001 11111'],
  ['AXFLAG', 'axflag', '11010101 00000000 0100 0000 010 11111'],
  ['SYS', 'sys', '1101010100 0 01 op1:3 CRn:4 CRm:4 op2:3 Rt:5'],
  ['MSR_reg', 'msr', '1101010100 0 1 o0 op1:3 CRn:4 CRm:4 op2:3 Rt:5'],
  ['MRS', 'mrs', '1101010100 1 1 o0 op1:3 CRn:4 CRm:4 op2:3 Rt:5'],
];
