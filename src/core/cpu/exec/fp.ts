import type { Op } from '../op.js';

export const fpHandlers: Record<string, (...a: number[]) => Op | null> = {};
