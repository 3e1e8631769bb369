/** Encoders: Advanced SIMD arithmetic (being written). */
import type { FormTable } from './encode.js';

export const simdArithForms: FormTable = {};
