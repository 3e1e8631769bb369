import type { TableLine } from './encoding.js';

/**
 * Data processing — register (Arm ARM C4.1.88). Fixed bits rule out the unallocated encodings
 * the patterns can express (e.g. S = 1 for CSEL, sf = 0 for SMULH); the handlers return null for
 * the rest (shift type 11, imm6 >= 32 in 32-bit forms, imm3 > 4).
 */
export const dpReg: TableLine[] = [
  // Logical (shifted register)
  ['AND_shift', 'and', 'sf 00 01010 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5'],
  ['BIC_shift', 'bic', 'sf 00 01010 shift:2 1 Rm:5 imm6:6 Rn:5 Rd:5'],
  ['ORR_shift', 'orr', 'sf 01 01010 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5'],
  ['ORN_shift', 'orn', 'sf 01 01010 shift:2 1 Rm:5 imm6:6 Rn:5 Rd:5'],
  ['EOR_shift', 'eor', 'sf 10 01010 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5'],
  ['EON_shift', 'eon', 'sf 10 01010 shift:2 1 Rm:5 imm6:6 Rn:5 Rd:5'],
  ['ANDS_shift', 'ands', 'sf 11 01010 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5'],
  ['BICS_shift', 'bics', 'sf 11 01010 shift:2 1 Rm:5 imm6:6 Rn:5 Rd:5'],

  // Add/subtract (shifted register)
  ['ADD_shift', 'add', 'sf 0 0 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5'],
  ['ADDS_shift', 'adds', 'sf 0 1 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5'],
  ['SUB_shift', 'sub', 'sf 1 0 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5'],
  ['SUBS_shift', 'subs', 'sf 1 1 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5'],

  // Add/subtract (extended register); opt (bits 23:22) must be 00
  ['ADD_ext', 'add', 'sf 0 0 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5'],
  ['ADDS_ext', 'adds', 'sf 0 1 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5'],
  ['SUB_ext', 'sub', 'sf 1 0 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5'],
  ['SUBS_ext', 'subs', 'sf 1 1 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5'],

  // Add/subtract (with carry)
  ['ADC', 'adc', 'sf 0 0 11010000 Rm:5 000000 Rn:5 Rd:5'],
  ['ADCS', 'adcs', 'sf 0 1 11010000 Rm:5 000000 Rn:5 Rd:5'],
  ['SBC', 'sbc', 'sf 1 0 11010000 Rm:5 000000 Rn:5 Rd:5'],
  ['SBCS', 'sbcs', 'sf 1 1 11010000 Rm:5 000000 Rn:5 Rd:5'],

  // Rotate right into flags, evaluate into flags (FEAT_FlagM, Armv8.4)
  ['RMIF', 'rmif', '1 0 1 11010000 imm6:6 00001 Rn:5 0 mask:4'],
  ['SETF8', 'setf8', '0 0 1 11010000 000000 0 0010 Rn:5 0 1101'],
  ['SETF16', 'setf16', '0 0 1 11010000 000000 1 0010 Rn:5 0 1101'],

  // Conditional compare (register, immediate)
  ['CCMN_reg', 'ccmn', 'sf 0 1 11010010 Rm:5 cond:4 0 0 Rn:5 0 nzcv:4'],
  ['CCMP_reg', 'ccmp', 'sf 1 1 11010010 Rm:5 cond:4 0 0 Rn:5 0 nzcv:4'],
  ['CCMN_imm', 'ccmn', 'sf 0 1 11010010 imm5:5 cond:4 1 0 Rn:5 0 nzcv:4'],
  ['CCMP_imm', 'ccmp', 'sf 1 1 11010010 imm5:5 cond:4 1 0 Rn:5 0 nzcv:4'],

  // Conditional select
  ['CSEL', 'csel', 'sf 0 0 11010100 Rm:5 cond:4 0 0 Rn:5 Rd:5'],
  ['CSINC', 'csinc', 'sf 0 0 11010100 Rm:5 cond:4 0 1 Rn:5 Rd:5'],
  ['CSINV', 'csinv', 'sf 1 0 11010100 Rm:5 cond:4 0 0 Rn:5 Rd:5'],
  ['CSNEG', 'csneg', 'sf 1 0 11010100 Rm:5 cond:4 0 1 Rn:5 Rd:5'],

  // Data processing (2 source)
  ['UDIV', 'udiv', 'sf 0 0 11010110 Rm:5 000010 Rn:5 Rd:5'],
  ['SDIV', 'sdiv', 'sf 0 0 11010110 Rm:5 000011 Rn:5 Rd:5'],
  ['LSLV', 'lslv', 'sf 0 0 11010110 Rm:5 001000 Rn:5 Rd:5'],
  ['LSRV', 'lsrv', 'sf 0 0 11010110 Rm:5 001001 Rn:5 Rd:5'],
  ['ASRV', 'asrv', 'sf 0 0 11010110 Rm:5 001010 Rn:5 Rd:5'],
  ['RORV', 'rorv', 'sf 0 0 11010110 Rm:5 001011 Rn:5 Rd:5'],
  ['CRC32B', 'crc32b', '0 0 0 11010110 Rm:5 010000 Rn:5 Rd:5'],
  ['CRC32H', 'crc32h', '0 0 0 11010110 Rm:5 010001 Rn:5 Rd:5'],
  ['CRC32W', 'crc32w', '0 0 0 11010110 Rm:5 010010 Rn:5 Rd:5'],
  ['CRC32X', 'crc32x', '1 0 0 11010110 Rm:5 010011 Rn:5 Rd:5'],
  ['CRC32CB', 'crc32cb', '0 0 0 11010110 Rm:5 010100 Rn:5 Rd:5'],
  ['CRC32CH', 'crc32ch', '0 0 0 11010110 Rm:5 010101 Rn:5 Rd:5'],
  ['CRC32CW', 'crc32cw', '0 0 0 11010110 Rm:5 010110 Rn:5 Rd:5'],
  ['CRC32CX', 'crc32cx', '1 0 0 11010110 Rm:5 010111 Rn:5 Rd:5'],
  ['SUBP', 'subp', '1 0 0 11010110 Rm:5 000000 Rn:5 Rd:5', 'todo'], // FEAT_MTE
  ['SUBPS', 'subps', '1 0 1 11010110 Rm:5 000000 Rn:5 Rd:5', 'todo'],
  ['IRG', 'irg', '1 0 0 11010110 Rm:5 000100 Rn:5 Rd:5', 'todo'],
  ['GMI', 'gmi', '1 0 0 11010110 Rm:5 000101 Rn:5 Rd:5', 'todo'],
  ['PACGA', 'pacga', '1 0 0 11010110 Rm:5 001100 Rn:5 Rd:5', 'todo'], // FEAT_PAuth
  ['SMAX_reg', 'smax', 'sf 0 0 11010110 Rm:5 011000 Rn:5 Rd:5', 'todo'], // FEAT_CSSC
  ['UMAX_reg', 'umax', 'sf 0 0 11010110 Rm:5 011001 Rn:5 Rd:5', 'todo'],
  ['SMIN_reg', 'smin', 'sf 0 0 11010110 Rm:5 011010 Rn:5 Rd:5', 'todo'],
  ['UMIN_reg', 'umin', 'sf 0 0 11010110 Rm:5 011011 Rn:5 Rd:5', 'todo'],

  // Data processing (1 source)
  ['RBIT', 'rbit', 'sf 1 0 11010110 00000 000000 Rn:5 Rd:5'],
  ['REV16', 'rev16', 'sf 1 0 11010110 00000 000001 Rn:5 Rd:5'],
  ['REV_w', 'rev', '0 1 0 11010110 00000 000010 Rn:5 Rd:5'],
  ['REV32', 'rev32', '1 1 0 11010110 00000 000010 Rn:5 Rd:5'],
  ['REV_x', 'rev', '1 1 0 11010110 00000 000011 Rn:5 Rd:5'],
  ['CLZ', 'clz', 'sf 1 0 11010110 00000 000100 Rn:5 Rd:5'],
  ['CLS', 'cls', 'sf 1 0 11010110 00000 000101 Rn:5 Rd:5'],
  ['CTZ', 'ctz', 'sf 1 0 11010110 00000 000110 Rn:5 Rd:5', 'todo'], // FEAT_CSSC
  ['CNT', 'cnt', 'sf 1 0 11010110 00000 000111 Rn:5 Rd:5', 'todo'],
  ['ABS', 'abs', 'sf 1 0 11010110 00000 001000 Rn:5 Rd:5', 'todo'],
  ['PAUTH_1src', 'pac/aut/xpac', '1 1 0 11010110 00001 opcode:6 Rn:5 Rd:5', 'todo'], // FEAT_PAuth

  // Data processing (3 source)
  ['MADD', 'madd', 'sf 00 11011 000 Rm:5 0 Ra:5 Rn:5 Rd:5'],
  ['MSUB', 'msub', 'sf 00 11011 000 Rm:5 1 Ra:5 Rn:5 Rd:5'],
  ['SMADDL', 'smaddl', '1 00 11011 001 Rm:5 0 Ra:5 Rn:5 Rd:5'],
  ['SMSUBL', 'smsubl', '1 00 11011 001 Rm:5 1 Ra:5 Rn:5 Rd:5'],
  ['SMULH', 'smulh', '1 00 11011 010 Rm:5 0 ----- Rn:5 Rd:5'],
  ['UMADDL', 'umaddl', '1 00 11011 101 Rm:5 0 Ra:5 Rn:5 Rd:5'],
  ['UMSUBL', 'umsubl', '1 00 11011 101 Rm:5 1 Ra:5 Rn:5 Rd:5'],
  ['UMULH', 'umulh', '1 00 11011 110 Rm:5 0 ----- Rn:5 Rd:5'],
];
