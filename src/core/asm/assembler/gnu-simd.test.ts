/**
 * Lines as people write them for the Advanced SIMD classes of enc-simd.ts (modified immediate,
 * shifts and fixed point, by element, copy/permute/lookup, crypto): `#` or none, decimal or hex,
 * `lsl #0` written or not, upper case, GNU as's aliases and its choice among encodings. Our word
 * must be GNU as's word, and a line GNU as rejects (wrong arrangement, lane index or shift out of
 * range, …) must be rejected. Skipped without binutils-aarch64-linux-gnu.
 */
import { describe, expect, it } from 'vitest';
import { Decoder } from '../../cpu/decode/decoder.js';
import { extractFields } from '../../cpu/decode/encoding.js';
import { table } from '../../cpu/decode/table.js';
import { handlers } from '../../cpu/exec/index.js';
import { disassemble } from '../disasm.js';
import { simdCryptoFormatters } from '../fmt-simd-crypto.js';
import { simdElemFormatters } from '../fmt-simd-elem.js';
import { simdImmFormatters } from '../fmt-simd-imm.js';
import { simdMoveFormatters } from '../fmt-simd-move.js';
import { Generator } from '../../../../tests/isa-fuzz/gen.js';
import { Rng } from '../../../../tests/isa-fuzz/rng.js';
import { gnuAssemble, objdumpMissing } from '../../../../tests/helpers/objdump.js';
import { expectLikeGnu } from '../../../../tests/helpers/asm-roundtrip.js';
import { assembleLine } from './instruction.js';

