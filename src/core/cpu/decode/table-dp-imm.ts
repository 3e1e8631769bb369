import type { TableLine } from './encoding.js';

/** Data processing — immediate (Arm ARM C4.1.86). */
export const dpImm: TableLine[] = [
  ['ADR', 'adr', '0 immlo:2 10000 immhi:19 Rd:5'],
  ['ADRP', 'adrp', '1 immlo:2 10000 immhi:19 Rd:5'],
  ['ADD_imm', 'add', 'sf 0 0 100010 sh imm12:12 Rn:5 Rd:5'],
  ['ADDS_imm', 'adds', 'sf 0 1 100010 sh imm12:12 Rn:5 Rd:5'],
  ['SUB_imm', 'sub', 'sf 1 0 100010 sh imm12:12 Rn:5 Rd:5'],
  ['SUBS_imm', 'subs', 'sf 1 1 100010 sh imm12:12 Rn:5 Rd:5'],
  ['AND_imm', 'and', 'sf 00 100100 N immr:6 imms:6 Rn:5 Rd:5'],
  ['ORR_imm', 'orr', 'sf 01 100100 N immr:6 imms:6 Rn:5 Rd:5'],
  ['EOR_imm', 'eor', 'sf 10 100100 N immr:6 imms:6 Rn:5 Rd:5'],
  ['ANDS_imm', 'ands', 'sf 11 100100 N immr:6 imms:6 Rn:5 Rd:5'],
  ['MOVN', 'movn', 'sf 00 100101 hw:2 imm16:16 Rd:5'],
  ['MOVZ', 'movz', 'sf 10 100101 hw:2 imm16:16 Rd:5'],
  ['MOVK', 'movk', 'sf 11 100101 hw:2 imm16:16 Rd:5'],
  ['SBFM', 'sbfm', 'sf 00 100110 N immr:6 imms:6 Rn:5 Rd:5'],
  ['BFM', 'bfm', 'sf 01 100110 N immr:6 imms:6 Rn:5 Rd:5'],
  ['UBFM', 'ubfm', 'sf 10 100110 N immr:6 imms:6 Rn:5 Rd:5'],
  ['EXTR', 'extr', 'sf 00 100111 N 0 Rm:5 imms:6 Rn:5 Rd:5'],
];
