/**
 * Per-instruction tests for data processing — register. Each row is the instruction word (from
 * aarch64-linux-gnu-as), its assembly, the registers and flags going in, and what changes coming
 * out. Unlisted x0..x7 start as distinct non-zero patterns and must come out unchanged, so a
 * stray or missing write fails. The expected values were produced by running each word under
 * qemu-aarch64, not by this emulator.
 */
import { describe, expect, it } from 'vitest';
import { TestMachine } from '../../../../tests/helpers/machine.js';
import { Stop } from '../op.js';

type Regs = { x0?: bigint; x1?: bigint; x2?: bigint; x3?: bigint; x4?: bigint; x5?: bigint; x6?: bigint; x7?: bigint; sp?: bigint; nzcv?: string };
type Row = [word: number, asm: string, input: Regs, expected: Regs | 'UNDEF', note?: string];

const POISON = (k: number) => 0xa5a5a5a55a5a5a50n + BigInt(k);
const DEFAULT_SP = 0x7ff00000n;

function describeInput(input: Regs): string {
  const parts = Object.entries(input).map(([k, v]) => `${k}=${typeof v === 'bigint' ? `0x${v.toString(16)}` : v}`);
  return parts.length ? parts.join(' ') : 'no inputs';
}

function check(rows: Row[]): void {
  for (const [word, asm, input, expected, note] of rows) {
    it(`${asm} — ${note ?? describeInput(input)}`, () => {
      const m = new TestMachine([word]);
      const before: Required<Regs> = {
        x0: input.x0 ?? POISON(0),
        x1: input.x1 ?? POISON(1),
        x2: input.x2 ?? POISON(2),
        x3: input.x3 ?? POISON(3),
        x4: input.x4 ?? POISON(4),
        x5: input.x5 ?? POISON(5),
        x6: input.x6 ?? POISON(6),
        x7: input.x7 ?? POISON(7),
        sp: input.sp ?? DEFAULT_SP,
        nzcv: input.nzcv ?? '----',
      };
      for (let k = 0; k < 8; k++) m.setX(k, before[`x${k}` as 'x0']);
      m.sp = before.sp;
      m.nzcv = before.nzcv;
      const stop = m.step();
      if (expected === 'UNDEF') {
        expect(stop).toBe(Stop.Undefined);
        return;
      }
      expect(stop).toBe(Stop.Budget);
      const want = { ...before, ...expected };
      const got: Required<Regs> = { ...want };
      for (let k = 0; k < 8; k++) got[`x${k}` as 'x0'] = m.x(k);
      got.sp = m.sp;
      got.nzcv = m.nzcv;
      expect(got).toEqual(want);
    });
  }
}

describe('Logical (shifted register)', () => {
  check([
    [0x8a020020, 'and x0, x1, x2', { x1: 0xff00ff00ff00ff00n, x2: 0xff00ff00ff00ff0n }, { x0: 0xf000f000f000f00n }],
    [0x8a02fc20, 'and x0, x1, x2, lsl #63', { x1: 0xffffffffffffffffn, x2: 3n }, { x0: 0x8000000000000000n }, 'shift by 63 keeps only bit 0'],
    [0x8a428020, 'and x0, x1, x2, lsr #32', { x1: 0xffffffffffffffffn, x2: 0x1234567800000000n }, { x0: 0x12345678n }, 'shift by 32 moves the high word down'],
    [0x0ac27c20, 'and w0, w1, w2, ror #31', { x1: 0xffffffffffffffffn, x2: 0x80000001n }, { x0: 3n }, 'ROR by 31 in 32 bits'],
    [0x8a82fc20, 'and x0, x1, x2, asr #63', { x1: 0x123456789abcdef0n, x2: 0x8000000000000000n }, { x0: 0x123456789abcdef0n }],
    [0x8aa2fc20, 'bic x0, x1, x2, asr #63', { x1: 0x123456789abcdef0n, x2: 0x8000000000000000n }, { x0: 0n }],
    [0x8a220020, 'bic x0, x1, x2', { x1: 0xffffffffffffffffn, x2: 0xffff0000n }, { x0: 0xffffffff0000ffffn }],
    [0x0a221020, 'bic w0, w1, w2, lsl #4', { x1: 0xffffffffffffffffn, x2: 15n }, { x0: 0xffffff0fn }, 'upper word zeroed'],
    [0xaa0103e0, 'mov x0, x1', { x1: 0x123456789abcdefn }, { x0: 0x123456789abcdefn }],
    [0x2a0103e0, 'mov w0, w1', { x1: 0x123456789abcdefn }, { x0: 0x89abcdefn }, 'zeroes the upper word'],
    [0xaac20420, 'orr x0, x1, x2, ror #1', { x1: 0n, x2: 0x100000001n }, { x0: 0x8000000080000000n }],
    [0xaac28020, 'orr x0, x1, x2, ror #32', { x1: 0n, x2: 0x1111111122222222n }, { x0: 0x2222222211111111n }],
    [0xaac2fc20, 'orr x0, x1, x2, ror #63', { x1: 0n, x2: 0x8000000000000001n }, { x0: 3n }],
    [0xaa028020, 'orr x0, x1, x2, lsl #32', { x1: 0xaaaaaaaan, x2: 0x12345678bbbbbbbbn }, { x0: 0xbbbbbbbbaaaaaaaan }, 'combine halves'],
    [0x2a827c20, 'orr w0, w1, w2, asr #31', { x1: 0n, x2: 0x80000000n }, { x0: 0xffffffffn }],
    [0xaa221020, 'orn x0, x1, x2, lsl #4', { x1: 0n, x2: 0xf0f0f0f0f0f0f0fn }, { x0: 0xf0f0f0f0f0f0f0fn }],
    [0xaa2103e0, 'mvn x0, x1', { x1: 0xffffffffn }, { x0: 0xffffffff00000000n }],
    [0x2a2103e0, 'mvn w0, w1', { x1: 0xffff0000n }, { x0: 0xffffn }],
    [0x2ae24020, 'orn w0, w1, w2, ror #16', { x1: 1n, x2: 0xffff0000n }, { x0: 0xffff0001n }],
    [0xca020020, 'eor x0, x1, x2', { x1: 0xffffffff00000000n, x2: 0xffffffffffffffffn }, { x0: 0xffffffffn }],
    [0xca420420, 'eor x0, x1, x2, lsr #1', { x1: 0n, x2: 0x8000000000000001n }, { x0: 0x4000000000000000n }],
    [0xca828420, 'eor x0, x1, x2, asr #33', { x1: 0n, x2: 0x8000000100000000n }, { x0: 0xffffffffc0000000n }],
    [0xca408400, 'eor x0, x0, x0, lsr #33', { x0: 0xfedcba9876543210n }, { x0: 0xfedcba98093a6f5cn }, 'hash mixing step, Rd = Rn = Rm'],
    [0x4a827c20, 'eor w0, w1, w2, asr #31', { x1: 0x7fffffffn, x2: 0x80000000n }, { x0: 0x80000000n }],
    [0xcae2c020, 'eon x0, x1, x2, ror #48', { x1: 0x1234n, x2: 0xffff00000000n }, { x0: 0xffffffffedcbn }],
    [0x4a227c20, 'eon w0, w1, w2, lsl #31', { x1: 0n, x2: 1n }, { x0: 0x7fffffffn }],
    [0xea020020, 'ands x0, x1, x2', { x1: 0x8000000000000001n, x2: 0xffffffff00000000n, nzcv: '-ZCV' }, { x0: 0x8000000000000000n, nzcv: 'N---' }, 'N set, C and V cleared'],
    [0x6a020420, 'ands w0, w1, w2, lsl #1', { x1: 0x55555555n, x2: 0x55555555n, nzcv: 'N-CV' }, { x0: 0n, nzcv: '-Z--' }, 'zero result sets Z'],
    [0xeac28020, 'ands x0, x1, x2, ror #32', { x1: 0x100000000n, x2: 1n }, { x0: 0x100000000n }],
    [0xea43fc41, 'ands x1, x2, x3, lsr #63', { x2: 1n, x3: 0x8000000000000000n, nzcv: 'NZCV' }, { x1: 1n, nzcv: '----' }, 'flags as TST, result kept in x1'],
    [0xea42fc3f, 'tst x1, x2, lsr #63', { x1: 1n, x2: 0x8000000000000000n, nzcv: 'NZCV' }, { nzcv: '----' }],
    [0x6a02003f, 'tst w1, w2', { x1: 0xffffffff00000001n, x2: 0xffffffff00000002n }, { nzcv: '-Z--' }, 'ignores the upper words'],
    [0xea220020, 'bics x0, x1, x2', { x1: 0x8000000000000000n, x2: 0x7fffffffffffffffn }, { x0: 0x8000000000000000n, nzcv: 'N---' }],
    [0x6ae22020, 'bics w0, w1, w2, ror #8', { x1: 255n, x2: 255n }, { x0: 255n }, 'BIC ROR in 32 bits'],
    [0x0a028020, 'and w0, w1, w2, lsl #32', { x1: 1n, x2: 1n }, 'UNDEF', 'imm6 >= 32 with sf = 0 is UNDEFINED'],
    [0x2a3ffc20, 'orn w0, w1, wzr, lsl #63', {}, 'UNDEF', 'imm6 = 63 with sf = 0 is UNDEFINED'],
  ]);
});

