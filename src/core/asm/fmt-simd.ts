import type { Formatters } from './format.js';

export const simdFormatters: Formatters = {};
