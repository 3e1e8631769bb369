/**
 * Assembling the disassembly gives the word back: scalar floating point (every entry of
 * table-fp) and Advanced SIMD arithmetic (the entries of table-simd that fmt-simd-arith formats).
 * Random valid encodings of every entry (see tests/helpers/asm-roundtrip.ts); every entry must
 * round-trip on every sample.
 */
import { describe, expect, it } from 'vitest';
import { fp } from '../../cpu/decode/table-fp.js';
import { simd } from '../../cpu/decode/table-simd.js';
import { simdArithFormatters } from '../fmt-simd-arith.js';
import { fpFormatters } from '../fmt-fp.js';
import { redundantMismatches, roundTrip } from '../../../../tests/helpers/asm-roundtrip.js';
import { gnuAssemble, objdumpMissing } from '../../../../tests/helpers/objdump.js';
import { simdArithEntries } from './enc-simd-arith.js';

/** Entries that cannot round-trip, and why. */
const PENDING: Record<string, string> = {};

const simdArith = simd.filter((l) => l[0] in simdArithFormatters);

describe('the classes are covered', () => {
  it('every table-fp entry has a formatter, every SIMD-arith formatter an encoder family', () => {
    expect(fp.filter((l) => !(l[0] in fpFormatters)).map((l) => l[0])).toEqual([]);
    expect(Object.keys(simdArithFormatters).filter((n) => !simdArithEntries.includes(n))).toEqual([]);
    expect(simdArith.length).toBe(Object.keys(simdArithFormatters).length);
  });
});

for (const [name, lines] of [
  ['scalar floating point', fp],
  ['Advanced SIMD arithmetic', simdArith],
] as const) {
  describe(`round trip: ${name}`, () => {
    const results = roundTrip(lines);
    it(`covers every entry (${lines.length})`, () => {
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
      const arch = (lines: string[], base: number) => gnuAssemble(lines.map((l) => `.arch armv8.6-a+fp16+fp16fml+aes ; ${l}`), base);
      expect(redundantMismatches(results, arch)).toEqual([]);
    });
  });
}