const LINES = `
movi v0.4s, #0
movi v0.2d, #0
movi d0, #0
movi v0.16b, #0
movi v0.8b, #0xff
movi v0.16b, #-1
movi v0.16b, 255
movi v0.16b, #256
movi v0.16b, #-129
movi v0.16b, #0x12, lsl #0
movi v0.16b, #0x12, lsl #8
movi v0.4h, #0x12, lsl #8
movi v0.8h, #0x12, lsl #0
movi v0.8h, #0x12, lsl #16
movi v0.8h, #0x12, msl #8
movi v0.4s, #0x12, lsl #8
movi v0.4s, 0x12, lsl 8
movi v0.2s, #0xff, lsl #24
movi v0.2s, #0xff, lsl #32
movi v0.4s, #0x12, lsl #4
movi v0.4s, #-1
movi v0.4s, #-128
movi v0.4s, #0x1200
movi v0.4s, #0x12, msl #8
movi v0.2s, #0x12, msl #16
movi v0.4s, #0x12, msl #24
movi v0.4s, #0x12, msl #0
movi v0.2d, #0xff00ff00ff00ff00
movi v0.2d, #0x00ff00ff00ff00ff
movi v0.2d, #-1
movi v0.2d, #1
movi v0.2d, #0xff, lsl #0
movi d7, #0xffffffff00000000
movi d0, #-1
movi s0, #1
movi v0.1d, #0
MOVI V0.4S, #0X12
MOVI V3.8H, #0x7F, LSL #8
mvni v0.4s, #0
mvni v0.8h, #0xf0, lsl #8
mvni v0.2s, #0x12, msl #16
mvni v0.16b, #0x12
mvni v0.2d, #0
orr v0.4s, #0x12
orr v0.4s, #0x12, lsl #0
orr v1.2s, #0x80, lsl #24
orr v2.8h, #1, lsl #8
orr v0.16b, #0x12
orr v0.4s, #0x12, msl #8
orr v0.4s, #0x1200
bic v0.8h, #0x12, lsl #8
bic v0.4s, #0
bic v31.2s, #255, lsl #16
bic v0.4h, #0x12, lsl #16
fmov v0.4s, #1.0
fmov v0.4s, #1
fmov v0.2s, #-2
fmov v0.2s, #+1.0
fmov v0.2s, #1e0
fmov v0.2d, #-0.5
fmov v0.2d, #31.0
fmov v0.2d, #0.125
fmov v0.4h, #2.5
fmov v0.8h, #-15.5
fmov v0.2d, #32.0
fmov v0.4s, #0.1
fmov v0.2s, #0.0
fmov v0.1d, #1.0
fmov v0.16b, #1.0
fmov v0.2s, #0x3f800000
fmov v0.2s, #0x40000000
fmov v0.2d, #0x3ff0000000000000
fmov v0.2d, #0x3f800000
fmov v0.2s, #0x40
fmov v0.4s, #-1.0e0
shl v0.4s, v1.4s, #3
shl v0.2d, v1.2d, 63
shl v0.16b, v1.16b, #7
shl v0.16b, v1.16b, #8
shl v0.8h, v1.8h, #0
shl v0.1d, v1.1d, #3
shl v0.4s, v1.2s, #3
shl d0, d1, #63
shl d0, d1, #64
shl s0, s1, #3
sshr v0.4s, v1.4s, #32
sshr v0.4s, v1.4s, #0
sshr v0.4s, v1.4s, #33
sshr v0.2d, v1.2d, #64
sshr v0.8b, v1.8b, #8
sshr v0.4s, v1.4s, 0x3
sshr d0, d1, #64
sshr d0, d1, #0
sshr s0, s1, #3
ushr v7.8h, v9.8h, #16
ushr d31, d30, #1
srshr v0.2s, v1.2s, #17
urshr v0.16b, v1.16b, #1
ssra v0.2d, v1.2d, #40
usra d0, d1, #1
ssra s0, s1, #1
srsra v0.4h, v1.4h, #16
ursra d5, d6, #64
sri v0.2s, v1.2s, #32
sri d0, d1, #64
sli v0.8h, v1.8h, #15
sli d0, d1, #0
sli d0, d1, #63
sli s0, s1, #3
sqshl v0.4s, v1.4s, #31
sqshl s0, s1, #31
sqshl b0, b1, #7
sqshl b0, b1, #8
uqshl h3, h4, #15
uqshl v0.2d, v1.2d, #63
sqshlu h0, h1, #15
sqshlu v0.16b, v1.16b, #0
sqshlu d0, d1, #64
shrn v0.8b, v1.8h, #8
shrn v0.8b, v1.8h, #9
shrn v0.8b, v1.8h, #0
shrn2 v0.16b, v1.8h, #1
shrn v0.16b, v1.8h, #1
shrn2 v0.8b, v1.8h, #1
shrn2 v0.4s, v1.2d, #32
shrn v0.2s, v1.4s, #3
rshrn v0.4h, v1.4s, #16
sqshrn v0.2s, v1.2d, #1
uqshrn2 v0.8h, v1.4s, #5
sqrshrn v0.8b, v1.8h, #3
uqrshrn2 v0.4s, v1.2d, #31
sqshrun v0.4h, v1.4s, #2
sqrshrun2 v0.8h, v1.4s, #16
sqshrn b0, h1, #8
sqshrn s0, d1, #32
sqshrn d0, d1, #32
sqshrn h0, s1, #17
uqrshrn h0, s1, #16
sqshrun b0, h1, #1
sqrshrun s0, d1, #3
sshll v0.8h, v1.8b, #0
sshll v0.8h, v1.8b, #7
sshll v0.8h, v1.8b, #8
sshll2 v0.2d, v1.4s, #31
sshll v0.2d, v1.4s, #1
ushll v0.4s, v1.4h, #15
ushll2 v0.8h, v1.16b, #3
sxtl v0.8h, v1.8b
sxtl2 v0.8h, v1.16b
sxtl v0.2d, v1.2s
uxtl v0.2d, v1.2s
uxtl2 v0.4s, v1.8h
uxtl v0.4s, v1.8h
uxtl v0.2d, v1.2d
scvtf v0.4s, v1.4s, #32
scvtf v0.2d, v1.2d, #64
scvtf v0.4s, v1.4s, #0
scvtf v0.4s, v1.4s, #33
scvtf v0.8h, v1.8h, #16
scvtf v0.16b, v1.16b, #1
scvtf s0, s1, #32
scvtf d0, d1, #1
scvtf h0, h1, #16
scvtf b0, b1, #1
ucvtf v0.2d, v1.2d, #33
ucvtf v0.1d, v1.1d, #1
ucvtf s2, s3, #1
fcvtzs v0.2s, v1.2s, #1
fcvtzs d0, d1, #65
fcvtzu d0, d1, #64
fcvtzu v9.4h, v10.4h, #7
SSHR V0.4S, V1.4S, #3
shl v0.4s,v1.4s,#3
sqshl v0.4s, v1.4s, #-1
movi v0.4s, #(1 << 4)
movi v0.4s, #0x12,lsl#8
movi v0.2d, #-0x100
fmov v0.4s, #-31.0
fmov v0.2d, #1.0e+00
mul v0.4s, v1.4s, v2.s[3]
mul v0.4s, v1.4s, v31.s[3]
mul v0.8h, v1.8h, v15.h[7]
mul v0.8h, v1.8h, v16.h[7]
mul v0.8h, v1.8h, v2.h[8]
mul v0.4s, v1.4s, v2.s[4]
mul v0.16b, v1.16b, v2.b[1]
mul v0.2d, v1.2d, v2.d[1]
mul v0.4s, v1.4s, v2.h[1]
mul v0.4s, v1.2s, v2.s[1]
mul v0.4s, v1.4s, v2.s [3]
MUL V0.4S, V1.4S, V2.S[3]
mla v0.4h, v1.4h, v2.h[0]
mla v0.4s, v1.4s, v2.4s[1]
mls v0.2s, v1.2s, v20.s[2]
sqdmulh v0.8h, v1.8h, v2.h[5]
sqrdmulh v0.2s, v1.2s, v2.s[0]
sqrdmlah v0.8h, v1.8h, v2.h[1]
sqrdmlsh v0.4s, v1.4s, v17.s[3]
smull v0.4s, v1.4h, v2.h[1]
smull2 v0.4s, v1.8h, v2.h[1]
smull v0.4s, v1.8h, v2.h[1]
smull2 v0.4s, v1.4h, v2.h[1]
smull2 v0.2d, v1.4s, v2.s[3]
smull v0.2d, v1.2s, v2.d[1]
umull v0.2d, v1.2s, v31.s[2]
umlal v0.2d, v1.2s, v2.s[3]
smlal2 v0.4s, v1.8h, v15.h[6]
smlsl v0.4s, v1.4h, v2.h[3]
umlsl2 v0.2d, v1.4s, v2.s[0]
sqdmlal v0.4s, v1.4h, v2.h[2]
sqdmlsl2 v0.2d, v1.4s, v2.s[1]
sqdmull2 v0.4s, v1.8h, v2.h[7]
sqdmull s0, h1, v2.h[1]
sqdmull d0, s1, v2.s[1]
sqdmull s0, s1, v2.s[1]
sqdmlal d0, s1, v31.s[3]
sqdmlsl s0, h1, v15.h[0]
sqdmulh h0, h1, v2.h[7]
sqdmulh s0, s1, v2.s[3]
sqdmulh b0, b1, v2.b[3]
sqrdmulh s0, s1, v2.s[1]
fmla v0.4s, v1.4s, v2.s[3]
fmla v0.4s, v1.4s, v2.4s[1]
fmla v0.2d, v1.2d, v2.d[1]
fmla v0.2d, v1.2d, v2.d[2]
fmla v0.1d, v1.1d, v2.d[1]
fmla v0.2s, v1.2s, v2.d[1]
fmla s0, s1, v2.s[3]
fmla d0, d1, v31.d[1]
fmla s0, d1, v2.s[1]
fmla v0.8h, v1.8h, v15.h[7]
fmla v0.8h, v1.8h, v16.h[7]
fmla h0, h1, v2.h[7]
fmls v0.2s, v1.2s, v19.s[1]
fmul v0.4s, v1.4s, v2.s[0]
fmul d0, d1, v2.d[0]
fmul v0.4h, v1.4h, v2.h[3]
fmulx v0.2s, v1.2s, v2.s[1]
fmulx h0, h1, v2.h[0]
fmulx v0.2d, v1.2d, v2.d[1]
sdot v0.4s, v1.16b, v2.4b[3]
udot v0.2s, v1.8b, v31.4b[0]
sdot v0.4s, v1.16b, v2.b[3]
sdot v0.4s, v1.16b, v2.4b[4]
sdot v0.4s, v1.8b, v2.4b[1]
fmlal v0.2s, v1.2h, v2.h[7]
fmlal2 v0.4s, v1.4h, v15.h[7]
fmlal v0.4s, v1.4h, v16.h[7]
fmlsl v0.4s, v1.4h, v2.h[1]
fmlsl2 v0.2s, v1.2h, v2.h[4]
fmlal v0.4s, v1.4h, v2.4h[1]
dup v0.4s, v1.s[1]
dup v0.4s, v1.4s[1]
dup v0.16b, v1.b[15]
dup v0.8b, v1.b[16]
dup v0.2d, v1.d[1]
dup v0.2d, v1.d[2]
dup v0.4s, v1.s[4]
dup v0.4s, v1.h[1]
dup v0.1d, v1.d[0]
dup v0.4s, w1
dup v0.2d, x1
dup v0.2d, w1
dup v0.4s, x1
dup v0.16b, w1
dup v0.8h, wzr
dup v0.4s, wsp
dup s0, v1.s[1]
dup b0, v1.b[15]
dup d31, v1.d[1]
dup h0, v1.h[8]
dup h0, v1.s[1]
mov s0, v1.s[1]
mov s0, v1.4s[1]
mov d0, v1.d[1]
mov h7, v8.h[7]
mov b3, v4.b[0]
ins v0.s[1], w0
ins v0.d[1], x3
ins v0.b[15], wzr
ins v0.b[16], w0
ins v0.4s[1], w0
mov v0.s[1], w0
mov v0.d[1], x0
mov v0.d[1], w0
mov v0.h[7], x0
ins v0.s[1], v1.s[0]
ins v0.h[3], v1.h[7]
ins v0.d[1], v1.d[0]
ins v0.s[1], v1.d[0]
mov v0.b[15], v1.b[0]
mov v0.s[1], v1.s[3]
mov v0.s[1],v1.s[2]
dup v0.4s, v1.s[ 1 ]
ins v0.d[0], xzr
umov w0, v31.h[0]
mov v0.s[1], v1.4s[0]
mov v0.s[4], v1.s[0]
umov w0, v1.s[1]
umov w0, v1.b[3]
umov w0, v1.h[7]
umov x0, v1.d[1]
umov x0, v1.s[1]
umov w0, v1.d[0]
umov w0, v1.16b[1]
mov w0, v1.s[1]
mov w0, v1.4s[1]
mov x0, v1.d[1]
mov x0, v1.d[0]
mov w0, v1.b[3]
mov w0, v1.s[4]
mov x0, v1.s[1]
smov x0, v1.s[1]
smov w0, v1.s[1]
smov w0, v1.h[7]
smov x0, v1.b[15]
smov w0, v1.b[0]
smov x0, v1.d[0]
mov v0.16b, v1.16b
mov v0.8b, v1.8b
mov v0.4s, v1.4s
mov v0.2d, v1.2d
mov v0.16b, v1.8b
MOV V0.16B, V1.16B
mov v0.16b, v1.16b, v2.16b
ext v0.16b, v1.16b, v2.16b, #15
ext v0.16b, v1.16b, v2.16b, #16
ext v0.8b, v1.8b, v2.8b, #8
ext v0.8b, v1.8b, v2.8b, 7
ext v0.16b, v1.8b, v2.16b, #1
ext v0.4s, v1.4s, v2.4s, #1
zip1 v0.4s, v1.4s, v2.4s
zip2 v0.16b, v1.16b, v2.16b
uzp1 v0.8b, v1.8b, v2.8b
uzp2 v0.2d, v1.2d, v2.2d
trn1 v0.4h, v1.4h, v2.4h
trn2 v0.2s, v1.2s, v2.2s
zip1 v0.1d, v1.1d, v2.1d
zip1 v0.4s, v1.4s, v2.2s
tbl v0.16b, {v1.16b}, v2.16b
tbl v0.8b, {v1.16b, v2.16b}, v2.8b
tbl v0.8b, {v1.16b-v4.16b}, v2.8b
tbl v0.16b, {v1.16b, v2.16b, v3.16b}, v4.16b
tbl v0.8b, {v30.16b, v31.16b, v0.16b}, v2.8b
tbl v0.8b, {v1.8b}, v2.8b
tbl v0.16b, {v1.16b, v3.16b}, v2.16b
tbl v0.16b, {v1.16b}, v2.8b
tbl v0.4s, {v1.16b}, v2.4s
tbl v0.16b, { v1.16b, v2.16b }, v3.16b
tbl v0.16b, {v1.16b - v4.16b}, v5.16b
tbl v0.16b, {v30.16b-v1.16b}, v5.16b
tbx v0.8b, {v31.16b-v0.16b}, v5.8b
tbx v0.16b, {v31.16b, v0.16b}, v2.16b
tbx v5.8b, {v6.16b-v9.16b}, v10.8b
aese v0.16b, v1.16b
aesd v2.16b, v3.16b
aesmc v4.16b, v5.16b
aesimc v31.16b, v0.16b
aese v0.8b, v1.8b
sha1c q0, s1, v2.4s
sha1p q3, s4, v5.4s
sha1m q6, s7, v8.4s
sha1c q0, q1, v2.4s
sha1c q0, s1, v2.2d
sha256h q0, q1, v2.4s
sha256h2 q0, q1, v31.4s
sha256h q0, s1, v2.4s
sha1su0 v0.4s, v1.4s, v2.4s
sha256su1 v0.4s, v1.4s, v2.4s
sha1h s0, s1
sha1h d0, d1
sha1su1 v0.4s, v1.4s
sha256su0 v0.4s, v1.4s
sha256su0 v0.2d, v1.2d
sha512h q0, q1, v2.2d
sha512h2 q0, q1, v2.2d
sha512su0 v0.2d, v1.2d
sha512su1 v0.2d, v1.2d, v2.2d
rax1 v0.2d, v1.2d, v2.2d
rax1 v0.4s, v1.4s, v2.4s
eor3 v0.16b, v1.16b, v2.16b, v3.16b
bcax v0.16b, v1.16b, v2.16b, v3.16b
eor3 v0.8b, v1.8b, v2.8b, v3.8b
xar v0.2d, v1.2d, v2.2d, #63
xar v0.2d, v1.2d, v2.2d, #64
xar v0.2d, v1.2d, v2.2d, 0
AESE V0.16B, V1.16B
`
  .trim()
  .split('\n');

