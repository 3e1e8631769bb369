import type { TableLine } from './encoding.js';

export const fp: TableLine[] = [];
