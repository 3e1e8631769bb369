import { describe, expect, it } from 'vitest';
import { TestMachine } from '../../../tests/helpers/machine.js';
import { Stop } from './op.js';

describe('run loop', () => {
  it('stops after each SVC with pc at the next instruction, and resumes from there', () => {
    const m = new TestMachine([
      0xd281ffe8, // mov x8, #0xfff
      0xd41ebac1, // svc #0xf5d6
      0xd2800021, // mov x1, #1
      0xd4046ee1, // svc #0x2377
      0x91000421, // add x1, x1, #1
      0x00000000, // udf #0
    ]);
    expect(m.run()).toBe(Stop.Svc);
    expect(m.pc).toBe(0x10008);
    expect(m.cpu.stopInfo).toBe(0xf5d6);
    expect(m.run()).toBe(Stop.Svc);
    expect(m.pc).toBe(0x10010);
    expect(m.x(1)).toBe(1n);
    expect(m.run()).toBe(Stop.Undefined);
    expect(m.pc).toBe(0x10014);
    expect(m.x(1)).toBe(2n);
    expect(m.cpu.icount).toBe(5);
  });

  it('reports a fault at the faulting instruction, in interpreted and compiled blocks alike', () => {
    // a loop that walks x0 up to an unmapped page: the load at the boundary faults
    const words = [
      0xf8408401, // ldr x1, [x0], #8
      0x17ffffff, // b .-4
    ];
    const m = new TestMachine(words);
    m.setX(0, 0x100000 + 0x10000 - 0x800); // 256 loads before the end of the data area
    expect(m.run(100_000)).toBe(Stop.Fault);
    expect(m.pc).toBe(0x10000);
    expect(m.x(0)).toBe(0x110000n); // the faulting load did not write back its base
    // the same in a block that has run often enough to be compiled (into one generated function)
    const hot = new TestMachine([
      0xf9400001, // 1: ldr x1, [x0]
      0xf1000442, //    subs x2, x2, #1
      0x54ffffc1, //    b.ne 1b
      0xaa0303e0, //    mov x0, x3      (then the unmapped end of the data area)
      0x17fffffc, //    b 1b
    ]);
    hot.setX(0, 0x100000);
    hot.setX(2, 50_000);
    hot.setX(3, 0x110000);
    expect(hot.run(1_000_000)).toBe(Stop.Fault);
    expect(hot.pc).toBe(0x10000);
    expect(hot.x(2)).toBe(0n);
    expect(hot.cpu.icount).toBe(50_000 * 3 + 2);
  });

  it('breaks at breakpoints and resumes past them', () => {
    const m = new TestMachine([0x91000400, 0x91000400, 0x91000400, 0x00000000]); // add x0, x0, #1 (x3); udf
    m.cpu.breakpoints.add(0x10008);
    expect(m.run()).toBe(Stop.Breakpoint);
    expect(m.pc).toBe(0x10008);
    expect(m.x(0)).toBe(2n);
    expect(m.run()).toBe(Stop.Undefined);
    expect(m.x(0)).toBe(3n);
  });
});