const hex = (w: number): string => w.toString(16).padStart(8, '0');

const missing = objdumpMissing();
describe.skipIf(missing !== null)('Advanced SIMD: same words as GNU as', () => {
  const gnu = gnuAssemble(LINES);
  LINES.forEach((line, i) => {
    it(line, () => expectLikeGnu(line, 0x400000 + 4 * i, gnu[i]!));
  });
});

/** objdump's text of random valid encodings of every entry of these classes (fixed seed). */
function disassembledTexts(perEntry: number): { entry: string; text: string }[] {
  const names = { ...simdImmFormatters, ...simdElemFormatters, ...simdMoveFormatters, ...simdCryptoFormatters };
  const gen = new Generator({ Decoder, table, handlers, extractFields });
  const dec = new Decoder(table);
  const rng = new Rng(7);
  const out: { entry: string; text: string }[] = [];
  for (const entry of gen.entries) {
    if (!(entry.name in names)) continue;
    let n = 0;
    for (let attempt = 0; attempt < perEntry * 100 && n < perEntry; attempt++) {
      const word = rng.chance(0.5) ? gen.randomWord(entry, rng) : (entry.enc.value | (rng.u32() & ~entry.enc.mask)) >>> 0;
      if (dec.decode(word)?.name !== entry.name) continue;
      const d = disassemble(word, 0x400000, { hexPrefix: true });
      if (d.mnemonic === '.inst') continue;
      n++;
      out.push({ entry: entry.name, text: `${d.mnemonic} ${d.operands}` });
    }
  }
  return out;
}