describe('Add/subtract (shifted register)', () => {
  check([
    [0x8b020020, 'add x0, x1, x2', { x1: 0xffffffffn, x2: 1n }, { x0: 0x100000000n }, 'carry from the low word into the high word'],
    [0x8b020020, 'add x0, x1, x2', { x1: 0xffffffffffffffffn, x2: 1n }, { x0: 0n }, 'wraps to zero'],
    [0x8b02fc20, 'add x0, x1, x2, lsl #63', { x1: 1n, x2: 3n }, { x0: 0x8000000000000001n }],
    [0x8b028420, 'add x0, x1, x2, lsl #33', { x1: 0n, x2: 0x80000003n }, { x0: 0x600000000n }],
    [0x8b020c20, 'add x0, x1, x2, lsl #3', { x1: 0x10000n, x2: 0x20000001n }, { x0: 0x100010008n }, 'address computation'],
    [0x8b428020, 'add x0, x1, x2, lsr #32', { x1: 0xffffffffn, x2: 0x100000000n }, { x0: 0x100000000n }],
    [0x8b42fc20, 'add x0, x1, x2, lsr #63', { x1: 0xfffffffffffffff9n, x2: 0xfffffffffffffff9n }, { x0: 0xfffffffffffffffan }, 'rounding step of a signed division'],
    [0x8b82fc20, 'add x0, x1, x2, asr #63', { x1: 5n, x2: 0x8000000000000000n }, { x0: 4n }],
    [0x8b829020, 'add x0, x1, x2, asr #36', { x1: 0n, x2: 0x8000000000000000n }, { x0: 0xfffffffff8000000n }],
    [0x8b000000, 'add x0, x0, x0', { x0: 0x8000000080000000n }, { x0: 0x100000000n }, 'Rd = Rn = Rm'],
    [0x0b020020, 'add w0, w1, w2', { x1: 0xffffffffn, x2: 2n }, { x0: 1n }, 'wraps in 32 bits, upper word zeroed'],
    [0x0b027c20, 'add w0, w1, w2, lsl #31', { x1: 1n, x2: 1n }, { x0: 0x80000001n }],
    [0x0b827c20, 'add w0, w1, w2, asr #31', { x1: 10n, x2: 0x80000000n }, { x0: 9n }],
    [0x0b420420, 'add w0, w1, w2, lsr #1', { x1: 0n, x2: 0xffffffffn }, { x0: 0x7fffffffn }],
    [0xab020020, 'adds x0, x1, x2', { x1: 0xffffffffffffffffn, x2: 1n }, { x0: 0n, nzcv: '-ZC-' }, 'carry out and zero'],
    [0xab020020, 'adds x0, x1, x2', { x1: 0x7fffffffffffffffn, x2: 1n }, { x0: 0x8000000000000000n, nzcv: 'N--V' }, 'signed overflow'],
    [0xab028020, 'adds x0, x1, x2, lsl #32', { x1: 0xffffffff00000000n, x2: 1n }, { x0: 0n, nzcv: '-ZC-' }, 'carry out of bit 63 from the high word'],
    [0x2b020020, 'adds w0, w1, w2', { x1: 0x7fffffffn, x2: 1n }, { x0: 0x80000000n, nzcv: 'N--V' }, '32-bit signed overflow'],
    [0x2b420420, 'adds w0, w1, w2, lsr #1', { x1: 0x80000000n, x2: 0xffffffffn }, { x0: 0xffffffffn, nzcv: 'N---' }],
    [0xab02003f, 'cmn x1, x2', { x1: 0xfffffffffffffffen, x2: 2n }, { nzcv: '-ZC-' }],
    [0x2b02003f, 'cmn w1, w2', { x1: 0x1ffffffffn, x2: 1n }, { nzcv: '-ZC-' }, 'reads only the low words'],
    [0xcb020020, 'sub x0, x1, x2', { x1: 0x100000000n, x2: 1n }, { x0: 0xffffffffn }, 'borrow from the high word'],
    [0xcb020020, 'sub x0, x1, x2', { x1: 0n, x2: 1n }, { x0: 0xffffffffffffffffn }],
    [0xcb828020, 'sub x0, x1, x2, asr #32', { x1: 0n, x2: 0x8000000000000000n }, { x0: 0x80000000n }],
    [0xcb021020, 'sub x0, x1, x2, lsl #4', { x1: 0x100n, x2: 16n }, { x0: 0n }],
    [0xcb0103e0, 'neg x0, x1', { x1: 1n }, { x0: 0xffffffffffffffffn }],
    [0xcb0103e0, 'neg x0, x1', { x1: 0x8000000000000000n }, { x0: 0x8000000000000000n }, 'neg of INT64_MIN'],
    [0x4b0103e0, 'neg w0, w1', { x1: 1n }, { x0: 0xffffffffn }],
    [0x4b021020, 'sub w0, w1, w2, lsl #4', { x1: 0n, x2: 1n }, { x0: 0xfffffff0n }],
    [0xeb020020, 'subs x0, x1, x2', { x1: 0x123456789n, x2: 0x123456789n }, { x0: 0n, nzcv: '-ZC-' }, 'equal: Z and C'],
    [0xeb02003f, 'cmp x1, x2', { x1: 1n, x2: 2n }, { nzcv: 'N---' }, 'borrow'],
    [0xeb02003f, 'cmp x1, x2', { x1: 0x100000000n, x2: 0xffffffffn }, { nzcv: '--C-' }, 'cmp across the halves'],
    [0x6b02003f, 'cmp w1, w2', { x1: 0x80000000n, x2: 1n }, { nzcv: '--CV' }, 'INT32_MIN - 1 overflows'],
    [0xeb0103e0, 'negs x0, x1', { x1: 0x8000000000000000n }, { x0: 0x8000000000000000n, nzcv: 'N--V' }, 'negs of INT64_MIN overflows'],
    [0xeb0103e0, 'negs x0, x1', { x1: 0n }, { x0: 0n, nzcv: '-ZC-' }, 'negs of zero sets C'],
    [0xeb02fc20, 'subs x0, x1, x2, lsl #63', { x1: 0n, x2: 1n }, { x0: 0x8000000000000000n, nzcv: 'N--V' }],
    [0xeb82fc3f, 'cmp x1, x2, asr #63', { x1: 0n, x2: 0x8000000000000000n, nzcv: 'NZCV' }, { nzcv: '----' }],
    [0x6b427c20, 'subs w0, w1, w2, lsr #31', { x1: 0n, x2: 0x80000000n }, { x0: 0xffffffffn, nzcv: 'N---' }],
    [0x8bc20020, 'add x0, x1, x2, (shift type 11)', { x1: 1n, x2: 1n }, 'UNDEF', 'shift type 11 is UNDEFINED'],
    [0x0b028020, 'add w0, w1, w2, lsl #32', { x1: 1n, x2: 1n }, 'UNDEF', 'imm6 >= 32 with sf = 0 is UNDEFINED'],
    [0x6bdf001f, 'cmp w0, wzr, (shift type 11)', {}, 'UNDEF', 'shift type 11 is UNDEFINED for SUBS too'],
  ]);
});

