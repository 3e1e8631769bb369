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

/** N and Z from a 32-bit result held in local `r`; C and V cleared (logical ops with S). */
export const logicFlags32Source = `x[${I_N}] = r >>> 31; x[${I_Z}] = ((r | -r) >>> 31) ^ 1; x[${I_C}] = 0; x[${I_V}] = 0;`;

/** Wm shifted by the constant `a` (0..31) as an int32 expression; shift is LSL, LSR, ASR or ROR (0..3). */
export function shift32Source(m: number, shift: number, a: number): string {
  const v = `x[${m}]`;
  if (a === 0) return v;
  switch (shift) {
    case 0:
      return `(${v} << ${a})`;
    case 1:
      return `(${v} >>> ${a})`;
    case 2:
      return `(${v} >> ${a})`;
    default:
      return `((${v} >>> ${a}) | (${v} << ${32 - a}))`;
  }
}

/** The 4-bit NZCV index into a 16-entry condition truth table (dp-reg-cond's conditionTable). */
export const nzcvIndexSource = `((x[${I_N}] << 3) | (x[${I_Z}] << 2) | (x[${I_C}] << 1) | x[${I_V}])`;
