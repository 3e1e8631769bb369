import type { TableLine } from './encoding.js';

export const ldst: TableLine[] = [];
