/**
 * The runner of the per-instruction tests written by tests/tools/state-gen/gen.py: each case gives its
 * own input state (V0-V7, X0-X7, NZCV, FPCR; everything else zero) and the changes qemu-aarch64 made
 * (registers that differ from the input, NZCV, FPSR's cumulative bits and QC).
 */
import { describe, expect, it } from 'vitest';
import { I_FPCR, I_FPSR } from '../../src/core/cpu/layout.js';
import { CODE, TestMachine } from './machine.js';

export interface StateIn {
  fpcr?: number;
  /** N:Z:C:V as a 4-bit number */
  nzcv?: number;
  v?: Record<number, bigint>;
  x?: Record<number, bigint>;
}
export interface StateOut {
  nzcv: number;
  fpsr?: number;
  v?: Record<number, bigint>;
  x?: Record<number, bigint>;
}
/** [word, assembly, input state, expected changes] */
export type StateCase = [word: number, asm: string, input: StateIn, out: StateOut];

const m = new TestMachine([]);

function run(word: number, input: StateIn, out: StateOut): void {
  m.load([word]);
  for (let i = 0; i < 32; i++) m.setV(i, input.v?.[i] ?? 0n);
  for (let i = 0; i < 31; i++) m.setX(i, input.x?.[i] ?? 0n);
  m.cpu.x[I_FPCR] = input.fpcr ?? 0;
  m.cpu.x[I_FPSR] = 0;
  m.cpu.nzcv = ((input.nzcv ?? 0) << 28) >>> 0;
  expect(m.step()).toBe(1);
  expect(m.pc, 'pc').toBe(CODE + 4);
  for (let i = 0; i < 8; i++) expect(m.v(i), `v${i}`).toBe(out.v?.[i] ?? input.v?.[i] ?? 0n);
  for (let i = 0; i < 8; i++) expect(m.x(i), `x${i}`).toBe(out.x?.[i] ?? input.x?.[i] ?? 0n);
  expect(m.cpu.nzcv >>> 28, 'NZCV').toBe(out.nzcv);
  expect(m.cpu.x[I_FPSR]! & 0x0800009f, 'FPSR').toBe(out.fpsr ?? 0);
}

/** One test per case. */
export function describeStateCases(title: string, cases: StateCase[]): void {
  describe(title, () => {
    for (const [word, asm, input, out] of cases) it(`${asm} (${word.toString(16)})`, () => run(word, input, out));
  });
}
