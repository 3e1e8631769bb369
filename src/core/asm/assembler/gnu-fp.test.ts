/**
 * Lines as people write them, for scalar floating point and Advanced SIMD arithmetic: FP8
 * immediates in every spelling GNU as reads (decimal, integer, hex IEEE bits), compares with
 * `#0.0` or `#0`, conditions, #fbits, general-register fmov, every arrangement family; and lines
 * GNU as rejects (an immediate FP8 cannot hold, a wrong arrangement or register size), which we
 * must reject too. Our word must be GNU as's word. Skipped without binutils-aarch64-linux-gnu.
 * Our messages are checked on their own below (they run everywhere).
 */
import { describe, expect, it } from 'vitest';
import { gnuAssemble, objdumpMissing } from '../../../../tests/helpers/objdump.js';
import { vfpExpandImm } from '../../cpu/arm/fp.js';
import type { EncodeCtx } from './encode.js';
import { fp8, fpForms } from './enc-fp.js';
import { simdArithForms } from './enc-simd-arith.js';
import { evaluate } from './expr.js';
import { expectLikeGnu } from '../../../../tests/helpers/asm-roundtrip.js';
import { assembleLine } from './instruction.js';
import { OperandParser } from './operands.js';
import { AsmError, parseStatement } from './source.js';

/** GNU as needs these extensions for FP16, FHM, FRINTTS, BF16 and PMULL (a64play runs them all). */
const ARCH = '.arch armv8.6-a+fp16+fp16fml+aes';

