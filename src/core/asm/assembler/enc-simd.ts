/** Encoders: simd (being written). */
import type { FormTable } from './encode.js';

export const simdForms: FormTable = {};
