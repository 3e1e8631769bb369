/**
 * The harness of the scalar floating-point per-instruction tests (src/core/cpu/exec/fp-*.test.ts, whose
 * rows tests/tools/fp-gen wrote from qemu-aarch64): FPCR bits by name, the row format, and `check`.
 */
import { expect } from 'vitest';
import { I_FPCR, I_FPSR } from '../../src/core/cpu/layout.js';
import { TestMachine } from './machine.js';

/** FPCR rounding modes (RMode, bits 23:22) and control bits. */
export const RN = 0;
export const RP = 1 << 22;
export const RM = 2 << 22;
export const RZ = 3 << 22;
export const FZ = 1 << 24;
export const DN = 1 << 25;
export const AHP = 1 << 26;
export const FZ16 = 1 << 19;
/** What V0 and X0 hold before each instruction. */
export const X55 = 0x5555555555555555n;

export type Row = [word: number, asm: string, fpcr: number, a: bigint, b: bigint, c: bigint, nzcv: number,
  v0lo: bigint, v0hi: bigint, x0: bigint, fpsr: number, nzcvOut: number];

const hex = (v: bigint) => '0x' + v.toString(16);

/** Runs every row and expects no mismatch; a failure lists each wrong row with what it got and wanted. */
export function check(rows: Row[]): void {
  const m = new TestMachine([0]);
  const bad: string[] = [];
  for (const [word, asm, fpcr, a, b, c, nzcv, lo, hi, x0, fpsr, nzcvOut] of rows) {
    m.load([word]);
    m.cpu.x[I_FPCR] = fpcr;
    m.cpu.x[I_FPSR] = 0;
    m.cpu.nzcv = nzcv << 28;
    [a, b, c].forEach((v, i) => {
      m.setV(i + 1, v);
      m.setX(i + 1, v);
    });
    m.setV(0, (X55 << 64n) | X55);
    m.setX(0, X55);
    m.step();
    const got = [m.v(0) & ((1n << 64n) - 1n), m.v(0) >> 64n, m.x(0), BigInt(m.cpu.x[I_FPSR]! >>> 0), BigInt(m.cpu.nzcv >>> 28)];
    const want = [lo, hi, x0, BigInt(fpsr), BigInt(nzcvOut)];
    if (got.some((g, i) => g !== want[i]))
      bad.push(`${asm} fpcr=${hex(BigInt(fpcr))} in=${[a, b, c].map(hex)} nzcv=${nzcv}: got ${got.map(hex)} want ${want.map(hex)}`);
  }
  expect(bad).toEqual([]);
}
