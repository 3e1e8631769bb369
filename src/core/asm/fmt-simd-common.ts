/** Advanced SIMD operand spelling shared by the SIMD formatters: arrangements, lanes, register lists. */

/** Arrangement by size:Q (size 3, Q 0 is `1d`) */
const ARR = ['8b', '16b', '4h', '8h', '2s', '4s', '1d', '2d'] as const;
export const arr = (size: number, q: number): string => ARR[size * 2 + q]!;

/** Element letter by size */
export const elem = (size: number): string => 'bhsdq'[size]!;

/** `v3.4s` */
export const vt = (n: number, t: string): string => `v${n}.${t}`;

/** A scalar SIMD&FP register: `s3` */
export const sreg = (size: number, n: number): string => `${elem(size)}${n}`;

/** FP arrangement by sz:Q (sz 1, Q 0 has none) */
export const fpArr = (sz: number, q: number): string | null => (sz ? (q ? '2d' : null) : q ? '4s' : '2s');

/** Half-precision arrangement by Q */
export const hArr = (q: number): string => (q ? '8h' : '4h');

/**
 * `{v0.16b, v1.16b}`, or `{v0.16b-v3.16b}` for three or four registers that do not wrap past v31
 * (objdump's spelling).
 */
export function regList(first: number, count: number, suffix: string): string {
  const last = (first + count - 1) & 31;
  if (count > 2 && last > first) return `{v${first}.${suffix}-v${last}.${suffix}}`;
  const regs: string[] = [];
  for (let i = 0; i < count; i++) regs.push(`v${(first + i) & 31}.${suffix}`);
  return `{${regs.join(', ')}}`;
}

/** The element size and index of a DUP/INS/UMOV/SMOV imm5 (lowest set bit), or null when imm5<3:0> = 0 */
export function imm5Lane(imm5: number): { size: number; index: number } | null {
  if ((imm5 & 15) === 0) return null;
  const size = 31 - Math.clz32(imm5 & -imm5);
  return { size, index: imm5 >> (size + 1) };
}

/** Shift-by-immediate element size from immh (highest set bit), or -1 for 0 */
export const immhSize = (immh: number): number => (immh === 0 ? -1 : 31 - Math.clz32(immh));
