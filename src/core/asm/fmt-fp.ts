import type { Formatters } from './format.js';

export const fpFormatters: Formatters = {};