describe('Add/subtract (extended register)', () => {
  check([
    [0x8b220020, 'add x0, x1, w2, uxtb', { x1: 0x100n, x2: 0xffffffffffffff80n }, { x0: 0x180n }],
    [0x8b229020, 'add x0, x1, w2, sxtb #4', { x1: 0x1000n, x2: 128n }, { x0: 0x800n }, '-128 << 4'],
    [0x8b222820, 'add x0, x1, w2, uxth #2', { x1: 0n, x2: 0xffffffffffff8001n }, { x0: 0x20004n }],
    [0x8b22a020, 'add x0, x1, w2, sxth', { x1: 0n, x2: 0x8000n }, { x0: 0xffffffffffff8000n }],
    [0x8b224020, 'add x0, x1, w2, uxtw', { x1: 0x100000000n, x2: 0xffffffffffffffffn }, { x0: 0x1ffffffffn }],
    [0x8b22cc20, 'add x0, x1, w2, sxtw #3', { x1: 0x10000n, x2: 0xfffffffffffffff8n }, { x0: 0xffc0n }, 'array index with a negative int'],
    [0x8b22cc20, 'add x0, x1, w2, sxtw #3', { x1: 0x10000n, x2: 0xffffffff80000000n }, { x0: 0xfffffffc00010000n }],
    [0x8b227020, 'add x0, x1, x2, uxtx #4', { x1: 0n, x2: 0x1800000000000001n }, { x0: 0x8000000000000010n }],
    [0x8b22e420, 'add x0, x1, x2, sxtx #1', { x1: 1n, x2: 0xc000000000000000n }, { x0: 0x8000000000000001n }],
    [0x8b22d020, 'add x0, x1, w2, sxtw #4', { x1: 0n, x2: 0xffffffffn }, { x0: 0xfffffffffffffff0n }],
    [0x8b2163ff, 'add sp, sp, x1', { x1: 16n, sp: 0x7fff0000n }, { sp: 0x7fff0010n }, 'SP as Rn and Rd'],
    [0x8b2163e0, 'add x0, sp, x1', { x1: 0xfffffffffffffff0n, sp: 0x7fff0000n }, { x0: 0x7ffefff0n }],
    [0x8b22c03f, 'add sp, x1, w2, sxtw', { x1: 0x80000000n, x2: 0xfffffff0n }, { sp: 0x7ffffff0n }, 'Rd = SP'],
    [0xcb2273ff, 'sub sp, sp, x2, lsl #4', { x2: 2n, sp: 0x7fff0000n }, { sp: 0x7ffeffe0n }, 'uxtx'],
    [0xcb2203e0, 'sub x0, sp, w2, uxtb', { x2: 0x1ffn, sp: 0x10000n }, { x0: 0xff01n }],
    [0x0b228020, 'add w0, w1, w2, sxtb', { x1: 0n, x2: 255n }, { x0: 0xffffffffn }, '32-bit: -1'],
    [0x0b223020, 'add w0, w1, w2, uxth #4', { x1: 16n, x2: 0xffffn }, { x0: 0x100000n }],
    [0x0b22a420, 'add w0, w1, w2, sxth #1', { x1: 0n, x2: 0x8000n }, { x0: 0xffff0000n }],
    [0x0b224c20, 'add w0, w1, w2, uxtw #3', { x1: 1n, x2: 0x20000000n }, { x0: 1n }, '32-bit UXTW is a plain shift'],
    [0x0b22e820, 'add w0, w1, w2, sxtx #2', { x1: 0n, x2: 0x1234567880000001n }, { x0: 4n }, '32-bit SXTX sees only Wm'],
    [0x0b2143ff, 'add wsp, wsp, w1', { x1: 32n, sp: 0x123456787ffffff0n }, { sp: 0x80000010n }, '32-bit write to SP zeroes its upper word'],
    [0xab2163e0, 'adds x0, sp, x1', { x1: 0xffffffffffff8000n, sp: 0x8000n }, { x0: 0n, nzcv: '-ZC-' }, 'flags from SP + Xm'],
    [0xab2163ff, 'cmn sp, x1', { x1: 0x8000n, sp: 0x8000n, nzcv: 'NZCV' }, { nzcv: '----' }],
    [0xeb2163ff, 'cmp sp, x1', { x1: 0x8000n, sp: 0x8000n }, { nzcv: '-ZC-' }],
    [0xeb22c03f, 'cmp x1, w2, sxtw', { x1: 0xffffffffffffffffn, x2: 0xffffffffn }, { nzcv: '-ZC-' }],
    [0xeb22403f, 'cmp x1, w2, uxtw', { x1: 0xffffffffffffffffn, x2: 0xffffffffn }, { nzcv: 'N-C-' }],
    [0x2b22003f, 'cmn w1, w2, uxtb', { x1: 0xffffff01n, x2: 255n }, { nzcv: '-ZC-' }],
    [0x6b22a820, 'subs w0, w1, w2, sxth #2', { x1: 0n, x2: 0x8000n }, { x0: 0x20000n }],
    [0xeb229020, 'subs x0, x1, w2, sxtb #4', { x1: 0n, x2: 128n }, { x0: 0x800n }],
    [0xab226420, 'adds x0, x1, x2, uxtx #1', { x1: 0x8000000000000000n, x2: 0x4000000000000000n }, { x0: 0n, nzcv: '-ZCV' }],
    [0x8b221420, 'add x0, x1, w2, uxtb #5', { x1: 1n, x2: 1n }, 'UNDEF', 'imm3 > 4 is UNDEFINED'],
    [0x8b620020, 'add x0, x1, x2 (opt = 01)', { x1: 1n, x2: 1n }, 'UNDEF', 'opt != 00 is UNDEFINED'],
    [0xab3f1c3f, 'cmn x1, wzr, uxtb #7', {}, 'UNDEF', 'imm3 > 4 is UNDEFINED for ADDS too'],
  ]);
});

