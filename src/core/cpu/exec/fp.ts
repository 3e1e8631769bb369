/** Scalar floating-point handlers (Arm ARM C4.1.96, the scalar FP part of "Data Processing -- Scalar
 * Floating-Point and Advanced SIMD"), merged from one module per group. */
import type { Op } from '../op.js';
import { fpArithHandlers } from './fp-arith.js';
import { fpCmpHandlers } from './fp-cmp.js';
import { fpCvtHandlers } from './fp-cvt.js';
import { fpFrintTsHandlers } from './fp-frintts.js';

export const fpHandlers: Record<string, (...a: number[]) => Op | null> = {
  ...(fpArithHandlers as Record<string, (...a: number[]) => Op | null>),
  ...(fpCmpHandlers as Record<string, (...a: number[]) => Op | null>),
  ...(fpCvtHandlers as Record<string, (...a: number[]) => Op | null>),
  ...(fpFrintTsHandlers as Record<string, (...a: number[]) => Op | null>),
};
