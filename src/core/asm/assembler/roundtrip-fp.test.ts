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
import { describeRoundTrip } from '../../../../tests/helpers/asm-roundtrip.js';
import { gnuAssemble } from '../../../../tests/helpers/objdump.js';
import { simdArithEntries } from './enc-simd-arith.js';

const simdArith = simd.filter((l) => l[0] in simdArithFormatters);

describe('the classes are covered', () => {
  it('every table-fp entry has a formatter, every SIMD-arith formatter an encoder family', () => {
    expect(fp.filter((l) => !(l[0] in fpFormatters)).map((l) => l[0])).toEqual([]);
    expect(Object.keys(simdArithFormatters).filter((n) => !simdArithEntries.includes(n))).toEqual([]);
    expect(simdArith.length).toBe(Object.keys(simdArithFormatters).length);
  });
});

// GNU as needs these extensions named for FP16, FHM, FRINTTS, BF16 and PMULL
const gnu = (lines: string[], base: number) => gnuAssemble(lines.map((l) => `.arch armv8.6-a+fp16+fp16fml+aes ; ${l}`), base);
describeRoundTrip('scalar floating point', fp, gnu);
describeRoundTrip('Advanced SIMD arithmetic', simdArith, gnu);
