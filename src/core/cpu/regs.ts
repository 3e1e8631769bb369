/**
 * Register 31 means the zero register or the stack pointer depending on the encoding. Handlers
 * turn a register field into an int32 index into `Cpu.x` at decode time, through one of these,
 * so the choice is visible at the call and costs nothing at run time.
 */
import { SLOT_DISCARD, SLOT_SP, V_BASE } from './layout.js';

/** Index of Xn for reading, where 31 is XZR (slot 31 always holds zero). */
export const xr = (n: number): number => n * 2;
/** Index of Xn for writing, where 31 is XZR (writes go to a slot nobody reads). */
export const xw = (n: number): number => (n === 31 ? SLOT_DISCARD * 2 : n * 2);
/** Index of Xn or SP (31 is SP), for reading or writing. */
export const xsp = (n: number): number => (n === 31 ? SLOT_SP * 2 : n * 2);
/** Byte offset of Vn inside the state block. */
export const vb = (n: number): number => V_BASE + n * 16;
