/** All Advanced SIMD and cryptographic formatters (one file per group of instruction classes). */
import type { Formatters } from './format.js';
import { simdArithFormatters } from './fmt-simd-arith.js';
import { simdCryptoFormatters } from './fmt-simd-crypto.js';
import { simdElemFormatters } from './fmt-simd-elem.js';
import { simdImmFormatters } from './fmt-simd-imm.js';
import { simdLdstFormatters } from './fmt-simd-ldst.js';
import { simdMoveFormatters } from './fmt-simd-move.js';

export const simdFormatters: Formatters = {
  ...simdArithFormatters,
  ...simdImmFormatters,
  ...simdElemFormatters,
  ...simdMoveFormatters,
  ...simdLdstFormatters,
  ...simdCryptoFormatters,
};
