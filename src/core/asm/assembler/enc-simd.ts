/**
 * Encoders: Advanced SIMD immediates and shifts, by-element operations, copy/permute/lookup and
 * the cryptographic extension (the classes of fmt-simd-imm, -elem, -move and -crypto). The
 * arithmetic classes are in enc-simd-arith.ts, structure loads/stores with the other loads/stores.
 */
import type { FormTable } from './encode.js';
import { simdCryptoForms } from './enc-simd-crypto.js';
import { simdElemForms } from './enc-simd-elem.js';
import { simdImmForms } from './enc-simd-imm.js';
import { simdMoveForms } from './enc-simd-move.js';

function merge(...tables: FormTable[]): FormTable {
  const out: FormTable = {};
  for (const t of tables) for (const [m, list] of Object.entries(t)) (out[m] ??= []).push(...list);
  return out;
}

export const simdForms: FormTable = merge(simdImmForms, simdElemForms, simdMoveForms, simdCryptoForms);
