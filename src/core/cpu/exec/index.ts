/** All instruction handlers by encoding name (the table's first column). */
import type { Handler } from '../decode/encoding.js';
import { branchHandlers } from './branch.js';
import { dpImmHandlers } from './dp-imm.js';
import { dpRegHandlers } from './dp-reg.js';
import { flagmHandlers } from './flagm.js';
import { fpHandlers } from './fp.js';
import { ldstHandlers } from './ldst.js';
import { simdHandlers } from './simd.js';
import { systemHandlers } from './system.js';

export const handlers: Record<string, Handler> = {
  ...(dpImmHandlers as unknown as Record<string, Handler>),
  ...(branchHandlers as unknown as Record<string, Handler>),
  ...(systemHandlers as unknown as Record<string, Handler>),
  ...(flagmHandlers as unknown as Record<string, Handler>),
  ...(dpRegHandlers as Record<string, Handler>),
  ...(ldstHandlers as Record<string, Handler>),
  ...(fpHandlers as Record<string, Handler>),
  ...(simdHandlers as Record<string, Handler>),
};