describe('Add/subtract (with carry)', () => {
  check([
    [0x9a020020, 'adc x0, x1, x2', { x1: 0xffffffffn, x2: 0n, nzcv: '--C-' }, { x0: 0x100000000n }, 'carry in crosses into the high word'],
    [0x9a020020, 'adc x0, x1, x2', { x1: 0xffffffffn, x2: 0n }, { x0: 0xffffffffn }, 'no carry in'],
    [0x1a020020, 'adc w0, w1, w2', { x1: 0xffffffffn, x2: 0n, nzcv: '--C-' }, { x0: 0n }, 'wraps to zero, upper word zeroed'],
    [0xba020020, 'adcs x0, x1, x2', { x1: 0xffffffffffffffffn, x2: 0n, nzcv: '--C-' }, { x0: 0n, nzcv: '-ZC-' }, '-1 + 0 + 1: zero, carry'],
    [0xba020020, 'adcs x0, x1, x2', { x1: 0x7fffffffffffffffn, x2: 0n, nzcv: '--C-' }, { x0: 0x8000000000000000n, nzcv: 'N--V' }, 'overflow through the carry in'],
    [0x3a020020, 'adcs w0, w1, w2', { x1: 0x7fffffffn, x2: 0n, nzcv: '--C-' }, { x0: 0x80000000n, nzcv: 'N--V' }, '32-bit overflow through the carry in'],
    [0x3a020020, 'adcs w0, w1, w2', { x1: 1n, x2: 2n }, { x0: 3n }],
    [0xda020020, 'sbc x0, x1, x2', { x1: 0x100000000n, x2: 0n }, { x0: 0xffffffffn }, 'x1 - x2 - 1 borrows across the halves'],
    [0xda020020, 'sbc x0, x1, x2', { x1: 5n, x2: 3n, nzcv: '--C-' }, { x0: 2n }],
    [0x5a020020, 'sbc w0, w1, w2', { x1: 0n, x2: 0n }, { x0: 0xffffffffn }, '0 - 0 - 1'],
    [0xfa020020, 'sbcs x0, x1, x2', { x1: 5n, x2: 5n, nzcv: '--C-' }, { x0: 0n, nzcv: '-ZC-' }, 'equal with carry set: Z and C'],
    [0xfa020020, 'sbcs x0, x1, x2', { x1: 5n, x2: 5n }, { x0: 0xffffffffffffffffn, nzcv: 'N---' }, 'equal with carry clear: -1'],
    [0xfa020020, 'sbcs x0, x1, x2', { x1: 0x8000000000000000n, x2: 0n }, { x0: 0x7fffffffffffffffn, nzcv: '--CV' }, 'INT64_MIN - 0 - 1 overflows'],
    [0x7a020020, 'sbcs w0, w1, w2', { x1: 0x80000000n, x2: 0n, nzcv: '--C-' }, { x0: 0x80000000n, nzcv: 'N-C-' }],
    [0xda0103e0, 'ngc x0, x1', { x1: 1n, nzcv: '--C-' }, { x0: 0xffffffffffffffffn }],
    [0x7a0103e0, 'ngcs w0, w1', { x1: 0n }, { x0: 0xffffffffn, nzcv: 'N---' }],
  ]);
});

describe('Conditional compare', () => {
  check([
    [0xfa420020, 'ccmp x1, x2, #0x0, eq', { x1: 5n, x2: 5n, nzcv: '-Z--' }, { nzcv: '-ZC-' }, 'condition holds: flags of x1 - x2'],
    [0xfa420020, 'ccmp x1, x2, #0x0, eq', { x1: 5n, x2: 5n, nzcv: 'N-CV' }, { nzcv: '----' }, 'condition fails: flags = #0'],
    [0xfa42102f, 'ccmp x1, x2, #0xf, ne', { x1: 5n, x2: 6n, nzcv: '-Z--' }, { nzcv: 'NZCV' }, 'condition fails: flags = #15'],
    [0xfa421022, 'ccmp x1, x2, #0x2, ne', { x1: 1n, x2: 2n }, { nzcv: 'N---' }, 'holds: borrow gives N'],
    [0xfa428020, 'ccmp x1, x2, #0x0, hi', { x1: 0x100000000n, x2: 0xffffffffn, nzcv: 'N-C-' }, { nzcv: '--C-' }, 'compare across the halves'],
    [0x7a42a020, 'ccmp w1, w2, #0x0, ge', { x1: 0x80000000n, x2: 1n }, { nzcv: '--CV' }, '32-bit overflow'],
    [0x7a5fa824, 'ccmp w1, #0x1f, #0x4, ge', { x1: 31n, nzcv: 'N--V' }, { nzcv: '-ZC-' }, 'immediate form, holds'],
    [0x7a5fb824, 'ccmp w1, #0x1f, #0x4, lt', { x1: 31n, nzcv: 'N--V' }, { nzcv: '-Z--' }, 'immediate form, fails'],
    [0xfa41e828, 'ccmp x1, #0x1, #0x8, al', { x1: 0x8000000000000000n }, { nzcv: '--CV' }, 'AL always holds: V from INT64_MIN - 1'],
    [0xfa40f828, 'ccmp x1, #0x0, #0x8, nv', { x1: 0n }, { nzcv: '-ZC-' }, 'NV always holds too'],
    [0xba424021, 'ccmn x1, x2, #0x1, mi', { x1: 0xffffffffffffffffn, x2: 1n, nzcv: 'N---' }, { nzcv: '-ZC-' }, 'holds: carry and zero'],
    [0xba424021, 'ccmn x1, x2, #0x1, mi', { x1: 0xffffffffffffffffn, x2: 1n }, { nzcv: '---V' }, 'fails: flags = #1'],
    [0xba41b822, 'ccmn x1, #0x1, #0x2, lt', { x1: 0x7fffffffffffffffn, nzcv: 'N---' }, { nzcv: 'N--V' }, 'overflow'],
    [0x3a42e028, 'ccmn w1, w2, #0x8, al', { x1: 0xffffffffn, x2: 1n }, { nzcv: '-ZC-' }],
    [0x3a40682a, 'ccmn w1, #0x0, #0xa, vs', { x1: 0n }, { nzcv: 'N-C-' }, 'fails: flags = #10'],
    [0xfa422020, 'ccmp x1, x2, #0x0, cs', { x1: 0x100000000n, x2: 1n, nzcv: 'N-CV' }, { nzcv: '--C-' }],
    [0xfa421420, 'ccmp x1, x2, #0, ne (o2 = 1)', { x1: 1n, x2: 1n }, 'UNDEF', 'o2 = 1 is UNDEFINED'],
    [0xfa421030, 'ccmp x1, x2, #0, ne (o3 = 1)', { x1: 1n, x2: 1n }, 'UNDEF', 'o3 = 1 is UNDEFINED'],
    [0x7a421420, 'ccmp w1, w2, #0, ne (o2 = 1)', { x1: 1n, x2: 1n }, 'UNDEF', 'o2 = 1 is UNDEFINED (32-bit)'],
    [0xda421020, 'ccmp x1, x2, #0, ne (S = 0)', { x1: 1n, x2: 1n }, 'UNDEF', 'S = 0 is UNDEFINED'],
  ]);
});