const LINES = `
fmov d0, #1.5
fmov s1, #-2.0
fmov h2, #0.125
fmov d3, 1.5
fmov s4, #1
fmov d5, #-31
fmov d6, #31.0
fmov s7, #0.1875
fmov d8, #1.5e0
fmov d9, #.5
fmov d10, #5e-1
fmov d11, #+1.5
fmov d12, #0x3ff8000000000000
fmov s13, #0x3fc00000
fmov h14, #0x3fc00000
fmov s15, #1.00000001
fmov D16, #1.5E0
FMOV S17, #-0.25
fmov d0, #1.3
fmov d0, #32.0
fmov d0, #0.12
fmov s0, #0.0
fmov s0, #-0.0
fmov d0, #0.1171875
fmov h0, #1.0001
fmov d0, #0x3ff8000000000001
fmov d0, #0x3f800000
fmov s0, #0x13fc00000
fmov s0, #0X3FC00000
fmov s0, #(1+1)
fmov d0, #-0x1
fmov b0, #1.0
fmov q0, #1.0
fmov s0, w1
fmov w1, s0
fmov d0, x1
fmov x1, d0
fmov h0, w1
fmov h0, x1
fmov w0, h1
fmov x0, h1
fmov v0.d[1], x1
fmov x1, v0.d[1]
fmov x1, V0.D[1]
fmov s0, wzr
fmov d0, xzr
fmov x1, s0
fmov s0, x1
fmov x1, v0.d[0]
fmov v0.d[1], w1
fmov s0, wsp
fmov d0, sp
fmov s0, s1
fmov d30, d31
fmov h0, h1
fmov q0, q1
fmov s0, d1
fadd s0, s1, s2
fadd d0, d1, d2
fadd h0, h1, h2
FADD D0, D1, D2
fadd b0, b1, b2
fadd s0, s1, d2
fsub d29, d30, d31
fmul s0, s1, s2
fdiv d0, d1, d2
fnmul h0, h1, h2
fmax s0, s1, s2
fmin d0, d1, d2
fmaxnm s0, s1, s2
fminnm h0, h1, h2
fmadd d0, d1, d2, d3
fmsub s0, s1, s2, s3
fnmadd h0, h1, h2, h3
fnmsub d0, d1, d2, d3
fmadd d0, d1, d2, s3
fabs s0, s1
fneg d0, d1
fsqrt h0, h1
fabs d0, s1
frintn s0, s1
frintp d0, d1
frintm h0, h1
frintz s0, s1
frinta d0, d1
frintx s0, s1
frinti d0, d1
frint32z s0, s1
frint32x d0, d1
frint64z s0, s1
frint64x d0, d1
frint32z h0, h1
fcvt d0, s1
fcvt s0, d1
fcvt h0, s1
fcvt h0, d1
fcvt s0, h1
fcvt d0, h1
fcvt s0, s1
fcvt q0, d1
bfcvt h0, s1
bfcvt s0, s1
fcmp s0, s1
fcmp d0, d1
fcmp h0, h1
fcmpe s0, s1
fcmp s0, #0.0
fcmp d0, #0
fcmp d0, 0
fcmp d0, #0x0
fcmp d0, #0e0
fcmpe h0, #0.0
fcmpe d0, #0
fcmp d0, #1.0
fcmp d0, #-0.0
fcmp d0, #(0)
fcmp d0, s1
fccmp s0, s1, #0xf, ne
fccmp d0, d1, 15, eq
fccmpe h0, h1, #4, hs
fccmp s0, s1, #0, LO
fccmpe d0, d1, #0, al
fccmp d0, d1, #0, nv
fccmp s0, s1, #16, ne
fccmp s0, s1, #0, xx
fccmp s0, d1, #0, eq
fcsel s0, s1, s2, eq
fcsel d0, d1, d2, lo
fcsel h0, h1, h2, NE
fcsel s0, s1, s2, #1
scvtf s0, w1
scvtf d0, x1
scvtf h0, w1
scvtf s0, x1
ucvtf d0, w1
ucvtf h0, x1
scvtf d0, wzr
scvtf d0, wsp
scvtf d0, w1, #1
scvtf d0, w1, #32
scvtf d0, x1, #64
scvtf s0, x1, 64
ucvtf h0, w1, #16
scvtf d0, w1, #0
scvtf d0, w1, #33
scvtf d0, x1, #65
fcvtzs w0, s1
fcvtzs x0, d1
fcvtzs w0, h1
fcvtzu x0, s1
fcvtzs w0, s1, #1
fcvtzs x0, d1, #64
fcvtzu w0, h1, #(2+3)
fcvtzs w0, s1, #33
fcvtns w0, s1
fcvtnu x0, d1
fcvtas w0, h1
fcvtau x0, s1
fcvtps w0, d1
fcvtpu x0, h1
fcvtms w0, s1
fcvtmu x0, d1
fcvtzs sp, d1
fcvtzs w0, b1
fjcvtzs w0, d1
fjcvtzs x0, d1
fjcvtzs w0, s1
fccmp s0, s1, #(1|2), eq
fccmp s0, s1, #-1, eq
fcsel s0, s1, s2, hs
fcsel s0, s1, s2, cs
scvtf d0, w1, #(16+16)
scvtf d0, w1, #-1
fcvtzs w0, d1, #0x20
fmov d0, #-0.15625
fmov d0, #1.
fmov d0,#1.5
fmov d0, #1E+0
fmov d0, #0x1p0
fmov h0, #0x3c00
fmov d0, #0x0
fmov s0, #0b1
fmov d0, #1000000000
fmov d0, #0.0625
fmov d0, #0.0625e0
fmov w0, v0.s[1]
fmov d0, #1.5, lsl #3
fadd s0, s1
fadd s0, s1, s2, s3
saddlv h0, v1.16b
add v0.4s, v1.4s, v2.4s
add v0.16b, v1.16b, v2.16b
add v0.2d, v1.2d, v2.2d
ADD V0.8H, V1.8H, V2.8H
add v0.1d, v1.1d, v2.1d
add v0.4s, v1.4s, v2.8h
add d0, d1, d2
add s0, s1, s2
sub v31.8b, v30.8b, v29.8b
sub d0, d1, d2
mul v0.4s, v1.4s, v2.4s
mul v0.2d, v1.2d, v2.2d
mla v0.8h, v1.8h, v2.8h
mls v0.16b, v1.16b, v2.16b
pmul v0.16b, v1.16b, v2.16b
pmul v0.8h, v1.8h, v2.8h
sqadd b0, b1, b2
uqsub h0, h1, h2
sqrshl s0, s1, s2
uqrshl d0, d1, d2
sqadd v0.2d, v1.2d, v2.2d
shadd v0.2s, v1.2s, v2.2s
shadd v0.2d, v1.2d, v2.2d
smax v0.4s, v1.4s, v2.4s
uminp v0.8b, v1.8b, v2.8b
addp v0.2d, v1.2d, v2.2d
addp d0, v1.2d
addp s0, v1.2s
sqdmulh v0.4h, v1.4h, v2.4h
sqdmulh v0.8b, v1.8b, v2.8b
sqrdmulh s0, s1, s2
sqrdmulh b0, b1, b2
sqrdmlah v0.4s, v1.4s, v2.4s
sqrdmlsh h0, h1, h2
cmeq v0.4s, v1.4s, v2.4s
cmhi d0, d1, d2
cmhi s0, s1, s2
cmtst v0.2d, v1.2d, v2.2d
sshl v0.4s, v1.4s, v2.4s
urshl d0, d1, d2
and v0.16b, v1.16b, v2.16b
and v0.8b, v1.8b, v2.8b
and v0.4s, v1.4s, v2.4s
orr v0.16b, v1.16b, v2.16b
orr v0.16b, v1.16b, v1.16b
bic v0.8b, v1.8b, v2.8b
orn v0.16b, v1.16b, v2.16b
eor v0.16b, v1.16b, v2.16b
bsl v0.16b, v1.16b, v2.16b
bit v0.8b, v1.8b, v2.8b
bif v0.16b, v1.16b, v2.16b
mov v0.16b, v1.16b
mov v0.8b, v1.8b
mov v0.4s, v1.4s
mvn v0.16b, v1.16b
not v0.8b, v1.8b
mvn v0.4s, v1.4s
rbit v0.16b, v1.16b
rev64 v0.4s, v1.4s
rev64 v0.2d, v1.2d
rev32 v0.8h, v1.8h
rev32 v0.4s, v1.4s
rev16 v0.16b, v1.16b
rev16 v0.8h, v1.8h
cnt v0.8b, v1.8b
cnt v0.4h, v1.4h
cls v0.4s, v1.4s
clz v0.16b, v1.16b
clz v0.2d, v1.2d
abs v0.2d, v1.2d
neg v0.4s, v1.4s
abs d0, d1
neg d0, d1
neg s0, s1
sqabs b0, b1
sqneg v0.8h, v1.8h
suqadd s0, s1
usqadd v0.2d, v1.2d
saddlp v0.4h, v1.8b
uaddlp v0.2d, v1.4s
sadalp v0.1d, v1.2s
uadalp v0.8h, v1.16b
saddlp v0.2d, v1.2d
cmeq v0.4s, v1.4s, #0
cmeq v0.4s, v1.4s, 0
cmeq v0.4s, v1.4s, #(0)
cmeq v0.4s, v1.4s, #0x0
cmgt v0.8b, v1.8b, #0
cmge v0.2d, v1.2d, #0
cmle v0.16b, v1.16b, #0
cmlt v0.8h, v1.8h, #0
cmeq d0, d1, #0
cmlt d0, d1, #0
cmeq v0.4s, v1.4s, #0.0
cmeq v0.4s, v1.4s, #1
cmeq s0, s1, #0
cmle v0.4s, v1.4s, v2.4s
xtn v0.8b, v1.8h
xtn2 v0.16b, v1.8h
xtn v0.16b, v1.8h
xtn2 v0.8b, v1.8h
sqxtn v0.4h, v1.4s
sqxtn2 v0.4s, v1.2d
uqxtn v0.2s, v1.2d
sqxtun2 v0.8h, v1.4s
sqxtn b0, h1
uqxtn s0, d1
sqxtun h0, s1
sqxtn d0, q1
shll v0.8h, v1.8b, #8
shll v0.8h, v1.8b, 8
shll v0.4s, v1.4h, #16
shll2 v0.2d, v1.4s, #32
shll2 v0.8h, v1.16b, #(4+4)
shll v0.8h, v1.8b, #7
saddlv h0, v1.8b
uaddlv s0, v1.8h
saddlv d0, v1.4s
saddlv d0, v1.2s
addv b0, v1.16b
addv s0, v1.4s
addv s0, v1.2s
smaxv h0, v1.4h
uminv b0, v1.8b
addv d0, v1.2d
saddl v0.8h, v1.8b, v2.8b
saddl2 v0.8h, v1.16b, v2.16b
uaddl v0.2d, v1.2s, v2.2s
saddl v0.8h, v1.16b, v2.16b
ssubl2 v0.4s, v1.8h, v2.8h
sabal v0.4s, v1.4h, v2.4h
uabdl2 v0.2d, v1.4s, v2.4s
smlal v0.8h, v1.8b, v2.8b
umlsl2 v0.4s, v1.8h, v2.8h
smull v0.2d, v1.2s, v2.2s
umull2 v0.8h, v1.16b, v2.16b
sqdmlal v0.4s, v1.4h, v2.4h
sqdmlsl2 v0.2d, v1.4s, v2.4s
sqdmull v0.4s, v1.4h, v2.4h
sqdmull v0.8h, v1.8b, v2.8b
pmull v0.8h, v1.8b, v2.8b
pmull2 v0.8h, v1.16b, v2.16b
pmull v0.1q, v1.1d, v2.1d
pmull2 v0.1q, v1.2d, v2.2d
pmull v0.4s, v1.4h, v2.4h
saddw v0.8h, v1.8h, v2.8b
uaddw2 v0.4s, v1.4s, v2.8h
ssubw v0.2d, v1.2d, v2.2s
usubw2 v0.2d, v1.2d, v2.4s
addhn v0.8b, v1.8h, v2.8h
raddhn2 v0.16b, v1.8h, v2.8h
subhn v0.2s, v1.2d, v2.2d
rsubhn2 v0.8h, v1.4s, v2.4s
addhn v0.8b, v1.8h, v2.4s
sqdmlal s0, h1, h2
sqdmlsl d0, s1, s2
sqdmull s0, h1, h2
sqdmull h0, b1, b2
fadd v0.4s, v1.4s, v2.4s
fadd v0.2s, v1.2s, v2.2s
fadd v0.2d, v1.2d, v2.2d
fadd v0.1d, v1.1d, v2.1d
fadd v0.8h, v1.8h, v2.8h
fadd v0.4h, v1.4h, v2.4h
fadd v0.16b, v1.16b, v2.16b
fsub v0.2d, v1.2d, v2.2d
fmul v0.4s, v1.4s, v2.4s
fdiv v0.2s, v1.2s, v2.2s
fmla v0.2d, v1.2d, v2.2d
fmls v0.8h, v1.8h, v2.8h
fmax v0.4s, v1.4s, v2.4s
fminnm v0.4h, v1.4h, v2.4h
fmaxnmp v0.2d, v1.2d, v2.2d
faddp v0.4s, v1.4s, v2.4s
fabd v0.2s, v1.2s, v2.2s
fmulx v0.8h, v1.8h, v2.8h
frecps v0.4s, v1.4s, v2.4s
frsqrts v0.2d, v1.2d, v2.2d
fcmeq v0.4s, v1.4s, v2.4s
fcmge v0.2d, v1.2d, v2.2d
fcmgt v0.8h, v1.8h, v2.8h
facge v0.4s, v1.4s, v2.4s
facgt v0.4h, v1.4h, v2.4h
fmulx s0, s1, s2
fmulx d0, d1, d2
fmulx h0, h1, h2
fabd d0, d1, d2
fcmeq s0, s1, s2
fcmge h0, h1, h2
facgt d0, d1, d2
frecps h0, h1, h2
frsqrts s0, s1, s2
fabd b0, b1, b2
faddp s0, v1.2s
faddp d0, v1.2d
faddp h0, v1.2h
fmaxp s0, v1.2s
fminnmp d0, v1.2d
faddp s0, v1.4s
faddp d0, v1.2s
fmaxv s0, v1.4s
fminv h0, v1.8h
fmaxnmv h0, v1.4h
fminnmv s0, v1.4s
fmaxv s0, v1.2s
fmaxv d0, v1.2d
fcvtn v0.4h, v1.4s
fcvtn2 v0.8h, v1.4s
fcvtn v0.2s, v1.2d
fcvtn2 v0.4s, v1.2d
fcvtn v0.4s, v1.2d
fcvtl v0.4s, v1.4h
fcvtl2 v0.4s, v1.8h
fcvtl v0.2d, v1.2s
fcvtl2 v0.2d, v1.4s
fcvtxn v0.2s, v1.2d
fcvtxn2 v0.4s, v1.2d
fcvtxn s0, d1
fcvtxn h0, s1
frintn v0.4s, v1.4s
frintm v0.2d, v1.2d
frintp v0.8h, v1.8h
frintz v0.4h, v1.4h
frinta v0.2s, v1.2s
frintx v0.4s, v1.4s
frinti v0.2d, v1.2d
frint32z v0.4s, v1.4s
frint64x v0.2d, v1.2d
fabs v0.4s, v1.4s
fneg v0.8h, v1.8h
fsqrt v0.2d, v1.2d
fsqrt v0.1d, v1.1d
frecpe v0.2s, v1.2s
frsqrte v0.4h, v1.4h
urecpe v0.4s, v1.4s
ursqrte v0.2s, v1.2s
urecpe v0.2d, v1.2d
fcvtzs v0.4s, v1.4s
fcvtzu v0.2d, v1.2d
fcvtns v0.8h, v1.8h
fcvtau v0.4h, v1.4h
scvtf v0.4s, v1.4s
ucvtf v0.2d, v1.2d
scvtf v0.8h, v1.8h
fcvtzs s0, s1
fcvtzu d0, d1
fcvtns h0, h1
fcvtmu s0, s1
fcvtas d0, d1
fcvtpu h0, h1
scvtf s0, s1
ucvtf d0, d1
scvtf h0, h1
frecpe s0, s1
frecpx d0, d1
frecpx h0, h1
frsqrte h0, h1
fcmeq v0.4s, v1.4s, #0.0
fcmeq v0.4s, v1.4s, #0
fcmgt v0.2d, v1.2d, 0
fcmge v0.8h, v1.8h, #0.0
fcmle v0.4h, v1.4h, #0x0
fcmlt v0.2s, v1.2s, #0.0
fcmeq d0, d1, #0.0
fcmle s0, s1, #0
fcmlt h0, h1, #0.0
fcmeq v0.4s, v1.4s, #1.0
fcmeq v0.4s, v1.4s, #-0.0
fcmeq v0.4s, v1.4s, #(0)
sdot v0.4s, v1.16b, v2.16b
udot v0.2s, v1.8b, v2.8b
sdot v0.4s, v1.8b, v2.8b
sdot v0.2d, v1.8h, v2.8h
fmlal v0.4s, v1.4h, v2.4h
fmlsl v0.2s, v1.2h, v2.2h
fmlal2 v0.4s, v1.4h, v2.4h
fmlsl2 v0.2s, v1.2h, v2.2h
fmlal v0.4s, v1.8h, v2.8h
`
  .trim()
  .split('\n');

