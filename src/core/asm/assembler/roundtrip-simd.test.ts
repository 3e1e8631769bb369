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
import { redundantMismatches, roundTrip } from '../../../../tests/helpers/asm-roundtrip.js';
import { gnuAssemble, objdumpMissing } from '../../../../tests/helpers/objdump.js';

/** Entries that cannot round-trip, and why. */
const PENDING: Record<string, string> = {};

for (const [name, formatters] of [
  ['modified immediate, shift by immediate, fixed point', simdImmFormatters],
  ['by element', simdElemFormatters],
  ['copy, permute, extract, table lookup', simdMoveFormatters],
  ['cryptographic', simdCryptoFormatters],
] as const) {
  const lines = simd.filter((l) => l[0] in formatters);
  describe(`round trip: ${name}`, () => {
    it('covers every entry of the formatter file', () => {
      expect(lines.map((l) => l[0]).sort()).toEqual(Object.keys(formatters).sort());
    });
    const results = roundTrip(lines);
    it('samples every entry', () => {
      expect(results.map((r) => r.entry).sort()).toEqual(lines.map((l) => l[0]).sort());
    });
    for (const r of results) {
      it.skipIf(r.entry in PENDING)(`${r.entry} (${r.total} samples)`, () => {
        expect(r.total).toBeGreaterThan(0);
        expect(r.failures, r.failures.join('\n')).toEqual([]);
        expect(r.ok).toBe(r.total);
      });
    }
    // where the text came back as another word of the same text, GNU as must make that word too
    it.skipIf(objdumpMissing() !== null)('redundant encodings come back as GNU as makes them', () => {
      expect(redundantMismatches(results, gnuAssemble)).toEqual([]);
    });
  });
}
