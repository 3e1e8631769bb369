import type { TableLine } from './encoding.js';

export const dpReg: TableLine[] = [];
