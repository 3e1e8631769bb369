/** Encoders: dp-reg (being written). */
import type { FormTable } from './encode.js';

export const dpRegForms: FormTable = {};
