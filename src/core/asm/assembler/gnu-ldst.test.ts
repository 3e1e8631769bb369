/**
 * Loads and stores against GNU as: hand-written lines in the spellings people use (with and without
 * `#`, `[x0, #0]`, spaces, upper case, lsl #0, the offsets that make GNU as choose ldur, every
 * register and addressing kind) and lines GNU as refuses (offsets out of range or misaligned,
 * wrong register kinds, bad extends, bad lists). Each line must give GNU's word, or an error where
 * GNU gives one. PC-relative literals and `=value` pools go through whole programs (assemble() vs
 * as + ld, `.text` bytes compared). Skipped when binutils for aarch64 are not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS, LD, gnuAssemble, objdumpMissing } from '../../../../tests/helpers/objdump.js';
import { assemble } from './assemble.js';
import { assembleLine } from './instruction.js';

const missing = objdumpMissing();
const BASE = 0x400000;
/** LSE, LOR, RCpc (1 and 2) and PAuth need a later architecture than GNU as's default */
const ARCH = '.arch armv8.4-a';

/** Lines GNU as assembles. */
const VALID = [
  // unsigned offset, and the spellings of an immediate offset
  'ldr x0, [x1]',
  'ldr x0, [x1, #0]',
  'ldr x0, [x1, 0]',
  'ldr x0, [x1,#8]',
  'ldr x0, [ x1 , #8 ]',
  'LDR X0, [X1, #8]',
  'ldr x0, [x1, #(4*2)]',
  'ldr x0, [x1, #-0]',
  'ldr x0, [x1, #0x10]',
  'ldr x0, [sp, #32760]',
  'ldr w0, [x1, #16380]',
  'ldr wzr, [sp, #8]',
  'str xzr, [x0]',
  'str x0, [x1, #8]',
  'strb w0, [x1, #4095]',
  'ldrb w0, [x1, #4095]',
  'ldrh w0, [x1, #8190]',
  'strh wzr, [x30, #2]',
  'ldrsb x0, [x1]',
  'ldrsb w0, [x1, #4095]',
  'ldrsh w0, [x1, #8190]',
  'ldrsh x0, [x1, #2]',
  'ldrsw x0, [x1, #16380]',
  'ldr b0, [x1, #4095]',
  'ldr h0, [x1, #8190]',
  'ldr s0, [x1, #16380]',
  'ldr d0, [x1, #32760]',
  'ldr q0, [x1, #65520]',
  'str q31, [sp, #16]',
  'str b7, [x3]',
  // offsets that cannot be scaled: GNU as makes ldur & co.
  'ldr w0, [x1, #255]',
  'ldr w0, [x1, #256]',
  'ldr x0, [x1, #-8]',
  'ldr x0, [x1, #-256]',
  'ldr x0, [x1, #4]',
  'ldr x0, [x1, #3]',
  'str w0, [x1, #-4]',
  'strb w0, [x1, #-1]',
  'ldrb w0, [x1, #-256]',
  'ldrh w0, [x1, #1]',
  'strh w0, [x1, #-2]',
  'ldrsb w0, [x1, #-1]',
  'ldrsh x0, [x1, #3]',
  'ldrsw x0, [x1, #-4]',
  'ldr q0, [x1, #8]',
  'str d0, [x1, #1]',
  'ldr h0, [x1, #-1]',
  'prfm pldl1keep, [x0, #-8]',
  // pre- and post-index
  'ldr x0, [x1, #8]!',
  'ldr x0, [x1, 8]!',
  'ldr x0, [x1], #8',
  'ldr x0, [x1], 8',
  'ldr x0, [x1, #-256]!',
  'ldr x0, [x1], #255',
  'ldr x0, [x1, #0]!',
  'str x30, [sp, #-16]!',
  'stp x29, x30, [sp, -16]!',
  'ldr x0, [x1, w2, sxtw]',
  'str x0, [x1, x2, lsl #3]',
  'ldr x30, [sp], #16',
  'strb w0, [x1], #1',
  'ldrb w0, [x1, #-1]!',
  'ldrh w0, [x1], #2',
  'strh w0, [x1, #3]!',
  'ldrsb x0, [x1], #-1',
  'ldrsh x0, [x1], #-2',
  'ldrsw x0, [x1, #4]!',
  'ldr q0, [x1, #-16]!',
  'str s0, [x1], #4',
  'ldr b0, [x1], #1',
  'ldr x1, [x1, #8]!', // GNU warns (unpredictable) but assembles
  'str x1, [x1], #8',
  // register offset
  'ldr x0, [x1, x2]',
  'ldr x0, [x1, x2, lsl #3]',
  'ldr x0, [x1, x2, lsl 3]',
  'ldr x0, [x1, x2, LSL #3]',
  'ldr x0, [x1, x2, lsl #0]',
  'ldr x0, [x1, w2, uxtw]',
  'ldr x0, [x1, w2, uxtw #0]',
  'ldr x0, [x1, w2, uxtw 3]',
  'ldr x0, [x1, w2, sxtw #3]',
  'ldr x0, [x1, x2, sxtx]',
  'ldr x0, [x1, x2, sxtx #3]',
  'ldr x0, [x1, xzr]',
  'ldr x0, [sp, x30]',
  'str w0, [x1, w2, sxtw #2]',
  'ldrb w0, [x1, x2]',
  'ldrb w0, [x1, x2, lsl #0]',
  'ldrb w0, [x1, w2, uxtw]',
  'ldrb w0, [x1, w2, uxtw #0]',
  'ldrb w0, [x1, x2, sxtx]',
  'ldrb w0, [x1, x2, sxtx #0]',
  'strh w0, [x1, x2, lsl #1]',
  'ldrsh x0, [x1, w2, sxtw #1]',
  'ldrsw x0, [x1, x2, lsl #2]',
  'ldr b0, [x1, x2]',
  'ldr b0, [x1, x2, lsl #0]',
  'ldr h0, [x1, x2, lsl #1]',
  'ldr s0, [x1, w2, uxtw #2]',
  'str d0, [x1, x2, sxtx #3]',
  'ldr q0, [x1, x2, lsl #4]',
  'prfm plil3strm, [x0, x1, lsl #3]',
  'prfm pstl2keep, [x0, w1, sxtw]',
  // unscaled and unprivileged
  'ldur x0, [x1, #8]',
  'ldur x0, [x1]',
  'ldur w0, [x1, #-256]',
  'stur q0, [x1, #-1]',
  'ldur q0, [x1, #255]',
  'sturb w0, [x1, #3]',
  'ldurh w0, [x1, #-2]',
  'ldursb x0, [x1, #-1]',
  'ldursh w0, [x1, #5]',
  'ldursw x0, [x1, #-4]',
  'prfum pstl2keep, [x0, #1]',
  'ldtr x0, [x1, #8]',
  'ldtr x0, [x1]',
  'sttr w0, [sp, #-256]',
  'ldtrsw x0, [x1, #-256]',
  'sttrb w0, [x1, #255]',
  'ldtrh w0, [x1, #1]',
  'ldtrsb w0, [x1]',
  'ldtrsh x0, [x1, #-2]',
  // prefetch operations
  'prfm pldl1keep, [x0]',
  'prfm PLDL2STRM, [x0, #8]',
  'prfm pstl3keep, [sp, #32760]',
  'prfm #5, [x0]',
  'prfm #6, [x0]',
  'prfm #31, [x0]',
  'prfm 0x18, [x0]',
  // pairs
  'ldp x0, x1, [x2]',
  'ldp x0, x1, [x2, #8]',
  'ldp x0, x1, [x2, #504]',
  'ldp x0, x1, [x2, #-512]',
  'ldp w0, w1, [x2, #252]',
  'ldp w0, w1, [x2, #-256]',
  'ldp x0, x0, [x2]', // GNU warns (unpredictable) but assembles
  'stp x29, x30, [sp, #-16]!',
  'ldp x29, x30, [sp], #16',
  'stp xzr, xzr, [x0, #16]!',
  'stp w0, w1, [x0], #-8',
  'ldp q0, q1, [x0, #1008]',
  'ldp q0, q1, [x0, #-1024]!',
  'ldp s0, s1, [x0, #-256]',
  'ldp d0, d1, [x0, #8]!',
  'stp d8, d9, [sp], #32',
  'ldpsw x0, x1, [x2, #4]',
  'ldpsw x0, x1, [x2, #-256]!',
  'ldpsw x0, x1, [x2], #252',
  'ldnp x0, x1, [x2, #8]',
  'stnp w0, w1, [x2]',
  'stnp q0, q1, [x2, #-1024]',
  'ldnp s0, s1, [sp, #252]',
  // exclusives and acquire/release
  'ldxr x0, [x1]',
  'ldxr x0, [x1, #0]',
  'ldxr w0, [x1, 0]',
  'ldaxr x0, [sp]',
  'ldxrb w0, [x1]',
  'ldaxrh w0, [x1]',
  'stxr w0, x1, [x2]',
  'stxr w0, x0, [x2]', // GNU warns (unpredictable) but assembles
  'stlxr w3, w4, [x5, #0]',
  'stxrb w0, w1, [x2]',
  'stlxrh w0, w1, [sp]',
  'ldxp x0, x1, [x3]',
  'ldaxp w0, w1, [x3]',
  'stxp w0, x1, x2, [x3]',
  'stlxp w0, w1, w2, [x3]',
  'ldar w0, [x1]',
  'ldar x0, [x1, #0]',
  'ldarb w0, [x1]',
  'ldarh w0, [x1]',
  'stlr x0, [x1]',
  'stlrb w0, [x1]',
  'stlrh wzr, [sp]',
  'ldlar x0, [x1]',
  'ldlarb w0, [x1]',
  'stllr w0, [x1]',
  'stllrb w0, [x1]',
  'stllrh w0, [x1]',
  'ldapr x0, [x1]',
  'ldapr w0, [x1, #0]',
  'ldaprb w0, [x1]',
  'ldaprh w0, [x1]',
  // LSE atomics
  'cas x0, x1, [x2]',
  'cas w0, w1, [x2, #0]',
  'casa x0, x1, [x2]',
  'casl x0, x1, [x2]',
  'casal w0, w1, [sp]',
  'casb w0, w1, [x2]',
  'casalh w0, w1, [x2]',
  'casp x0, x1, x2, x3, [x4]',
  'caspal w4, w5, w6, w7, [sp]',
  'casp x30, xzr, x0, x1, [x2]',
  'ldadd x0, x1, [x2]',
  'ldaddal x0, x1, [x2]',
  'ldadda w0, w1, [x2]',
  'ldaddlb w0, w1, [x2]',
  'ldclrh w0, w1, [x2]',
  'ldeoral x0, x1, [x2]',
  'ldset w0, w1, [x2]',
  'ldsmax x0, x1, [x2]',
  'ldsminab w0, w1, [x2]',
  'ldumaxl x0, x1, [x2]',
  'lduminh w0, w1, [x2]',
  'ldadd x0, xzr, [x1]',
  'ldadda x0, xzr, [x1]',
  'stadd x0, [x1]',
  'staddl x0, [x1]',
  'staddb w0, [x1]',
  'stclrlh w0, [x1]',
  'steor w0, [sp]',
  'stset x0, [x1, #0]',
  'stsmaxl x0, [x1]',
  'stsminb w0, [x1]',
  'stumax w0, [x1]',
  'stuminlh w0, [x1]',
  'swp x0, x1, [x2]',
  'swpal w0, w1, [x2]',
  'swpb w0, w1, [x2]',
  'swplh w0, wzr, [x2]',
  // RCpc unscaled, pointer authentication
  'stlurb w0, [x1, #-256]',
  'stlurh w0, [x1]',
  'stlur x0, [x1, #255]',
  'stlur w0, [x1, #-1]',
  'ldapur w0, [x1, #-3]',
  'ldapurb w0, [x1, #7]',
  'ldapurh w0, [x1]',
  'ldapursw x0, [x1]',
  'ldapursb x0, [x1, #1]',
  'ldapursb w0, [x1, #1]',
  'ldapursh w0, [x1, #1]',
  'ldraa x0, [x1, #4088]',
  'ldraa x0, [x1, #0]!',
  'ldrab x22, [x18]!',
  'ldraa x0, [x1, #-4096]!',
  'ldrab x0, [sp]',
  // literals at pc-relative addresses
  'ldr x0, .+8',
  'ldr w0, .-0x100000',
  'ldr q0, .+16',
  'ldrsw x0, .+8',
  'prfm pldl1keep, .+8',
  'ldr s3, .+0xffffc',
  // SIMD structures
  'ld1 {v0.16b}, [x0]',
  'LD1 {V0.16B}, [X0]',
  'ld1 { v0.16b }, [x0]',
  'ld1 {v0.4s - v3.4s}, [x0], #64',
  'ld1 {v2.2d,v3.2d},[x0],x1',
  'ld1 {v0.16b, v1.16b}, [x0], #32',
  'ld1 {v0.16b-v3.16b}, [x0], x2',
  'ld1 {v31.16b, v0.16b, v1.16b}, [x0]',
  'ld1 {v0.1d}, [x0]',
  'ld1 {v0.1d-v3.1d}, [sp], #32',
  'st1 {v0.2d, v1.2d, v2.2d}, [x0], #48',
  'st1 {v0.8h}, [x0], x1',
  'ld2 {v0.4s, v1.4s}, [x0]',
  'ld3 {v0.8b-v2.8b}, [x0], #24',
  'ld4 {v0.4s, v1.4s, v2.4s, v3.4s}, [sp]',
  'st2 {v30.2s, v31.2s}, [x0], #16',
  'st3 {v0.8b-v2.8b}, [x0], #24',
  'st4 {v28.16b-v31.16b}, [x0], x30',
  'ld1 {v0.s}[1], [x0]',
  'ld1 {v0.s}[3], [x0], #4',
  'ld1 {v0.d}[1], [x0], x3',
  'ld1 {v0.b}[0], [x0]',
  'ld1 {v9.h}[7], [x0], #2',
  'ld2 {v0.b, v1.b}[9], [x0], #2',
  'ld3 {v0.h, v1.h, v2.h}[5], [x0]',
  'ld4 {v0.b, v1.b, v2.b, v3.b}[15], [x0], #4',
  'st1 {v5.d}[0], [x0], #8',
  'st2 {v0.h, v1.h}[7], [x0]',
  'st3 {v0.s-v2.s}[2], [x0], #12',
  'st4 {v31.d, v0.d, v1.d, v2.d}[1], [x0], x4',
  'ld1r {v0.4s}, [x0]',
  'ld1r {v0.4s}, [x0], #4',
  'ld1r {v0.1d}, [x0], #8',
  'ld1r {v0.8b}, [x0], x9',
  'ld2r {v0.8h, v1.8h}, [x0], #4',
  'ld3r {v0.2s-v2.2s}, [x0]',
  'ld4r {v0.2d-v3.2d}, [x0], #32',
  'ld4r {v0.2d-v3.2d}, [x0], x5',
];

