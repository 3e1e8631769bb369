/**
 * Assembling the disassembly gives the word back: data processing (immediate and register),
 * branches and system instructions. Random valid encodings of every entry of these classes (see
 * tests/helpers/asm-roundtrip.ts); every entry must round-trip on every sample.
 */
import { describe, expect, it } from 'vitest';
import { branchSys } from '../../cpu/decode/table-branch.js';
import { dpImm } from '../../cpu/decode/table-dp-imm.js';
import { dpReg } from '../../cpu/decode/table-dp-reg.js';
import { redundantMismatches, roundTrip } from '../../../../tests/helpers/asm-roundtrip.js';
import { gnuAssemble, objdumpMissing } from '../../../../tests/helpers/objdump.js';

/** Entries that cannot round-trip, and why. */
const PENDING: Record<string, string> = {};

for (const [name, lines] of [
  ['data processing (immediate)', dpImm],
  ['branch, exception, system', branchSys],
  ['data processing (register)', dpReg],
] as const) {
  describe(`round trip: ${name}`, () => {
    const results = roundTrip(lines);
    for (const r of results) {
      it.skipIf(r.entry in PENDING)(`${r.entry} (${r.total} samples)`, () => {
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
