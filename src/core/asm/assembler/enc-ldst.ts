/** Encoders: ldst (being written). */
import type { FormTable } from './encode.js';

export const ldstForms: FormTable = {};