describe('Conditional select', () => {
  check([
    [0x9a820020, 'csel x0, x1, x2, eq', { x1: 0x1111111111111111n, x2: 0x2222222222222222n, nzcv: '-Z--' }, { x0: 0x1111111111111111n }, 'true: Rn'],
    [0x9a820020, 'csel x0, x1, x2, eq', { x1: 0x1111111111111111n, x2: 0x2222222222222222n }, { x0: 0x2222222222222222n }, 'false: Rm'],
    [0x1a828020, 'csel w0, w1, w2, hi', { x1: 0xaaaaaaaa11111111n, x2: 0xbbbbbbbb22222222n, nzcv: '--C-' }, { x0: 0x11111111n }, '32-bit true, upper word zeroed'],
    [0x1a828020, 'csel w0, w1, w2, hi', { x1: 0xaaaaaaaa11111111n, x2: 0xbbbbbbbb22222222n, nzcv: '-ZC-' }, { x0: 0x22222222n }, '32-bit false'],
    [0x9a82e020, 'csel x0, x1, x2, al', { x1: 1n, x2: 2n }, { x0: 1n }],
    [0x9a82f020, 'csel x0, x1, x2, nv', { x1: 1n, x2: 2n }, { x0: 1n }, 'NV selects Rn like AL'],
    [0x9a81b000, 'csel x0, x0, x1, lt', { x0: 7n, x1: 9n }, { x0: 9n }, 'Rd = Rn, false: Rm'],
    [0x9a821420, 'csinc x0, x1, x2, ne', { x1: 1n, x2: 0xffffffffn, nzcv: '-Z--' }, { x0: 0x100000000n }, 'false: Rm + 1 carries into the high word'],
    [0x9a821420, 'csinc x0, x1, x2, ne', { x1: 1n, x2: 0xffffffffffffffffn, nzcv: '-Z--' }, { x0: 0n }, 'false: -1 + 1 = 0'],
    [0x9a821420, 'csinc x0, x1, x2, ne', { x1: 1n, x2: 5n }, { x0: 1n }, 'true: Rn'],
    [0x1a82a420, 'csinc w0, w1, w2, ge', { x1: 1n, x2: 0xffffffffn, nzcv: 'N---' }, { x0: 0n }, '32-bit false: wraps to 0'],
    [0x9a9f17e0, 'cset x0, eq', { nzcv: '-Z--' }, { x0: 1n }, 'holds'],
    [0x9a9f17e0, 'cset x0, eq', {}, { x0: 0n }, 'fails'],
    [0x1a9fa7e0, 'cset w0, lt', { nzcv: 'N---' }, { x0: 1n }],
    [0x9a815420, 'cinc x0, x1, mi', { x1: 41n, nzcv: 'N---' }, { x0: 42n }],
    [0xda9f03e0, 'csetm x0, ne', {}, { x0: 0xffffffffffffffffn }],
    [0xda9f03e0, 'csetm x0, ne', { nzcv: '-Z--' }, { x0: 0n }, 'fails'],
    [0x5a9f23e0, 'csetm w0, cc', {}, { x0: 0xffffffffn }],
    [0xda82c020, 'csinv x0, x1, x2, gt', { x1: 1n, x2: 0xffffffffn, nzcv: '-Z--' }, { x0: 0xffffffff00000000n }, 'false: NOT Rm'],
    [0x5a82c020, 'csinv w0, w1, w2, gt', { x1: 1n, x2: 0xffffffff0000ffffn, nzcv: '-Z--' }, { x0: 0xffff0000n }, '32-bit false: NOT Wm'],
    [0xda82c020, 'csinv x0, x1, x2, gt', { x1: 1n, x2: 2n }, { x0: 1n }, 'true: Rn'],
    [0xda82d420, 'csneg x0, x1, x2, le', { x1: 1n, x2: 0x8000000000000000n }, { x0: 0x8000000000000000n }, 'false: -INT64_MIN = INT64_MIN'],
    [0xda82d420, 'csneg x0, x1, x2, le', { x1: 1n, x2: 0x100000000n }, { x0: 0xffffffff00000000n }, 'false: negate across the halves'],
    [0xda82d420, 'csneg x0, x1, x2, le', { x1: 1n, x2: 0n }, { x0: 0n }, 'false: -0 = 0'],
    [0xda81b420, 'cneg x0, x1, ge', { x1: 5n }, { x0: 0xfffffffffffffffbn }],
    [0x5a826420, 'csneg w0, w1, w2, vs', { x1: 1n, x2: 0x80000000n }, { x0: 0x80000000n }, '32-bit false: -INT32_MIN'],
    [0x5a826420, 'csneg w0, w1, w2, vs', { x1: 0x1234567800000001n, x2: 3n, nzcv: '---V' }, { x0: 1n }, '32-bit true, upper word zeroed'],
    [0xba820020, 'csel with S = 1', { x1: 1n, x2: 2n }, 'UNDEF', 'S = 1 is UNDEFINED'],
    [0x9a820820, 'csel with op2 = 10', { x1: 1n, x2: 2n }, 'UNDEF', 'op2 = 1x is UNDEFINED'],
  ]);
});