/** Lines GNU as refuses: we must refuse them too. */
const INVALID = [
  // offsets out of range or not a multiple of the access size
  'ldr x0, [x1, #32768]',
  'ldr x0, [x1, #-257]',
  'ldr w0, [x1, #16381]',
  'ldrb w0, [x1, #4096]',
  'ldrh w0, [x1, #8191]',
  'ldr q0, [x1, #65536]',
  'ldr x0, [x1]!',
  'ldr x0, [x1, #256]!',
  'ldr x0, [x1, #-257]!',
  'ldr x0, [x1], #256',
  'ldr x0, [x1, #8]!, #8',
  'ldur x0, [x1, #256]',
  'ldur x0, [x1, #8]!',
  'ldtr x0, [x1, #-257]',
  'ldtr x0, [x1, x2]',
  // register kinds
  'ldrb x0, [x1]',
  'strh x0, [x1]',
  'ldrsw w0, [x1]',
  'ldr wsp, [x0]',
  'ldr x0, [xzr]',
  'ldtr q0, [x1]',
  'ldrb b0, [x1]',
  'ldr v0, [x1]',
  // register offsets
  'ldr x0, [x1, sp]',
  'ldr x0, [x1, w2]',
  'ldr x0, [x1, x2, uxtx]',
  'ldr x0, [x1, x2, uxtx #3]',
  'ldr x0, [x1, w2, sxtw #2]',
  'ldr x0, [x1, x2, lsl]',
  'ldr x0, [x1, x2, lsl #2]',
  'ldr x0, [x1, w2, lsl #3]',
  'ldr x0, [x1, x2, uxtw]',
  'ldr x0, [x1, x2, asr #3]',
  'ldrb w0, [x1, x2, lsl #1]',
  'ldr q0, [x1, x2, lsl #3]',
  // prefetch
  'prfm #32, [x0]',
  'prfm foo, [x0]',
  'prfm pldl1keep, [x0, #8]!',
  // pairs
  'ldp x0, x1, [x2, #4]',
  'ldp x0, x1, [x2, #512]',
  'ldp x0, x1, [x2, #-520]',
  'ldp w0, w1, [x2, #256]',
  'ldp w0, x1, [x2]',
  'ldp x0, d1, [x2]',
  'ldp b0, b1, [x0]',
  'ldp s0, d1, [x0]',
  'ldp q0, q1, [x0, #1024]',
  'ldpsw w0, w1, [x2, #4]',
  'ldpsw x0, x1, [x2, #2]',
  'ldnp x0, x1, [x2, #8]!',
  'stnp x0, x1, [x2], #8',
  'ldp x0, x1, [x2, x3]',
  'ldp x0, x1, [x2]!',
  'ldp x0, [x2]',
  // exclusives, atomics
  'ldxr x0, [x1, #8]',
  'ldxr x0, [x1, x2]',
  'ldxrb x0, [x1]',
  'stxr x0, x1, [x2]',
  'stxr w0, x1, [x2, #8]',
  'ldxp x0, w1, [x3]',
  'ldar x0, [x1], #8',
  'casp x1, x2, x2, x3, [x4]',
  'casp x0, x2, x2, x3, [x4]',
  'casp x0, x1, w2, w3, [x4]',
  'cas x0, w1, [x2]',
  'stadda x0, [x1]',
  'ldaddb x0, x1, [x2]',
  'swph x0, x1, [x2]',
  'ldadd x0, x1, [x2, #8]',
  'stadd x0, x1, [x2]',
  // RCpc, pointer authentication
  'stlur x0, [x1, #256]',
  'ldapursw w0, [x1]',
  'ldapur x0, [x1, #8]!',
  'ldraa x0, [x1, #4]',
  'ldraa x0, [x1, #4096]',
  'ldraa w0, [x1]',
  'ldraa x0, [x1], #8',
  // literals
  'ldr x0, .+6',
  'ldr x0, .+0x100000',
  'ldr x0, .-0x100004',
  'ldr b0, .+16',
  'ldrb w0, .+8',
  // SIMD structures
  'ld1 {v0.16b, v1.16b}, [x0], #16',
  'ld1 {v0.16b-v3.16b}, [x0], xzr',
  'ld1 {v0.16b-v3.16b}, [x0], sp',
  'ld1 {v0.16b}, [x0], w1',
  'ld2 {v0.1d, v1.1d}, [x0]',
  'ld1 {v0.s}[4], [x0]',
  'ld1 {v0.b}[16], [x0]',
  'ld1 {v0.d}[2], [x0]',
  'ld1 {v0.s}[3], [x0], #8',
  'ld1 {v0.4s}[3], [x0]',
  'ld1 {v0.16b}, [x0, #0]',
  'ld1 {v0.16b}, [x0, #16]!',
  'ld1 {v0.4s, v2.4s}, [x0]',
  'ld1 {v0.4s, v1.2s}, [x0]',
  'ld2 {v0.4s}, [x0]',
  'ld3 {v0.4s, v1.4s}, [x0]',
  'ld1 {v0.2h}, [x0]',
  'ld1r {v0.4s}, [x0], #16',
  'ld2r {v0.s, v1.s}[1], [x0]',
  'ld4 {v0.s, v1.s}[1], [x0]',
  'st1 {v0.4s}, [x0, x1]',
];

