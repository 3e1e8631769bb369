/**
 * Assembling the disassembly gives the word back: the Advanced SIMD classes of enc-simd.ts —
 * modified immediate, shift by immediate and fixed-point conversions, by element, copy/permute/
 * extract/table lookup, and the cryptographic extension. Random valid encodings of every entry
 * of these classes (see tests/helpers/asm-roundtrip.ts); every entry must round-trip on every
 * sample.
 */
import { describe, expect, it } from 'vitest';
import { simd } from '../../cpu/decode/table-simd.js';
import { simdCryptoFormatters } from '../fmt-simd-crypto.js';
import { simdElemFormatters } from '../fmt-simd-elem.js';
import { simdImmFormatters } from '../fmt-simd-imm.js';
import { simdMoveFormatters } from '../fmt-simd-move.js';
import { describeRoundTrip } from '../../../../tests/helpers/asm-roundtrip.js';

for (const [name, formatters] of [
  ['modified immediate, shift by immediate, fixed point', simdImmFormatters],
  ['by element', simdElemFormatters],
  ['copy, permute, extract, table lookup', simdMoveFormatters],
  ['cryptographic', simdCryptoFormatters],
] as const) {
  const lines = simd.filter((l) => l[0] in formatters);
  describe(`entries of ${name}`, () => {
    it('cover every formatter of the file', () => {
      expect(lines.map((l) => l[0]).sort()).toEqual(Object.keys(formatters).sort());
    });
  });
  describeRoundTrip(name, lines);
}