describe('Data processing (1 source)', () => {
  check([
    [0xdac00020, 'rbit x0, x1', { x1: 1n }, { x0: 0x8000000000000000n }],
    [0xdac00020, 'rbit x0, x1', { x1: 0x123456789abcdefn }, { x0: 0xf7b3d591e6a2c480n }],
    [0x5ac00020, 'rbit w0, w1', { x1: 0xffffffff00000001n }, { x0: 0x80000000n }, 'upper word zeroed'],
    [0x5ac00020, 'rbit w0, w1', { x1: 0x12345678n }, { x0: 0x1e6a2c48n }],
    [0xdac00420, 'rev16 x0, x1', { x1: 0x11223344556677n }, { x0: 0x1100332255447766n }],
    [0x5ac00420, 'rev16 w0, w1', { x1: 0xffffffff00112233n }, { x0: 0x11003322n }],
    [0xdac00820, 'rev32 x0, x1', { x1: 0x11223344556677n }, { x0: 0x3322110077665544n }],
    [0x5ac00820, 'rev w0, w1', { x1: 0xffffffff00112233n }, { x0: 0x33221100n }],
    [0xdac00c20, 'rev x0, x1', { x1: 0x11223344556677n }, { x0: 0x7766554433221100n }],
    [0xdac00c00, 'rev x0, x0', { x0: 0x11223344556677n }, { x0: 0x7766554433221100n }, 'Rd = Rn'],
    [0xdac01020, 'clz x0, x1', { x1: 0n }, { x0: 64n }],
    [0xdac01020, 'clz x0, x1', { x1: 0xffffffffffffffffn }, { x0: 0n }],
    [0xdac01020, 'clz x0, x1', { x1: 1n }, { x0: 63n }],
    [0xdac01020, 'clz x0, x1', { x1: 0x100000000n }, { x0: 31n }],
    [0xdac01020, 'clz x0, x1', { x1: 0xffffffffn }, { x0: 32n }],
    [0x5ac01020, 'clz w0, w1', { x1: 0xffffffff00000000n }, { x0: 32n }, 'only Wn counts'],
    [0x5ac01020, 'clz w0, w1', { x1: 0x10000n }, { x0: 15n }],
    [0xdac01420, 'cls x0, x1', { x1: 0n }, { x0: 63n }],
    [0xdac01420, 'cls x0, x1', { x1: 0xffffffffffffffffn }, { x0: 63n }],
    [0xdac01420, 'cls x0, x1', { x1: 1n }, { x0: 62n }],
    [0xdac01420, 'cls x0, x1', { x1: 0x8000000000000000n }, { x0: 0n }],
    [0xdac01420, 'cls x0, x1', { x1: 0xffffffffn }, { x0: 31n }],
    [0xdac01420, 'cls x0, x1', { x1: 0xffffffff80000000n }, { x0: 32n }],
    [0xdac01420, 'cls x0, x1', { x1: 0xffffffff7fffffffn }, { x0: 31n }],
    [0xdac01420, 'cls x0, x1', { x1: 0x4000000000000000n }, { x0: 0n }],
    [0x5ac01420, 'cls w0, w1', { x1: 0n }, { x0: 31n }],
    [0x5ac01420, 'cls w0, w1', { x1: 0xffffffffn }, { x0: 31n }],
    [0x5ac01420, 'cls w0, w1', { x1: 1n }, { x0: 30n }],
    [0x5ac01420, 'cls w0, w1', { x1: 0x80000000n }, { x0: 0n }],
    [0x5ac01420, 'cls w0, w1', { x1: 0xc0000000n }, { x0: 1n }],
    [0x5ac00c20, 'rev (opc = 11) with sf = 0', { x1: 1n }, 'UNDEF', 'REV with opc 11 and sf = 0 is UNDEFINED'],
    [0xdac01820, '(opcode 000110)', { x1: 1n }, 'UNDEF', '1-source opcode 000110 (CTZ, FEAT_CSSC) is not implemented'],
  ]);
});

