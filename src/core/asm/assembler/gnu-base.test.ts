/**
 * Lines as people write them (aliases, immediates in every spelling, GNU as's conversions), for
 * data processing and branch/system instructions: our word must be GNU as's word, and a line GNU
 * as rejects must be rejected. Skipped without binutils-aarch64-linux-gnu.
 */
import { describe, expect, it } from 'vitest';
import { gnuAssemble, objdumpMissing } from '../../../../tests/helpers/objdump.js';
import { expectLikeGnu } from '../../../../tests/helpers/asm-roundtrip.js';

const LINES = `
add x0, x1, #4095
add x0, x1, #4096
add x0, x1, 16
add x0, x1, #-8
adds x0, x1, #-3
sub sp, sp, #0x20
sub x0, x1, #1, lsl #12
add x0, x1, #0x1000000
cmp x0, #-1
cmp w3, 255
cmn x0, #5
mov x0, #-1
mov w0, #-1
mov x0, #0x10000
mov x0, #0xffff0000ffff0000
mov x0, #0xfffffffffffffffe
mov w0, #0xffff
mov w0, #0xffff0000
mov w0, #0xfffffffe
mov x0, #0x12345678
mov x0, #0x1234567812345678
mov x0, sp
mov sp, x1
mov wsp, w2
mov x0, x1
mov w0, wzr
mov x0, xzr
movz x0, #1, lsl #16
movz x0, #0x10000
movn w0, #0
movk x0, #0xbeef, lsl #48
movk w0, #1, lsl #32
and x0, x1, #0xff
and w0, w1, #0x80000000
and x0, x1, #0
orr x0, xzr, #0x5555555555555555
eor w2, w3, #0xf0f0f0f0
tst w0, #1
tst x0, #0x3
ands xzr, x1, #0xff
lsl x0, x1, #3
lsl w0, w1, #31
lsr w0, w1, 3
asr x0, x1, #63
ror x0, x1, #3
ror w0, w1, #32
ubfx x0, x1, #4, #8
ubfx x0, x1, #60, #8
sbfx w0, w1, #0, #32
bfi x0, x1, #4, #8
bfxil w0, w1, #3, #2
bfc x0, #8, #4
ubfiz x0, x1, #2, #30
sbfiz w0, w1, #31, #1
sxtb x0, w1
sxth w0, w1
sxtw x0, w1
sxtw x0, x1
uxtb w0, w1
uxth w0, w1
uxtb x0, w1
extr x0, x1, x2, #12
add x0, x1, x2
add x0, x1, x2, lsl #3
add w0, w1, w2, asr #31
add w0, w1, w2, asr #32
add x0, sp, x2
add sp, sp, x2
add x0, x1, w2, sxtw #2
add x0, x1, w2, uxtb
add x0, x1, x2, uxtx #4
add x0, x1, x2, uxtx #5
add x0, sp, x2, lsl #2
add x0, x1, x2, ror #2
adds x0, sp, w2, uxth #1
cmp x0, x1
cmp sp, x1
cmp w0, w1, lsl #4
cmn w0, w1, sxtb
tst x0, x1
tst w0, w1, ror #7
neg x0, x1
neg w0, w1, lsl #3
negs x0, x1
mvn x0, x1
mvn w0, w1, lsr #2
and x0, x1, x2, ror #63
bic w0, w1, w2
orn x0, x1, x2
eon x0, x1, x2, lsl #1
ands w0, w1, w2
bics x0, x1, x2
adc x0, x1, x2
adcs w0, w1, w2
sbc x0, x1, x2
ngc x0, x1
ngcs w0, w1
cset x0, eq
cset w0, hs
csetm x0, lo
cinc x0, x1, ne
cinv w0, w1, gt
cneg x0, x1, mi
csel x0, x1, x2, lt
csinc w0, w1, w2, al
csinv x0, x1, x2, nv
csneg x0, x1, x2, le
cset x0, al
ccmp x0, x1, #4, ne
ccmp w0, #31, #0xf, eq
ccmn x0, #1, #0, hi
ccmp x0, #32, #0, eq
udiv x0, x1, x2
sdiv w0, w1, w2
lsl x0, x1, x2
lsr w0, w1, w2
asr x0, x1, x2
ror w0, w1, w2
lslv x0, x1, x2
mul x0, x1, x2
mul w0, w1, w2
madd x0, x1, x2, x3
msub w0, w1, w2, w3
mneg x0, x1, x2
smull x0, w1, w2
umull x0, w1, w2
smaddl x0, w1, w2, x3
umsubl x0, w1, w2, x3
smnegl x0, w1, w2
smulh x0, x1, x2
umulh x0, x1, x2
rbit w0, w1
rev x0, x1
rev w0, w1
rev16 x0, x1
rev32 x0, x1
rev64 x0, x1
clz x0, x1
cls w0, w1
crc32b w0, w1, w2
crc32cx w0, w1, x2
crc32x w0, w1, w2
svc #0
svc 0x80
brk #0xf000
udf #1
hint #0x22
nop
yield
wfe
wfi
sev
sevl
bti
bti c
bti jc
paciasp
autiasp
csdb
isb
isb sy
dsb sy
dsb ish
dmb ishld
dmb #0x5
clrex
clrex #3
ssbb
pssbb
ret
ret x1
br x16
blr x8
mrs x0, tpidr_el0
mrs x1, nzcv
msr tpidr_el0, x0
msr fpcr, x2
mrs x0, midr_el1
mrs x0, s3_3_c13_c0_2
dc civac, x0
dc zva, x1
ic ivau, x2
ic iallu
sys #3, c7, c11, #1, x0
cbz x0, .
cbnz w1, . + 8
tbz x0, #63, . + 12
tbnz w0, #3, . - 4
b.eq .
b.hs . + 16
beq . + 16
bne . - 8
b .
bl . + 0x100
adr x0, . + 4
mov w0, #0x10000
mov x0, #0x123456789
add x0, x1, #-4096
sub x0, xzr, #1
lsl x0, x1, #64
ubfx x0, x1, #4, #61
movz x0, #1, lsl #8
and x0, x1, #0x1234
add w0, w1, x2
cset x0, foo
svc #0x10000
tbz w0, #32, .
`
  .trim()
  .split('\n');

const missing = objdumpMissing();
describe.skipIf(missing !== null)('data processing, branches and system: same words as GNU as', () => {
  const gnu = gnuAssemble(LINES);
  LINES.forEach((line, i) => {
    it(line, () => expectLikeGnu(line, 0x400000 + 4 * i, gnu[i]!));
  });
});