const missing = objdumpMissing();
describe.skipIf(missing !== null)('floating point and SIMD arithmetic: same words as GNU as', () => {
  const gnu = gnuAssemble(LINES.map((l) => `${ARCH} ; ${l}`));
  it('GNU as took most lines and rejected the invalid ones', () => {
    expect(gnu.filter((g) => 'word' in g).length).toBeGreaterThan(300);
    expect(gnu.filter((g) => 'error' in g).length).toBeGreaterThan(90);
  });
  LINES.forEach((line, i) => {
    it(line, () => expectLikeGnu(line, 0x400000 + 4 * i, gnu[i]!));
  });
});

/** The message and column of the error assembling `line`. */
function errorOf(line: string): { message: string; col: number } {
  try {
    assembleLine(line, 0x400000);
  } catch (e) {
    if (e instanceof AsmError) return { message: e.message, col: e.loc.col };
    throw e;
  }
  throw new Error(`'${line}' assembled`);
}

describe('messages say what is allowed', () => {
  it.each([
    ['fmov d0, #1.3', '1.3 cannot be an FP8 immediate (±n/16 × 2^r, n 16-31, r -3..4)',10],
    ['fmov s0, #0.0', '0.0 cannot be an FP8 immediate (±n/16 × 2^r, n 16-31, r -3..4)',10],
    ['fmov d0, #32', '32 cannot be an FP8 immediate (±n/16 × 2^r, n 16-31, r -3..4)',10],
    ['fmov s0, #(1+1)', "expected a floating-point constant like #1.5, found '#(1+1)'",10],
    ['fmov d0, #0x3ff8000000000001', '0x3ff8000000000001 is not an FP8 immediate (as a double: 1.5000000000000002) (±n/16 × 2^r, n 16-31, r -3..4)',10],
    ['fmov s0, #0x13fc00000', "'#0x13fc00000' has more than 32 bits (the bits of a single-precision value)",10],
    ['fmov x1, v0.d[0]', "'v0.d[0]' does not fit 'fmov' after 'x1': expected v0.d[1]", 10],
    ['fadd s0, s1, d2', "'d2' does not fit 'fadd' after 's0, s1': expected s2", 14],
    ['fadd b0, b1, b2', "'b0' does not fit 'fadd': expected s0, d0 or h0", 6],
    ['fcvt s0, s1', "'s1' does not fit 'fcvt' after 's0': expected d1 or h1", 10],
    ['fcmp d0, #1.0', "'#1.0' does not fit 'fcmp' after 'd0': expected #0.0", 10],
    ['fccmp s0, s1, #16, ne', 'nzcv out of range: 16 is not in 0 to 15', 15],
    ['fccmp s0, s1, #0, xx', "expected a condition (eq, ne, cs/hs, cc/lo, mi, pl, vs, vc, hi, ls, ge, lt, gt, le, al, nv), found 'xx'", 19],
    ['scvtf d0, w1, #33', 'fbits out of range: 33 is not in 1 to 32', 15],
    ['fcvtzs w0, s1, #0', 'fbits out of range: 0 is not in 1 to 32', 16],
    ['fcvtzs sp, d1', "'sp' cannot be used here (the zero register xzr can)", 8],
    ['add v0.4s, v1.4s, v2.8h', "'v2.8h' does not fit 'add' after 'v0.4s, v1.4s': expected v2.4s", 19],
    ['add v0.1d, v1.1d, v2.1d', "'v0.1d' does not fit 'add': expected v0.8b, v0.16b, v0.4h, v0.8h, v0.2s, v0.4s or v0.2d", 5],
    ['and v0.4s, v1.4s, v2.4s', "'v0.4s' does not fit 'and': expected v0.8b or v0.16b", 5],
    ['xtn v0.16b, v1.8h', "'v0.16b' does not fit 'xtn': expected v0.8b, v0.4h or v0.2s", 5],
    ['saddl v0.8h, v1.16b, v2.16b', "'v1.16b' does not fit 'saddl' after 'v0.8h': expected v1.8b", 14],
    ['shll v0.8h, v1.8b, #7', "'#7' does not fit 'shll' after 'v0.8h, v1.8b': expected #8", 20],
    ['cmeq v0.4s, v1.4s, #0.0', "'#0.0' does not fit 'cmeq' after 'v0.4s, v1.4s': expected #0", 20],
    ['fcmeq v0.4s, v1.4s, #(0)', "'#(0)' does not fit 'fcmeq' after 'v0.4s, v1.4s': expected #0.0", 21],
    ['addv s0, v1.2s', "'v1.2s' does not fit 'addv' after 's0': expected v1.4s", 10],
    ['sdot v0.4s, v1.8b, v2.8b', "'v1.8b' does not fit 'sdot' after 'v0.4s': expected v1.16b", 13],
  ])('%s', (line, message, col) => {
    expect(errorOf(line)).toEqual({ message, col });
  });
});

