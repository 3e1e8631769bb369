import type { TableLine } from './encoding.js';

/**
 * Scalar floating-point (Arm ARM C4.1.96: Data Processing -- Scalar Floating-Point and Advanced
 * SIMD, the classes with M = 0, S = 0, bits 28:24 = 11110/11111). ftype: 00 single, 01 double,
 * 11 half (FEAT_FP16 except for FCVT); handlers reject 10 (only FMOV Xd/V.D[1] uses it).
 */
export const fp: TableLine[] = [
  // Conversion between floating-point and fixed-point
  ['SCVTF_float_fix', 'scvtf', 'sf 0 0 11110 ftype:2 0 00 010 scale:6 Rn:5 Rd:5'],
  ['UCVTF_float_fix', 'ucvtf', 'sf 0 0 11110 ftype:2 0 00 011 scale:6 Rn:5 Rd:5'],
  ['FCVTZS_float_fix', 'fcvtzs', 'sf 0 0 11110 ftype:2 0 11 000 scale:6 Rn:5 Rd:5'],
  ['FCVTZU_float_fix', 'fcvtzu', 'sf 0 0 11110 ftype:2 0 11 001 scale:6 Rn:5 Rd:5'],

  // Conversion between floating-point and integer
  ['FCVTNS_float', 'fcvtns', 'sf 0 0 11110 ftype:2 1 00 000 000000 Rn:5 Rd:5'],
  ['FCVTNU_float', 'fcvtnu', 'sf 0 0 11110 ftype:2 1 00 001 000000 Rn:5 Rd:5'],
  ['SCVTF_float_int', 'scvtf', 'sf 0 0 11110 ftype:2 1 00 010 000000 Rn:5 Rd:5'],
  ['UCVTF_float_int', 'ucvtf', 'sf 0 0 11110 ftype:2 1 00 011 000000 Rn:5 Rd:5'],
  ['FCVTAS_float', 'fcvtas', 'sf 0 0 11110 ftype:2 1 00 100 000000 Rn:5 Rd:5'],
  ['FCVTAU_float', 'fcvtau', 'sf 0 0 11110 ftype:2 1 00 101 000000 Rn:5 Rd:5'],
  ['FMOV_float_gen', 'fmov', 'sf 0 0 11110 ftype:2 1 0 rmode 11 toFp 000000 Rn:5 Rd:5'],
  ['FCVTPS_float', 'fcvtps', 'sf 0 0 11110 ftype:2 1 01 000 000000 Rn:5 Rd:5'],
  ['FCVTPU_float', 'fcvtpu', 'sf 0 0 11110 ftype:2 1 01 001 000000 Rn:5 Rd:5'],
  ['FCVTMS_float', 'fcvtms', 'sf 0 0 11110 ftype:2 1 10 000 000000 Rn:5 Rd:5'],
  ['FCVTMU_float', 'fcvtmu', 'sf 0 0 11110 ftype:2 1 10 001 000000 Rn:5 Rd:5'],
  ['FCVTZS_float_int', 'fcvtzs', 'sf 0 0 11110 ftype:2 1 11 000 000000 Rn:5 Rd:5'],
  ['FCVTZU_float_int', 'fcvtzu', 'sf 0 0 11110 ftype:2 1 11 001 000000 Rn:5 Rd:5'],
  ['FJCVTZS', 'fjcvtzs', '0 0 0 11110 01 1 11 110 000000 Rn:5 Rd:5'],

  // Floating-point data-processing (1 source)
  ['FMOV_float', 'fmov', '0 0 0 11110 ftype:2 1 0000 00 10000 Rn:5 Rd:5'],
  ['FABS_float', 'fabs', '0 0 0 11110 ftype:2 1 0000 01 10000 Rn:5 Rd:5'],
  ['FNEG_float', 'fneg', '0 0 0 11110 ftype:2 1 0000 10 10000 Rn:5 Rd:5'],
  ['FSQRT_float', 'fsqrt', '0 0 0 11110 ftype:2 1 0000 11 10000 Rn:5 Rd:5'],
  ['FCVT_float', 'fcvt', '0 0 0 11110 ftype:2 1 0001 opc:2 10000 Rn:5 Rd:5'],
  ['FRINTN_float', 'frintn', '0 0 0 11110 ftype:2 1 001 000 10000 Rn:5 Rd:5'],
  ['FRINTP_float', 'frintp', '0 0 0 11110 ftype:2 1 001 001 10000 Rn:5 Rd:5'],
  ['FRINTM_float', 'frintm', '0 0 0 11110 ftype:2 1 001 010 10000 Rn:5 Rd:5'],
  ['FRINTZ_float', 'frintz', '0 0 0 11110 ftype:2 1 001 011 10000 Rn:5 Rd:5'],
  ['FRINTA_float', 'frinta', '0 0 0 11110 ftype:2 1 001 100 10000 Rn:5 Rd:5'],
  ['FRINTX_float', 'frintx', '0 0 0 11110 ftype:2 1 001 110 10000 Rn:5 Rd:5'],
  ['FRINTI_float', 'frinti', '0 0 0 11110 ftype:2 1 001 111 10000 Rn:5 Rd:5'],
  // Armv8.5 FEAT_FRINTTS
  ['FRINT32Z_float', 'frint32z', '0 0 0 11110 0 ftype 1 0100 00 10000 Rn:5 Rd:5'],
  ['FRINT32X_float', 'frint32x', '0 0 0 11110 0 ftype 1 0100 01 10000 Rn:5 Rd:5'],
  ['FRINT64Z_float', 'frint64z', '0 0 0 11110 0 ftype 1 0100 10 10000 Rn:5 Rd:5'],
  ['FRINT64X_float', 'frint64x', '0 0 0 11110 0 ftype 1 0100 11 10000 Rn:5 Rd:5'],

  // Floating-point compare
  ['FCMP_float', 'fcmp', '0 0 0 11110 ftype:2 1 Rm:5 00 1000 Rn:5 0 z 000'],
  ['FCMPE_float', 'fcmpe', '0 0 0 11110 ftype:2 1 Rm:5 00 1000 Rn:5 1 z 000'],

  // Floating-point immediate
  ['FMOV_float_imm', 'fmov', '0 0 0 11110 ftype:2 1 imm8:8 100 00000 Rd:5'],

  // Floating-point conditional compare
  ['FCCMP_float', 'fccmp', '0 0 0 11110 ftype:2 1 Rm:5 cond:4 01 Rn:5 0 nzcv:4'],
  ['FCCMPE_float', 'fccmpe', '0 0 0 11110 ftype:2 1 Rm:5 cond:4 01 Rn:5 1 nzcv:4'],

  // Floating-point data-processing (2 source)
  ['FMUL_float', 'fmul', '0 0 0 11110 ftype:2 1 Rm:5 0000 10 Rn:5 Rd:5'],
  ['FDIV_float', 'fdiv', '0 0 0 11110 ftype:2 1 Rm:5 0001 10 Rn:5 Rd:5'],
  ['FADD_float', 'fadd', '0 0 0 11110 ftype:2 1 Rm:5 0010 10 Rn:5 Rd:5'],
  ['FSUB_float', 'fsub', '0 0 0 11110 ftype:2 1 Rm:5 0011 10 Rn:5 Rd:5'],
  ['FMAX_float', 'fmax', '0 0 0 11110 ftype:2 1 Rm:5 0100 10 Rn:5 Rd:5'],
  ['FMIN_float', 'fmin', '0 0 0 11110 ftype:2 1 Rm:5 0101 10 Rn:5 Rd:5'],
  ['FMAXNM_float', 'fmaxnm', '0 0 0 11110 ftype:2 1 Rm:5 0110 10 Rn:5 Rd:5'],
  ['FMINNM_float', 'fminnm', '0 0 0 11110 ftype:2 1 Rm:5 0111 10 Rn:5 Rd:5'],
  ['FNMUL_float', 'fnmul', '0 0 0 11110 ftype:2 1 Rm:5 1000 10 Rn:5 Rd:5'],

  // Floating-point conditional select
  ['FCSEL_float', 'fcsel', '0 0 0 11110 ftype:2 1 Rm:5 cond:4 11 Rn:5 Rd:5'],

  // Floating-point data-processing (3 source)
  ['FMADD_float', 'fmadd', '0 0 0 11111 ftype:2 0 Rm:5 0 Ra:5 Rn:5 Rd:5'],
  ['FMSUB_float', 'fmsub', '0 0 0 11111 ftype:2 0 Rm:5 1 Ra:5 Rn:5 Rd:5'],
  ['FNMADD_float', 'fnmadd', '0 0 0 11111 ftype:2 1 Rm:5 0 Ra:5 Rn:5 Rd:5'],
  ['FNMSUB_float', 'fnmsub', '0 0 0 11111 ftype:2 1 Rm:5 1 Ra:5 Rn:5 Rd:5'],
];