describe('Data processing (2 source)', () => {
  check([
    [0x9ac20820, 'udiv x0, x1, x2', { x1: 0xffffffffffffffffn, x2: 0x100000001n }, { x0: 0xffffffffn }, 'large / large'],
    [0x9ac20820, 'udiv x0, x1, x2', { x1: 0xffffffffffffffffn, x2: 3n }, { x0: 0x5555555555555555n }, '64 / 32'],
    [0x9ac20820, 'udiv x0, x1, x2', { x1: 0xfedcba9876543210n, x2: 0x123456789n }, { x0: 0xe0000000n }, 'divisor above 32 bits'],
    [0x9ac20820, 'udiv x0, x1, x2', { x1: 0x123456789n, x2: 0xfedcba9876543210n }, { x0: 0n }, 'quotient 0'],
    [0x9ac20820, 'udiv x0, x1, x2', { x1: 0xffffffffffffffffn, x2: 0xffffffffffffffffn }, { x0: 1n }, 'quotient 1'],
    [0x9ac20820, 'udiv x0, x1, x2', { x1: 0x8000000000000000n, x2: 0n }, { x0: 0n }, 'division by zero gives 0'],
    [0x9ac20820, 'udiv x0, x1, x2', { x1: 100n, x2: 7n }, { x0: 14n }],
    [0x1ac20820, 'udiv w0, w1, w2', { x1: 0xffffffffn, x2: 2n }, { x0: 0x7fffffffn }, 'unsigned 32-bit'],
    [0x1ac20820, 'udiv w0, w1, w2', { x1: 0xffffffffn, x2: 0n }, { x0: 0n }, 'division by zero gives 0'],
    [0x1ac20820, 'udiv w0, w1, w2', { x1: 0x1ffffffffn, x2: 0x100000001n }, { x0: 0xffffffffn }, 'only the W registers count'],
    [0x9ac20c20, 'sdiv x0, x1, x2', { x1: 0x8000000000000000n, x2: 0xffffffffffffffffn }, { x0: 0x8000000000000000n }, 'INT64_MIN / -1 = INT64_MIN'],
    [0x9ac20c20, 'sdiv x0, x1, x2', { x1: 0xfffffffffffffff9n, x2: 2n }, { x0: 0xfffffffffffffffdn }, '-7 / 2 = -3'],
    [0x9ac20c20, 'sdiv x0, x1, x2', { x1: 7n, x2: 0xfffffffffffffffen }, { x0: 0xfffffffffffffffdn }, '7 / -2 = -3'],
    [0x9ac20c20, 'sdiv x0, x1, x2', { x1: 0xfffffffffffffff9n, x2: 0xfffffffffffffffen }, { x0: 3n }, '-7 / -2 = 3'],
    [0x9ac20c20, 'sdiv x0, x1, x2', { x1: 1n, x2: 0xfffffffffffffffen }, { x0: 0n }, '1 / -2 = 0'],
    [0x9ac20c20, 'sdiv x0, x1, x2', { x1: 0x8000000000000000n, x2: 0n }, { x0: 0n }, 'division by zero gives 0'],
    [0x9ac20c20, 'sdiv x0, x1, x2', { x1: 0x8000000000000000n, x2: 2n }, { x0: 0xc000000000000000n }],
    [0x9ac20c20, 'sdiv x0, x1, x2', { x1: 0xffffffff80000000n, x2: 0xffffffffffffffffn }, { x0: 0x80000000n }, '-2^31 / -1 = 2^31'],
    [0x9ac20c20, 'sdiv x0, x1, x2', { x1: 0x7fffffffffffffffn, x2: 0xfffffffe00000000n }, { x0: 0xffffffffc0000001n }],
    [0x9ac20c20, 'sdiv x0, x1, x2', { x1: 0xc000000000000001n, x2: 0xfffffffdn }, { x0: 0xffffffffc0000000n }],
    [0x1ac20c20, 'sdiv w0, w1, w2', { x1: 0x80000000n, x2: 0xffffffffn }, { x0: 0x80000000n }, 'INT32_MIN / -1 = INT32_MIN'],
    [0x1ac20c20, 'sdiv w0, w1, w2', { x1: 0xfffffff9n, x2: 2n }, { x0: 0xfffffffdn }, '-7 / 2 = -3'],
    [0x1ac20c20, 'sdiv w0, w1, w2', { x1: 5n, x2: 0n }, { x0: 0n }, 'division by zero gives 0'],
    [0x9ac22020, 'lsl x0, x1, x2', { x1: 0x8000000000000001n, x2: 0n }, { x0: 0x8000000000000001n }],
    [0x9ac22020, 'lsl x0, x1, x2', { x1: 0xffffffffn, x2: 31n }, { x0: 0x7fffffff80000000n }],
    [0x9ac22020, 'lsl x0, x1, x2', { x1: 0xffffffffn, x2: 32n }, { x0: 0xffffffff00000000n }],
    [0x9ac22020, 'lsl x0, x1, x2', { x1: 3n, x2: 63n }, { x0: 0x8000000000000000n }],
    [0x9ac22020, 'lsl x0, x1, x2', { x1: 3n, x2: 64n }, { x0: 3n }, 'amount mod 64'],
    [0x9ac22020, 'lsl x0, x1, x2', { x1: 3n, x2: 0xffffffffffffff21n }, { x0: 0x600000000n }, 'amount mod 64 (33)'],
    [0x1ac22020, 'lsl w0, w1, w2', { x1: 3n, x2: 31n }, { x0: 0x80000000n }],
    [0x1ac22020, 'lsl w0, w1, w2', { x1: 3n, x2: 32n }, { x0: 3n }, 'amount mod 32'],
    [0x9ac22420, 'lsr x0, x1, x2', { x1: 0x8000000000000000n, x2: 33n }, { x0: 0x40000000n }],
    [0x9ac22420, 'lsr x0, x1, x2', { x1: 0xffffffffffffffffn, x2: 1n }, { x0: 0x7fffffffffffffffn }],
    [0x9ac22420, 'lsr x0, x1, x2', { x1: 0xffffffffffffffffn, x2: 32n }, { x0: 0xffffffffn }],
    [0x9ac22420, 'lsr x0, x1, x2', { x1: 0xffffffffffffffffn, x2: 63n }, { x0: 1n }],
    [0x1ac22420, 'lsr w0, w1, w2', { x1: 0x80000000n, x2: 31n }, { x0: 1n }],
    [0x9ac22820, 'asr x0, x1, x2', { x1: 0x8000000000000000n, x2: 63n }, { x0: 0xffffffffffffffffn }],
    [0x9ac22820, 'asr x0, x1, x2', { x1: 0x8000000000000000n, x2: 32n }, { x0: 0xffffffff80000000n }],
    [0x9ac22820, 'asr x0, x1, x2', { x1: 0x8000000000000000n, x2: 1n }, { x0: 0xc000000000000000n }],
    [0x9ac22820, 'asr x0, x1, x2', { x1: 0x4000000000000000n, x2: 62n }, { x0: 1n }],
    [0x1ac22820, 'asr w0, w1, w2', { x1: 0x80000000n, x2: 33n }, { x0: 0xc0000000n }, 'amount mod 32 = 1'],
    [0x9ac22c20, 'ror x0, x1, x2', { x1: 0x123456789abcdefn, x2: 0n }, { x0: 0x123456789abcdefn }],
    [0x9ac22c20, 'ror x0, x1, x2', { x1: 0x123456789abcdefn, x2: 1n }, { x0: 0x8091a2b3c4d5e6f7n }],
    [0x9ac22c20, 'ror x0, x1, x2', { x1: 0x123456789abcdefn, x2: 32n }, { x0: 0x89abcdef01234567n }],
    [0x9ac22c20, 'ror x0, x1, x2', { x1: 0x123456789abcdefn, x2: 63n }, { x0: 0x2468acf13579bden }],
    [0x9ac22c20, 'ror x0, x1, x2', { x1: 0x123456789abcdefn, x2: 68n }, { x0: 0xf0123456789abcden }, 'amount mod 64 = 4'],
    [0x1ac22c20, 'ror w0, w1, w2', { x1: 0x12345678n, x2: 0n }, { x0: 0x12345678n }],
    [0x1ac22c20, 'ror w0, w1, w2', { x1: 0x12345678n, x2: 8n }, { x0: 0x78123456n }],
    [0x1ac22c20, 'ror w0, w1, w2', { x1: 0x12345678n, x2: 40n }, { x0: 0x78123456n }, 'amount mod 32 = 8'],
    [0x1ac24020, 'crc32b w0, w1, w2', { x1: 0xffffffffn, x2: 49n }, { x0: 0x7c231048n }],
    [0x1ac24420, 'crc32h w0, w1, w2', { x1: 0xffffffffn, x2: 0x3231n }, { x0: 0xb0acbb32n }],
    [0x1ac24820, 'crc32w w0, w1, w2', { x1: 0xffffffffn, x2: 0x34333231n }, { x0: 0x641c1f5cn }],
    [0x9ac24c20, 'crc32x w0, w1, x2', { x1: 0xffffffffn, x2: 0x3837363534333231n }, { x0: 0x651f2550n }],
    [0x9ac24c20, 'crc32x w0, w1, x2', { x1: 0x12345678n, x2: 0n }, { x0: 0xba7bd7f1n }, 'zero data'],
    [0x1ac24020, 'crc32b w0, w1, w2', { x1: 0xffffffffdeadbeefn, x2: 0xffffffffffffff00n }, { x0: 0x306b5257n }, 'only the low byte of Wm, only Wn'],
    [0x1ac25020, 'crc32cb w0, w1, w2', { x1: 0xffffffffn, x2: 49n }, { x0: 0x6f0a661cn }],
    [0x1ac25420, 'crc32ch w0, w1, w2', { x1: 0xffffffffn, x2: 0x3231n }, { x0: 0x8caa3b9fn }],
    [0x1ac25820, 'crc32cw w0, w1, w2', { x1: 0xffffffffn, x2: 0x34333231n }, { x0: 0x9c50b11n }],
    [0x9ac25c20, 'crc32cx w0, w1, x2', { x1: 0xffffffffn, x2: 0x3837363534333231n }, { x0: 0x9f787f65n }],
    [0x9ac25c20, 'crc32cx w0, w1, x2', { x1: 0n, x2: 0xffffffffffffffffn }, { x0: 0xc44ff94dn }],
    [0x1ac24c20, 'crc32x with sf = 0', { x1: 1n, x2: 1n }, 'UNDEF', 'CRC32X with sf = 0 is UNDEFINED'],
    [0x9ac24020, 'crc32b with sf = 1', { x1: 1n, x2: 1n }, 'UNDEF', 'CRC32B with sf = 1 is UNDEFINED'],
    [0x1ac20420, '(opcode 000001)', { x1: 1n, x2: 1n }, 'UNDEF', '2-source opcode 000001 is UNDEFINED'],
    [0x3ac20820, 'udiv with S = 1', { x1: 1n, x2: 1n }, 'UNDEF', 'S = 1 is UNDEFINED'],
  ]);
});

