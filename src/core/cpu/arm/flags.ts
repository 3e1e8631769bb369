/** AddWithCarry on int32 halves, writing the result and optionally NZCV into the state words. */
import { I_C, I_N, I_V, I_Z } from '../layout.js';

/** 64-bit a + b + cin into x[d], x[d+1]; sets NZCV when `setFlags`. Reads all inputs first. */
export function addWithCarry64(
  x: Int32Array,
  d: number,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
  cin: number,
  setFlags: boolean,
): void {
  // int32 arithmetic only, carries by the bit formula (no float compares, no branches)
  const lo = (alo + blo + cin) | 0;
  const c0 = ((alo & blo) | ((alo | blo) & ~lo)) >>> 31;
  const hi = (ahi + bhi + c0) | 0;
  x[d] = lo;
  x[d + 1] = hi;
  if (setFlags) {
    const any = lo | hi;
    x[I_N] = hi >>> 31;
    x[I_Z] = ((any | -any) >>> 31) ^ 1;
    x[I_C] = ((ahi & bhi) | ((ahi | bhi) & ~hi)) >>> 31;
    x[I_V] = ((ahi ^ hi) & (bhi ^ hi)) >>> 31;
  }
}

/** 32-bit a + b + cin into x[d] (upper word zeroed); sets NZCV when `setFlags`. */
export function addWithCarry32(
  x: Int32Array,
  d: number,
  a: number,
  b: number,
  cin: number,
  setFlags: boolean,
): void {
  const r = (a + b + cin) | 0;
  x[d] = r;
  x[d + 1] = 0;
  if (setFlags) {
    x[I_N] = r >>> 31;
    x[I_Z] = ((r | -r) >>> 31) ^ 1;
    x[I_C] = ((a & b) | ((a | b) & ~r)) >>> 31;
    x[I_V] = ((a ^ r) & (b ^ r)) >>> 31;
  }
}

/** Sets N and Z from a 64-bit result and clears C and V (logical ops with S). */
export function logicFlags64(x: Int32Array, lo: number, hi: number): void {
  const any = lo | hi;
  x[I_N] = hi >>> 31;
  x[I_Z] = ((any | -any) >>> 31) ^ 1;
  x[I_C] = 0;
  x[I_V] = 0;
}

export function logicFlags32(x: Int32Array, r: number): void {
  x[I_N] = r >>> 31;
  x[I_Z] = ((r | -r) >>> 31) ^ 1;
  x[I_C] = 0;
  x[I_V] = 0;
}

/** ConditionHolds for cond 0..15 against the flag words. */
export function conditionHolds(x: Int32Array, cond: number): boolean {
  let r: boolean;
  switch (cond >> 1) {
    case 0: r = x[I_Z] === 1; break; // EQ
    case 1: r = x[I_C] === 1; break; // CS
    case 2: r = x[I_N] === 1; break; // MI
    case 3: r = x[I_V] === 1; break; // VS
    case 4: r = x[I_C] === 1 && x[I_Z] === 0; break; // HI
    case 5: r = x[I_N] === x[I_V]; break; // GE
    case 6: r = x[I_N] === x[I_V] && x[I_Z] === 0; break; // GT
    default: r = true; // AL
  }
  return (cond & 1) === 1 && cond !== 15 ? !r : r;
}

/** One specialised test per condition, so a decoded B.cond/CSEL calls a tiny monomorphic function. */
export const conditionTests: readonly ((x: Int32Array) => boolean)[] = [
  (x) => x[I_Z] === 1,
  (x) => x[I_Z] === 0,
  (x) => x[I_C] === 1,
  (x) => x[I_C] === 0,
  (x) => x[I_N] === 1,
  (x) => x[I_N] === 0,
  (x) => x[I_V] === 1,
  (x) => x[I_V] === 0,
  (x) => x[I_C] === 1 && x[I_Z] === 0,
  (x) => !(x[I_C] === 1 && x[I_Z] === 0),
  (x) => x[I_N] === x[I_V],
  (x) => x[I_N] !== x[I_V],
  (x) => x[I_N] === x[I_V] && x[I_Z] === 0,
  (x) => !(x[I_N] === x[I_V] && x[I_Z] === 0),
  () => true,
  () => true,
];

/** conditionTests as JavaScript expressions over `x`, for inline sources (see op.ts). */
export const conditionSources: readonly string[] = (() => {
  const eq = (i: number, v: number) => `x[${i}] === ${v}`;
  const hi = `(x[${I_C}] === 1 && x[${I_Z}] === 0)`;
  const ge = `x[${I_N}] === x[${I_V}]`;
  const gt = `(x[${I_N}] === x[${I_V}] && x[${I_Z}] === 0)`;
  return [
    eq(I_Z, 1), eq(I_Z, 0), eq(I_C, 1), eq(I_C, 0), eq(I_N, 1), eq(I_N, 0), eq(I_V, 1), eq(I_V, 0),
    hi, `!${hi}`, ge, `x[${I_N}] !== x[${I_V}]`, gt, `!${gt}`, 'true', 'true',
  ];
})();

/**
 * addWithCarry64 as inline source: operands are JavaScript expressions (evaluated once, before the
 * destination is written), the result goes to x[d], x[d+1].
 */
export function addWithCarry64Source(d: number, alo: string, ahi: string, blo: string, bhi: string, cin: string, setFlags: boolean): string {
  let s = `{const alo = ${alo}, ahi = ${ahi}, blo = ${blo}, bhi = ${bhi};`;
  s += `const lo = (alo + blo + ${cin}) | 0;`;
  s += 'const c0 = ((alo & blo) | ((alo | blo) & ~lo)) >>> 31;';
  s += 'const hi = (ahi + bhi + c0) | 0;';
  s += `x[${d}] = lo; x[${d + 1}] = hi;`;
  if (setFlags) {
    s += 'const any = lo | hi;';
    s += `x[${I_N}] = hi >>> 31; x[${I_Z}] = ((any | -any) >>> 31) ^ 1;`;
    s += `x[${I_C}] = ((ahi & bhi) | ((ahi | bhi) & ~hi)) >>> 31; x[${I_V}] = ((ahi ^ hi) & (bhi ^ hi)) >>> 31;`;
  }
  return s + '}';
}

/** addWithCarry32 as inline source (see addWithCarry64Source). */
export function addWithCarry32Source(d: number, a: string, b: string, cin: string, setFlags: boolean): string {
  let s = `{const a = ${a}, b = ${b}; const r = (a + b + ${cin}) | 0; x[${d}] = r; x[${d + 1}] = 0;`;
  if (setFlags) {
    s += `x[${I_N}] = r >>> 31; x[${I_Z}] = ((r | -r) >>> 31) ^ 1;`;
    s += `x[${I_C}] = ((a & b) | ((a | b) & ~r)) >>> 31; x[${I_V}] = ((a ^ r) & (b ^ r)) >>> 31;`;
  }
  return s + '}';
}
