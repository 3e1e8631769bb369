import type { Op } from '../op.js';

export const dpRegHandlers: Record<string, (...a: number[]) => Op | null> = {};
