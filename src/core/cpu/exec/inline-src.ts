/** Builders of inline JavaScript sources for common operand shapes (see op.ts `withSource`). */
import { I_C, I_N, I_V, I_Z } from '../layout.js';

/** Xm LSL #a as [low-word, high-word] expressions over x (a in 0..63). */
export function lsl64Source(m: number, a: number): [string, string] {
  if (a === 0) return [`x[${m}]`, `x[${m + 1}]`];
  if (a < 32) return [`(x[${m}] << ${a})`, `((x[${m + 1}] << ${a}) | (x[${m}] >>> ${32 - a}))`];
  if (a === 32) return ['0', `x[${m}]`];
  return ['0', `(x[${m}] << ${a - 32})`];
}

/** N and Z from a 64-bit result held in locals `lo`, `hi`; C and V cleared (logical ops with S). */
export const logicFlags64Source = `{const any = lo | hi; x[${I_N}] = hi >>> 31; x[${I_Z}] = ((any | -any) >>> 31) ^ 1; x[${I_C}] = 0; x[${I_V}] = 0;}`;

/** The 4-bit NZCV index into a 16-entry condition truth table (dp-reg-cond's conditionTable). */
export const nzcvIndexSource = `((x[${I_N}] << 3) | (x[${I_Z}] << 2) | (x[${I_C}] << 1) | x[${I_V}])`;
