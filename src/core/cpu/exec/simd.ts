import type { Op } from '../op.js';

export const simdHandlers: Record<string, (...a: number[]) => Op | null> = {};
