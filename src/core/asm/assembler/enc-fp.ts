/** Encoders: fp (being written). */
import type { FormTable } from './encode.js';

export const fpForms: FormTable = {};
