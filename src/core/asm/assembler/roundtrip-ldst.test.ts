/**
 * Assembling the disassembly gives the word back: loads and stores (every entry of table-ldst)
 * and the Advanced SIMD structure loads and stores of table-simd (the entries fmt-simd-ldst
 * formats). Random valid encodings of every entry (see tests/helpers/asm-roundtrip.ts); every
 * entry must round-trip on every sample.
 */
import { describe, expect, it } from 'vitest';
import { ldst } from '../../cpu/decode/table-ldst.js';
import { simd } from '../../cpu/decode/table-simd.js';
import { simdLdstFormatters } from '../fmt-simd-ldst.js';
import { describeRoundTrip } from '../../../../tests/helpers/asm-roundtrip.js';

const simdStructures = simd.filter((l) => l[0] in simdLdstFormatters);

describe('the SIMD structure entries are found', () => {
  it('by the names of their formatters', () => {
    // 14 multiple-structure entries and 8 single-structure ones, 4 replicate ones, each also post-indexed
    expect(simdStructures.length).toBe(2 * (14 + 8 + 4));
  });
});

describeRoundTrip('loads and stores', ldst);
describeRoundTrip('SIMD structure loads and stores', simdStructures);