/** Our word for a line placed at `pc`, or the error. */
function ours(line: string, pc: number): { word: number } | { error: string } {
  try {
    return { word: assembleLine(line, pc) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const hex = (r: { word: number } | { error: string }): string => ('word' in r ? (r.word >>> 0).toString(16).padStart(8, '0') : `error: ${r.error}`);

describe.skipIf(missing)('loads and stores: the words GNU as makes', () => {
  it('every valid line', () => {
    const gnu = gnuAssemble(VALID.map((l) => `${ARCH}\n${l}`), BASE);
    const bad: string[] = [];
    VALID.forEach((line, i) => {
      const g = gnu[i]!;
      expect('word' in g, `GNU as refuses '${line}': ${hex(g)}`).toBe(true);
      const o = ours(line, BASE + 4 * i);
      if (hex(o) !== hex(g)) bad.push(`${line}: GNU ${hex(g)}, ours ${hex(o)}`);
    });
    expect(bad).toEqual([]);
  });

  it('every line GNU as refuses is refused', () => {
    const bad: string[] = [];
    INVALID.forEach((line) => {
      const g = gnuAssemble([`${ARCH}\n${line}`], BASE)[0]!;
      expect('error' in g, `GNU as accepts '${line}': ${hex(g)}`).toBe(true);
      const o = ours(line, BASE);
      if (!('error' in o)) bad.push(`${line}: GNU says '${(g as { error: string }).error}', we make ${hex(o)}`);
    });
    expect(bad).toEqual([]);
  });
});

describe('loads and stores: errors say what is allowed', () => {
  const message = (line: string): string => {
    const o = ours(line, BASE);
    return 'error' in o ? o.error : `no error (${hex(o)})`;
  };
  it.each([
    ['ldr x0, [x1, #32768]', /0 to 32760.*-256 to 255/],
    ['ldr w0, [x1, #16381]', /multiple of 4 in 0 to 16380.*-256 to 255/],
    ['ldr x0, [x1, #256]!', /-256 to 255/],
    ['ldr x0, [x1], #-257', /-257 is not in -256 to 255/],
    ['ldur x0, [x1, #256]', /-256 to 255/],
    ['ldp x0, x1, [x2, #512]', /-512 to 504/],
    ['ldp x0, x1, [x2, #4]', /multiple of 8/],
    ['ldp q0, q1, [x2, #1024]', /-1024 to 1008/],
    ['ldpsw x0, x1, [x2, #256]', /-256 to 252/],
    ['prfm #32, [x0]', /0 to 31/],
    ['prfm pldl4keep, [x0]', /unknown prefetch operation/],
    ['ldrb x0, [x1]', /expected a w register/],
    ['ldr x0, [x1, x2, lsl #2]', /#0 or #3/],
    ['ldr x0, [x1, w2]', /uxtw or sxtw/],
    ['ldxr x0, [x1, #8]', /can only be 0/],
    ['casp x1, x2, x4, x5, [x0]', /even register/],
    ['ld1 {v0.s}[4], [x0]', /0 to 3/],
    ['ld1 {v0.16b, v1.16b}, [x0], #16', /32/],
    ['ld2 {v0.4s}, [x0]', /list of 2 registers/],
    ['ldraa x0, [x1, #4096]', /-4096 to 4088/],
    ['ldr x0, .+0x100000', /out of range/],
    ['ldr x0, .+6', /4-byte aligned/],
  ])('%s', (line, want) => {
    expect(message(line)).toMatch(want);
  });
});

// ---------------------------------------------------------------------------- whole programs

/** The `.text` bytes GNU as + ld make of a source (ld's default layout), or throws with their messages. */
function gnuText(source: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'a64play-ldst-'));
  try {
    const run = (cmd: string, args: string[]): void => {
      const r = spawnSync(cmd, args, { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
    };
    writeFileSync(join(dir, 'p.s'), source);
    run(AS, [join(dir, 'p.s'), '-o', join(dir, 'p.o')]);
    run(LD, [join(dir, 'p.o'), '-o', join(dir, 'p')]);
    run(AS.replace(/as$/, 'objcopy'), ['-O', 'binary', '-j', '.text', join(dir, 'p'), join(dir, 'p.bin')]);
    return new Uint8Array(readFileSync(join(dir, 'p.bin')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function ourText(source: string): Uint8Array {
  const out = assemble(source);
  expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const text = out.sections.find((s) => s.name === '.text');
  expect(text).toBeDefined();
  return text!.data;
}

const words = (b: Uint8Array): string[] => {
  const out: string[] = [];
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i + 4 <= b.length; i += 4) out.push(v.getUint32(i, true).toString(16).padStart(8, '0'));
  return out;
};

/** [name, source] */
const PROGRAMS: [string, string][] = [
  [
    'literal loads and pools',
    `
    .text
    .global _start
_start:
    ldr x0, =0x123456789abcdef
    ldr x1, lit
    ldr w2, =42
    ldr q0, =1
    ldr x9, =var
    ldr d1, dlit
    ldr s2, =0x3f800000
    ldr w3, wlit
    prfm pldl1keep, lit
    prfm #3, wlit
    ldr x4, =0x123456789abcdef
    ldrsw x6, wlit
    ldr x12, lit
    b 1f
    .ltorg
1:  ldr x8, =_start
    ldr x10, =lit + 8
    ldr w11, =-1
    ldr w12, =0x12345678
    ldr d3, =0x3ff0000000000000
    ret
lit: .quad 5
wlit: .word -3
dlit: .double 1.5
    .data
var: .quad 1
`,
  ],
  [
    'lo12 offsets into data',
    `
    .text
    .global _start
_start:
    adrp x3, var
    ldr x4, [x3, :lo12:var]
    ldr w5, [x3, #:lo12:wvar]
    ldrb w6, [x3, :lo12:bvar]
    ldrh w7, [x3, #:lo12:hvar]
    ldrsw x8, [x3, :lo12:wvar]
    str x4, [x3, :lo12:var]
    ldr q0, [x3, :lo12:qvar]
    ldr d1, [x3, :lo12:var]
    prfm pldl1keep, [x3, :lo12:var]
    ret
    .data
    .balign 16
qvar: .quad 1, 2
var: .quad 1
wvar: .word 2
hvar: .hword 3
bvar: .byte 4
`,
  ],
  [
    'a copy loop',
    `
    .text
    .global _start
_start:
    adr x1, src
    adr x2, dst
    mov x3, #4
1:  ldp x4, x5, [x1], #16
    stp x4, x5, [x2], #16
    ld1 {v0.16b}, [x1], #16
    st1 {v0.16b}, [x2]
    ldr w6, [x1, x3, lsl #2]
    str w6, [x2, w3, uxtw #2]
    ldxr x7, [x1]
    stxr w8, x7, [x1]
    cbnz w8, 1b
    subs x3, x3, #1
    b.ne 1b
    ldrsw x9, nums
    ldr x10, =nums
    ldr x11, [x1, #8]
    ret
nums: .word -1, 2, 3, 4
src: .quad 1, 2, 3, 4, 5, 6, 7, 8
dst: .skip 64
`,
  ],
  [
    'pools with padding between their sizes',
    `
    .text
    .global _start
_start:
    ldr w0, =1
    ldr x1, =2
    ldr q2, =3
    .ltorg
    ldr s3, =4
    ldr w4, =5
    ldr w5, =6
    ldr d6, =7
    ldr q7, =-8
    ret
`,
  ],
  [
    // a 4-byte literal (the word ldrsw loads), though the destination is an x register
    'ldrsw from a pool',
    `
    .text
    .global _start
_start:
    ldrsw x0, =-5
    ldr x1, =6
    ret
`,
  ],
];

/** Instructions GNU as or ld refuse in a program (relocations where none is allowed, :lo12: of a misaligned symbol). */
const REFUSED_IN_PROGRAMS = [
  'ldur x4, [x3, :lo12:var]',
  'ldtr x4, [x3, :lo12:var]',
  'ldp x0, x1, [x3, :lo12:var]',
  'ldr x0, [x3, :lo12:var]!',
  'ldr x0, [x3], :lo12:var',
  'ldxr x0, [x3, :lo12:var]',
  'ld1 {v0.16b}, [x0], :lo12:var',
  'ldr x4, [x3, :lo12:odd]',
  'ldr q0, [x3, :lo12:var]',
  'ldrh w0, [x3, :lo12:odd]',
];

const refusedSource = (insn: string): string => `
    .text
    .global _start
_start:
    adrp x3, var
    ${insn}
    ret
    .data
    .balign 16
    .skip 8
var: .quad 1  // 8 but not 16-byte aligned
    .byte 0
odd: .byte 1
`;

describe.skipIf(missing)('loads and stores in whole programs: what GNU as + ld refuse, we refuse', () => {
  it.each(REFUSED_IN_PROGRAMS)('%s', (insn) => {
    const src = refusedSource(insn);
    expect(() => gnuText(src)).toThrow(/failed/);
    expect(assemble(src).diagnostics.filter((d) => d.severity === 'error').length).toBe(1);
  });
});

describe.skipIf(missing)('loads and stores in whole programs: .text equals GNU as + ld', () => {
  it.each(PROGRAMS)('%s', (_name, source) => {
    expect(words(ourText(source))).toEqual(words(gnuText(source)));
  });
});
