/**
 * Cases the random differential tester (tests/isa-fuzz) found; expected values are qemu-aarch64's,
 * as the tester reported them, and agree with the Arm pseudocode.
 */
import { describe, expect, it } from 'vitest';
import { TestMachine } from '../../../../tests/helpers/machine.js';
import { I_FPCR, I_FPSR } from '../layout.js';

const D = (v: bigint) => v; // 64-bit lane bits

describe('FP cases found by the random differential tester', () => {
  it('ties-away rounding of -0.49999999999999994 gives -0, not -1', () => {
    const m = new TestMachine([
      0x1e664020, // frinta d0, d1
      0x9e640020, // fcvtas x0, d1
    ]);
    m.setV(1, D(0xbfdfffffffffffffn));
    m.step();
    expect(m.v(0)).toBe(0x8000000000000000n);
    m.step();
    expect(m.x(0)).toBe(0n);
    expect(m.cpu.x[I_FPSR]! & 0x1f).toBe(0x10); // IXC only
  });

  it('FCVTAU of a small negative value under RZ is 0 with IXC (not IOC)', () => {
    const m = new TestMachine([0x6e61c9a8]); // fcvtau v8.2d, v13.2d
    m.cpu.x[I_FPCR] = 3 << 22; // RZ
    m.setV(13, (0x4338000000000000n << 64n) | 0xbfdfffffffffffffn);
    m.step();
    expect(m.cpu.x[I_FPSR]! & 0x1f).toBe(0x10);
    expect(m.v(8) & 0xffffffffffffffffn).toBe(0n);
  });

  it('FRSQRTS halves the exact sum before rounding, also when 3 - a*b overflows (RP)', () => {
    const m = new TestMachine([0x5eedfd33]); // frsqrts d19, d9, d13
    m.cpu.x[I_FPCR] = 0x01480000;
    m.setV(9, 0xc70000054f800006n);
    m.setV(13, 0xfc0044003a00bbffn);
    m.step();
    expect(m.v(19)).toBe(0xffefffffffffffffn);
    expect(m.cpu.x[I_FPSR]! & 0x1f).toBe(0x14); // OFC | IXC
  });
});
