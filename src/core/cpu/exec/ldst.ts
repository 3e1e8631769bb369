import type { Op } from '../op.js';

export const ldstHandlers: Record<string, (...a: number[]) => Op | null> = {};