describe('Data processing (3 source)', () => {
  check([
    [0x9b020c20, 'madd x0, x1, x2, x3', { x1: 0x123456789abcdef0n, x2: 0xfedcba987654321n, x3: 0x1111111111111111n }, { x0: 0x3347e9a0f6729e01n }, 'wraps mod 2^64'],
    [0x9b027c20, 'mul x0, x1, x2', { x1: 0xffffffffffffffffn, x2: 0xffffffffffffffffn }, { x0: 1n }, '-1 * -1'],
    [0x9b027c20, 'mul x0, x1, x2', { x1: 0x100000000n, x2: 0x100000000n }, { x0: 0n }, 'mul: 2^64 wraps to 0'],
    [0x9b027c20, 'mul x0, x1, x2', { x1: 0xffffffffn, x2: 0xffffffffn }, { x0: 0xfffffffe00000001n }, 'mul across the halves'],
    [0x1b020c20, 'madd w0, w1, w2, w3', { x1: 0x10001n, x2: 0x10001n, x3: 0xffffffffn }, { x0: 0x20000n }],
    [0x1b027c20, 'mul w0, w1, w2', { x1: 0xffffffff12345678n, x2: 0x87654321n }, { x0: 0x70b88d78n }],
    [0x9b028c20, 'msub x0, x1, x2, x3', { x1: 3n, x2: 4n, x3: 10n }, { x0: 0xfffffffffffffffen }, '10 - 12'],
    [0x9b028c20, 'msub x0, x1, x2, x3', { x1: 0x100000000n, x2: 0x100000000n, x3: 5n }, { x0: 5n }],
    [0x9b02fc20, 'mneg x0, x1, x2', { x1: 7n, x2: 0xfffffffffffffffdn }, { x0: 21n }],
    [0x1b028c20, 'msub w0, w1, w2, w3', { x1: 3n, x2: 4n, x3: 10n }, { x0: 0xfffffffen }],
    [0x9b220c20, 'smaddl x0, w1, w2, x3', { x1: 0xffffffffn, x2: 3n, x3: 100n }, { x0: 97n }, '-1 * 3 + 100'],
    [0x9b227c20, 'smull x0, w1, w2', { x1: 0x80000000n, x2: 0x80000000n }, { x0: 0x4000000000000000n }, 'smull: INT32_MIN^2 = 2^62'],
    [0x9b227c20, 'smull x0, w1, w2', { x1: 0x80000000n, x2: 0x7fffffffn }, { x0: 0xc000000080000000n }, 'smull: mixed signs'],
    [0x9b220c20, 'smaddl x0, w1, w2, x3', { x1: 0x7fffffffn, x2: 0x7fffffffn, x3: 0xffffffffffffffffn }, { x0: 0x3fffffff00000000n }],
    [0x9b227c20, 'smull x0, w1, w2', { x1: 0x1fffffffen, x2: 0x5ffffffffn }, { x0: 2n }, 'only the W registers count'],
    [0x9b228c20, 'smsubl x0, w1, w2, x3', { x1: 0xffffffffn, x2: 0xffffffffn, x3: 0n }, { x0: 0xffffffffffffffffn }, '0 - (-1 * -1)'],
    [0x9b22fc20, 'smnegl x0, w1, w2', { x1: 0x80000000n, x2: 2n }, { x0: 0x100000000n }, 'smnegl'],
    [0x9ba20c20, 'umaddl x0, w1, w2, x3', { x1: 0xffffffffn, x2: 0xffffffffn, x3: 0x1ffffffffn }, { x0: 0n }],
    [0x9ba27c20, 'umull x0, w1, w2', { x1: 0xffffffffn, x2: 2n }, { x0: 0x1fffffffen }, 'umull'],
    [0x9ba20c20, 'umaddl x0, w1, w2, x3', { x1: 0xffffffffn, x2: 0xffffffffn, x3: 0x200000000n }, { x0: 1n }, 'carry into the high word'],
    [0x9ba28c20, 'umsubl x0, w1, w2, x3', { x1: 0x80000000n, x2: 2n, x3: 0x100000000n }, { x0: 0n }, 'to zero'],
    [0x9ba2fc20, 'umnegl x0, w1, w2', { x1: 1n, x2: 1n }, { x0: 0xffffffffffffffffn }, 'umnegl'],
    [0x9b427c20, 'smulh x0, x1, x2', { x1: 0xffffffffffffffffn, x2: 0xffffffffffffffffn }, { x0: 0n }, '-1 * -1: high part 0'],
    [0x9b427c20, 'smulh x0, x1, x2', { x1: 0x8000000000000000n, x2: 0x8000000000000000n }, { x0: 0x4000000000000000n }, 'INT64_MIN^2 = 2^126'],
    [0x9b427c20, 'smulh x0, x1, x2', { x1: 0x8000000000000000n, x2: 0xffffffffffffffffn }, { x0: 0n }, 'INT64_MIN * -1 = 2^63'],
    [0x9b427c20, 'smulh x0, x1, x2', { x1: 0xffffffffffffffffn, x2: 1n }, { x0: 0xffffffffffffffffn }, '-1 * 1'],
    [0x9b427c20, 'smulh x0, x1, x2', { x1: 0x7fffffffffffffffn, x2: 0x7fffffffffffffffn }, { x0: 0x3fffffffffffffffn }],
    [0x9b427c20, 'smulh x0, x1, x2', { x1: 0x123456789abcdef0n, x2: 0xfedcba9876543210n }, { x0: 0xffeb49923cc09532n }],
    [0x9b427c20, 'smulh x0, x1, x2', { x1: 0x5555555555555556n, x2: 3n }, { x0: 1n }, 'multiply-by-reciprocal division'],
    [0x9bc27c20, 'umulh x0, x1, x2', { x1: 0xffffffffffffffffn, x2: 0xffffffffffffffffn }, { x0: 0xfffffffffffffffen }],
    [0x9bc27c20, 'umulh x0, x1, x2', { x1: 0x8000000000000000n, x2: 2n }, { x0: 1n }],
    [0x9bc27c20, 'umulh x0, x1, x2', { x1: 0xcccccccccccccccdn, x2: 100n }, { x0: 80n }, 'unsigned division by 10 via reciprocal'],
    [0x9bc27c20, 'umulh x0, x1, x2', { x1: 0x123456789abcdef0n, x2: 0xfedcba9876543210n }, { x0: 0x121fa00ad77d7422n }],
    [0x1b220c20, 'smaddl with sf = 0', { x1: 1n, x2: 1n }, 'UNDEF', 'sf = 0 is UNDEFINED for the long forms'],
    [0x9b620c20, 'op31 = 011', { x1: 1n, x2: 1n }, 'UNDEF', 'is UNDEFINED'],
    [0x9bc28c20, 'umulh with o0 = 1', { x1: 1n, x2: 1n }, 'UNDEF', 'o0 = 1 is UNDEFINED for UMULH'],
  ]);
});