describe.skipIf(missing !== null)('Advanced SIMD: objdump text of random encodings', () => {
  it('GNU as and we make the same word of every text', () => {
    const texts = disassembledTexts(16);
    expect(texts.length).toBeGreaterThan(16 * 140);
    const gnu = gnuAssemble(texts.map((t) => t.text));
    const differ: string[] = [];
    texts.forEach((t, i) => {
      const g = gnu[i]!;
      let ours: string;
      try {
        ours = hex(assembleLine(t.text, 0x400000 + 4 * i));
      } catch (e) {
        ours = `error: ${(e as Error).message}`;
      }
      const theirs = 'word' in g ? hex(g.word) : `error: ${g.error}`;
      if (ours !== theirs) differ.push(`${t.entry} '${t.text}': ours ${ours}, GNU ${theirs}`);
    });
    expect(differ).toEqual([]);
  });
});

/** Errors say what is allowed: the range, the arrangements, the registers. */
const MESSAGES: [string, RegExp][] = [
  ['sshr v0.4s, v1.4s, #33', /shift amount out of range: 33 is not in 1 to 32/],
  ['shl d0, d1, #64', /shift amount out of range: 64 is not in 0 to 63/],
  ['shrn v0.8b, v1.8h, #9', /not in 1 to 8/],
  ['scvtf v0.4s, v1.4s, #0', /fraction bits out of range: 0 is not in 1 to 32/],
  ['movi v0.16b, #256', /not in -128 to 255/],
  ['movi v0.8h, #1, lsl #16', /lsl #0 or lsl #8/],
  ['movi v0.2d, #1', /every byte must be 0x00 or 0xff/],
  ['fmov v0.4s, #0.1', /0\.125 to 31\.0/],
  ['mul v0.8h, v1.8h, v2.h[8]', /element index out of range: 8 is not in 0 to 7/],
  ['mul v0.8h, v1.8h, v16.h[1]', /v0 to v15/],
  ['fmla v0.2d, v1.2d, v2.d[2]', /not in 0 to 1/],
  ['dup v0.4s, v1.s[4]', /not in 0 to 3/],
  ['ext v0.16b, v1.16b, v2.16b, #16', /index out of range: 16 is not in 0 to 15/],
  ['xar v0.2d, v1.2d, v2.2d, #64', /not in 0 to 63/],
  ['shl v0.1d, v1.1d, #3', /expected \.8b, \.16b, \.4h, \.8h, \.2s, \.4s or \.2d/],
  ['shrn v0.16b, v1.8h, #1', /expected \.8b, \.4h or \.2s; shrn2 writes the upper half/],
  ['smull v0.4s, v1.4s, v2.h[1]', /expected \.4h or \.2s; smull2 reads the upper half/],
  ['mov w0, v1.b[3]', /expected a \.s element \(mov reads \.s into w and \.d into x; umov and smov read bytes and halves\)/],
  ['dup v0.2d, w1', /expected an x register for \.d elements/],
  ['zip1 v0.4s, v1.4s, v2.2s', /expected v2\.4s here, found 'v2\.2s'/],
  ['tbl v0.8b, {v1.8b}, v2.8b', /list of 1 to 4 registers \.16b/],
  ['sha1h d0, d1', /expected s0 here/],
];

describe('Advanced SIMD: errors name what is allowed', () => {
  for (const [line, msg] of MESSAGES) {
    it(line, () => {
      expect(() => assembleLine(line, 0x400000)).toThrow(msg);
    });
  }
});
