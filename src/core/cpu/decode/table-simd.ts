import type { TableLine } from './encoding.js';

export const simd: TableLine[] = [];