describe('FP8 immediates', () => {
  it('fp8 inverts VFPExpandImm for all 256 values and refuses the rest', () => {
    for (let imm8 = 0; imm8 < 256; imm8++) expect(fp8(vfpExpandImm(imm8))).toBe(imm8);
    for (const v of [0, -0, 0.1, 1 / 3, 32, 0.1171875, 1.03125, Infinity, NaN]) expect(fp8(v)).toBeNull();
    expect(fp8(31)).toBe(0x3f);
    expect(fp8(-0.125)).toBe(0xc0);
  });
});

describe('other classes keep their operand shapes', () => {
  /** What our forms make of a line (all null when the shape belongs to another class). */
  function ours(line: string): unknown[] {
    const st = parseStatement(line, 1, 1)!;
    const parser = new OperandParser(() => {
      throw new Error('no local labels');
    });
    const ops = st.args.map((a) => parser.parse(a));
    const scope = { symbol: () => undefined, here: () => ({ sec: null, off: 0n }) };
    const c: EncodeCtx = {
      pc: 0,
      value: (op) => evaluate(op.e, scope, op.loc).off,
      address: (op) => evaluate(op.e, scope, op.loc).off,
      literal: () => 0n,
    };
    return [...(fpForms[st.op] ?? []), ...(simdArithForms[st.op] ?? [])].map((f) => f.encode(ops, c));
  }
  it.each([
    'fmul v0.4s, v1.4s, v2.s[1]',
    'fmul s0, s1, v2.s[1]',
    'fmla h0, h1, v2.h[7]',
    'mul v0.4s, v1.4s, v2.s[1]',
    'sqdmull s0, h1, v2.h[1]',
    'sdot v0.4s, v1.16b, v2.4b[1]',
    'fmov v0.4s, #1.0',
    'fmov v0.2d, #-2.0',
    'scvtf s0, s1, #3',
    'fcvtzs v0.4s, v1.4s, #3',
    'orr v0.4s, #0x12',
    'bic v0.8h, #0x12, lsl #8',
    'mov v0.s[1], w0',
    'mov w0, v0.s[1]',
    'mov d0, v1.d[1]',
    'mov v0.s[1], v1.s[0]',
    'add x0, x1, x2',
    'neg x0, x1',
    'rbit w0, w1',
    'mvn x0, x1',
    'cls x0, x1',
  ])('%s', (line) => {
    const results = ours(line);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r === null)).toBe(true);
  });
});
