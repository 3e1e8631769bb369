/** Loads and stores: the handlers of every encoding in decode/table-ldst.ts, by family. */
import type { Op } from '../op.js';
import { ldstAtomicHandlers } from './ldst-atomic.js';
import { ldstExclHandlers } from './ldst-excl.js';
import { ldstPairHandlers } from './ldst-pair.js';
import { ldstSingleHandlers } from './ldst-single.js';

export const ldstHandlers: Record<string, (...a: number[]) => Op | null> = {
  ...ldstSingleHandlers,
  ...ldstPairHandlers,
  ...ldstExclHandlers,
  ...ldstAtomicHandlers,
};
